// GET /search: query options. Only the search view imports this (its own lazy chunk).
import { infiniteQueryOptions } from '@tanstack/react-query';
import { DEFAULT_PAGE_SIZE } from '@/contract/paging';
import { searchQueryParams, searchResponseSchema, type SearchRequest } from '@/contract/search';
import { apiUrl, getJson } from './http';

export const searchQueries = {
  all: () => ['search'] as const,
  results: (request: SearchRequest) =>
    infiniteQueryOptions({
      queryKey: [...searchQueries.all(), request] as const,
      queryFn: ({ pageParam, signal }) =>
        getJson(
          apiUrl('/search', searchQueryParams(request, { cursor: pageParam, limit: DEFAULT_PAGE_SIZE })),
          searchResponseSchema,
          {
            signal,
          },
        ),
      initialPageParam: null as string | null,
      getNextPageParam: (lastPage) => lastPage.nextCursor,
    }),
};
