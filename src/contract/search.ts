// GET /search: the request shape and the wire format of the answer, shared by the client and the server.
import * as v from 'valibot';
import { articleSummarySchema } from './news.ts';

export const SEARCH_SORTS = ['relevance', 'newest'] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];
export const isSearchSort = (value: string): value is SearchSort => (SEARCH_SORTS as readonly string[]).includes(value);

/** The API refuses longer queries (counted after trimming). */
export const MAX_SEARCH_QUERY_LENGTH = 200;

/** What one search asks for; pages of it add a cursor and a limit. */
export interface SearchRequest {
  /** Trimmed, 1..MAX_SEARCH_QUERY_LENGTH characters. */
  q: string;
  /** Any of these topic ids, or null for every topic. */
  topics: readonly string[] | null;
  /** Any of these source ids (`none`: stories without a source), or null (absent) for every source. */
  sources?: readonly string[] | null;
  /** None of these source ids. */
  excludeSources?: readonly string[];
  /** Inclusive agency-zone days, YYYY-MM-DD. */
  from: string | null;
  to: string | null;
  sort: SearchSort;
  /** Only the words as typed (and the last word's completions), no look-alikes: "search instead for …". */
  exact?: boolean;
}

/** The query string of one page of a search: defaults are left out. */
export function searchQueryParams(request: SearchRequest, page: { cursor: string | null; limit: number }) {
  return {
    q: request.q,
    topics: request.topics?.join(','),
    sources: request.sources?.join(','),
    excludeSources: request.excludeSources?.length ? request.excludeSources.join(',') : undefined,
    from: request.from ?? undefined,
    to: request.to ?? undefined,
    sort: request.sort === 'relevance' ? undefined : request.sort,
    typos: request.exact ? 'off' : undefined,
    cursor: page.cursor ?? undefined,
    limit: page.limit,
  };
}

export const searchResultSchema = v.object({ ...articleSummarySchema.entries, snippet: v.string() });

export type SearchResult = v.InferOutput<typeof searchResultSchema>;
