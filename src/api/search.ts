// GET /search: query options. Only the search view imports this (its own lazy chunk).
import { infiniteQueryOptions } from '@tanstack/react-query';
import * as v from 'valibot';
import { DEFAULT_PAGE_SIZE } from '@/contract/paging';
import { searchQueryParams, searchResultSchema, type SearchRequest } from '@/contract/search';
import { apiUrl, getJson } from './http';
import { keepValidItems, uncheckedItems } from './lenient-list';

const searchPageSchema = v.object({
  items: uncheckedItems,
  total: v.pipe(
    v.number(),
    v.check((n) => Number.isInteger(n) && n >= 0, 'must be a whole number'),
  ),
  nextCursor: v.nullable(v.string()),
  /** Present when nothing was found: a corrected query from the archive's own words that would find something. */
  suggestion: v.optional(v.nullable(v.string()), null),
  /** When a word matched only through look-alikes: the query as the results read it ("goverment" -> "government"). */
  corrected: v.optional(v.nullable(v.string()), null),
});

export const searchQueries = {
  all: () => ['search'] as const,
  results: (request: SearchRequest) =>
    infiniteQueryOptions({
      queryKey: [...searchQueries.all(), request] as const,
      queryFn: async ({ pageParam, signal }) => {
        const url = apiUrl('/search', searchQueryParams(request, { cursor: pageParam, limit: DEFAULT_PAGE_SIZE }));
        const page = await getJson(url, searchPageSchema, { signal });
        return { ...page, ...keepValidItems(page.items, searchResultSchema) };
      },
      initialPageParam: null as string | null,
      getNextPageParam: (lastPage) => lastPage.nextCursor,
    }),
};

/** One page of results as the view gets it: the valid items, and how many were left out. */
export type SearchPage = Awaited<ReturnType<ReturnType<typeof searchQueries.results>['queryFn'] & {}>>;
