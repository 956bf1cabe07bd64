// The keyboard shortcuts of a list. Their code loads after the list has painted (the first screen does not need it),
// but keys pressed before it arrived are not lost: they are noted here and played when it has.
import { Suspense, useCallback, useEffect, useRef } from 'react';
import { isShortcutEvent } from '@/lib/keyboard';
import { lazyWithRetry } from '@/lib/lazy-with-retry';
import { ErrorBoundary } from './error-boundary';
import type { ListKeyboardProps } from './list-keyboard-handler';
import { useListShortcutsListed } from './shortcuts-help';
import { useOpenedStoryFocus } from './use-opened-story-focus';

const Handler = lazyWithRetry(() => import('./list-keyboard-handler'));

/** The handler's single keys that are noted until it has loaded (Enter does what it does where focus is). */
const EARLY_KEYS = new Set(['j', 'k', 'o', 's', 'm', 'b']);

/** j/k, o/Enter, s, m and b for the stories in `listRef` (see list-keyboard-handler.tsx). */
export function ListKeyboard(props: Omit<ListKeyboardProps, 'takeEarlyKeys'>) {
  useListShortcutsListed(props.canExpand ?? false);
  useOpenedStoryFocus(props.listRef);
  const early = useRef<string[] | null>([]);
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!early.current || !EARLY_KEYS.has(event.key) || !isShortcutEvent(event)) return;
      early.current.push(event.key);
      event.preventDefault();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
  const takeEarlyKeys = useCallback(() => {
    const keys = early.current ?? [];
    early.current = null;
    return keys;
  }, []);
  // Without its code (offline on a first visit, say) the list simply has no shortcuts.
  return (
    <ErrorBoundary fallback={() => null}>
      <Suspense fallback={null}>
        <Handler {...props} takeEarlyKeys={takeEarlyKeys} />
      </Suspense>
    </ErrorBoundary>
  );
}
