import { ErrorBoundary } from '@/components/error-boundary';

/** Last line of defence: whatever breaks, the reader sees a message and a way back, never a blank page. */
export function RootErrorBoundary({ children }: { children: React.ReactNode }) {
  return (
    <ErrorBoundary
      fallback={(error) => (
        <section className="message-page" role="alert">
          <h1>Something went wrong</h1>
          <p>The page could not be shown. Reload it to try again; what you chose (filters, saved settings) is kept.</p>
          <details>
            <summary>Details for a bug report</summary>
            <pre className="message-page__details">{error.message}</pre>
          </details>
          <p>
            <a href="/">Reload the news</a>
          </p>
        </section>
      )}
    >
      {children}
    </ErrorBoundary>
  );
}
