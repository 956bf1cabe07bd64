// The "?" list of keyboard shortcuts (its own chunk: most readers never open it).
import { useEffect, useRef } from 'react';
import { Button } from './button';
import './shortcuts-dialog.css';

const SHORTCUTS: ReadonlyArray<{ keys: string[]; what: string; expands?: boolean }> = [
  { keys: ['j'], what: 'Next story' },
  { keys: ['k'], what: 'Previous story' },
  { keys: ['o', 'Enter'], what: 'Open the story' },
  { keys: ['s'], what: 'Show more or less of the story', expands: true },
  { keys: ['m'], what: 'Mark the story read or unread' },
  { keys: ['b'], what: 'Save the story for later, or unsave it' },
  { keys: ['/'], what: 'Search' },
  { keys: ['?'], what: 'This list of shortcuts' },
];

export default function ShortcutsDialog({ canExpand, onClose }: { canExpand: boolean; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    const returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    // A modal dialog where the browser has one (focus stays inside, Escape closes it); else an open one.
    if (typeof element.showModal === 'function') element.showModal();
    else element.setAttribute('open', '');
    element.querySelector<HTMLElement>('button')?.focus();
    return () => returnTo?.focus({ preventScroll: true });
  }, []);
  return (
    <dialog
      ref={dialog}
      className="shortcuts-dialog"
      aria-labelledby="shortcuts-title"
      onClose={onClose}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onClose();
        }
      }}
    >
      <h2 id="shortcuts-title">Keyboard shortcuts</h2>
      <table>
        <tbody>
          {SHORTCUTS.filter((s) => canExpand || !s.expands).map(({ keys, what }) => (
            <tr key={what}>
              <th scope="row">
                {keys.map((key, i) => (
                  <span key={key}>
                    {i > 0 && ' or '}
                    <kbd>{key}</kbd>
                  </span>
                ))}
              </th>
              <td>{what}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="shortcuts-dialog__note">Shortcuts do nothing while you type in a box.</p>
      <Button onClick={onClose}>Close</Button>
    </dialog>
  );
}
