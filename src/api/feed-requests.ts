// The addresses of the feed's requests, without React or TanStack Query: the early requests and the queries build
// them the same way, so an early response is always found by the query that needs it.
import { DEFAULT_PAGE_SIZE } from '@/contract/paging';
import { apiUrl } from './http';

/** `topics` null means every topic; otherwise a non-empty list of ids (sent sorted: the order does not matter). */
export type FeedTopics = readonly string[] | null;

export const topicsUrl = () => apiUrl('/topics');

export const feedPageUrl = (topics: FeedTopics, cursor: string | null) =>
  apiUrl('/articles', {
    topics: topics ? [...topics].sort().join(',') : undefined,
    cursor: cursor ?? undefined,
    limit: DEFAULT_PAGE_SIZE,
  });
