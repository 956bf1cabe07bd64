import { Component, type ReactNode } from 'react';
import { Button } from './button';

/** Browsers word it differently: "Failed to fetch dynamically imported module", "error loading dynamically imported
 * module", "Importing a module script failed". */
function isChunkLoadError(error: Error): boolean {
  return /dynamically imported module|module script failed/i.test(error.message);
}

interface Props {
  children: ReactNode;
  fallback?: (error: Error, reset: () => void) => ReactNode;
}

interface State {
  error: Error | null;
}

export class ErrorBoundary extends Component<Props, State> {
  state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  reset = () => this.setState({ error: null });

  render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    if (this.props.fallback) return this.props.fallback(error, this.reset);
    // React.lazy remembers a failed download for good, so only a reload can fetch the view's code again.
    const codeMissing = isChunkLoadError(error);
    return (
      <section className="message-page" role="alert">
        <h1>This view failed to load</h1>
        <p>
          {codeMissing
            ? 'Part of the app could not be downloaded. Check your connection, then reload the page.'
            : error.message}
        </p>
        <Button onClick={codeMissing ? () => window.location.reload() : this.reset}>
          {codeMissing ? 'Reload the page' : 'Try again'}
        </Button>
      </section>
    );
  }
}
