import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { articlePageResponseSchema, articleSchema } from '@/contract/news';
import { DEFAULT_PAGE_SIZE } from '@/contract/paging';
import { getJson } from './http';

/** `topics` null means every topic; otherwise a sorted, non-empty list of ids. */
export type FeedTopics = readonly string[] | null;

export const articleQueries = {
  all: () => ['articles'] as const,
  feed: (topics: FeedTopics) =>
    infiniteQueryOptions({
      queryKey: [...articleQueries.all(), 'feed', { topics }] as const,
      queryFn: ({ pageParam, signal }) =>
        getJson('/articles', articlePageResponseSchema, {
          signal,
          params: { topics: topics?.join(','), cursor: pageParam ?? undefined, limit: DEFAULT_PAGE_SIZE },
        }),
      initialPageParam: null as string | null,
      getNextPageParam: (lastPage) => lastPage.nextCursor,
    }),
  detail: (id: string) =>
    queryOptions({
      queryKey: [...articleQueries.all(), 'detail', id] as const,
      queryFn: ({ signal }) => getJson(`/articles/${encodeURIComponent(id)}`, articleSchema, { signal }),
      staleTime: 5 * 60_000,
    }),
};
