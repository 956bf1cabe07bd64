// The keyboard shortcuts of a list load after the list has painted (the first screen does not need them).
import { Suspense } from 'react';
import { lazyWithRetry } from '@/lib/lazy-with-retry';
import { ErrorBoundary } from './error-boundary';
import type { ListKeyboardProps } from './list-keyboard-handler';

const Handler = lazyWithRetry(() => import('./list-keyboard-handler'));

/** j/k, o/Enter, s, m, b and ? for the stories in `listRef` (see list-keyboard-handler.tsx). */
export function ListKeyboard(props: ListKeyboardProps) {
  // Without its code (offline on a first visit, say) the list simply has no shortcuts.
  return (
    <ErrorBoundary fallback={() => null}>
      <Suspense fallback={null}>
        <Handler {...props} />
      </Suspense>
    </ErrorBoundary>
  );
}
