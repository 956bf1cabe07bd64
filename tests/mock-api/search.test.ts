// GET /search over the sample data, checked against a naive reference matcher written independently here.
import { describe, expect, it } from 'vitest';
import type { Article } from '@/contract/news';
import { createMockApi } from '@/mock-api/api-core';
import { articleById, sampleData } from '../helpers/fixtures';

const api = createMockApi(sampleData);

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
}

function get(params: Record<string, string>) {
  return api({ method: 'GET', path: '/search', query: new URLSearchParams(params) });
}
function search(params: Record<string, string>): Page {
  const response = get(params);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body as Page;
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

describe('GET /search: matching', () => {
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
  ])('finds exactly the articles containing every word of "%s"', (q) => {
    const expected = naiveMatches(q);
    const page = search({ q, limit: '50' });
    expect(new Set(ids(page))).toEqual(expected);
    expect(page.total).toBe(expected.size);
  });

  it('finds the sample data words the issue names', () => {
    expect(search({ q: 'satellite' }).total).toBeGreaterThanOrEqual(6);
    expect(search({ q: 'key rate' }).total).toBeGreaterThanOrEqual(5);
    expect(search({ q: 'grain' }).total).toBeGreaterThanOrEqual(4);
  });

  it('ignores case and accents, in the query and in the text', () => {
    const zurich = sampleData.articles.find((a) => a.title.includes('Zürich'))!;
    for (const q of ['zurich', 'ZÜRICH', 'Zürich', 'zu\u0308rich']) {
      expect(ids(search({ q })), q).toContain(zurich.id);
    }
    const plzen = sampleData.articles.find((a) => a.title.includes('Plzeň'))!;
    expect(ids(search({ q: 'plzen skoda' }))).toEqual([plzen.id]);
    expect(ids(search({ q: 'PLZEŇ Škoda' }))).toEqual([plzen.id]);
    expect(ids(search({ q: 'sao paulo' }))).toContain(sampleData.articles.find((a) => a.title.includes('São'))!.id);
  });

  it('treats the last word as a prefix while earlier words must be whole', () => {
    expect(new Set(ids(search({ q: 'satel', limit: '50' })))).toEqual(naiveMatches('satellite'));
    expect(search({ q: 'sat orbit' }).total).toBe(0);
    expect(search({ q: 'orbit sat' }).total).toBeGreaterThan(0);
  });

  it('forgives a typo in a longer word, but never matches look-alikes of a correctly spelled word', () => {
    expect(new Set(ids(search({ q: 'satelite', limit: '50' })))).toEqual(naiveMatches('satellite'));
    expect(new Set(ids(search({ q: 'centrl bank', limit: '50' })))).toEqual(naiveMatches('central bank'));
    expect(new Set(ids(search({ q: 'sattelite launch', limit: '50' })))).toEqual(naiveMatches('satellite launch'));
    // "grain" exists, so "rain", "brain" or "train" articles are not pulled in.
    expect(new Set(ids(search({ q: 'grain', limit: '50' })))).toEqual(naiveMatches('grain'));
    // Short words are never fuzzy: "bnk" is not "bank".
    expect(search({ q: 'bnk' }).total).toBe(0);
  });

  it('says which words it matched through look-alikes, and matches only the words as typed with typos=off', () => {
    const corrected = (params: Record<string, string>) => (get(params).body as { corrected: string | null }).corrected;
    expect(corrected({ q: 'goverment' })).toBe('government');
    // Other words stay as typed; a word matched as typed or as a start corrects nothing.
    expect(corrected({ q: 'Centrl Bank' })).toBe('central Bank');
    expect(corrected({ q: 'satellite orb' })).toBeNull();
    expect(search({ q: 'goverment', typos: 'off' })).toMatchObject({ total: 0, suggestion: 'government' });
    expect(search({ q: 'satellite orb', typos: 'off' }).total).toBe(search({ q: 'satellite orb' }).total);
    // A cursor belongs to its own kind of search.
    const cursor = search({ q: 'satelite', limit: '1' }).nextCursor!;
    expect(get({ q: 'satelite', typos: 'off', cursor }).status).toBe(400);
  });

  it('requires every word (AND)', () => {
    const both = naiveMatches('satellite orbit');
    expect(both.size).toBeGreaterThan(0);
    expect(both.size).toBeLessThan(naiveMatches('satellite').size);
    expect(new Set(ids(search({ q: 'satellite orbit', limit: '50' })))).toEqual(both);
    expect(search({ q: 'satellite zurich' }).total).toBe(0);
  });

  it('answers a query with no words at all with no results, not an error', () => {
    expect(search({ q: '!!! ...' })).toEqual({ items: [], total: 0, nextCursor: null, suggestion: null });
  });
});

