import { ErrorBoundary } from '@/components/error-boundary';

/** Last line of defence: whatever breaks, the reader sees a message and a way back, never a blank page. */
export function RootErrorBoundary({ children }: { children: React.ReactNode }) {
  return (
    <ErrorBoundary
      fallback={(error) => (
        <section className="message-page" role="alert">
          <h1>Something went wrong</h1>
          <p>The page could not be shown: {error.message}</p>
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
