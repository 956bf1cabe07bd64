// Server rendering (src/server/render-page.tsx) and hydration must produce the same HTML, so anything only the
// browser knows (its share sheet, a lighter first render) waits until the page is the browser's own.
import { useSyncExternalStore } from 'react';

const neverChanges = () => () => {};

/** False while the server renders and while the browser hydrates that HTML; true afterwards and in a page rendered
 * by the browser alone. */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    neverChanges,
    () => true,
    () => false,
  );
}
