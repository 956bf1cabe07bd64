// GET /topics, /articles, /articles/:id over the validated data files.
import type { Article, ArticleSummary } from '../contract/news.ts';
import { countWords } from '../contract/words.ts';
import { apiError, isResponse, ok, type Route } from './api-response.ts';
import { compareNewestFirst, decodeCursor, pageAfter, type CursorPosition } from './cursor.ts';
import type { MockData } from './load-mock-data.ts';
import { readLimit, readTopics } from './query-params.ts';

export function toSummary(article: Article): ArticleSummary {
  const { pages, ...rest } = article;
  const wordCount = pages.flat().reduce((sum, paragraph) => sum + countWords(paragraph), 0);
  return { ...rest, pageCount: pages.length, wordCount };
}

const articlePosition = (article: Pick<Article, 'publishedAt' | 'id'>): CursorPosition => ({
  time: Date.parse(article.publishedAt),
  id: article.id,
});

export function sortNewestFirst<T extends Pick<Article, 'publishedAt' | 'id'>>(articles: readonly T[]): T[] {
  return [...articles].sort((a, b) => compareNewestFirst(articlePosition(a), articlePosition(b)));
}

export function newsRoutes(data: MockData): Route[] {
  const sorted = sortNewestFirst(data.articles);
  const byId = new Map(data.articles.map((a) => [a.id, a]));
  const topicIds = new Set(data.topics.map((t) => t.id));

  return [
    {
      method: 'GET',
      pattern: '/topics',
      handle: () =>
        ok({
          topics: data.topics.map((topic) => ({
            ...topic,
            count: data.articles.filter((a) => a.topics.includes(topic.id)).length,
          })),
        }),
    },
    {
      method: 'GET',
      pattern: '/articles',
      handle: (_params, query) => {
        const topics = readTopics(query, topicIds);
        if (isResponse(topics)) return topics;
        const limit = readLimit(query);
        if (isResponse(limit)) return limit;
        const rawCursor = query.get('cursor');
        const cursor = rawCursor ? decodeCursor(rawCursor) : null;
        if (rawCursor && !cursor)
          return apiError(400, 'bad_cursor', 'The cursor is not valid; start again from the first page');
        const matching = topics ? sorted.filter((a) => a.topics.some((t) => topics.includes(t))) : sorted;
        const page = pageAfter(matching, articlePosition, cursor, limit);
        return ok({ items: page.items.map(toSummary), nextCursor: page.nextCursor });
      },
    },
    {
      method: 'GET',
      pattern: '/articles/:id',
      handle: ({ id }) => {
        const article = byId.get(id!);
        return article ? ok(article) : apiError(404, 'not_found', `No article with id "${id}"`);
      },
    },
  ];
}