describe('GET /search: results', () => {
  it('returns article summaries with a snippet from the body around the first match', () => {
    const page = search({ q: 'satellite', limit: '50' });
    for (const item of page.items) {
      const article = articleById(item.id);
      expect(item.title).toBe(article.title);
      expect(item.pageCount).toBe(article.pages.length);
      expect(item).not.toHaveProperty('pages');
      expect(item.snippet.length).toBeGreaterThan(40);
      expect(item.snippet.length).toBeLessThanOrEqual(222);
      const inner = item.snippet.replace(/^…/, '').replace(/…$/, '');
      expect(bodyOf(article).replace(/\s+/g, ' ')).toContain(inner);
      expect(item.snippet.startsWith('…')).toBe(!bodyOf(article).startsWith(inner));
      expect(fold(item.snippet)).toContain('satellite');
    }
  });

  it('quotes the start of the body when only the title matches', () => {
    const body = 'The first paragraph says nothing of the airship. '.repeat(10).trim();
    const titleOnly: Article = {
      id: 'zeppelin-returns',
      title: 'Zeppelin returns to Lake Constance',
      lead: 'Sightseeing flights resume.',
      publishedAt: '2026-11-20T10:00:00Z',
      topics: [sampleData.topics[0]!.id],
      pages: [[body]],
    };
    const withTitleOnly = createMockApi({ ...sampleData, articles: [...sampleData.articles, titleOnly] });
    const response = withTitleOnly({ method: 'GET', path: '/search', query: new URLSearchParams({ q: 'zeppelin' }) });
    const [item] = (response.body as Page).items;
    expect(item?.id).toBe(titleOnly.id);
    expect(item!.snippet.startsWith('…')).toBe(false);
    expect(body).toContain(item!.snippet.replace(/…$/, ''));
  });

  it('ranks by relevance, title matches above body-only matches, ties broken by date', () => {
    const page = search({ q: 'satellite', limit: '50' });
    const titleHits = page.items.filter((i) => wordsOf(i.title).includes('satellite'));
    const firstBodyOnly = page.items.findIndex((i) => !wordsOf(i.title).includes('satellite'));
    expect(titleHits.length).toBeGreaterThan(0);
    expect(page.items.slice(0, firstBodyOnly)).toEqual(titleHits);
  });

  it('sorts by date when asked', () => {
    const page = search({ q: 'satellite', sort: 'newest', limit: '50' });
    expect(page.items).toEqual([...page.items].sort(newestFirst));
    expect(new Set(ids(page))).toEqual(naiveMatches('satellite'));
  });
});

