import type { Ref } from 'react';
import type { SavedCopy } from '@/api/saved-articles';
import { Button } from '@/components/button';

/** The article just removed, kept in memory so "Undo" can put it back exactly as it was. */
export interface Removal {
  id: string;
  title: string | null;
  copy: SavedCopy | null;
  savedAt: number;
  error: string | null;
}

/** "Removed “…”. Undo": stays until the next removal or until the reader leaves the view (no timer to race). */
export function UndoBar({
  removal,
  onUndo,
  buttonRef,
}: {
  removal: Removal | null;
  onUndo: () => void;
  buttonRef: Ref<HTMLButtonElement>;
}) {
  return (
    <div role="status" className={removal ? 'undo-bar undo-bar--shown' : 'undo-bar'}>
      {removal && (
        <>
          <p className="undo-bar__text">
            Removed {removal.title ? `“${removal.title}”` : 'the article'}.
            {removal.error && <span className="undo-bar__error"> {removal.error}</span>}
          </p>
          <Button ref={buttonRef} onClick={onUndo}>
            Undo
          </Button>
        </>
      )}
    </div>
  );
}
