// "?" on every view: the list of the keyboard shortcuts that work there. "/" (search) and "?" work everywhere; a list
// read from the keyboard (the feed, search results) adds its own while it is on screen (useListShortcutsListed).
import { createContext, Suspense, useContext, useEffect, useState, type ReactNode } from 'react';
import { isShortcutEvent } from '@/lib/keyboard';
import { lazyWithRetry } from '@/lib/lazy-with-retry';
import { ErrorBoundary } from './error-boundary';
import type { ListShortcuts } from './shortcuts-dialog';

const ShortcutsDialog = lazyWithRetry(() => import('./shortcuts-dialog'));

const ListShortcutsContext = createContext<(list: ListShortcuts) => void>(() => {});

/** Lists a list's shortcuts in the "?" dialog while the calling component is on screen. */
export function useListShortcutsListed(canExpand: boolean): void {
  const setList = useContext(ListShortcutsContext);
  useEffect(() => {
    setList({ canExpand });
    return () => setList(null);
  }, [setList, canExpand]);
}

export function ShortcutsHelp({ children }: { children: ReactNode }) {
  const [list, setList] = useState<ListShortcuts>(null);
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== '?' || !isShortcutEvent(event)) return;
      event.preventDefault();
      setOpen(true);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
  return (
    <ListShortcutsContext.Provider value={setList}>
      {children}
      {open && (
        <ErrorBoundary fallback={() => null}>
          <Suspense fallback={null}>
            <ShortcutsDialog list={list} onClose={() => setOpen(false)} />
          </Suspense>
        </ErrorBoundary>
      )}
    </ListShortcutsContext.Provider>
  );
}
