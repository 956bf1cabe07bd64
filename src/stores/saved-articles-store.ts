// Which articles the reader saved to read later, and when: the reader's list, kept on the device like their other
// choices. The saved copies themselves (whole articles, far too big for localStorage) are in IndexedDB
// (api/saved-article-db.ts, loaded only when needed), so every Save button can tell its state without it.
import * as v from 'valibot';
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { isSlug } from '@/contract/news';
import { safeJsonStorage } from './safe-storage';

interface SavedArticlesState {
  /** Article id → when it was saved (ms since epoch). An object, not an array, so `isSaved` is one lookup. */
  savedAt: Readonly<Record<string, number>>;
  markSaved: (id: string, savedAt?: number) => void;
  unmark: (id: string) => void;
}

const STORE_VERSION = 1;
export const SAVED_ARTICLES_STORAGE_KEY = 'agency-news.saved-articles';

const savedAtSchema = v.pipe(
  v.number(),
  v.check((n) => Number.isFinite(n) && n > 0, 'not a time'),
);
const persistedSchema = v.object({ savedAt: v.record(v.string(), v.unknown()) });

/** Keeps the well-formed entries of a stored list; nothing readable means nothing saved. */
function restore(persisted: unknown): Record<string, number> {
  const parsed = v.safeParse(persistedSchema, persisted);
  const kept: Record<string, number> = {};
  if (!parsed.success) return kept;
  for (const [id, at] of Object.entries(parsed.output.savedAt)) {
    if (isSlug(id) && v.is(savedAtSchema, at)) kept[id] = at;
  }
  return kept;
}

// Article ids such as "constructor" are valid slugs: only own keys count.
const isSavedIn = (savedAt: Readonly<Record<string, number>>, id: string) => Object.hasOwn(savedAt, id);

export const useSavedArticlesStore = create<SavedArticlesState>()(
  persist(
    (set) => ({
      savedAt: {},
      markSaved: (id, at = Date.now()) => set((state) => ({ savedAt: { ...state.savedAt, [id]: at } })),
      unmark: (id) =>
        set((state) => {
          if (!isSavedIn(state.savedAt, id)) return state;
          const { [id]: _removed, ...rest } = state.savedAt;
          return { savedAt: rest };
        }),
    }),
    {
      name: SAVED_ARTICLES_STORAGE_KEY,
      version: STORE_VERSION,
      storage: safeJsonStorage,
      partialize: (state) => ({ savedAt: state.savedAt }),
      // No earlier format was ever released; another version's list keeps whatever still reads as id → time.
      migrate: (persisted) => ({ savedAt: restore(persisted) }),
      // Hand-edited or damaged values never reach the app: bad entries are dropped, good ones kept.
      merge: (persisted, current) => ({ ...current, savedAt: restore(persisted) }),
    },
  ),
);

// Another tab's saves and removals are followed here, so this tab never writes an outdated list over them (in a
// browser only: the server renders these modules too).
if (typeof window !== 'undefined') {
  window.addEventListener('storage', (event) => {
    if (event.key === SAVED_ARTICLES_STORAGE_KEY) void useSavedArticlesStore.persist.rehydrate();
  });
}

/** Whether article `id` is saved: one subscription per caller that re-renders it only when that answer changes. */
export function useIsSaved(id: string): boolean {
  return useSavedArticlesStore((state) => isSavedIn(state.savedAt, id));
}

/** Saved ids, newest saved first. */
export function newestSavedFirst(savedAt: Readonly<Record<string, number>>): string[] {
  return Object.keys(savedAt).sort((a, b) => savedAt[b]! - savedAt[a]! || a.localeCompare(b));
}
