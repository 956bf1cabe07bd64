// The "?" list of the keyboard shortcuts that work on the view (its own chunk: most readers never open it).
import { useEffect, useRef } from 'react';
import { Button } from './button';
import './shortcuts-dialog.css';

/** The shortcuts of the list on screen, if any: `canExpand` when its items expand (s). */
export type ListShortcuts = { canExpand: boolean } | null;

interface Shortcut {
  keys: string[];
  what: string;
  /** Only where a list is read from the keyboard; 'expands' only where its items expand. */
  needs?: 'list' | 'expands';
}

const SHORTCUTS: readonly Shortcut[] = [
  { keys: ['j'], what: 'Next story', needs: 'list' },
  { keys: ['k'], what: 'Previous story', needs: 'list' },
  { keys: ['o', 'Enter'], what: 'Open the story', needs: 'list' },
  { keys: ['s'], what: 'Show more or less of the story', needs: 'expands' },
  { keys: ['m'], what: 'Mark the story read or unread', needs: 'list' },
  { keys: ['b'], what: 'Save the story for later, or unsave it', needs: 'list' },
  { keys: ['/'], what: 'Search' },
  { keys: ['?'], what: 'This list of shortcuts' },
];

const worksWith =
  (list: ListShortcuts) =>
  ({ needs }: Shortcut): boolean =>
    !needs || (list !== null && (needs === 'list' || list.canExpand));

export default function ShortcutsDialog({ list, onClose }: { list: ListShortcuts; onClose: () => void }) {
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
          {SHORTCUTS.filter(worksWith(list)).map(({ keys, what }) => (
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
