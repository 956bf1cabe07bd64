import { describe, expect, it, vi } from 'vitest';
import {
  MAX_REMEMBERED,
  READING_POSITION_STORAGE_KEY,
  sanitizePositions,
  useReadingPositionStore,
} from '@/stores/reading-position-store';

const store = () => useReadingPositionStore.getState();
const stored = () => JSON.parse(localStorage.getItem(READING_POSITION_STORAGE_KEY) ?? 'null');
const pagesOf = (id: string) => store().positions.find((p) => p.id === id)?.pagesShown ?? null;

async function rehydrateFrom(raw: string) {
  localStorage.setItem(READING_POSITION_STORAGE_KEY, raw);
  await useReadingPositionStore.persist.rehydrate();
}

describe('reading position store', () => {
  it('remembers pages shown per article and saves them on the device, versioned', () => {
    store().rememberPagesShown('article-a', 3);
    store().rememberPagesShown('article-b', 2);
    expect(pagesOf('article-a')).toBe(3);
    expect(pagesOf('article-b')).toBe(2);
    expect(stored()).toEqual({
      state: {
        positions: [
          { id: 'article-a', pagesShown: 3 },
          { id: 'article-b', pagesShown: 2 },
        ],
      },
      version: 1,
    });
  });

  it('forgets an article when only its first page is shown again', () => {
    store().rememberPagesShown('article-a', 3);
    store().rememberPagesShown('article-a', 1);
    expect(pagesOf('article-a')).toBeNull();
    expect(stored().state.positions).toEqual([]);
  });

  it('keeps only the most recently read articles', () => {
    for (let i = 0; i < MAX_REMEMBERED + 5; i++) store().rememberPagesShown(`article-${i}`, 2);
    store().rememberPagesShown('article-10', 3); // reading an old one again makes it recent
    store().rememberPagesShown('article-new', 2);
    const ids = store().positions.map((p) => p.id);
    expect(ids).toHaveLength(MAX_REMEMBERED);
    expect(ids.at(-1)).toBe('article-new');
    expect(ids.at(-2)).toBe('article-10');
    expect(ids).not.toContain('article-0');
    expect(ids).not.toContain('article-5'); // the oldest left when the newest arrived
  });

  it('restores what was saved in an earlier visit', async () => {
    await rehydrateFrom(JSON.stringify({ state: { positions: [{ id: 'saved-one', pagesShown: 4 }] }, version: 1 }));
    expect(pagesOf('saved-one')).toBe(4);
  });

  it.each([
    ['corrupted JSON', '{"state": {"positions": [ oops'],
    ['a value of the wrong shape', JSON.stringify({ state: { positions: 'all of them' }, version: 1 })],
    ['a bare string', JSON.stringify('hello')],
    ['an unknown (newer) version', JSON.stringify({ state: { positions: [{ id: 'x', pagesShown: 2 }] }, version: 99 })],
    ['an older version', JSON.stringify({ state: { pages: { x: 2 } }, version: 0 })],
  ])('starts with nothing remembered on %s, and keeps working', async (_label, raw) => {
    await rehydrateFrom(raw);
    expect(store().positions).toEqual([]);
    store().rememberPagesShown('after', 3);
    expect(pagesOf('after')).toBe(3);
    expect(stored().state.positions).toEqual([{ id: 'after', pagesShown: 3 }]);
  });

  it('drops damaged entries but keeps the good ones', async () => {
    await rehydrateFrom(
      JSON.stringify({
        state: {
          positions: [
            { id: 'good-one', pagesShown: 2 },
            { id: 'Bad Id!', pagesShown: 2 },
            { id: 'fractional', pagesShown: 2.5 },
            { id: 'first-page', pagesShown: 1 },
            null,
            'text',
            { id: 'good-two', pagesShown: 3, extra: true },
          ],
        },
        version: 1,
      }),
    );
    expect(store().positions).toEqual([
      { id: 'good-one', pagesShown: 2 },
      { id: 'good-two', pagesShown: 3 },
    ]);
  });

  it('sanitizePositions keeps the last occurrence of an id and caps the list', () => {
    expect(
      sanitizePositions([
        { id: 'a', pagesShown: 2 },
        { id: 'b', pagesShown: 2 },
        { id: 'a', pagesShown: 5 },
      ]),
    ).toEqual([
      { id: 'b', pagesShown: 2 },
      { id: 'a', pagesShown: 5 },
    ]);
    const many = Array.from({ length: MAX_REMEMBERED + 10 }, (_, i) => ({ id: `id-${i}`, pagesShown: 2 }));
    expect(sanitizePositions(many)).toHaveLength(MAX_REMEMBERED);
  });

  it('keeps working for this visit when storage refuses to save (quota exceeded)', () => {
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    expect(() => store().rememberPagesShown('article-a', 2)).not.toThrow();
    expect(pagesOf('article-a')).toBe(2);
  });
});
