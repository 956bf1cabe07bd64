import { ApiError } from '@/api/http';
import { Button } from './button';
import './query-error.css';

/** Browsers word it differently: "Failed to fetch dynamically imported module", "error loading dynamically imported
 * module", "Importing a module script failed". */
const isCodeDownloadError = (error: Error) => /dynamically imported module|module script failed/i.test(error.message);

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
  if (error instanceof Error && isCodeDownloadError(error)) {
    return 'Part of the app could not be downloaded. Check your connection, then try again.';
  }
  return 'Something unexpected went wrong. Try again; if it keeps happening, reload the page.';
}

/** What failed, in words, with a way to try again. */
export function QueryError({ what, error, onRetry }: { what: string; error: unknown; onRetry: () => void }) {
  return (
    <div className="query-error" role="alert">
      <p>
        <strong>{what}</strong> {readableMessage(error)}
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
