import { queryOptions } from '@tanstack/react-query';
import { NO_SOURCE_ID, sourcesResponseSchema, type SourcesResponse, type SourceWithCount } from '@/contract/sources';
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

/** The sources a filter offers: each named source (by name), then the stories without one, when there are any. */
export function sourceChoices(list: SourcesResponse): SourceWithCount[] {
  const unsourced = { id: NO_SOURCE_ID, name: 'Without a source', count: list.unsourced };
  return [...list.sources, ...(list.unsourced > 0 ? [unsourced] : [])];
}
