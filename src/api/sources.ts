import { queryOptions } from '@tanstack/react-query';
import { sourcesResponseSchema } from '@/contract/sources';
import { sourcesUrl } from './feed-requests';
import { getJson } from './http';

export const sourceQueries = {
  /** Every source with its number of stories, and how many stories have none. */
  all: () =>
    queryOptions({
      queryKey: ['sources'] as const,
      queryFn: ({ signal }) => getJson(sourcesUrl(), sourcesResponseSchema, { signal }),
      staleTime: 10 * 60_000,
    }),
};
