// A notice whenever the browser is offline, announced when it appears (going offline is rare and matters, so an
// alert). What is on screen stays; requests wait for the network and go out when it is back (TanStack Query pauses
// them), so the reader loses nothing.
import { useOnline } from '@/lib/use-online';
import './offline-notice.css';

export function OfflineNotice() {
  if (useOnline()) return null;
  return (
    <div role="alert" className="offline-notice">
      <p>
        <strong>You are offline.</strong> What is on screen stays; news and searches will load when the connection is
        back.
      </p>
    </div>
  );
}

/** Where content would be while its request waits for the network. */
export function WaitingForNetwork({ what }: { what: string }) {
  return (
    <p className="loading-note waiting-note" role="status">
      Waiting for the network to load {what}…
    </p>
  );
}
