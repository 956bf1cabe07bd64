import { describe, expect, it } from 'vitest';
import { newestSavedFirst, SAVED_ARTICLES_STORAGE_KEY, useSavedArticlesStore } from '@/stores/saved-articles-store';

const store = () => useSavedArticlesStore.getState();
const stored = () =>
  JSON.parse(localStorage.getItem(SAVED_ARTICLES_STORAGE_KEY)!) as { version: number; state: object };
const rehydrateWith = async (value: string) => {
  localStorage.setItem(SAVED_ARTICLES_STORAGE_KEY, value);
  await useSavedArticlesStore.persist.rehydrate();
  return store().savedAt;
};

describe('saved articles store', () => {
  it('keeps which articles were saved, and when, on the device, versioned', () => {
    store().markSaved('article-a', 1000);
    store().markSaved('article-b', 2000);
    expect(stored()).toEqual({ version: 1, state: { savedAt: { 'article-a': 1000, 'article-b': 2000 } } });
    store().unmark('article-a');
    expect(stored().state).toEqual({ savedAt: { 'article-b': 2000 } });
  });

  it('lists the newest saved first', () => {
    store().markSaved('older', 1000);
    store().markSaved('newest', 3000);
    store().markSaved('middle', 2000);
    expect(newestSavedFirst(store().savedAt)).toEqual(['newest', 'middle', 'older']);
    store().markSaved('older', 4000); // saved again: on top
    expect(newestSavedFirst(store().savedAt)).toEqual(['older', 'newest', 'middle']);
  });

  it('treats ids that are also names of object properties as plain ids', () => {
    expect(newestSavedFirst(store().savedAt)).toEqual([]);
    store().unmark('constructor');
    expect(store().savedAt).toEqual({});
    store().markSaved('constructor', 1000);
    expect(newestSavedFirst(store().savedAt)).toEqual(['constructor']);
  });

  it('restores the list of an earlier visit', async () => {
    expect(await rehydrateWith(JSON.stringify({ version: 1, state: { savedAt: { 'story-1': 5 } } }))).toEqual({
      'story-1': 5,
    });
  });

  it('drops the entries that do not read as article id → time, keeping the rest', async () => {
    const savedAt = await rehydrateWith(
      JSON.stringify({
        version: 1,
        state: { savedAt: { good: 10, 'Bad Id': 20, 'no-time': 'yesterday', negative: -5, 'not-finite': null } },
      }),
    );
    expect(savedAt).toEqual({ good: 10 });
  });

  it.each([
    ['corrupted JSON', '{"state": {"savedAt": {"a": 1'],
    ['a list instead of a map', JSON.stringify({ version: 1, state: { savedAt: ['a', 'b'] } })],
    ['no state', JSON.stringify({ version: 1 })],
  ])('means nothing saved when the stored value is %s', async (_label, raw) => {
    store().markSaved('before', 1);
    expect(await rehydrateWith(raw)).toEqual({});
  });

  it('migrates a list of another version, keeping what still reads', async () => {
    expect(await rehydrateWith(JSON.stringify({ version: 0, state: { savedAt: { kept: 7, 'Bad Id': 8 } } }))).toEqual({
      kept: 7,
    });
    expect(stored()).toEqual({ version: 1, state: { savedAt: { kept: 7 } } });
  });

  it('follows saves and removals made in another tab', async () => {
    store().markSaved('here', 1);
    localStorage.setItem(
      SAVED_ARTICLES_STORAGE_KEY,
      JSON.stringify({ version: 1, state: { savedAt: { here: 1, 'other-tab': 2 } } }),
    );
    window.dispatchEvent(new StorageEvent('storage', { key: SAVED_ARTICLES_STORAGE_KEY }));
    await expect.poll(() => newestSavedFirst(store().savedAt)).toEqual(['other-tab', 'here']);
  });
});
