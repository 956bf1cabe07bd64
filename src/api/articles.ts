import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { articlePageResponseSchema, articleSchema } from '@/contract/news';
import { feedPageUrl, type FeedTopics } from './feed-requests';
import { apiUrl, getJson } from './http';

export const articleQueries = {
  all: () => ['articles'] as const,
  feed: (topics: FeedTopics) =>
    infiniteQueryOptions({
      queryKey: [...articleQueries.all(), 'feed', { topics }] as const,
      queryFn: ({ pageParam, signal }) =>
        getJson(feedPageUrl(topics, pageParam), articlePageResponseSchema, { signal }),
      initialPageParam: null as string | null,
      getNextPageParam: (lastPage) => lastPage.nextCursor,
    }),
  detail: (id: string) =>
    queryOptions({
      queryKey: [...articleQueries.all(), 'detail', id] as const,
      queryFn: ({ signal }) => getJson(apiUrl(`/articles/${encodeURIComponent(id)}`), articleSchema, { signal }),
      staleTime: 5 * 60_000,
    }),
};
