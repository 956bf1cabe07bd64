// The addresses of the feed's requests, without React or TanStack Query: the early requests and the queries build
// them the same way, so an early response is always found by the query that needs it.
import { DEFAULT_PAGE_SIZE } from '@/contract/paging';
import { apiUrl } from './http';

/** `topics` null means every topic; otherwise a non-empty list of ids (sent sorted: the order does not matter). */
export type FeedTopics = readonly string[] | null;
/** Topics whose stories are left out (muted), sorted. */
export type ExcludedTopics = readonly string[];
export const NO_EXCLUSIONS: ExcludedTopics = [];
/** Which sources a feed holds: any of `sources` (null: every one), none of `excludeSources` (ids sorted). */
export interface FeedSources {
  sources: readonly string[] | null;
  excludeSources: readonly string[];
}
export const ALL_SOURCES: FeedSources = { sources: null, excludeSources: [] };

export const topicsUrl = (since?: string) => apiUrl('/topics', { since });
export const sourcesUrl = () => apiUrl('/sources');

const list = (ids: readonly string[] | null) => (ids?.length ? [...ids].sort().join(',') : undefined);

export const feedPageUrl = (
  topics: FeedTopics,
  cursor: string | null,
  exclude: ExcludedTopics = NO_EXCLUSIONS,
  {
    since,
    limit = DEFAULT_PAGE_SIZE,
    sources = ALL_SOURCES,
  }: { since?: string; limit?: number; sources?: FeedSources } = {},
) =>
  apiUrl('/articles', {
    topics: list(topics),
    exclude: list(exclude),
    ...sourceParams(sources),
    since,
    cursor: cursor ?? undefined,
    limit,
  });

/** The stories around `id` in the feed's order under the same filter (see the README's API contract). */
export const neighboursUrl = (id: string, topics: FeedTopics, exclude: ExcludedTopics, sources = ALL_SOURCES) =>
  apiUrl(`/articles/${encodeURIComponent(id)}/neighbours`, {
    topics: list(topics),
    exclude: list(exclude),
    ...sourceParams(sources),
  });

const sourceParams = ({ sources, excludeSources }: FeedSources) => ({
  sources: list(sources),
  excludeSources: list(excludeSources),
});
