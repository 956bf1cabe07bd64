// The contract of sources: GET /sources (each source's id, newest name and count; stories without one counted apart)
// and `sources` / `excludeSources` on the feed, neighbours and search, on the sample data with a few stories given
// sources as an import gives them, checked against a brute-force reading of that data.
import { describe, expect, it } from 'vitest';
import { sortNewestFirst } from '@/backend/feed-cursor';
import type { Article } from '@/contract/news';
import { sampleData } from '../../helpers/fixtures';
import type { TestApi } from '../../helpers/test-api';
import { sharedApi, withApi, type BackendFactory, type ContractData } from './contract-api';

type Summary = { id: string; topics: string[]; publishedAt: string; source?: { name: string } };
type Page = { items: Summary[]; nextCursor: string | null };
type SearchPage = Page & { total: number };
type SourcesBody = { sources: { id: string; name: string; count: number }[]; unsourced: number };
type ErrorBody = { error: { code: string; message: string } };

const BBC = { name: 'BBC News', url: 'https://www.bbc.co.uk/news' };
const TASS = { name: 'ТАСС' };
const ALJAZEERA = { name: 'Al Jazeera – English', url: 'https://www.aljazeera.com/' };

/** The sample stories, newest first, every fifth from the BBC, the next from TASS, the next from Al Jazeera (only
 * in its first half); the rest carry no source. The newest BBC story writes the name differently, as feeds do. */
function dataWithSources(): ContractData {
  const articles = sortNewestFirst(sampleData.articles).map((article, i): Article => {
    if (i === 0) return { ...article, source: { name: 'BBC  NEWS' } };
    if (i % 5 === 0) return { ...article, source: BBC };
    if (i % 5 === 1) return { ...article, source: TASS };
    if (i % 5 === 2 && i < 20) return { ...article, source: ALJAZEERA };
    return article;
  });
  return { ...sampleData, articles };
}

const data = dataWithSources();
const newestFirst = sortNewestFirst(data.articles);
const sourceOf = (article: Article) =>
  !article.source
    ? 'none'
    : article.source === TASS
      ? 'tass'
      : article.source === ALJAZEERA
        ? 'al-jazeera-english'
        : 'bbc-news';

async function ok<T>(api: TestApi, url: string): Promise<T> {
  const { status, body } = await api.get(url);
  expect(status, `${url}: ${JSON.stringify(body)}`).toBe(200);
  return body as T;
}

/** Every id of the feed under `query`, page by page. */
async function feedIds(api: TestApi, query: string, limit = 4): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const page: Page = await ok(api, `/articles?limit=${limit}&${query}${cursor ? `&cursor=${cursor}` : ''}`);
    ids.push(...page.items.map((item) => item.id));
    cursor = page.nextCursor;
  } while (cursor);
  return ids;
}

interface Filter {
  sources?: string[];
  excludeSources?: string[];
  topics?: string[];
  exclude?: string[];
}
const queryOf = (filter: Filter) =>
  Object.entries(filter)
    .map(([key, ids]) => `${key}=${(ids as string[]).join(',')}`)
    .join('&');
const passes = (article: Article, { sources, excludeSources = [], topics, exclude = [] }: Filter) =>
  (!sources || sources.includes(sourceOf(article))) &&
  !excludeSources.includes(sourceOf(article)) &&
  (!topics || article.topics.some((t) => topics.includes(t))) &&
  !article.topics.some((t) => exclude.includes(t));

const FILTERS: Filter[] = [
  { sources: ['bbc-news'] },
  { sources: ['none'] },
  { sources: ['tass', 'al-jazeera-english'] },
  { excludeSources: ['none'] },
  { excludeSources: ['bbc-news', 'tass'] },
  { sources: ['bbc-news', 'tass'], excludeSources: ['tass'] },
  { sources: ['none', 'bbc-news'], topics: ['politics', 'economy'] },
  { excludeSources: ['none'], exclude: ['politics'] },
  { sources: ['tass'], excludeSources: ['tass'] },
];

