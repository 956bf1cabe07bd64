// The contract of the news endpoints: topics with counts, the feed and its cursors, `since` and `exclude`, whole
// articles and their neighbours; on the sample data, on purpose-made sets and on a generated archive checked
// against a brute-force reading of it.
import { describe, expect, it } from 'vitest';
import { readDataFolder } from '@/backend/embedded/news-data';
import { sortNewestFirst } from '@/backend/feed-cursor';
import type { Article } from '@/contract/news';
import { sampleData } from '../../helpers/fixtures';
import { generatedDataDir } from '../../helpers/generated-data';
import type { TestApi } from '../../helpers/test-api';
import { sharedApi, withApi, type BackendFactory } from './contract-api';

type Page = { items: Array<{ id: string; topics: string[]; publishedAt: string }>; nextCursor: string | null };
type ErrorBody = { error: { code: string; message: string } };
type TopicsBody = { topics: Array<{ id: string; name: string; count: number }> };

async function page(api: TestApi, url: string): Promise<Page> {
  const { status, body } = await api.get(url);
  expect(status, JSON.stringify(body)).toBe(200);
  return body as Page;
}

/** Every id of the feed, page by page, following the cursors. */
async function collectAll(api: TestApi, query = '', limit = 7): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const next: Page = await page(api, `/articles?limit=${limit}${query}${cursor ? `&cursor=${cursor}` : ''}`);
    ids.push(...next.items.map((i) => i.id));
    cursor = next.nextCursor;
  } while (cursor);
  return ids;
}

const newestFirst = sortNewestFirst(sampleData.articles);
const timeOf = (a: { publishedAt: string }) => Date.parse(a.publishedAt);

