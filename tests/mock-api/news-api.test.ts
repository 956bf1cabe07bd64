import { describe, expect, it } from 'vitest';
import type { Article } from '@/contract/news';
import { createMockApi, type MockApi } from '@/mock-api/api-core';
import { sortNewestFirst } from '@/mock-api/news-routes';
import { sampleData } from '../helpers/fixtures';

const api = createMockApi(sampleData);

function get(handler: MockApi, url: string) {
  const parsed = new URL(url, 'http://x');
  return handler({ method: 'GET', path: parsed.pathname, query: parsed.searchParams });
}

type Page = { items: Array<{ id: string; topics: string[]; publishedAt: string }>; nextCursor: string | null };

function collectAll(handler: MockApi, query = '', limit = 7) {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const response = get(handler, `/articles?limit=${limit}${query}${cursor ? `&cursor=${cursor}` : ''}`);
    expect(response.status).toBe(200);
    const page = response.body as Page;
    ids.push(...page.items.map((i) => i.id));
    cursor = page.nextCursor;
  } while (cursor);
  return ids;
}

describe('GET /topics', () => {
  it('lists topics with the number of articles in each', () => {
    const { body, status } = get(api, '/topics');
    expect(status).toBe(200);
    const topics = (body as { topics: Array<{ id: string; name: string; count: number }> }).topics;
    expect(topics.map((t) => t.id)).toEqual(sampleData.topics.map((t) => t.id));
    for (const topic of topics) {
      expect(topic.count).toBe(sampleData.articles.filter((a) => a.topics.includes(topic.id)).length);
    }
  });
});

describe('GET /articles', () => {
  it('returns summaries newest first, 20 by default, with page and word counts but no pages', () => {
    const page = get(api, '/articles').body as Page & { items: Array<Record<string, unknown>> };
    const expected = sortNewestFirst(sampleData.articles).slice(0, 20);
    expect(page.items.map((i) => i.id)).toEqual(expected.map((a) => a.id));
    const first = page.items[0]!;
    expect(first).not.toHaveProperty('pages');
    expect(first.pageCount).toBe(expected[0]!.pages.length);
    expect(first.wordCount).toBe(expected[0]!.pages.flat().join(' ').split(/\s+/).length);
    expect(page.nextCursor).toEqual(expect.any(String));
  });

  it('pages through everything once, in order, with no gaps or repeats', () => {
    const ids = collectAll(api);
    expect(ids).toEqual(sortNewestFirst(sampleData.articles).map((a) => a.id));
  });

  it('keeps articles having any of the requested topics', () => {
    const ids = collectAll(api, '&topics=politics,sports', 5);
    const expected = sortNewestFirst(sampleData.articles).filter((a) =>
      a.topics.some((t) => t === 'politics' || t === 'sports'),
    );
    expect(ids).toEqual(expected.map((a) => a.id));
  });

  it('stays correct when newer articles arrive between two page requests', () => {
    const first = get(api, '/articles?limit=10').body as Page;
    const fresh: Article = {
      ...sampleData.articles[0]!,
      id: 'breaking-newer-than-everything',
      publishedAt: '2026-12-31T23:00:00+03:00',
    };
    const grown = createMockApi({ ...sampleData, articles: [fresh, ...sampleData.articles] });
    const second = get(grown, `/articles?limit=10&cursor=${first.nextCursor}`).body as Page;
    const expected = sortNewestFirst(sampleData.articles)
      .slice(10, 20)
      .map((a) => a.id);
    expect(second.items.map((i) => i.id)).toEqual(expected);
  });

  it('keeps a total order for articles published at the same minute', () => {
    const same = sampleData.articles
      .slice(0, 6)
      .map((a, i) => ({ ...a, id: `same-${5 - i}`, publishedAt: '2026-11-20T10:00:00+03:00' }));
    const ids = collectAll(createMockApi({ ...sampleData, articles: same }), '', 4);
    expect(ids).toEqual(['same-0', 'same-1', 'same-2', 'same-3', 'same-4', 'same-5']);
  });

  it.each([
    ['/articles?topics=politics,astrology', 'unknown_topic', 'astrology'],
    ['/articles?limit=0', 'bad_limit', 'limit'],
    ['/articles?limit=51', 'bad_limit', 'limit'],
    ['/articles?limit=ten', 'bad_limit', 'limit'],
    ['/articles?cursor=not-a-cursor', 'bad_cursor', 'cursor'],
    ['/articles?cursor=%7B%7D', 'bad_cursor', 'cursor'],
  ])('%s is a 400 with a clear error', (url, code, mentions) => {
    const { status, body } = get(api, url);
    expect(status).toBe(400);
    const error = (body as { error: { code: string; message: string } }).error;
    expect(error.code).toBe(code);
    expect(error.message).toContain(mentions);
  });
});

