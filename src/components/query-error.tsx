import { ApiError } from '@/api/http';
import { CODE_DOWNLOAD_FAILED, isCodeDownloadError } from '@/lib/lazy-with-retry';
import { Button } from './button';
import './query-error.css';

/** What an HTTP error means to a reader, and what to do. The server's own text is for developers (it may be raw or
 * technical), so it is never shown. */
function httpMessage(status: number | undefined): string {
  if (status === 404) return 'It was not found: it may have been removed, or the address may be mistyped.';
  if (status === 429) return 'The news service is busy with too many requests. Wait a moment, then try again.';
  if (status !== undefined && status >= 500) {
    return 'The news service has a problem on its side. Try again in a minute.';
  }
  return 'The news service did not accept the request. Reload the page, then try again.';
}

/** What went wrong, in plain words a reader can act on. */
export function readableMessage(error: unknown): string {
  if (error instanceof ApiError) {
    // Network and data-shape messages are written by the app for readers already.
    return error.kind === 'http' ? httpMessage(error.status) : error.message;
  }
  if (isCodeDownloadError(error)) return CODE_DOWNLOAD_FAILED;
  return 'Something unexpected went wrong. Try again; if it keeps happening, reload the page.';
}

/** What failed, in words, with a way to try again. `message` says why when the caller knows better than
 * readableMessage (e.g. storage errors). */
export function QueryError({
  what,
  error,
  message,
  onRetry,
}: {
  what: string;
  error: unknown;
  message?: string;
  onRetry: () => void;
}) {
  return (
    <div className="query-error" role="alert">
      <p>
        <strong>{what}</strong> {message ?? readableMessage(error)}
      </p>
      {error instanceof ApiError && error.detail && (
        <details className="query-error__details">
          <summary>Details</summary>
          {error.detail}
        </details>
      )}
      <Button onClick={onRetry}>Try again</Button>
    </div>
  );
}