export function describeFeedContract(make: BackendFactory): void {
  describe('GET /topics', () => {
    const api = sharedApi(make, () => sampleData);

    it('lists topics in the data order with the number of articles in each', async () => {
      const { body, status } = await api().get('/topics');
      expect(status).toBe(200);
      const { topics } = body as TopicsBody;
      expect(topics.map((t) => [t.id, t.name])).toEqual(sampleData.topics.map((t) => [t.id, t.name]));
      for (const topic of topics) {
        expect(topic.count).toBe(sampleData.articles.filter((a) => a.topics.includes(topic.id)).length);
      }
    });

    it('with since, counts only the articles published strictly after it', async () => {
      const since = newestFirst[20]!.publishedAt;
      const { status, body } = await api().get(`/topics?since=${encodeURIComponent(since)}`);
      expect(status).toBe(200);
      const { topics } = body as TopicsBody;
      expect(topics.map((t) => t.id)).toEqual(sampleData.topics.map((t) => t.id));
      for (const topic of topics) {
        const newer = sampleData.articles.filter(
          (a) => a.topics.includes(topic.id) && Date.parse(a.publishedAt) > Date.parse(since),
        );
        expect(topic.count, topic.id).toBe(newer.length);
      }
      expect(topics.reduce((sum, t) => sum + t.count, 0)).toBeGreaterThan(0);
    });

    it('counts nothing after the newest article and everything before the oldest', async () => {
      const after = (await api().get(`/topics?since=${encodeURIComponent(newestFirst[0]!.publishedAt)}`))
        .body as TopicsBody;
      expect(after.topics.every((t) => t.count === 0)).toBe(true);
      expect((await api().get('/topics?since=2000-01-01T00:00:00Z')).body).toEqual((await api().get('/topics')).body);
    });
  });

  describe('GET /articles', () => {
    const api = sharedApi(make, () => sampleData);

    it('returns summaries newest first, 20 by default, with page and word counts but no pages', async () => {
      const first = (await page(api(), '/articles')) as Page & { items: Array<Record<string, unknown>> };
      const expected = newestFirst.slice(0, 20);
      expect(first.items.map((i) => i.id)).toEqual(expected.map((a) => a.id));
      const [item] = first.items;
      expect(item).not.toHaveProperty('pages');
      const { pages, ...summary } = expected[0]!;
      expect(item).toEqual({
        ...summary,
        pageCount: pages.length,
        wordCount: pages.flat().join(' ').split(/\s+/).length,
      });
      expect(first.nextCursor).toEqual(expect.any(String));
    });

    it('pages through everything once, in order, with no gaps or repeats', async () => {
      expect(await collectAll(api())).toEqual(newestFirst.map((a) => a.id));
    });

    it('keeps articles having any of the requested topics', async () => {
      const expected = newestFirst.filter((a) => a.topics.some((t) => t === 'politics' || t === 'sports'));
      expect(await collectAll(api(), '&topics=politics,sports', 5)).toEqual(expected.map((a) => a.id));
      // A topic named twice, and empty entries, change nothing.
      expect(await collectAll(api(), '&topics=politics,,sports,politics', 5)).toEqual(expected.map((a) => a.id));
    });

    it('treats "topics=,,," as every topic', async () => {
      expect((await page(api(), '/articles?topics=,,,&limit=3')).items.map((i) => i.id)).toEqual(
        newestFirst.slice(0, 3).map((a) => a.id),
      );
    });

    it.each([
      ['/articles?topics=politics,astrology', 'unknown_topic', 'astrology'],
      ['/articles?limit=0', 'bad_limit', 'limit'],
      ['/articles?limit=51', 'bad_limit', 'limit'],
      ['/articles?limit=ten', 'bad_limit', '"ten"'],
      ['/articles?cursor=not-a-cursor', 'bad_cursor', 'cursor'],
      ['/articles?cursor=%7B%7D', 'bad_cursor', 'cursor'],
    ])('%s is a 400 with a clear error', async (url, code, mentions) => {
      const { status, body } = await api().get(url);
      expect(status).toBe(400);
      const { error } = body as ErrorBody;
      expect(error.code).toBe(code);
      expect(error.message).toContain(mentions);
    });

    it('leaves out every article having any excluded topic, in full pages, ignoring unknown ids', async () => {
      const ids = await collectAll(api(), '&exclude=world,economy,no-such-topic', 4);
      const expected = newestFirst.filter((a) => !a.topics.some((t) => t === 'world' || t === 'economy'));
      expect(ids).toEqual(expected.map((a) => a.id));
      expect(ids.length).toBeLessThan(newestFirst.length); // the sample has such articles, so something was left out
      expect((await page(api(), '/articles?limit=4&exclude=world,economy')).items).toHaveLength(4);
    });

    it('combines exclude with topics: an article having a wanted and an excluded topic is left out', async () => {
      const ids = await collectAll(api(), '&topics=politics,world&exclude=economy', 3);
      const expected = newestFirst.filter(
        (a) => a.topics.some((t) => t === 'politics' || t === 'world') && !a.topics.includes('economy'),
      );
      expect(ids).toEqual(expected.map((a) => a.id));
      expect(await collectAll(api(), '&topics=world&exclude=world')).toEqual([]);
    });

    it.each(['', ',,', 'no-such-topic', 'NOT A SLUG'])('exclude=%s excludes nothing', async (exclude) => {
      expect(await collectAll(api(), `&exclude=${encodeURIComponent(exclude)}`, 20)).toEqual(
        newestFirst.map((a) => a.id),
      );
    });

    it('since keeps only articles published strictly after that instant, with paging', async () => {
      const pivot = newestFirst[9]!;
      // Expressed in another offset, to the millisecond: the same instant.
      const since = new Date(timeOf(pivot)).toISOString();
      const ids = await collectAll(api(), `&since=${encodeURIComponent(since)}`, 4);
      expect(ids).toEqual(newestFirst.filter((a) => timeOf(a) > timeOf(pivot)).map((a) => a.id));
      expect(ids).not.toContain(pivot.id);
      // The client's poll: the newest shown story's time minus 1 ms finds that story again and anything newer.
      const minus1 = new Date(timeOf(pivot) - 1).toISOString().replace('Z', '+00:00');
      expect(await collectAll(api(), `&since=${encodeURIComponent(minus1)}`, 50)).toContain(pivot.id);
    });

    it('since combines with topics, exclude and a cursor', async () => {
      const since = newestFirst[30]!.publishedAt;
      const query = `&since=${encodeURIComponent(since)}&topics=politics,world,society&exclude=economy`;
      const expected = newestFirst.filter(
        (a) =>
          timeOf(a) > Date.parse(since) &&
          a.topics.some((t) => ['politics', 'world', 'society'].includes(t)) &&
          !a.topics.includes('economy'),
      );
      expect(expected.length).toBeGreaterThan(2);
      expect(await collectAll(api(), query, 2)).toEqual(expected.map((a) => a.id));
    });

    it('since after the newest article gives an empty page and no cursor', async () => {
      const { body } = await api().get(`/articles?since=${encodeURIComponent(newestFirst[0]!.publishedAt)}`);
      expect(body).toEqual({ items: [], nextCursor: null });
    });

    it.each([
      ['not-a-date', 'not-a-date'],
      ['2026-11-27', '2026-11-27'],
      ['2026-11-27T10:00:00', '2026-11-27T10:00:00'],
      ['2026-02-30T10:00:00+03:00', '2026-02-30'],
      ['2026-11-27T10:00:00 03:00', '%2B'], // an unencoded "+" arrives as a space
    ])('since=%s is a 400 bad_since on /articles and /topics', async (since, mentions) => {
      for (const endpoint of ['/articles', '/topics']) {
        const { status, body } = await api().get(`${endpoint}?since=${encodeURIComponent(since)}`);
        expect(status).toBe(400);
        const { error } = body as ErrorBody;
        expect(error.code).toBe('bad_since');
        expect(error.message).toContain(mentions);
      }
    });
  });

  describe('GET /articles on purpose-made data', () => {
    it('keeps a cursor valid when newer articles arrive between two page requests', async () => {
      await withApi(make, sampleData, async (api) => {
        const first = await page(api, '/articles?limit=10');
        const fresh: Article = {
          ...sampleData.articles[0]!,
          id: 'breaking-newer-than-everything',
          publishedAt: '2026-11-28T09:00:00+03:00',
        };
        await api.backend.news.upsert({ articles: [fresh] });
        expect((await page(api, '/articles?limit=1')).items[0]!.id).toBe(fresh.id);
        const second = await page(api, `/articles?limit=10&cursor=${first.nextCursor}`);
        expect(second.items.map((i) => i.id)).toEqual(newestFirst.slice(10, 20).map((a) => a.id));
      });
    });

    it('keeps a total order for articles published at the same minute (by id)', async () => {
      const same = sampleData.articles
        .slice(0, 6)
        .map((a, i) => ({ ...a, id: `same-${5 - i}`, related: [], publishedAt: '2026-11-20T10:00:00+03:00' }));
      await withApi(make, { ...sampleData, articles: same }, async (api) => {
        expect(await collectAll(api, '', 4)).toEqual(['same-0', 'same-1', 'same-2', 'same-3', 'same-4', 'same-5']);
      });
    });

    it('excludes by any topic when there are more topics than fit one 32-bit word', async () => {
      const topics = Array.from({ length: 70 }, (_, k) => ({ id: `topic-${k}`, name: `Topic ${k}` }));
      const articles = sampleData.articles.map((a, i) => ({
        ...a,
        related: [],
        topics: [`topic-${i}`, `topic-${i + 20}`],
      }));
      await withApi(make, { ...sampleData, topics, articles }, async (api) => {
        const ids = await collectAll(api, '&exclude=topic-3,topic-40,topic-64', 5);
        const left = ['topic-3', 'topic-40', 'topic-64'];
        expect(ids).toEqual(
          sortNewestFirst(articles.filter((a) => !a.topics.some((t) => left.includes(t)))).map((a) => a.id),
        );
        expect(ids).toHaveLength(articles.length - 4); // articles 3, 20 and 40 (topic-40), 44 (topic-64)
      });
    });
  });

  describe('GET /articles/:id and /articles/:id/neighbours', () => {
    const api = sharedApi(make, () => sampleData);
    type Neighbours = { newer: { id: string } | null; older: { id: string } | null };
    const neighbours = (id: string, query = '') => api().get(`/articles/${id}/neighbours${query}`);

    it('returns the whole article', async () => {
      const article = sampleData.articles[3]!;
      const { status, body } = await api().get(`/articles/${article.id}`);
      expect([status, body]).toEqual([200, article]);
    });

    it('answers 404 not_found for an unknown id', async () => {
      expect(await api().get('/articles/no-such-article')).toMatchObject({
        status: 404,
        body: { error: { code: 'not_found', message: expect.stringContaining('no-such-article') } },
      });
    });

    it('gives the stories just above and below each article in the feed’s order, for every filter', async () => {
      for (const query of [
        '',
        '&topics=economy,science',
        '&exclude=politics',
        '&topics=world,economy&exclude=defense',
      ]) {
        const order = await collectAll(api(), query);
        for (const [i, id] of order.entries()) {
          const { status, body } = await neighbours(id, `?${query.slice(1)}`);
          expect(status).toBe(200);
          const { newer, older } = body as Neighbours;
          expect([newer?.id ?? null, older?.id ?? null]).toEqual([order[i - 1] ?? null, order[i + 1] ?? null]);
        }
      }
    });

    it('sends the neighbours as summaries', async () => {
      const [first, second] = newestFirst;
      const { body } = await neighbours(first!.id);
      const { pages, ...summary } = second!;
      expect(body).toEqual({
        newer: null,
        older: { ...summary, pageCount: pages.length, wordCount: pages.flat().join(' ').split(/\s+/).length },
      });
    });

    it('places an article the filter leaves out where it would stand', async () => {
      const all = await collectAll(api());
      const economy = await collectAll(api(), '&topics=economy');
      const outsider = all.find((id, i) => i > 0 && !economy.includes(id) && all.indexOf(economy.at(-1)!) > i)!;
      const { newer, older } = (await neighbours(outsider, '?topics=economy')).body as Neighbours;
      const above =
        all
          .slice(0, all.indexOf(outsider))
          .filter((id) => economy.includes(id))
          .at(-1) ?? null;
      const below = all.slice(all.indexOf(outsider)).find((id) => economy.includes(id)) ?? null;
      expect([newer?.id ?? null, older?.id ?? null]).toEqual([above, below]);
    });

    it('answers 404 for an unknown article and 400 for an unknown topic', async () => {
      expect(await neighbours('no-such-article')).toMatchObject({
        status: 404,
        body: { error: { code: 'not_found' } },
      });
      const id = sampleData.articles[0]!.id;
      expect(await neighbours(id, '?topics=nope')).toMatchObject({
        status: 400,
        body: { error: { code: 'unknown_topic' } },
      });
    });
  });

  describe('the feed of a generated archive, against a full scan', () => {
    const raw = readDataFolder(generatedDataDir(600, 11));
    const archive = sortNewestFirst(raw.articles);
    const api = sharedApi(make, () => raw);

    it('counts each topic, in all and since an instant, as a full scan would', async () => {
      for (const since of [null, '2026-11-20T00:00:00+03:00', '2026-03-01T09:30:00Z', archive[77]!.publishedAt]) {
        const { body } = await api().get(since ? `/topics?since=${encodeURIComponent(since)}` : '/topics');
        for (const topic of (body as TopicsBody).topics) {
          const counted = raw.articles.filter(
            (a) => a.topics.includes(topic.id) && (since === null || Date.parse(a.publishedAt) > Date.parse(since)),
          );
          expect(topic.count, `${topic.id} since ${since}`).toBe(counted.length);
        }
      }
    });

    it.each([
      [{}, 7],
      [{}, 50],
      [{ topics: 'sports' }, 9],
      [{ topics: 'politics,economy,science' }, 20],
      [{ exclude: 'world' }, 20],
      [{ exclude: 'politics,economy,society,world,no-such-topic' }, 7],
      [{ topics: 'politics,economy,science', exclude: 'economy,sports' }, 11],
      [{ since: '2026-10-01T00:00:00+03:00' }, 50],
      [{ since: '2026-06-15T12:34:56.789Z', topics: 'sports,defense', exclude: 'world' }, 9],
    ])('pages through %o (limit %i) as a full scan would', async (params: Record<string, string>, limit) => {
      const wanted = params.topics?.split(',') ?? null;
      const excluded = params.exclude?.split(',') ?? [];
      const since = params.since ? Date.parse(params.since) : -Infinity;
      const expected = archive
        .filter((a) => !wanted || a.topics.some((t) => wanted.includes(t)))
        .filter((a) => !a.topics.some((t) => excluded.includes(t)))
        .filter((a) => Date.parse(a.publishedAt) > since)
        .map((a) => a.id);
      expect(expected.length).toBeGreaterThan(limit);
      const query = Object.entries(params)
        .map(([key, value]) => `&${key}=${encodeURIComponent(value)}`)
        .join('');
      expect(await collectAll(api(), query, limit)).toEqual(expected);
    });

    it('returns whole articles as they were given', async () => {
      const article = raw.articles[123]!;
      expect((await api().get(`/articles/${article.id}`)).body).toEqual(article);
    });
  });
}
