import { afterEach, describe, expect, it, vi } from 'vitest';
import { readSavedSelection, TOPIC_FILTER_STORAGE_KEY } from '@/stores/topic-filter-storage';
import { normalizeSelection, toggleTopic, useTopicFilterStore } from '@/stores/topic-filter-store';

const allIds = ['politics', 'world', 'economy'];

async function rehydrateFrom(stored: string) {
  useTopicFilterStore.setState({ selected: ['sentinel'] }); // proves the value below comes from storage
  localStorage.setItem(TOPIC_FILTER_STORAGE_KEY, stored);
  await useTopicFilterStore.persist.rehydrate();
  return useTopicFilterStore.getState().selected;
}

afterEach(() => vi.restoreAllMocks());

describe('topic filter store', () => {
  it('saves the selection with its version', () => {
    useTopicFilterStore.getState().setSelected(['world']);
    expect(JSON.parse(localStorage.getItem(TOPIC_FILTER_STORAGE_KEY)!)).toEqual({
      state: { selected: ['world'] },
      version: 1,
    });
  });

  it('restores a saved selection', async () => {
    expect(await rehydrateFrom(JSON.stringify({ state: { selected: ['economy'] }, version: 1 }))).toEqual(['economy']);
    expect(await rehydrateFrom(JSON.stringify({ state: { selected: null }, version: 1 }))).toBeNull();
  });

  it.each([
    ['corrupted JSON', '{"state": {"selected": ["wor'],
    ['a value of the wrong shape', JSON.stringify({ state: { selected: 'world' }, version: 1 })],
    ['ids that are not ids', JSON.stringify({ state: { selected: ['<script>'] }, version: 1 })],
    ['an older version', JSON.stringify({ state: { topics: 'world,economy' }, version: 0 })],
    ['an unknown future version', JSON.stringify({ state: { selected: ['world'] }, version: 7 })],
    ['a bare string', JSON.stringify('world')],
  ])('falls back to every topic for %s, without throwing', async (_label, stored) => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(await rehydrateFrom(stored)).toBeNull();
    expect(error).not.toHaveBeenCalled();
  });

  it('keeps working when storage refuses to save (quota or privacy mode)', () => {
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    expect(() => useTopicFilterStore.getState().setSelected(['politics'])).not.toThrow();
    expect(useTopicFilterStore.getState().selected).toEqual(['politics']);
  });
});

describe('selection rules', () => {
  it('unticking from "all" keeps the others; ticking the last one back means all again', () => {
    const without = toggleTopic(null, 'world', allIds);
    expect(without).toEqual(['politics', 'economy']);
    expect(toggleTopic(without, 'world', allIds)).toBeNull();
  });

  it('drops unknown ids and keeps the topics in their own order', () => {
    expect(normalizeSelection(['economy', 'gone', 'politics'], allIds)).toEqual(['politics', 'economy']);
    expect(normalizeSelection([], allIds)).toEqual([]);
    expect(normalizeSelection(['gone', 'also-gone'], allIds)).toBeNull();
  });

  it('reads the saved choice straight from storage the same way, for the feed’s early request', () => {
    expect(readSavedSelection()).toBeNull();
    localStorage.setItem(TOPIC_FILTER_STORAGE_KEY, JSON.stringify({ state: { selected: ['world'] }, version: 1 }));
    expect(readSavedSelection()).toEqual(['world']);
    localStorage.setItem(TOPIC_FILTER_STORAGE_KEY, JSON.stringify({ state: { selected: ['world'] }, version: 7 }));
    expect(readSavedSelection()).toBeNull();
    localStorage.setItem(TOPIC_FILTER_STORAGE_KEY, '{broken');
    expect(readSavedSelection()).toBeNull();
    localStorage.setItem(TOPIC_FILTER_STORAGE_KEY, JSON.stringify({ state: { selected: 'world' }, version: 1 }));
    expect(readSavedSelection()).toBeNull();
  });
});
