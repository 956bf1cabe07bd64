// The reader's place in multi-page articles: how many pages they had open, per article id, kept on the device.
import * as v from 'valibot';
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { isSlug } from '@/contract/news';
import { safeJsonStorage } from './safe-storage';

/** One remembered article. Only articles with more than the first page open are stored. */
export interface ReadingPosition {
  id: string;
  pagesShown: number;
}

interface ReadingPositionState {
  /** Oldest first, newest last; at most MAX_REMEMBERED entries, one per id. */
  positions: readonly ReadingPosition[];
  rememberPagesShown: (id: string, pagesShown: number) => void;
}

const STORE_VERSION = 1;
export const READING_POSITION_STORAGE_KEY = 'agency-news.reading-position';
/** Enough for weeks of reading, small enough (a few KB) never to matter for storage quota. */
export const MAX_REMEMBERED = 200;
const MAX_PAGES = 10_000;

const positionSchema = v.object({
  id: v.pipe(v.string(), v.check(isSlug, 'must be an article id')),
  pagesShown: v.pipe(
    v.number(),
    v.check((n) => Number.isInteger(n) && n >= 2 && n <= MAX_PAGES, 'pages 2..'),
  ),
});
const persistedSchema = v.object({ positions: v.array(v.unknown()) });

/** Keeps the valid entries of a stored list (last one wins per id, newest MAX_REMEMBERED), drops the rest. */
export function sanitizePositions(stored: readonly unknown[]): ReadingPosition[] {
  const byId = new Map<string, ReadingPosition>();
  for (const entry of stored) {
    const parsed = v.safeParse(positionSchema, entry);
    if (!parsed.success) continue;
    byId.delete(parsed.output.id); // re-insert so the latest occurrence decides the order
    byId.set(parsed.output.id, { id: parsed.output.id, pagesShown: parsed.output.pagesShown });
  }
  return [...byId.values()].slice(-MAX_REMEMBERED);
}

export const useReadingPositionStore = create<ReadingPositionState>()(
  persist(
    (set) => ({
      positions: [],
      rememberPagesShown: (id, pagesShown) =>
        set((state) => {
          const current = state.positions.find((p) => p.id === id);
          const others = state.positions.filter((p) => p.id !== id);
          // The first page alone is the default, so it needs no entry.
          if (!Number.isInteger(pagesShown) || pagesShown <= 1) {
            return current ? { positions: others } : state;
          }
          if (current?.pagesShown === pagesShown && state.positions.at(-1) === current) return state;
          return { positions: [...others, { id, pagesShown: Math.min(pagesShown, MAX_PAGES) }].slice(-MAX_REMEMBERED) };
        }),
    }),
    {
      name: READING_POSITION_STORAGE_KEY,
      version: STORE_VERSION,
      storage: safeJsonStorage,
      partialize: (state) => ({ positions: state.positions }),
      // No earlier format was ever released: anything older or newer than this version means defaults.
      migrate: () => ({ positions: [] }),
      // Hand-edited or damaged values never reach the app: bad entries are dropped, good ones kept.
      merge: (persisted, current) => {
        const parsed = v.safeParse(persistedSchema, persisted);
        return parsed.success ? { ...current, positions: sanitizePositions(parsed.output.positions) } : current;
      },
    },
  ),
);

/** How many pages of article `id` the reader had open last time, or null if nothing is remembered. */
export function useRememberedPagesShown(id: string): number | null {
  return useReadingPositionStore((state) => state.positions.find((p) => p.id === id)?.pagesShown ?? null);
}
