import { queryOptions } from '@tanstack/react-query';
import { topicsResponseSchema } from '@/contract/news';
import { topicsUrl } from './feed-requests';
import { getJson } from './http';

export const topicQueries = {
  all: () =>
    queryOptions({
      queryKey: ['topics'] as const,
      queryFn: ({ signal }) => getJson(topicsUrl(), topicsResponseSchema, { signal }).then((r) => r.topics),
      staleTime: 10 * 60_000,
    }),
  /** Each topic's number of stories published after `since` (ms since epoch), by topic id. */
  countsSince: (since: number) =>
    queryOptions({
      queryKey: ['topics', 'since', since] as const,
      queryFn: ({ signal }) =>
        getJson(topicsUrl(new Date(since).toISOString()), topicsResponseSchema, { signal }).then(
          (r) => new Map(r.topics.map((t) => [t.id, t.count])),
        ),
      staleTime: 60_000,
    }),
};
