// The reader's recent searches, kept on this device only. Newest first, at most MAX_RECENT_SEARCHES.
import * as v from 'valibot';
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { MAX_SEARCH_QUERY_LENGTH } from '@/contract/search';
import { safeJsonStorage } from './safe-storage';

export interface RecentSearch {
  q: string;
  /** When it was last searched (ms since epoch). */
  at: number;
}

interface RecentSearchesState {
  searches: readonly RecentSearch[];
  add: (q: string, now?: number) => void;
  remove: (q: string) => void;
  clear: () => void;
}

export const MAX_RECENT_SEARCHES = 10;
/** A search that extends or shortens the previous one within this time replaces it (the reader was typing). */
const REFINE_WINDOW_MS = 2 * 60_000;
const STORE_VERSION = 1;
export const RECENT_SEARCHES_STORAGE_KEY = 'agency-news.recent-searches';

const sameSearch = (a: string) => a.replace(/\s+/g, ' ').toLowerCase();

const entrySchema = v.object({
  q: v.pipe(
    v.string(),
    v.check((q) => q.trim().length > 0 && q.length <= MAX_SEARCH_QUERY_LENGTH, 'not a search'),
  ),
  at: v.pipe(
    v.number(),
    v.check((n) => Number.isFinite(n), 'not a time'),
  ),
});
const persistedSchema = v.object({ searches: v.array(v.unknown()) });

/** Keeps the well-formed entries of a stored list, newest first, without repeats. */
function restore(value: unknown): RecentSearch[] | null {
  const parsed = v.safeParse(persistedSchema, value);
  if (!parsed.success) return null;
  const seen = new Set<string>();
  const kept: RecentSearch[] = [];
  for (const raw of parsed.output.searches) {
    const entry = v.safeParse(entrySchema, raw);
    if (!entry.success || seen.has(sameSearch(entry.output.q))) continue;
    seen.add(sameSearch(entry.output.q));
    kept.push({ q: entry.output.q.trim(), at: entry.output.at });
  }
  return kept.sort((a, b) => b.at - a.at).slice(0, MAX_RECENT_SEARCHES);
}

export function addRecentSearch(list: readonly RecentSearch[], rawQ: string, now: number): RecentSearch[] {
  const q = rawQ.trim();
  if (!q || q.length > MAX_SEARCH_QUERY_LENGTH) return [...list];
  const key = sameSearch(q);
  let rest = list.filter((s) => sameSearch(s.q) !== key);
  const head = rest[0];
  if (head && now - head.at < REFINE_WINDOW_MS) {
    const headKey = sameSearch(head.q);
    if (key.startsWith(headKey) || headKey.startsWith(key)) rest = rest.slice(1);
  }
  return [{ q, at: now }, ...rest].slice(0, MAX_RECENT_SEARCHES);
}

export const useRecentSearchesStore = create<RecentSearchesState>()(
  persist(
    (set) => ({
      searches: [],
      add: (q, now = Date.now()) => set((state) => ({ searches: addRecentSearch(state.searches, q, now) })),
      remove: (q) => set((state) => ({ searches: state.searches.filter((s) => s.q !== q) })),
      clear: () => set({ searches: [] }),
    }),
    {
      name: RECENT_SEARCHES_STORAGE_KEY,
      version: STORE_VERSION,
      storage: safeJsonStorage,
      partialize: (state) => ({ searches: state.searches }),
      // No earlier format was ever released: anything older or newer than this version means no history.
      migrate: () => ({ searches: [] }),
      // Keeps what can be read of a damaged list; nothing readable (corrupted, wrong shape) means no history.
      merge: (persisted, current) => ({ ...current, searches: restore(persisted) ?? [] }),
    },
  ),
);
