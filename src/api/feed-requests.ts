// The addresses of the feed's requests, without React or TanStack Query: the early requests and the queries build
// them the same way, so an early response is always found by the query that needs it.
import { DEFAULT_PAGE_SIZE } from '@/contract/paging';
import { apiUrl } from './http';

/** `topics` null means every topic; otherwise a non-empty list of ids (sent sorted: the order does not matter). */
export type FeedTopics = readonly string[] | null;
/** Topics whose stories are left out (muted), sorted. */
export type ExcludedTopics = readonly string[];
export const NO_EXCLUSIONS: ExcludedTopics = [];

export const topicsUrl = (since?: string) => apiUrl('/topics', { since });

const list = (ids: readonly string[] | null) => (ids?.length ? [...ids].sort().join(',') : undefined);

export const feedPageUrl = (
  topics: FeedTopics,
  cursor: string | null,
  exclude: ExcludedTopics = NO_EXCLUSIONS,
  { since, limit = DEFAULT_PAGE_SIZE }: { since?: string; limit?: number } = {},
) =>
  apiUrl('/articles', {
    topics: list(topics),
    exclude: list(exclude),
    since,
    cursor: cursor ?? undefined,
    limit,
  });

/** The stories around `id` in the feed's order under the same filter (see the README's API contract). */
export const neighboursUrl = (id: string, topics: FeedTopics, exclude: ExcludedTopics) =>
  apiUrl(`/articles/${encodeURIComponent(id)}/neighbours`, { topics: list(topics), exclude: list(exclude) });