export function describeSourcesContract(make: BackendFactory): void {
  describe('sources', () => {
    const api = sharedApi(make, () => data);

    it('GET /sources lists each source by name with its id, newest name and count, and counts the rest apart', async () => {
      const body = await ok<SourcesBody>(api(), '/sources');
      const count = (id: string) => data.articles.filter((a) => sourceOf(a) === id).length;
      expect(body).toEqual({
        sources: [
          { id: 'al-jazeera-english', name: 'Al Jazeera – English', count: count('al-jazeera-english') },
          // Written "BBC  NEWS" by the newest story: the same slug, so the same source, named as it is now.
          { id: 'bbc-news', name: 'BBC  NEWS', count: count('bbc-news') },
          { id: 'tass', name: 'ТАСС', count: count('tass') },
        ],
        unsourced: count('none'),
      });
      expect(body.sources.reduce((sum, s) => sum + s.count, body.unsourced)).toBe(data.articles.length);
    });

    it('GET /sources on stories without sources lists none and counts them all', async () => {
      await withApi(make, sampleData, async (plain) => {
        expect(await ok(plain, '/sources')).toEqual({ sources: [], unsourced: sampleData.articles.length });
      });
    });

    it.each(FILTERS.map((filter) => [queryOf(filter), filter] as const))(
      'the feed with %s holds exactly the stories the filter lets through, in order, page by page',
      async (query, filter) => {
        const expected = newestFirst.filter((a) => passes(a, filter)).map((a) => a.id);
        expect(await feedIds(api(), query)).toEqual(expected);
      },
    );

    it('combines with since, and an empty list means no filter', async () => {
      const since = newestFirst[25]!.publishedAt;
      const expected = newestFirst
        .filter((a) => Date.parse(a.publishedAt) > Date.parse(since) && sourceOf(a) === 'tass')
        .map((a) => a.id);
      expect(await feedIds(api(), `sources=tass&since=${encodeURIComponent(since)}`)).toEqual(expected);
      expect(await feedIds(api(), 'sources=,&excludeSources=')).toEqual(newestFirst.map((a) => a.id));
    });

    it('refuses an unknown source to keep with 400 unknown_source naming it; an unknown one to drop is ignored', async () => {
      for (const url of [
        '/articles?sources=bbc-news,reuters',
        '/articles/x/neighbours?sources=reuters',
        '/search?q=the&sources=reuters',
      ]) {
        const { status, body } = await api().get(url);
        expect(status, url).toBe(400);
        expect((body as ErrorBody).error.code).toBe('unknown_source');
        expect((body as ErrorBody).error.message).toContain('reuters');
      }
      expect(await feedIds(api(), 'excludeSources=reuters,tass')).toEqual(
        newestFirst.filter((a) => sourceOf(a) !== 'tass').map((a) => a.id),
      );
    });

    it('neighbours follow the filtered feed, whether or not the story itself passes', async () => {
      for (const filter of [FILTERS[0]!, FILTERS[3]!, FILTERS[6]!]) {
        const list = newestFirst.filter((a) => passes(a, filter));
        for (const article of [newestFirst[3]!, newestFirst[10]!, newestFirst[44]!]) {
          const at = newestFirst.indexOf(article);
          const newer = [...list].reverse().find((a) => newestFirst.indexOf(a) < at) ?? null;
          const older = list.find((a) => newestFirst.indexOf(a) > at) ?? null;
          const body = await ok<{ newer: Summary | null; older: Summary | null }>(
            api(),
            `/articles/${article.id}/neighbours?${queryOf(filter)}`,
          );
          expect([body.newer?.id ?? null, body.older?.id ?? null], `${article.id} ${queryOf(filter)}`).toEqual([
            newer?.id ?? null,
            older?.id ?? null,
          ]);
        }
      }
    });

    it('search keeps and drops sources as the feed does, and its cursors belong to one source filter', async () => {
      const all = await ok<SearchPage>(api(), '/search?q=the&sort=newest&limit=50');
      expect(all.total).toBeGreaterThan(20);
      const byId = new Map(data.articles.map((a) => [a.id, a]));
      for (const filter of [FILTERS[0]!, FILTERS[2]!, FILTERS[4]!]) {
        const page = await ok<SearchPage>(api(), `/search?q=the&sort=newest&limit=50&${queryOf(filter)}`);
        const expected = all.items.filter((item) => passes(byId.get(item.id)!, filter)).map((item) => item.id);
        expect(page.items.map((item) => item.id)).toEqual(expected);
        expect(page.total).toBe(expected.length);
      }
      const first = await ok<SearchPage>(api(), '/search?q=the&limit=2&sources=bbc-news');
      expect(first.nextCursor).not.toBeNull();
      const other = await api().get(`/search?q=the&limit=2&sources=tass&cursor=${first.nextCursor}`);
      expect(other.status).toBe(400);
      expect((other.body as ErrorBody).error.code).toBe('bad_cursor');
      const next = await ok<SearchPage>(api(), `/search?q=the&limit=2&sources=bbc-news&cursor=${first.nextCursor}`);
      expect(next.items.every((item) => sourceOf(byId.get(item.id)!) === 'bbc-news')).toBe(true);
    });
  });

  describe('sources after a write', () => {
    it('a story from a new source is listed, counted and filtered at once', async () => {
      await withApi(make, data, async (api) => {
        const story: Article = {
          id: 'reykjavik-harbour-reopens',
          title: 'Reykjavík harbour reopens after the storm',
          lead: 'Ships are back.',
          publishedAt: '2026-11-27T18:00:00+03:00',
          topics: ['world'],
          pages: [['The harbour reopened on Friday.']],
          source: { name: 'RÚV English', url: 'https://www.ruv.is/english' },
        };
        await api.backend.news.upsert({ articles: [story] });
        const body = await ok<SourcesBody>(api, '/sources');
        expect(body.sources.find((s) => s.id === 'ruv-english')).toEqual({
          id: 'ruv-english',
          name: 'RÚV English',
          count: 1,
        });
        expect(await feedIds(api, 'sources=ruv-english')).toEqual([story.id]);
        // Moved to no source: counted under none, and gone from the list.
        await api.backend.news.upsert({ articles: [{ ...story, source: undefined }] });
        const after = await ok<SourcesBody>(api, '/sources');
        expect(after.sources.map((s) => s.id)).not.toContain('ruv-english');
        expect(after.unsourced).toBe(body.unsourced + 1);
        expect(await feedIds(api, 'sources=none')).toContain(story.id);
      });
    });
  });
}
