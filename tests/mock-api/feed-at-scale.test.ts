// The precomputed feed (topic counts, per-topic lists, binary-searched cursors) against a brute-force reading of
// a generated data set.
import { describe, expect, it } from 'vitest';
import { createMockApi } from '@/mock-api/api-core';
import { loadMockData, loadNewsData } from '@/mock-api/load-mock-data';
import { sortNewestFirst } from '@/mock-api/news-routes';
import { generatedDataDir } from '../helpers/generated-data';

const dir = generatedDataDir(600, 11);
const raw = loadMockData(dir);
const api = createMockApi(loadNewsData(dir));
const newestFirst = sortNewestFirst(raw.articles);

function get(path: string, params: Record<string, string>) {
  const response = api({ method: 'GET', path, query: new URLSearchParams(params) });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body as { items: { id: string }[]; nextCursor: string | null };
}

function readWholeFeed(params: Record<string, string>): string[] {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const page = get('/articles', { ...params, ...(cursor ? { cursor } : {}) });
    ids.push(...page.items.map((i) => i.id));
    cursor = page.nextCursor;
  } while (cursor && ids.length <= raw.articles.length);
  return ids;
}

describe('the feed of a generated archive', () => {
  it('counts each topic as a full scan would', () => {
    const { topics } = api({ method: 'GET', path: '/topics', query: new URLSearchParams() }).body as {
      topics: { id: string; count: number }[];
    };
    for (const topic of topics) {
      expect(topic.count, topic.id).toBe(raw.articles.filter((a) => a.topics.includes(topic.id)).length);
    }
  });

  it.each([
    [{}, 7],
    [{}, 50],
    [{ topics: 'sports' }, 9],
    [{ topics: 'politics,economy,science' }, 20],
  ])('pages through %o (limit %i) returning every article once, in order', (params, limit) => {
    const wanted = 'topics' in params ? params.topics.split(',') : null;
    const expected = newestFirst.filter((a) => !wanted || a.topics.some((t) => wanted.includes(t))).map((a) => a.id);
    expect(readWholeFeed({ ...params, limit: String(limit) })).toEqual(expected);
  });

  it.each([
    [{ exclude: 'world' }, 20],
    [{ exclude: 'politics,economy,society,world,no-such-topic' }, 7],
    [{ topics: 'politics,economy,science', exclude: 'economy,sports' }, 11],
    [{ since: '2026-10-01T00:00:00+03:00' }, 50],
    [{ since: '2026-06-15T12:34:56.789Z', topics: 'sports,defense', exclude: 'world' }, 9],
  ])('pages through %o (limit %i) as a full scan would', (params, limit) => {
    const wanted = 'topics' in params ? params.topics.split(',') : null;
    const excluded = 'exclude' in params ? params.exclude.split(',') : [];
    const since = 'since' in params ? Date.parse(params.since) : -Infinity;
    const expected = newestFirst
      .filter((a) => !wanted || a.topics.some((t) => wanted.includes(t)))
      .filter((a) => !a.topics.some((t) => excluded.includes(t)))
      .filter((a) => Date.parse(a.publishedAt) > since)
      .map((a) => a.id);
    expect(expected.length).toBeGreaterThan(limit);
    expect(readWholeFeed({ ...params, limit: String(limit) })).toEqual(expected);
  });

  it('counts each topic since an instant as a full scan would', () => {
    for (const since of ['2026-11-20T00:00:00+03:00', '2026-03-01T09:30:00Z', newestFirst[77]!.publishedAt]) {
      const { topics } = api({ method: 'GET', path: '/topics', query: new URLSearchParams({ since }) }).body as {
        topics: { id: string; count: number }[];
      };
      for (const topic of topics) {
        const newer = raw.articles.filter(
          (a) => a.topics.includes(topic.id) && Date.parse(a.publishedAt) > Date.parse(since),
        );
        expect(topic.count, `${topic.id} since ${since}`).toBe(newer.length);
      }
    }
  });

  it('returns whole articles and summaries with their counts', () => {
    const article = raw.articles[123]!;
    expect(api({ method: 'GET', path: `/articles/${article.id}`, query: new URLSearchParams() }).body).toEqual(article);
    const summary = get('/articles', { limit: '50' }).items.find((i) => i.id === newestFirst[10]!.id) as unknown as {
      wordCount: number;
      pageCount: number;
    };
    const source = newestFirst[10]!;
    expect(summary.pageCount).toBe(source.pages.length);
    expect(summary.wordCount).toBe(source.pages.flat().join(' ').split(/\s+/).length);
  });
});
