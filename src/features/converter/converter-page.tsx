import { useDocumentTitle } from '@/lib/use-document-title';

export default function ConverterPage() {
  useDocumentTitle('Currency converter');
  return (
    <section className="message-page">
      <h1>Currency converter</h1>
      <p>Coming soon.</p>
    </section>
  );
}