describe('GET /articles with exclude and since', () => {
  const newestFirst = sortNewestFirst(sampleData.articles);
  const timeOf = (a: { publishedAt: string }) => Date.parse(a.publishedAt);

  it('leaves out every article having any excluded topic, in full pages, ignoring unknown ids', () => {
    const ids = collectAll(api, '&exclude=world,economy,no-such-topic', 4);
    const expected = newestFirst.filter((a) => !a.topics.some((t) => t === 'world' || t === 'economy'));
    expect(ids).toEqual(expected.map((a) => a.id));
    expect(ids.length).toBeLessThan(newestFirst.length); // the sample has such articles, so something was left out
    const first = get(api, '/articles?limit=4&exclude=world,economy').body as Page;
    expect(first.items).toHaveLength(4);
  });

  it('combines exclude with topics: an article having a wanted and an excluded topic is left out', () => {
    const ids = collectAll(api, '&topics=politics,world&exclude=economy', 3);
    const expected = newestFirst.filter(
      (a) => a.topics.some((t) => t === 'politics' || t === 'world') && !a.topics.includes('economy'),
    );
    expect(ids).toEqual(expected.map((a) => a.id));
    expect(collectAll(api, '&topics=world&exclude=world')).toEqual([]);
  });

  it('excludes by any topic when there are more topics than fit one 32-bit word', () => {
    const topics = Array.from({ length: 70 }, (_, k) => ({ id: `topic-${k}`, name: `Topic ${k}` }));
    const articles = sampleData.articles.map((a, i) => ({
      ...a,
      related: [],
      topics: [`topic-${i}`, `topic-${i + 20}`],
    }));
    const many = createMockApi({ ...sampleData, topics, articles });
    const ids = collectAll(many, '&exclude=topic-3,topic-40,topic-64', 5);
    const left = ['topic-3', 'topic-40', 'topic-64'];
    expect(ids).toEqual(
      sortNewestFirst(articles.filter((a) => !a.topics.some((t) => left.includes(t)))).map((a) => a.id),
    );
    expect(ids).toHaveLength(articles.length - 4); // articles 3, 20 and 40 (topic-40), 44 (topic-64)
  });

  it.each(['', ',,', 'no-such-topic', 'NOT A SLUG'])('exclude=%s excludes nothing', (exclude) => {
    expect(collectAll(api, `&exclude=${encodeURIComponent(exclude)}`, 20)).toEqual(newestFirst.map((a) => a.id));
  });

  it('since keeps only articles published strictly after that instant, with paging', () => {
    const pivot = newestFirst[9]!;
    // Expressed in another offset, to the millisecond: the same instant.
    const since = new Date(timeOf(pivot)).toISOString();
    const ids = collectAll(api, `&since=${encodeURIComponent(since)}`, 4);
    expect(ids).toEqual(newestFirst.filter((a) => timeOf(a) > timeOf(pivot)).map((a) => a.id));
    expect(ids).not.toContain(pivot.id);
    // The client's poll: the newest shown story's time minus 1 ms finds that story again and anything newer.
    const minus1 = new Date(timeOf(pivot) - 1).toISOString().replace('Z', '+00:00');
    expect(collectAll(api, `&since=${encodeURIComponent(minus1)}`, 50)).toContain(pivot.id);
  });

  it('since combines with topics, exclude and a cursor', () => {
    const since = newestFirst[30]!.publishedAt;
    const query = `&since=${encodeURIComponent(since)}&topics=politics,world,society&exclude=economy`;
    const expected = newestFirst.filter(
      (a) =>
        timeOf(a) > Date.parse(since) &&
        a.topics.some((t) => ['politics', 'world', 'society'].includes(t)) &&
        !a.topics.includes('economy'),
    );
    expect(expected.length).toBeGreaterThan(2);
    expect(collectAll(api, query, 2)).toEqual(expected.map((a) => a.id));
  });

  it('since after the newest article gives an empty page and no cursor', () => {
    const newest = newestFirst[0]!;
    expect(get(api, `/articles?since=${encodeURIComponent(newest.publishedAt)}`).body).toEqual({
      items: [],
      nextCursor: null,
    });
  });

  it.each([
    ['not-a-date', 'not-a-date'],
    ['2026-11-27', '2026-11-27'],
    ['2026-11-27T10:00:00', '2026-11-27T10:00:00'],
    ['2026-02-30T10:00:00+03:00', '2026-02-30'],
    ['2026-11-27T10:00:00 03:00', '%2B'], // an unencoded "+" arrives as a space
  ])('since=%s is a 400 bad_since on /articles and /topics', (since, mentions) => {
    for (const endpoint of ['/articles', '/topics']) {
      const { status, body } = get(api, `${endpoint}?since=${encodeURIComponent(since)}`);
      expect(status).toBe(400);
      const error = (body as { error: { code: string; message: string } }).error;
      expect(error.code).toBe('bad_since');
      expect(error.message).toContain(mentions);
    }
  });

  it.each([
    '/articles?since=2026-11-20T00:00:00Z&since=2026-11-21T00:00:00Z',
    '/articles?exclude=world&exclude=sports',
  ])('%s is a 400 repeated_parameter', (url) => {
    expect(get(api, url)).toMatchObject({ status: 400, body: { error: { code: 'repeated_parameter' } } });
  });
});

