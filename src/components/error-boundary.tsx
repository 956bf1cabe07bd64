import { Component, type ReactNode } from 'react';
import { isCodeDownloadError, retryFailedDownloads } from '@/lib/lazy-with-retry';
import { Button } from './button';
import { QueryError, readableMessage } from './query-error';

interface Props {
  children: ReactNode;
  fallback?: (error: Error, reset: () => void) => ReactNode;
}

interface State {
  error: Error | null;
}

/** Shows a fallback instead of a part that failed; `reset` ("Try again", or the browser back online after a failed
 * download) renders it again, its code downloaded afresh if need be. */
export class ErrorBoundary extends Component<Props, State> {
  state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  reset = () => {
    retryFailedDownloads();
    this.setState({ error: null });
  };

  // Code that could not be downloaded is asked for again as soon as the browser is back online. (A boundary may
  // catch during its own first render, as a view does: then it mounts already showing the error.)
  componentDidMount() {
    this.retryWhenOnline();
  }

  componentDidUpdate() {
    this.retryWhenOnline();
  }

  private retryWhenOnline() {
    if (this.state.error && isCodeDownloadError(this.state.error)) window.addEventListener('online', this.reset);
    else window.removeEventListener('online', this.reset);
  }

  componentWillUnmount() {
    window.removeEventListener('online', this.reset);
  }

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
