import { queryOptions } from '@tanstack/react-query';
import { getJson } from './http';
import { topicsResponseSchema } from './schemas';

export const topicQueries = {
  all: () =>
    queryOptions({
      queryKey: ['topics'] as const,
      queryFn: ({ signal }) => getJson('/topics', topicsResponseSchema, { signal }).then((r) => r.topics),
      staleTime: 10 * 60_000,
    }),
};