describe('GET /search: filters', () => {
  it('keeps articles in any of the chosen topics', () => {
    const all = search({ q: 'satellite', limit: '50' }).items;
    const topics = [...new Set(all.flatMap((i) => i.topics))].slice(0, 2);
    const filtered = search({ q: 'satellite', topics: topics.join(','), limit: '50' });
    expect(ids(filtered)).toEqual(all.filter((i) => i.topics.some((t) => topics.includes(t))).map((i) => i.id));
    expect(filtered.total).toBeLessThan(all.length);
    expect(filtered.total).toBeGreaterThan(0);
  });

  it('bounds by inclusive days in the agency time zone (Europe/Moscow by default)', () => {
    // The earliest sample article is just after midnight in Moscow, still the previous day in UTC.
    const early = sampleData.articles.find((a) => a.publishedAt === '2026-11-20T00:12:00+03:00')!;
    const word = wordsOf(early.title)[0]!;
    expect(ids(search({ q: word, from: '2026-11-20', to: '2026-11-20', limit: '50' }))).toContain(early.id);
    expect(ids(search({ q: word, to: '2026-11-19', limit: '50' }))).not.toContain(early.id);

    const all = search({ q: 'satellite', limit: '50' }).items;
    const days = all.map((i) => i.publishedAt.slice(0, 10)).sort(); // sample times are written in +03:00
    const [from, to] = [days[1]!, days[days.length - 2]!];
    const inRange = search({ q: 'satellite', from, to, limit: '50' });
    expect(ids(inRange)).toEqual(
      all.filter((i) => i.publishedAt.slice(0, 10) >= from && i.publishedAt.slice(0, 10) <= to).map((i) => i.id),
    );
  });

  it('combines words, topics and dates', () => {
    const page = search({ q: 'key rate', topics: 'economy', from: '2026-11-20', to: '2026-11-25', limit: '50' });
    for (const item of page.items) {
      expect(item.topics).toContain('economy');
      expect(item.publishedAt.slice(0, 10) >= '2026-11-20' && item.publishedAt.slice(0, 10) <= '2026-11-25').toBe(true);
    }
    expect(page.total).toBe(page.items.length);
  });
});

describe('GET /search: paging', () => {
  it.each(['relevance', 'newest'])('pages through %s results without gaps or repeats, at any page size', (sort) => {
    const whole = search({ q: 'sat', sort, limit: '50' });
    expect(whole.nextCursor).toBeNull();
    for (const limit of [1, 2, 3, 7]) {
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page: Page = search({ q: 'sat', sort, limit: String(limit), ...(cursor ? { cursor } : {}) });
        expect(page.total).toBe(whole.total);
        expect(page.items.length).toBeLessThanOrEqual(limit);
        seen.push(...ids(page));
        cursor = page.nextCursor;
        pages += 1;
      } while (cursor && pages < 100);
      expect(seen).toEqual(ids(whole));
    }
  });

  it('defaults to 20 per page and accepts up to 50', () => {
    const first = search({ q: 'the' });
    expect(first.total).toBeGreaterThan(20);
    expect(first.items).toHaveLength(20);
    expect(first.nextCursor).not.toBeNull();
    expect(search({ q: 'the', limit: '50' }).items).toHaveLength(Math.min(50, first.total));
  });

  it('accepts a cursor with the same search written differently (case, accents, topic order)', () => {
    const first = search({ q: 'Satellite', topics: 'science,defense', limit: '1' });
    expect(first.nextCursor).not.toBeNull();
    const next = search({ q: 'satellite', topics: 'defense,science', limit: '1', cursor: first.nextCursor! });
    expect(next.items[0]!.id).not.toBe(first.items[0]!.id);
  });
});

describe('GET /search: bad requests', () => {
  const cursorOf = (params: Record<string, string>) => search({ ...params, limit: '1' }).nextCursor!;
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
  it.each(cases)('refuses %s with 400', (_label, params, code, message) => {
    const response = get(params);
    expect(response.status).toBe(400);
    const { error } = response.body as { error: { code: string; message: string } };
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
  });

  it('accepts a q of exactly 200 characters', () => {
    expect(get({ q: `  ${'b'.repeat(200)}  ` }).status).toBe(200);
  });

  it.each([
    ['another query', { q: 'satellite' }, { q: 'grain' }],
    ['another sort', { q: 'sat' }, { q: 'sat', sort: 'newest' }],
    ['other topics', { q: 'sat' }, { q: 'sat', topics: 'science' }],
    ['other dates', { q: 'sat' }, { q: 'sat', from: '2026-11-21' }],
  ])('refuses a cursor from %s', (_label, original, other) => {
    const response = get({ ...other, cursor: cursorOf(original) });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ error: { code: 'bad_cursor', message: /different search/ } });
  });
});
