import { afterEach, describe, expect, it, vi } from 'vitest';
import { readSavedSourceSelection, SOURCE_FILTER_STORAGE_KEY } from '@/stores/source-filter-storage';
import {
  isSourceShown,
  normalizeSourceSelection,
  toggleSource,
  useSourceFilterStore,
} from '@/stores/source-filter-store';

const allIds = ['al-jazeera', 'bbc-news', 'tass', 'none'];
const every = { keep: null, drop: [] };

async function rehydrateFrom(stored: string) {
  useSourceFilterStore.setState({ selection: { keep: ['sentinel'], drop: [] } }); // proves the value comes from storage
  localStorage.setItem(SOURCE_FILTER_STORAGE_KEY, stored);
  await useSourceFilterStore.persist.rehydrate();
  return useSourceFilterStore.getState().selection;
}

afterEach(() => vi.restoreAllMocks());

describe('source filter store', () => {
  it('saves the choice with its version and restores it', async () => {
    useSourceFilterStore.getState().setSelection({ keep: null, drop: ['tass'] });
    const stored = localStorage.getItem(SOURCE_FILTER_STORAGE_KEY)!;
    expect(JSON.parse(stored)).toEqual({ state: { selection: { keep: null, drop: ['tass'] } }, version: 1 });
    expect(await rehydrateFrom(stored)).toEqual({ keep: null, drop: ['tass'] });
    expect(readSavedSourceSelection()).toEqual({ keep: null, drop: ['tass'] });
  });

  it.each([
    ['corrupted JSON', '{"state": {"selection": {"keep": ["bb'],
    ['a value of the wrong shape', JSON.stringify({ state: { selection: 'tass' }, version: 1 })],
    ['ids that are not ids', JSON.stringify({ state: { selection: { keep: ['<b>'], drop: [] } }, version: 1 })],
    ['an unknown future version', JSON.stringify({ state: { selection: { keep: ['tass'], drop: [] } }, version: 4 })],
  ])('falls back to every source for %s, without throwing', async (_label, stored) => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(await rehydrateFrom(stored)).toEqual(every);
    expect(readSavedSourceSelection()).toEqual(every);
    expect(error).not.toHaveBeenCalled();
  });
});

describe('source selection rules', () => {
  it('unticking from every source drops it; ticking it back means every source again', () => {
    const dropped = toggleSource(every, 'tass', allIds);
    expect(dropped).toEqual({ keep: null, drop: ['tass'] });
    expect(isSourceShown(dropped, 'tass')).toBe(false);
    expect(isSourceShown(dropped, 'a-source-added-later')).toBe(true);
    expect(toggleSource(dropped, 'tass', allIds)).toEqual(every);
  });

  it('after "Only this", ticking keeps the sources ticked and nothing else; all of them is every source', () => {
    const only = normalizeSourceSelection({ keep: ['bbc-news'], drop: [] }, allIds);
    const two = toggleSource(only, 'none', allIds);
    expect(two).toEqual({ keep: ['bbc-news', 'none'], drop: [] });
    expect(isSourceShown(two, 'a-source-added-later')).toBe(false);
    expect(toggleSource(toggleSource(two, 'tass', allIds), 'al-jazeera', allIds)).toEqual(every);
    // Unticking the last one is an explicit "None".
    expect(toggleSource(only, 'bbc-news', allIds)).toEqual({ keep: [], drop: [] });
  });

  it('drops unknown ids, keeps the list order, and a choice whose sources are all gone means every source', () => {
    expect(normalizeSourceSelection({ keep: ['tass', 'gone', 'bbc-news'], drop: [] }, allIds)).toEqual({
      keep: ['bbc-news', 'tass'],
      drop: [],
    });
    expect(normalizeSourceSelection({ keep: ['gone'], drop: [] }, allIds)).toEqual(every);
    expect(normalizeSourceSelection({ keep: null, drop: ['gone'] }, allIds)).toEqual(every);
    expect(normalizeSourceSelection({ keep: [], drop: [] }, allIds)).toEqual({ keep: [], drop: [] });
  });
});
