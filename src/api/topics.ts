import { queryOptions } from '@tanstack/react-query';
import { topicsResponseSchema } from '@/contract/news';
import { topicsUrl } from './feed-requests';
import { getJson } from './http';

export const topicQueries = {
  all: () =>
    queryOptions({
      queryKey: ['topics'] as const,
      queryFn: ({ signal }) => getJson(topicsUrl(), topicsResponseSchema, { signal }).then((r) => r.topics),
      staleTime: 10 * 60_000,
    }),
};
