// The contract of GET /search on the sample data, checked against a naive reference matcher written independently
// here, and on purpose-made sets: ranking, ties, the agency's days, typo tiers, "Did you mean" and `corrected`,
// paging by cursor and every refusal.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Article } from '@/contract/news';
import { articleById, sampleData } from '../../helpers/fixtures';
import { madeUpArticle } from '../../helpers/made-up-article';
import type { TestApi } from '../../helpers/test-api';
import { sharedApi, withApi, type BackendFactory, type ContractData } from './contract-api';

interface Item {
  id: string;
  title: string;
  publishedAt: string;
  topics: string[];
  snippet: string;
  pageCount: number;
  wordCount: number;
}
interface Page {
  items: Item[];
  total: number;
  nextCursor: string | null;
  suggestion?: string | null;
  corrected?: string | null;
}

async function searchOf(api: TestApi, params: Record<string, string>): Promise<Page> {
  const { status, body } = await api.get('/search', params);
  expect(status, JSON.stringify(body)).toBe(200);
  return body as Page;
}
const ids = (page: Page) => page.items.map((i) => i.id);

// The reference: every word must appear as a whole word (the last one also as the start of a word) in the
// title, lead or body, ignoring case and accents.
const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
const wordsOf = (s: string) =>
  fold(s)
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
const bodyOf = (a: Article) => a.pages.flat().join(' ');
function naiveMatches(q: string): Set<string> {
  const terms = wordsOf(q);
  return new Set(
    sampleData.articles
      .filter((a) => {
        const words = wordsOf(`${a.title} ${a.lead} ${bodyOf(a)}`);
        return terms.every((t, i) => words.some((w) => w === t || (i === terms.length - 1 && w.startsWith(t))));
      })
      .map((a) => a.id),
  );
}
const newestFirst = (a: { publishedAt: string }, b: { publishedAt: string }) =>
  Date.parse(b.publishedAt) - Date.parse(a.publishedAt);

const dataWith = (articles: Article[]): ContractData => ({ ...sampleData, articles });

