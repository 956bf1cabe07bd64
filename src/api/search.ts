// GET /search: wire format and query options. Only the search view imports this (its own lazy chunk).
import { infiniteQueryOptions } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { getJson } from './http';
import { articleSummarySchema } from './schemas';

export const SEARCH_PAGE_SIZE = 20;
/** The API refuses longer queries (counted after trimming). */
export const MAX_SEARCH_QUERY_LENGTH = 200;

export type SearchSort = 'relevance' | 'newest';

export const searchResultSchema = z.extend(articleSummarySchema, { snippet: z.string() });

export const searchResponseSchema = z.object({
  items: z.array(searchResultSchema),
  total: z.number().check(z.refine((n) => Number.isInteger(n) && n >= 0, 'must be a whole number')),
  nextCursor: z.nullable(z.string()),
});

export type SearchResult = z.infer<typeof searchResultSchema>;
export type SearchResponse = z.infer<typeof searchResponseSchema>;

export interface SearchRequest {
  /** Trimmed, 1..200 characters. */
  q: string;
  /** Sorted topic ids (any of them), or null for every topic. */
  topics: readonly string[] | null;
  /** Inclusive agency-zone days, YYYY-MM-DD. */
  from: string | null;
  to: string | null;
  sort: SearchSort;
}

export const searchQueries = {
  all: () => ['search'] as const,
  results: (request: SearchRequest) =>
    infiniteQueryOptions({
      queryKey: [...searchQueries.all(), request] as const,
      queryFn: ({ pageParam, signal }) =>
        getJson('/search', searchResponseSchema, {
          signal,
          params: {
            q: request.q,
            topics: request.topics?.join(','),
            from: request.from ?? undefined,
            to: request.to ?? undefined,
            sort: request.sort === 'relevance' ? undefined : request.sort,
            cursor: pageParam ?? undefined,
            limit: SEARCH_PAGE_SIZE,
          },
        }),
      initialPageParam: null as string | null,
      getNextPageParam: (lastPage) => lastPage.nextCursor,
    }),
};
