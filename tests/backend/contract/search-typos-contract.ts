// Typo matching and "Did you mean" on a generated archive (thousands of real English words and names): every
// answer is checked against a brute-force reading of the articles, with a distance written out in full here.
import { describe, expect, it } from 'vitest';
import { readDataFolder } from '@/backend/embedded/news-data';
import { sortNewestFirst } from '@/backend/feed-cursor';
import type { Article } from '@/contract/news';
import { foldWord, tokenize, typoAllowance } from '@/contract/words';
import { generatedDataDir } from '../../helpers/generated-data';
import type { TestApi } from '../../helpers/test-api';
import { sharedApi, type BackendFactory } from './contract-api';

const data = readDataFolder(generatedDataDir(1200, 5));
const newestFirst = sortNewestFirst(data.articles).map((a) => a.id);
const wordsOf = new Map<string, Set<string>>(
  data.articles.map((a: Article) => [
    a.id,
    new Set(tokenize([a.title, a.lead, ...a.pages.flat()].join(' ')).map(foldWord)),
  ]),
);
const archiveWords = new Set([...wordsOf.values()].flatMap((words) => [...words]));

/** Edit distance with neighbouring swaps as one edit (optimal string alignment), the whole table, no shortcuts. */
function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => i || j));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
      }
    }
  }
  return d[a.length]![b.length]!;
}
const distancesTo = new Map<string, Map<string, number>>();
/** How close the article comes to the typed word: its nearest word's distance. */
function closest(id: string, typed: string): number {
  let known = distancesTo.get(typed);
  if (!known) {
    known = new Map([...archiveWords].map((w) => [w, distance(typed, w)]));
    distancesTo.set(typed, known);
  }
  return Math.min(...[...wordsOf.get(id)!].map((w) => known.get(w)!));
}

interface Page {
  items: { id: string }[];
  total: number;
  nextCursor: string | null;
  suggestion?: string | null;
}
async function searchOf(api: TestApi, params: Record<string, string>): Promise<Page> {
  const { status, body } = await api.get('/search', params);
  expect(status, JSON.stringify(body)).toBe(200);
  return body as Page;
}
async function readAll(api: TestApi, params: Record<string, string>): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const page: Page = await searchOf(api, { ...params, limit: '17', ...(cursor ? { cursor } : {}) });
    ids.push(...page.items.map((i) => i.id));
    cursor = page.nextCursor;
  } while (cursor && ids.length <= data.articles.length);
  return ids;
}

export function describeSearchTyposContract(make: BackendFactory): void {
  describe('GET /search on a generated archive', () => {
    const api = sharedApi(make, () => data);
    const search = (params: Record<string, string>) => searchOf(api(), params);

    describe('typo matches on a generated archive', () => {
      it('has the words these tests rely on, and none of the misspellings', () => {
        for (const word of ['government', 'movement', 'economy', 'bank']) expect(archiveWords).toContain(word);
        for (const typo of ['goverment', 'govrment', 'ecomony', 'bnk']) expect(archiveWords).not.toContain(typo);
      });

      it.each(['relevance', 'newest'])(
        'sort %s: "goverment" lists every "government" article before any farther look-alike such as "movement"',
        async (sort) => {
          const ids = await readAll(api(), { q: 'goverment', sort });
          expect(new Set(ids).size).toBe(ids.length);
          const withGovernment = data.articles.filter((a) => wordsOf.get(a.id)!.has('government')).map((a) => a.id);
          expect(withGovernment.length).toBeGreaterThan(20);
          expect(new Set(ids.slice(0, withGovernment.length))).toEqual(new Set(withGovernment));
          const later = ids.slice(withGovernment.length);
          expect(later.some((id) => wordsOf.get(id)!.has('movement'))).toBe(true); // 2 edits: allowed, ranked after
          const distances = ids.map((id) => closest(id, 'goverment'));
          expect(distances).toEqual([...distances].sort((a, b) => a - b));
          expect(Math.max(...distances)).toBeLessThanOrEqual(typoAllowance('goverment'));
          if (sort === 'newest') {
            // Newest first within each tier of closeness.
            const rank = (id: string) => newestFirst.indexOf(id);
            for (const tier of new Set(distances)) {
              const inTier = ids.filter((_, i) => distances[i] === tier).map(rank);
              expect(inTier).toEqual([...inTier].sort((a, b) => a - b));
            }
          }
        },
      );

      it('finds exactly the articles that have a word within the allowance, for several misspellings', async () => {
        for (const typo of ['goverment', 'recieve', 'satelite', 'politican']) {
          expect(archiveWords).not.toContain(typo);
          const expected = data.articles.filter((a) => closest(a.id, typo) <= typoAllowance(typo)).map((a) => a.id);
          expect(expected.length, typo).toBeGreaterThan(0);
          const ids = await readAll(api(), { q: typo });
          expect(new Set(ids), typo).toEqual(new Set(expected));
        }
      });

      it('never forgives a typo in a word the archive has: "movement" finds no "government"-only article', async () => {
        const ids = await readAll(api(), { q: 'movement' });
        expect(ids.length).toBeGreaterThan(0);
        for (const id of ids) expect([...wordsOf.get(id)!].some((w) => w.startsWith('movement'))).toBe(true);
      });
    });

    describe('"Did you mean" on a generated archive', () => {
      it.each([
        ['govrment', 'government'], // two letters left out of an 8-letter word: too far to match, close enough to offer
        ['ecomony', 'economy'],
        ['bnk', 'bank'],
        ['central bnk', 'central bank'],
      ])('offers "%s" -> "%s", built from archive words, and the suggestion finds something', async (q, expected) => {
        const page = await search({ q });
        expect(page.total).toBe(0);
        expect(page.suggestion).toBe(expected);
        for (const word of expected.split(' ')) expect(archiveWords).toContain(word);
        expect((await search({ q: expected })).total).toBeGreaterThan(0);
      });

      it('keeps the filters: the suggestion finds something with the same topics and dates', async () => {
        const topic = data.topics[0]!.id;
        const page = await search({ q: 'govrment', topics: topic, from: '2026-11-01' });
        expect(page.total).toBe(0);
        expect(page.suggestion).toBe('government');
        expect((await search({ q: 'government', topics: topic, from: '2026-11-01' })).total).toBeGreaterThan(0);
      });

      it('offers nothing for keyboard mashing', async () => {
        for (const q of ['xqzvw', 'qwert', 'asdfg', 'hjkl', 'qwertyuiop'])
          expect((await search({ q })).suggestion, q).toBeNull();
      });
    });
  });
}
