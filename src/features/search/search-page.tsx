import { useDocumentTitle } from '@/lib/use-document-title';

export default function SearchPage() {
  useDocumentTitle('News Search');
  return (
    <section className="message-page">
      <h1>News Search</h1>
      <p>Coming soon.</p>
    </section>
  );
}
