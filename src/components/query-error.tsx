import { Button } from './button';
import './query-error.css';

/** What failed, in words, with a way to try again. */
export function QueryError({ what, error, onRetry }: { what: string; error: unknown; onRetry: () => void }) {
  const detail = error instanceof Error ? error.message : 'Unknown error.';
  return (
    <div className="query-error" role="alert">
      <p>
        <strong>{what}</strong> {detail}
      </p>
      <Button onClick={onRetry}>Try again</Button>
    </div>
  );
}
