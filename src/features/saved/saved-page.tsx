import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
import { savedArticleQueries, type SavedCopy } from '@/api/saved-articles';
import { ItemSkeletons } from '@/components/item-skeletons';
import { QueryError } from '@/components/query-error';
import { describeSavedCopyFailure, removeSavedArticle, restoreSavedArticle } from '@/components/saved-article-actions';
import { usePrefetchRoute } from '@/lib/route-prefetch';
import { useDocumentTitle } from '@/lib/use-document-title';
import { newestSavedFirst, useSavedArticlesStore } from '@/stores/saved-articles-store';
import { SavedItem, savedItemId } from './saved-item';
import { UndoBar, type Removal } from './undo-bar';
import '@/components/news-item.css';
import './saved.css';

/** /saved — the articles the reader saved, newest saved first, read from the device (no network needed). */
export default function SavedPage() {
  useDocumentTitle('Saved');
  const queryClient = useQueryClient();
  const savedAt = useSavedArticlesStore((state) => state.savedAt);
  const ids = useMemo(() => newestSavedFirst(savedAt), [savedAt]);
  // The previous list stays while the next is read, so removing or restoring an item never flashes a skeleton.
  const copies = useQuery({ ...savedArticleQueries.copies(ids), placeholderData: keepPreviousData });
  const [removal, setRemoval] = useState<Removal | null>(null);
  const [focusAfter, setFocusAfter] = useState<string | null>(null);
  const undoButton = useRef<HTMLButtonElement>(null);

  // Saved articles are for reading without a network: have the article view's code ready while there is one.
  const prefetchRoute = usePrefetchRoute();
  const firstId = ids[0];
  useEffect(() => {
    if (firstId) prefetchRoute(`/news/${firstId}`);
  }, [firstId, prefetchRoute]);

  const copyById = useMemo(() => {
    const byId = new Map<string, SavedCopy>();
    for (const copy of copies.data ?? []) if (copy) byId.set(copy.article.id, copy);
    return byId;
  }, [copies.data]);

  // Focus follows the change: to "Undo" after a removal, to the article put back after an undo.
  useEffect(() => {
    if (!focusAfter) return;
    const target =
      focusAfter === 'undo'
        ? undoButton.current
        : document.getElementById(savedItemId(focusAfter))?.querySelector<HTMLElement>('a');
    if (target) {
      target.focus();
      setFocusAfter(null);
    }
  }, [focusAfter, ids, copyById]);

  const remove = (id: string) => {
    const copy = copyById.get(id) ?? null;
    setRemoval({ id, title: copy?.article.title ?? null, copy, savedAt: savedAt[id] ?? Date.now(), error: null });
    removeSavedArticle(queryClient, id);
    setFocusAfter('undo');
  };

  const undo = async () => {
    if (!removal) return;
    try {
      if (removal.copy) await restoreSavedArticle(queryClient, removal.copy);
      else useSavedArticlesStore.getState().markSaved(removal.id, removal.savedAt);
      setFocusAfter(removal.id);
      setRemoval(null);
    } catch (failure) {
      setRemoval({ ...removal, error: `Could not put it back. ${describeSavedCopyFailure(failure)}` });
    }
  };

  return (
    <section className="saved-page" aria-labelledby="saved-title">
      <h1 id="saved-title">Saved</h1>
      {ids.length === 0 ? (
        <div className="empty-state">
          <p>Nothing saved yet.</p>
          <p>
            Press “Save” on any article to keep it on this device: it then opens here, even without a network.{' '}
            <Link to="/">Go to All news</Link>
          </p>
        </div>
      ) : (
        <>
          <p className="saved-page__intro">
            {ids.length === 1 ? '1 article' : `${ids.length} articles`} kept on this device, newest saved first. They
            open without a network.
          </p>
          {copies.isError ? (
            <QueryError
              what="The saved articles could not be read from this device."
              error={copies.error}
              message={describeSavedCopyFailure(copies.error)}
              onRetry={() => void copies.refetch()}
            />
          ) : copies.isPending ? (
            <div aria-busy="true" aria-label="Loading saved articles">
              <ItemSkeletons count={Math.min(ids.length, 5)} itemClassName="news-item" />
            </div>
          ) : (
            <ul className="saved-list" aria-label="Saved articles">
              {ids.map((id) => (
                <SavedItem key={id} id={id} copy={copyById.get(id) ?? null} savedAt={savedAt[id]!} onRemove={remove} />
              ))}
            </ul>
          )}
        </>
      )}
      <UndoBar removal={removal} onUndo={undo} buttonRef={undoButton} />
    </section>
  );
}
