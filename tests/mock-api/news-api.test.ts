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
