// Offers a new version of the app that is ready: politely (a status, never a dialog or a moved focus), until the
// reader takes it or puts it off.
import { Button } from './button';
import './update-bar.css';

interface Props {
  /** A new version is waiting. */
  offered: boolean;
  /** Switch to the new version: the page reloads into it. */
  onReload: () => void;
  onDismiss: () => void;
}

export function UpdateBar({ offered, onReload, onDismiss }: Props) {
  // The live region stays in the page, so the offer is announced when it appears in it.
  return (
    <div role="status" className="update-bar-region">
      {offered && (
        <div className="update-bar">
          <p>A new version is available.</p>
          <Button onClick={onReload}>Reload to update</Button>
          <Button variant="quiet" onClick={onDismiss}>
            Not now
          </Button>
        </div>
      )}
    </div>
  );
}
