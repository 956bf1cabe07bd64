import { Component, type ReactNode } from 'react';
import { retryFailedDownloads } from '@/lib/lazy-with-retry';
import { Button } from './button';
import { QueryError, readableMessage } from './query-error';

interface Props {
  children: ReactNode;
  fallback?: (error: Error, reset: () => void) => ReactNode;
}

interface State {
  error: Error | null;
}

/** Shows a fallback instead of a part that failed; `reset` renders it again (its code downloaded afresh if need be). */
export class ErrorBoundary extends Component<Props, State> {
  state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  reset = () => {
    retryFailedDownloads();
    this.setState({ error: null });
  };

  render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    if (this.props.fallback) return this.props.fallback(error, this.reset);
    return (
      <section className="message-page" role="alert">
        <h1>This view failed to load</h1>
        <p>{readableMessage(error)}</p>
        <Button onClick={this.reset}>Try again</Button>
      </section>
    );
  }
}

/** A boundary around one part of a view (the full text, the converter box...): the rest of the view stays. */
export function PartBoundary({ what, children }: { what: string; children: ReactNode }) {
  return (
    <ErrorBoundary fallback={(error, reset) => <QueryError what={what} error={error} onRetry={reset} />}>
      {children}
    </ErrorBoundary>
  );
}
