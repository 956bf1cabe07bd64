// The embedded engine's answers to the news port's questions, asked through its routes, so a PostgreSQL answer can
// be compared with what the embedded store serves for the same data. Cursors compare as the embedded route's
// tokens: the PostgreSQL port's next position encoded the same way.
import type { FeedFilter, FeedPage, FeedPageRequest } from '@/backend/ports';
import { encodeCursor } from '@/mock-api/cursor';
import type { NewsData } from '@/mock-api/load-mock-data';
import { newsRoutes } from '@/mock-api/news-routes';

function filterQuery({ topics, exclude }: FeedFilter): URLSearchParams {
  const query = new URLSearchParams();
  if (topics) query.set('topics', topics.join(','));
  if (exclude.length > 0) query.set('exclude', exclude.join(','));
  return query;
}

export const wirePage = (page: FeedPage) => ({ items: page.items, nextCursor: page.next && encodeCursor(page.next) });

export function embeddedReference(data: NewsData) {
  const routes = newsRoutes(data);
  const call = (pattern: string, params: Record<string, string>, query: URLSearchParams) => {
    const response = routes.find((route) => route.pattern === pattern)!.handle(params, query);
    if (response.status !== 200) throw new Error(`${pattern}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  };
  return {
    topics(since: number | null) {
      const query = new URLSearchParams(since === null ? {} : { since: new Date(since).toISOString() });
      return (call('/topics', {}, query) as { topics: unknown[] }).topics;
    },
    feedPage({ since, after, limit, ...filter }: FeedPageRequest) {
      const query = filterQuery(filter);
      query.set('limit', String(limit));
      if (since !== null) query.set('since', new Date(since).toISOString());
      if (after) query.set('cursor', encodeCursor(after));
      return call('/articles', {}, query) as ReturnType<typeof wirePage>;
    },
    article: (id: string) => call('/articles/:id', { id }, new URLSearchParams()),
    neighbours: (id: string, filter: FeedFilter) => call('/articles/:id/neighbours', { id }, filterQuery(filter)),
  };
}
