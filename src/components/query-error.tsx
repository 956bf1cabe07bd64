import { ApiError } from '@/api/http';

/** What failed, in words, with a way to try again. */
export function QueryError({ what, error, onRetry }: { what: string; error: unknown; onRetry: () => void }) {
  const detail = error instanceof ApiError || error instanceof Error ? error.message : 'Unknown error.';
  return (
    <div className="query-error" role="alert">
      <p>
        <strong>{what}</strong> {detail}
      </p>
      <button type="button" className="button" onClick={onRetry}>
        Try again
      </button>
    </div>
  );
}