export function describeSearchContract(make: BackendFactory): void {
  describe('GET /search on the sample data', () => {
    const api = sharedApi(make, () => sampleData);
    const search = (params: Record<string, string>) => searchOf(api(), params);

    describe('matching', () => {
      it.each([
        'satellite',
        'key rate',
        'central bank',
        'grain',
        'zurich',
        'sao paulo',
        'skoda',
        'plzen',
        "cote d'ivoire",
        'cafe',
        'satel',
        'sat',
        'moscow',
        'satellite orbit',
        'satellite grain',
        'sat orbit',
      ])('finds exactly the articles containing every word of "%s"', async (q) => {
        const expected = naiveMatches(q);
        const page = await search({ q, limit: '50' });
        expect(new Set(ids(page))).toEqual(expected);
        expect(page.total).toBe(expected.size);
      });

      it('ignores case and accents, in the query and in the text', async () => {
        const zurich = sampleData.articles.find((a) => a.title.includes('Zürich'))!;
        for (const q of ['zurich', 'ZÜRICH', 'Zürich', 'zu\u0308rich']) {
          expect(ids(await search({ q })), q).toContain(zurich.id);
        }
        const plzen = sampleData.articles.find((a) => a.title.includes('Plzeň'))!;
        expect(ids(await search({ q: 'plzen skoda' }))).toEqual([plzen.id]);
        expect(ids(await search({ q: 'PLZEŇ Škoda' }))).toEqual([plzen.id]);
        const saoPaulo = sampleData.articles.find((a) => a.title.includes('São'))!;
        expect(ids(await search({ q: 'sao paulo' }))).toContain(saoPaulo.id);
      });

      it('treats the last word as a prefix while earlier words must be whole', async () => {
        expect(new Set(ids(await search({ q: 'satel', limit: '50' })))).toEqual(naiveMatches('satellite'));
        expect((await search({ q: 'sat orbit' })).total).toBe(0);
        expect((await search({ q: 'orbit sat' })).total).toBeGreaterThan(0);
      });

      it('forgives a typo in a longer word, but never matches look-alikes of a correctly spelled word', async () => {
        expect(new Set(ids(await search({ q: 'satelite', limit: '50' })))).toEqual(naiveMatches('satellite'));
        expect(new Set(ids(await search({ q: 'centrl bank', limit: '50' })))).toEqual(naiveMatches('central bank'));
        expect(new Set(ids(await search({ q: 'sattelite launch', limit: '50' })))).toEqual(
          naiveMatches('satellite launch'),
        );
        // "grain" exists, so "rain", "brain" or "train" articles are not pulled in.
        expect(new Set(ids(await search({ q: 'grain', limit: '50' })))).toEqual(naiveMatches('grain'));
        // Short words are never fuzzy: "bnk" is not "bank".
        expect((await search({ q: 'bnk' })).total).toBe(0);
      });

      it('says which words it matched through look-alikes, and matches only the words as typed with typos=off', async () => {
        const corrected = async (params: Record<string, string>) => (await search(params)).corrected;
        expect(await corrected({ q: 'goverment' })).toBe('government');
        // Other words stay as typed; a word matched as typed or as a start corrects nothing.
        expect(await corrected({ q: 'Centrl Bank' })).toBe('central Bank');
        expect(await corrected({ q: 'satellite orb' })).toBeNull();
        expect(await search({ q: 'goverment', typos: 'off' })).toMatchObject({ total: 0, suggestion: 'government' });
        expect((await search({ q: 'satellite orb', typos: 'off' })).total).toBe(
          (await search({ q: 'satellite orb' })).total,
        );
        // A cursor belongs to its own kind of search.
        const cursor = (await search({ q: 'satelite', limit: '1' })).nextCursor!;
        expect((await api().get('/search', { q: 'satelite', typos: 'off', cursor })).status).toBe(400);
      });

      it('requires every word (AND)', async () => {
        const both = naiveMatches('satellite orbit');
        expect(both.size).toBeGreaterThan(0);
        expect(both.size).toBeLessThan(naiveMatches('satellite').size);
        expect(new Set(ids(await search({ q: 'satellite orbit', limit: '50' })))).toEqual(both);
        expect((await search({ q: 'satellite zurich' })).total).toBe(0);
      });

      it('answers a query with no words at all with no results, not an error', async () => {
        expect(await search({ q: '!!! ...' })).toEqual({ items: [], total: 0, nextCursor: null, suggestion: null });
      });
    });

    describe('results', () => {
      it('returns article summaries with a snippet from the body around the first match', async () => {
        const page = await search({ q: 'satellite', limit: '50' });
        for (const item of page.items) {
          const source = articleById(item.id);
          expect(item.title).toBe(source.title);
          expect(item.pageCount).toBe(source.pages.length);
          expect(item).not.toHaveProperty('pages');
          expect(item.snippet.length).toBeGreaterThan(40);
          expect(item.snippet.length).toBeLessThanOrEqual(222);
          const inner = item.snippet.replace(/^…/, '').replace(/…$/, '');
          expect(bodyOf(source).replace(/\s+/g, ' ')).toContain(inner);
          expect(item.snippet.startsWith('…')).toBe(!bodyOf(source).startsWith(inner));
          expect(fold(item.snippet)).toContain('satellite');
        }
      });

      it('ranks by relevance, title matches above body-only matches, ties broken by date', async () => {
        const page = await search({ q: 'satellite', limit: '50' });
        const titleHits = page.items.filter((i) => wordsOf(i.title).includes('satellite'));
        const firstBodyOnly = page.items.findIndex((i) => !wordsOf(i.title).includes('satellite'));
        expect(titleHits.length).toBeGreaterThan(0);
        expect(page.items.slice(0, firstBodyOnly)).toEqual(titleHits);
      });

      it('sorts by date when asked', async () => {
        const page = await search({ q: 'satellite', sort: 'newest', limit: '50' });
        expect(page.items).toEqual([...page.items].sort(newestFirst));
        expect(new Set(ids(page))).toEqual(naiveMatches('satellite'));
      });
    });

    describe('filters', () => {
      it('keeps articles in any of the chosen topics', async () => {
        const all = (await search({ q: 'satellite', limit: '50' })).items;
        const topics = [...new Set(all.flatMap((i) => i.topics))].slice(0, 2);
        const filtered = await search({ q: 'satellite', topics: topics.join(','), limit: '50' });
        expect(ids(filtered)).toEqual(all.filter((i) => i.topics.some((t) => topics.includes(t))).map((i) => i.id));
        expect(filtered.total).toBeLessThan(all.length);
        expect(filtered.total).toBeGreaterThan(0);
      });

      it('bounds by inclusive days in the agency time zone (Europe/Moscow by default)', async () => {
        // The earliest sample article is just after midnight in Moscow, still the previous day in UTC.
        const early = sampleData.articles.find((a) => a.publishedAt === '2026-11-20T00:12:00+03:00')!;
        const word = wordsOf(early.title)[0]!;
        expect(ids(await search({ q: word, from: '2026-11-20', to: '2026-11-20', limit: '50' }))).toContain(early.id);
        expect(ids(await search({ q: word, to: '2026-11-19', limit: '50' }))).not.toContain(early.id);

        const all = (await search({ q: 'satellite', limit: '50' })).items;
        const days = all.map((i) => i.publishedAt.slice(0, 10)).sort(); // sample times are written in +03:00
        const [from, to] = [days[1]!, days[days.length - 2]!];
        const inRange = await search({ q: 'satellite', from, to, limit: '50' });
        expect(ids(inRange)).toEqual(
          all.filter((i) => i.publishedAt.slice(0, 10) >= from && i.publishedAt.slice(0, 10) <= to).map((i) => i.id),
        );
      });

      it('combines words, topics and dates', async () => {
        const page = await search({
          q: 'key rate',
          topics: 'economy',
          from: '2026-11-20',
          to: '2026-11-25',
          limit: '50',
        });
        expect(page.total).toBeGreaterThan(0);
        for (const item of page.items) {
          expect(item.topics).toContain('economy');
          expect(item.publishedAt.slice(0, 10) >= '2026-11-20' && item.publishedAt.slice(0, 10) <= '2026-11-25').toBe(
            true,
          );
        }
        expect(page.total).toBe(page.items.length);
      });
    });

    describe('paging', () => {
      it.each(['relevance', 'newest'])(
        'pages through %s results without gaps or repeats, at any page size',
        async (sort) => {
          const whole = await search({ q: 'sat', sort, limit: '50' });
          expect(whole.nextCursor).toBeNull();
          for (const limit of [1, 2, 3, 7]) {
            const seen: string[] = [];
            let cursor: string | null = null;
            let pages = 0;
            do {
              const page: Page = await search({ q: 'sat', sort, limit: String(limit), ...(cursor ? { cursor } : {}) });
              expect(page.total).toBe(whole.total);
              expect(page.items.length).toBeLessThanOrEqual(limit);
              seen.push(...ids(page));
              cursor = page.nextCursor;
              pages += 1;
            } while (cursor && pages < 100);
            expect(seen).toEqual(ids(whole));
          }
        },
      );

      it('defaults to 20 per page and accepts up to 50', async () => {
        const first = await search({ q: 'the' });
        expect(first.total).toBeGreaterThan(20);
        expect(first.items).toHaveLength(20);
        expect(first.nextCursor).not.toBeNull();
        expect((await search({ q: 'the', limit: '50' })).items).toHaveLength(Math.min(50, first.total));
      });

      it('accepts a cursor with the same search written differently (case, accents, topic order)', async () => {
        const first = await search({ q: 'Satellite', topics: 'science,defense', limit: '1' });
        expect(first.nextCursor).not.toBeNull();
        const next = await search({ q: 'satellite', topics: 'defense,science', limit: '1', cursor: first.nextCursor! });
        expect(next.items[0]!.id).not.toBe(first.items[0]!.id);
      });
    });

    describe('bad requests', () => {
      const cases: [string, Record<string, string>, string, RegExp][] = [
        ['no q', {}, 'bad_query', /q is required/],
        ['an empty q', { q: '' }, 'bad_query', /must not be empty/],
        ['a q of spaces', { q: '   ' }, 'bad_query', /must not be empty/],
        ['a q over 200 characters', { q: ` ${'a'.repeat(201)} ` }, 'bad_query', /201 characters.*at most 200/],
        ['a malformed from', { q: 'grain', from: '20261120' }, 'bad_date', /from must be a calendar date/],
        ['an impossible from', { q: 'grain', from: '2026-02-30' }, 'bad_date', /from .*"2026-02-30"/],
        ['a malformed to', { q: 'grain', to: 'yesterday' }, 'bad_date', /to must be a calendar date/],
        ['from after to', { q: 'grain', from: '2026-11-25', to: '2026-11-24' }, 'bad_date_range', /is after/],
        ['an unknown topic', { q: 'grain', topics: 'economy,nonsense' }, 'unknown_topic', /nonsense/],
        ['an unknown sort', { q: 'grain', sort: 'oldest' }, 'bad_sort', /"oldest"/],
        ['an unknown typos', { q: 'grain', typos: 'maybe' }, 'bad_typos', /"on" or "off".*"maybe"/],
        ['limit 0', { q: 'grain', limit: '0' }, 'bad_limit', /1 to 50/],
        ['limit 51', { q: 'grain', limit: '51' }, 'bad_limit', /1 to 50/],
        ['a limit that is not a number', { q: 'grain', limit: 'ten' }, 'bad_limit', /"ten"/],
        ['a malformed cursor', { q: 'grain', cursor: '!!!' }, 'bad_cursor', /not valid/],
        ['a cursor of valid base64 junk', { q: 'grain', cursor: 'eyJhIjoxfQ' }, 'bad_cursor', /not valid/],
        ['a feed cursor', { q: 'grain', cursor: 'WzE3OTU2NDg4MDAwMDAsImEiXQ' }, 'bad_cursor', /not valid/],
      ];
      it.each(cases)('refuses %s with 400', async (_label, params, code, message) => {
        const { status, body } = await api().get('/search', params);
        expect(status).toBe(400);
        const { error } = body as { error: { code: string; message: string } };
        expect(error.code).toBe(code);
        expect(error.message).toMatch(message);
      });

      it('accepts a q of exactly 200 characters', async () => {
        expect((await api().get('/search', { q: `  ${'b'.repeat(200)}  ` })).status).toBe(200);
      });

      it.each([
        ['another query', { q: 'satellite' }, { q: 'grain' }],
        ['another sort', { q: 'sat' }, { q: 'sat', sort: 'newest' }],
        ['other topics', { q: 'sat' }, { q: 'sat', topics: 'science' }],
        ['other dates', { q: 'sat' }, { q: 'sat', from: '2026-11-21' }],
      ])('refuses a cursor from %s', async (_label, original: Record<string, string>, other) => {
        const cursor = (await search({ ...original, limit: '1' })).nextCursor!;
        const { status, body } = await api().get('/search', { ...other, cursor });
        expect(status).toBe(400);
        expect(body).toMatchObject({
          error: { code: 'bad_cursor', message: expect.stringMatching(/different search/) },
        });
      });
    });
  });

  describe('GET /search on purpose-made data', () => {
    afterEach(() => {
      vi.unstubAllEnvs();
    });
    const searchIds = (data: ContractData, params: Record<string, string>) =>
      withApi(make, data, async (api) => ids(await searchOf(api, params)));

    const filler = 'Officials gave details of the plan at a briefing on the outskirts of the city';
    const plain = (id: string, publishedAt: string, over: Partial<Article> = {}): Article => ({
      id,
      title: 'Officials describe the regional plan',
      lead: `${filler}.`,
      publishedAt,
      topics: ['world'],
      pages: [[`${filler} on Monday.`, `${filler} on Tuesday.`]],
      ...over,
    });

    it('weights the title above the lead above the body, whatever the dates', async () => {
      const data = dataWith([
        plain('in-body', '2026-11-22T10:00:00+03:00', {
          pages: [[`${filler} on Monday.`, `Officials said an ostrich escaped.`]],
        }),
        plain('in-lead', '2026-11-21T10:00:00+03:00', { lead: 'Officials said an ostrich escaped from the plan.' }),
        plain('in-title', '2026-11-20T10:00:00+03:00', { title: 'Officials describe the ostrich plan' }),
      ]);
      expect(await searchIds(data, { q: 'ostrich' })).toEqual(['in-title', 'in-lead', 'in-body']);
    });

    it('breaks relevance ties by date, newest first, whatever the data order', async () => {
      const twins = [
        plain('older', '2026-11-20T10:00:00+03:00', { title: 'Walrus seen in the harbour' }),
        plain('newer', '2026-11-23T10:00:00+03:00', { title: 'Walrus seen in the harbour' }),
        plain('middle', '2026-11-21T10:00:00+03:00', { title: 'Walrus seen in the harbour' }),
      ];
      expect(await searchIds(dataWith(twins), { q: 'walrus' })).toEqual(['newer', 'middle', 'older']);
      expect(await searchIds(dataWith([...twins].reverse()), { q: 'walrus' })).toEqual(['newer', 'middle', 'older']);
    });

    it('finds words in Cyrillic and Greek as in Latin: case, accents and the final sigma ignored, prefixes too', async () => {
      const data = dataWith([
        plain('ru', '2026-11-22T10:00:00+03:00', {
          title: 'Паром «Север» вышел в первый рейс',
          pages: [['Ёлки на набережной уже украшены.']],
        }),
        plain('el', '2026-11-21T10:00:00+02:00', {
          title: 'Νέο πλοίο στο λιμάνι της Θεσσαλονίκης',
          pages: [['Το πλοίο έφτασε στην Αθήνα για τον κόσμο.']],
        }),
      ]);
      for (const [q, expected] of [
        ['ПАРОМ', ['ru']],
        ['елки', ['ru']],
        ['набереж', ['ru']],
        ['θεσσαλονικης', ['el']],
        ['ΑΘΗΝΑ', ['el']],
        ['ΚΟΣ', ['el']],
        ['λιμάνι πλοίο', ['el']],
      ] as const) {
        expect(await searchIds(data, { q }), q).toEqual(expected);
      }
    });

    it('quotes the start of the body when only the title matches', async () => {
      const body = 'The first paragraph says nothing of the airship. '.repeat(10).trim();
      const titleOnly = plain('zeppelin-returns', '2026-11-20T10:00:00Z', {
        title: 'Zeppelin returns to Lake Constance',
        lead: 'Sightseeing flights resume.',
        pages: [[body]],
      });
      await withApi(make, dataWith([...sampleData.articles, titleOnly]), async (api) => {
        const [item] = (await searchOf(api, { q: 'zeppelin' })).items;
        expect(item?.id).toBe(titleOnly.id);
        expect(item!.snippet.startsWith('…')).toBe(false);
        expect(body).toContain(item!.snippet.replace(/…$/, ''));
      });
    });

    describe('days in the agency time zone', () => {
      // 23:30 and 00:30 Moscow time are the same UTC day (the 20th) but different Moscow days.
      const data = dataWith([
        plain('late-night', '2026-11-20T23:30:00+03:00', { title: 'Heron count' }),
        plain('after-midnight', '2026-11-21T00:30:00+03:00', { title: 'Heron count' }),
      ]);

      it('are Europe/Moscow days by default', async () => {
        vi.stubEnv('AGENCY_TIME_ZONE', '');
        vi.stubEnv('VITE_AGENCY_TIME_ZONE', '');
        await withApi(make, data, async (api) => {
          expect(ids(await searchOf(api, { q: 'heron', from: '2026-11-21' }))).toEqual(['after-midnight']);
          expect(ids(await searchOf(api, { q: 'heron', to: '2026-11-20' }))).toEqual(['late-night']);
          expect(ids(await searchOf(api, { q: 'heron', from: '2026-11-20', to: '2026-11-21' }))).toHaveLength(2);
        });
      });

      it.each(['AGENCY_TIME_ZONE', 'VITE_AGENCY_TIME_ZONE'])(
        'follow %s, read when the backend is made',
        async (name) => {
          vi.stubEnv('AGENCY_TIME_ZONE', '');
          vi.stubEnv('VITE_AGENCY_TIME_ZONE', '');
          vi.stubEnv(name, 'UTC');
          await withApi(make, data, async (api) => {
            expect(ids(await searchOf(api, { q: 'heron', from: '2026-11-21' }))).toEqual([]);
            expect(ids(await searchOf(api, { q: 'heron', from: '2026-11-20', to: '2026-11-20' }))).toEqual([
              'after-midnight',
              'late-night',
            ]);
          });
        },
      );
    });

    describe('typo matches', () => {
      const data = dataWith([
        madeUpArticle('Movement movement movement of troops', 'The movement continued.'),
        madeUpArticle('Movement of goods', 'A movement of goods.'),
        madeUpArticle('Weather report', 'The government said it would help farmers.'),
        madeUpArticle('Budget talks', 'The government and the regions agreed.'),
      ]);
      const api = sharedApi(make, () => data);

      it('ranks the closest archive word first: "goverment" finds "government" before "movement"', async () => {
        const page = await searchOf(api(), { q: 'goverment' });
        expect(
          page.items
            .slice(0, 2)
            .map((i) => i.title)
            .sort(),
        ).toEqual(['Budget talks', 'Weather report']);
        expect(page.total).toBe(4); // "movement" is 2 edits away, allowed from 9 letters, but ranked after
        expect(page.corrected).toBe('government');
      });

      it('never forgives a typo in a word that exists as written', async () => {
        expect((await searchOf(api(), { q: 'movement' })).items.map((i) => i.title)).not.toContain('Budget talks');
      });
    });

    describe('suggestions when nothing matches', () => {
      const data = dataWith([
        madeUpArticle('Central bank holds rate', 'The bank kept its key rate.'),
        madeUpArticle('Satellite launched', 'The satellite reached orbit.'),
      ]);
      const api = sharedApi(make, () => data);
      const search = (params: Record<string, string>) => searchOf(api(), params);

      it('suggests archive words that find something, and says null when there is none', async () => {
        const page = await search({ q: 'bnk' });
        expect(page.total).toBe(0);
        expect(page.suggestion).toBe('bank');
        expect((await search({ q: page.suggestion! })).total).toBeGreaterThan(0);
        expect((await search({ q: 'central bnk' })).suggestion).toBe('central bank');
        expect((await search({ q: 'xqzvw' })).suggestion).toBeNull();
        expect((await search({ q: 'satellite bnk' })).suggestion).toBeNull(); // no correction finds both
      });

      it('leaves the suggestion out when something matched, and `corrected` out when nothing did', async () => {
        const found = await search({ q: 'bank' });
        expect(found).not.toHaveProperty('suggestion');
        expect(found.corrected).toBeNull();
        expect(await search({ q: 'bnk' })).not.toHaveProperty('corrected');
      });
    });
  });
}
