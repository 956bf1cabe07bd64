// Saving and removing an article: the copy on the device (api/saved-articles.ts) and the reader's list
// (stores/saved-articles-store.ts) change together. Shared by the Save buttons and the Saved view.
import type { QueryClient } from '@tanstack/react-query';
import { ApiError } from '@/api/http';
import {
  deleteSavedCopy,
  NotDownloadedOfflineError,
  putSavedCopy,
  writeSavedCopy,
  type SavedCopy,
} from '@/api/saved-articles';
import { isCodeDownloadError } from '@/lib/lazy-with-retry';
import { useSavedArticlesStore } from '@/stores/saved-articles-store';
import { readableMessage } from './query-error';

/** Keeps the whole article on the device, then lists it: a failure leaves the list as it was. */
export async function saveArticle(queryClient: QueryClient, id: string): Promise<void> {
  const savedAt = Date.now();
  await writeSavedCopy(queryClient, id, savedAt);
  useSavedArticlesStore.getState().markSaved(id, savedAt);
}

/** Takes the article off the list at once, then deletes its copy (one left behind by a failure does no harm). */
export function removeSavedArticle(queryClient: QueryClient, id: string): void {
  useSavedArticlesStore.getState().unmark(id);
  deleteSavedCopy(queryClient, id).catch(() => {});
}

/** Puts a removed article back, in its old place in the list. */
export async function restoreSavedArticle(queryClient: QueryClient, copy: SavedCopy): Promise<void> {
  await putSavedCopy(queryClient, copy);
  useSavedArticlesStore.getState().markSaved(copy.article.id, copy.savedAt);
}

/** Why an article could not be saved, or the saved ones read, in words a reader can act on. */
export function describeSavedCopyFailure(error: unknown): string {
  if (error instanceof NotDownloadedOfflineError) return error.message;
  if (error instanceof ApiError || isCodeDownloadError(error)) return readableMessage(error);
  // DOMException is not an Error everywhere (jsdom), so the name is what counts.
  if ((error instanceof Error || error instanceof DOMException) && error.name === 'QuotaExceededError') {
    return 'There is no room left for it on this device. Remove some saved articles, then try again.';
  }
  // No IndexedDB, storage turned off, a private window that refuses it, a broken database...
  return 'This browser does not let the site keep articles on this device (storage may be turned off or full).';
}
