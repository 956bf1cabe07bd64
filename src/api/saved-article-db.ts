// The saved copies of articles, kept on the device in IndexedDB through idb-keyval: one record per article, holding
// the whole article (every page) as the news API sent it. Loaded only when a copy is written or read
// (saved-articles.ts imports it lazily), so the feed's first load never carries it. Records are checked on the way
// out like any response: a damaged or foreign one reads as no copy.
import { createStore, del, get, getMany, set, type UseStore } from 'idb-keyval';
import * as v from 'valibot';
import { articleSchema, type Article } from '@/contract/news';

export interface SavedCopy {
  article: Article;
  /** When the reader saved it (ms since epoch). */
  savedAt: number;
}

const RECORD_VERSION = 1;
const recordSchema = v.object({
  version: v.literal(RECORD_VERSION),
  savedAt: v.number(),
  article: articleSchema,
});

export const SAVED_COPIES_DB = { database: 'agency-news-saved', objectStore: 'articles' } as const;

let store: UseStore | undefined;
// Opened on first use: a browser without IndexedDB fails there, inside the caller's promise, not on import.
const copies = () => (store ??= createStore(SAVED_COPIES_DB.database, SAVED_COPIES_DB.objectStore));

function toCopy(id: string, record: unknown): SavedCopy | null {
  const parsed = v.safeParse(recordSchema, record);
  if (!parsed.success || parsed.output.article.id !== id) return null;
  return { article: parsed.output.article, savedAt: parsed.output.savedAt };
}

export async function writeCopy({ article, savedAt }: SavedCopy): Promise<void> {
  await set(article.id, { version: RECORD_VERSION, savedAt, article }, copies());
}

export async function readCopy(id: string): Promise<SavedCopy | null> {
  return toCopy(id, await get(id, copies()));
}

/** The copies of `ids`, in the same order (null where there is none). */
export async function readCopies(ids: readonly string[]): Promise<(SavedCopy | null)[]> {
  if (ids.length === 0) return [];
  const records = await getMany([...ids], copies());
  return records.map((record, i) => toCopy(ids[i]!, record));
}

export async function deleteCopy(id: string): Promise<void> {
  await del(id, copies());
}