describe('GET /topics?since', () => {
  it('counts only the articles published strictly after since', () => {
    const since = sortNewestFirst(sampleData.articles)[20]!.publishedAt;
    const { status, body } = get(api, `/topics?since=${encodeURIComponent(since)}`);
    expect(status).toBe(200);
    const topics = (body as { topics: Array<{ id: string; name: string; count: number }> }).topics;
    expect(topics.map((t) => t.id)).toEqual(sampleData.topics.map((t) => t.id));
    for (const topic of topics) {
      const newer = sampleData.articles.filter(
        (a) => a.topics.includes(topic.id) && Date.parse(a.publishedAt) > Date.parse(since),
      );
      expect(topic.count, topic.id).toBe(newer.length);
    }
    expect(topics.reduce((sum, t) => sum + t.count, 0)).toBeGreaterThan(0);
  });

  it('counts nothing after the newest article and everything before the oldest', () => {
    const [newest] = sortNewestFirst(sampleData.articles);
    const after = get(api, `/topics?since=${encodeURIComponent(newest!.publishedAt)}`).body as {
      topics: Array<{ count: number }>;
    };
    expect(after.topics.every((t) => t.count === 0)).toBe(true);
    expect(get(api, '/topics?since=2000-01-01T00:00:00Z').body).toEqual(get(api, '/topics').body);
  });
});

describe('GET /articles/:id', () => {
  it('returns the whole article', () => {
    const article = sampleData.articles[3]!;
    expect(get(api, `/articles/${article.id}`)).toEqual({ status: 200, body: article });
  });

  it('answers 404 for an unknown id and for an unknown endpoint, 405 for other methods', () => {
    expect(get(api, '/articles/no-such-article')).toMatchObject({
      status: 404,
      body: { error: { code: 'not_found' } },
    });
    expect(get(api, '/nothing-here')).toMatchObject({ status: 404 });
    const url = new URL('http://x/articles');
    expect(api({ method: 'POST', path: url.pathname, query: url.searchParams }).status).toBe(405);
  });
});

describe('GET /articles/:id/neighbours', () => {
  type Neighbours = { newer: { id: string } | null; older: { id: string } | null };
  const neighbours = (id: string, query = '') => get(api, `/articles/${id}/neighbours${query}`);

  it('gives the stories just above and below each article in the feed’s order, for every filter', () => {
    for (const query of ['', '&topics=economy,science', '&exclude=politics', '&topics=world,economy&exclude=defense']) {
      const order = collectAll(api, query);
      order.forEach((id, i) => {
        const { status, body } = neighbours(id, `?${query.slice(1)}`);
        expect(status).toBe(200);
        const { newer, older } = body as Neighbours;
        expect([newer?.id ?? null, older?.id ?? null]).toEqual([order[i - 1] ?? null, order[i + 1] ?? null]);
      });
    }
  });

  it('places an article the filter leaves out where it would stand', () => {
    const all = collectAll(api);
    const economy = collectAll(api, '&topics=economy');
    const outsider = all.find((id, i) => i > 0 && !economy.includes(id) && all.indexOf(economy.at(-1)!) > i)!;
    const { newer, older } = neighbours(outsider, '?topics=economy').body as Neighbours;
    const above =
      all
        .slice(0, all.indexOf(outsider))
        .filter((id) => economy.includes(id))
        .at(-1) ?? null;
    const below = all.slice(all.indexOf(outsider)).find((id) => economy.includes(id)) ?? null;
    expect([newer?.id ?? null, older?.id ?? null]).toEqual([above, below]);
  });

  it('answers 404 for an unknown article and 400 for an unknown topic', () => {
    expect(neighbours('no-such-article')).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
    const id = sampleData.articles[0]!.id;
    expect(neighbours(id, '?topics=nope')).toMatchObject({ status: 400, body: { error: { code: 'unknown_topic' } } });
  });
});
