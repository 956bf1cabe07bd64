import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
import { savedArticleQueries, type SavedCopy } from '@/api/saved-articles';
import { ItemSkeletons } from '@/components/item-skeletons';
import { QueryError } from '@/components/query-error';
import { describeSavedCopyFailure, removeSavedArticle, restoreSavedArticle } from '@/components/saved-article-actions';
import { UndoProvider, useOfferUndo } from '@/components/undo-bar';
import { usePrefetchRoute } from '@/lib/route-prefetch';
import { useDocumentTitle } from '@/lib/use-document-title';
import { newestSavedFirst, useSavedArticlesStore } from '@/stores/saved-articles-store';
import { SavedItem, savedItemId } from './saved-item';
import '@/components/news-item.css';
import './saved.css';

/** /saved — the articles the reader saved, newest saved first, read from the device (no network needed). */
export default function SavedPage() {
  useDocumentTitle('Saved');
  return (
    <UndoProvider>
      <SavedList />
    </UndoProvider>
  );
}

/** Where focus goes once the list has changed: an item's link, or the view's heading. */
type FocusTarget = { id: string } | 'heading';

function SavedList() {
  const queryClient = useQueryClient();
  const offerUndo = useOfferUndo();
  const savedAt = useSavedArticlesStore((state) => state.savedAt);
  const ids = useMemo(() => newestSavedFirst(savedAt), [savedAt]);
  // The previous list stays while the next is read, so removing or restoring an item never flashes a skeleton.
  const copies = useQuery({ ...savedArticleQueries.copies(ids), placeholderData: keepPreviousData });
  // Set by an action, used by the render that shows its result.
  const focusTarget = useRef<FocusTarget | null>(null);
  const [restoreError, setRestoreError] = useState<string | null>(null);

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

  useEffect(() => {
    const wanted = focusTarget.current;
    if (!wanted) return;
    const target =
      wanted === 'heading'
        ? document.getElementById('saved-title')
        : document.getElementById(savedItemId(wanted.id))?.querySelector('a');
    if (target) {
      target.focus();
      focusTarget.current = null;
    }
  });

  const remove = (id: string) => {
    const copy = copyById.get(id) ?? null;
    const at = savedAt[id] ?? Date.now();
    const title = copy?.article.title;
    // Focus moves on to the next article (the previous one at the end of the list), not to the page's top.
    const index = ids.indexOf(id);
    const neighbour = ids[index + 1] ?? ids[index - 1];
    setRestoreError(null);
    removeSavedArticle(queryClient, id);
    focusTarget.current = neighbour ? { id: neighbour } : 'heading';
    offerUndo(title ? `Removed “${title}”.` : 'Removed the article.', () => {
      focusTarget.current = { id }; // the article put back, once it is in the list again
      const putBack = copy
        ? restoreSavedArticle(queryClient, copy)
        : Promise.resolve(useSavedArticlesStore.getState().markSaved(id, at));
      putBack.catch((failure: unknown) => {
        focusTarget.current = null;
        setRestoreError(`Could not put it back. ${describeSavedCopyFailure(failure)}`);
      });
    });
  };

  return (
    <section className="saved-page" aria-labelledby="saved-title">
      <h1 id="saved-title" tabIndex={-1}>
        Saved
      </h1>
      {restoreError && (
        <p className="saved-page__error" role="alert">
          {restoreError}
        </p>
      )}
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
    </section>
  );
}
