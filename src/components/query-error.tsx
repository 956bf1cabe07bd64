import { Button } from './button';
import './query-error.css';

/** Browsers word it differently: "Failed to fetch dynamically imported module", "error loading dynamically imported
 * module", "Importing a module script failed". */
const isCodeDownloadError = (error: Error) => /dynamically imported module|module script failed/i.test(error.message);

/** What went wrong, in words a reader can act on. */
export function readableMessage(error: unknown): string {
  if (!(error instanceof Error)) return 'Something unexpected happened.';
  if (isCodeDownloadError(error)) {
    return 'Part of the app could not be downloaded. Check your connection, then try again.';
  }
  return error.message;
}

/** What failed, in words, with a way to try again. */
export function QueryError({ what, error, onRetry }: { what: string; error: unknown; onRetry: () => void }) {
  return (
    <div className="query-error" role="alert">
      <p>
        <strong>{what}</strong> {readableMessage(error)}
      </p>
      <Button onClick={onRetry}>Try again</Button>
    </div>
  );
}
