import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import * as v from 'valibot';
import { articleSchema, articleSummarySchema } from '@/contract/news';
import { feedPageUrl, type FeedTopics } from './feed-requests';
import { apiUrl, getJson } from './http';
import { keepValidItems, uncheckedItems } from './lenient-list';

const feedPageSchema = v.object({ items: uncheckedItems, nextCursor: v.nullable(v.string()) });

export const articleQueries = {
  all: () => ['articles'] as const,
  feed: (topics: FeedTopics) =>
    infiniteQueryOptions({
      queryKey: [...articleQueries.all(), 'feed', { topics }] as const,
      queryFn: async ({ pageParam, signal }) => {
        const page = await getJson(feedPageUrl(topics, pageParam), feedPageSchema, { signal });
        return { ...page, ...keepValidItems(page.items, articleSummarySchema) };
      },
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
