// Saved copies of articles (read later, and read without a network): downloading the whole article through the
// article query, and reading and writing the copies kept on the device. The IndexedDB code is its own chunk,
// downloaded the first time a copy is needed.
import { onlineManager, queryOptions, type QueryClient } from '@tanstack/react-query';
import { articleQueries } from './articles';
import type { SavedCopy } from './saved-article-db';

export type { SavedCopy };

const db = () => import('./saved-article-db');

export const savedArticleQueries = {
  all: () => ['saved-articles'] as const,
  /** The copy of one article on this device, or null. Device reads need no network. */
  copy: (id: string) =>
    queryOptions({
      queryKey: [...savedArticleQueries.all(), 'copy', id] as const,
      queryFn: async () => (await db()).readCopy(id),
      networkMode: 'always',
      retry: false,
    }),
  /** The copies of `ids`, in that order (null where one is missing). */
  copies: (ids: readonly string[]) =>
    queryOptions({
      queryKey: [...savedArticleQueries.all(), 'copies', ids] as const,
      queryFn: async () => (await db()).readCopies(ids),
      networkMode: 'always',
      retry: false,
    }),
};

/** Saving needs the article, and offline it can only come from what this visit already downloaded. */
export class NotDownloadedOfflineError extends Error {
  constructor() {
    super('You are offline, and this article has not been downloaded yet. Save it when you are back online.');
    this.name = 'NotDownloadedOfflineError';
  }
}

/** Downloads the whole article (or takes it from the query cache) and keeps it on the device. */
export async function writeSavedCopy(queryClient: QueryClient, id: string, savedAt: number): Promise<SavedCopy> {
  const detail = articleQueries.detail(id);
  if (!onlineManager.isOnline() && !queryClient.getQueryData(detail.queryKey)) throw new NotDownloadedOfflineError();
  const copy = { article: await queryClient.ensureQueryData(detail), savedAt };
  await putSavedCopy(queryClient, copy);
  return copy;
}

/** Keeps `copy` on the device (again: an undone removal). */
export async function putSavedCopy(queryClient: QueryClient, copy: SavedCopy): Promise<void> {
  await (await db()).writeCopy(copy);
  queryClient.setQueryData(savedArticleQueries.copy(copy.article.id).queryKey, copy);
  void queryClient.invalidateQueries({ queryKey: [...savedArticleQueries.all(), 'copies'] });
}

export async function deleteSavedCopy(queryClient: QueryClient, id: string): Promise<void> {
  await (await db()).deleteCopy(id);
  // Read afresh next time, but a copy on screen stays for the rest of this visit: the reader may be reading it.
  void queryClient.invalidateQueries({ queryKey: savedArticleQueries.copy(id).queryKey, refetchType: 'none' });
}
