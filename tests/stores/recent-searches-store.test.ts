import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  addRecentSearch,
  MAX_RECENT_SEARCHES,
  RECENT_SEARCHES_STORAGE_KEY,
  useRecentSearchesStore,
  type RecentSearch,
} from '@/stores/recent-searches-store';

const T = Date.UTC(2026, 10, 27, 12);
const HOUR = 3_600_000;
const queries = (list: readonly RecentSearch[]) => list.map((s) => s.q);

async function rehydrateFrom(stored: string) {
  useRecentSearchesStore.setState({ searches: [{ q: 'sentinel', at: 1 }] }); // proves what follows comes from storage
  localStorage.setItem(RECENT_SEARCHES_STORAGE_KEY, stored);
  await useRecentSearchesStore.persist.rehydrate();
  return useRecentSearchesStore.getState().searches;
}

afterEach(() => vi.restoreAllMocks());

describe('recent searches store', () => {
  it('saves searches, newest first, with the store version', () => {
    const { add } = useRecentSearchesStore.getState();
    add('grain', T);
    add('  key rate ', T + HOUR);
    expect(JSON.parse(localStorage.getItem(RECENT_SEARCHES_STORAGE_KEY)!)).toEqual({
      state: {
        searches: [
          { q: 'key rate', at: T + HOUR },
          { q: 'grain', at: T },
        ],
      },
      version: 1,
    });
  });

  it('restores saved searches', async () => {
    const saved = [
      { q: 'satellite', at: T + HOUR },
      { q: 'Zürich', at: T },
    ];
    expect(await rehydrateFrom(JSON.stringify({ state: { searches: saved }, version: 1 }))).toEqual(saved);
  });

  it('removes one search, or all of them', () => {
    const { add, remove, clear } = useRecentSearchesStore.getState();
    add('grain', T);
    add('satellite', T + HOUR);
    add('café', T + 2 * HOUR);
    remove('satellite');
    expect(queries(useRecentSearchesStore.getState().searches)).toEqual(['café', 'grain']);
    clear();
    expect(useRecentSearchesStore.getState().searches).toEqual([]);
    expect(JSON.parse(localStorage.getItem(RECENT_SEARCHES_STORAGE_KEY)!).state.searches).toEqual([]);
  });

  it.each([
    ['corrupted JSON', '{"state": {"searches": [{"q": "gra'],
    ['a value of the wrong shape', JSON.stringify({ state: { searches: 'grain' }, version: 1 })],
    ['an older version', JSON.stringify({ state: { recent: ['grain'] }, version: 0 })],
    ['an unknown future version', JSON.stringify({ state: { searches: [{ q: 'grain', at: T }] }, version: 9 })],
    ['a bare number', '42'],
  ])('starts with no history for %s, without throwing', async (_label, stored) => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(await rehydrateFrom(stored)).toEqual([]);
    expect(error).not.toHaveBeenCalled();
  });

  it('keeps the readable entries of a partly damaged list, in order, without repeats, within the limit', async () => {
    const stored = {
      state: {
        searches: [
          { q: 'grain', at: T },
          { q: 42, at: T },
          { q: '', at: T },
          { q: 'x'.repeat(201), at: T },
          { q: 'satellite', at: 'yesterday' },
          null,
          { q: 'GRAIN', at: T - HOUR },
          { q: 'key rate', at: T + HOUR },
          ...Array.from({ length: 20 }, (_, i) => ({ q: `old ${i}`, at: T - (i + 2) * HOUR })),
        ],
      },
      version: 1,
    };
    const restored = await rehydrateFrom(JSON.stringify(stored));
    expect(restored).toHaveLength(MAX_RECENT_SEARCHES);
    expect(queries(restored).slice(0, 3)).toEqual(['key rate', 'grain', 'old 0']);
  });

  it('keeps working when storage refuses to save', () => {
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    expect(() => useRecentSearchesStore.getState().add('grain', T)).not.toThrow();
    expect(queries(useRecentSearchesStore.getState().searches)).toEqual(['grain']);
  });
});

describe('adding a recent search', () => {
  it('moves a repeated search to the top, ignoring case and spacing', () => {
    let list = addRecentSearch([], 'grain', T);
    list = addRecentSearch(list, 'satellite', T + HOUR);
    list = addRecentSearch(list, 'Grain ', T + 2 * HOUR);
    expect(list).toEqual([
      { q: 'Grain', at: T + 2 * HOUR },
      { q: 'satellite', at: T + HOUR },
    ]);
  });

  it('replaces the latest search while the reader is still refining it, but not later', () => {
    let list = addRecentSearch([], 'sat', T);
    list = addRecentSearch(list, 'satellite', T + 1000);
    list = addRecentSearch(list, 'satellite launch', T + 2000);
    expect(queries(list)).toEqual(['satellite launch']);
    list = addRecentSearch(list, 'satellite', T + HOUR);
    expect(queries(list)).toEqual(['satellite', 'satellite launch']);
    list = addRecentSearch(list, 'grain', T + HOUR + 1000);
    expect(queries(list)).toEqual(['grain', 'satellite', 'satellite launch']);
  });

  it('keeps at most the newest searches, and ignores empty or over-long ones', () => {
    let list: RecentSearch[] = [];
    for (let i = 0; i < MAX_RECENT_SEARCHES + 5; i++) list = addRecentSearch(list, `query ${i}x`, T + i * HOUR);
    expect(list).toHaveLength(MAX_RECENT_SEARCHES);
    expect(list[0]!.q).toBe(`query ${MAX_RECENT_SEARCHES + 4}x`);
    expect(addRecentSearch(list, '   ', T + 99 * HOUR)).toEqual(list);
    expect(addRecentSearch(list, 'y'.repeat(201), T + 99 * HOUR)).toEqual(list);
  });
});
