import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import * as v from 'valibot';
import { articleSchema, articleSummarySchema } from '@/contract/news';
import { feedPageUrl, NO_EXCLUSIONS, type ExcludedTopics, type FeedTopics } from './feed-requests';
import { apiUrl, getJson } from './http';
import { keepValidItems, uncheckedItems } from './lenient-list';

const feedPageSchema = v.object({ items: uncheckedItems, nextCursor: v.nullable(v.string()) });

/** How many newer stories one check for news asks for; beyond that the feed just says "50+". */
const NEWER_STORIES_WINDOW = 50;
/** How often the feed checks for newer stories while the tab is visible. */
const NEWER_STORIES_EVERY_MS = 60_000;

export const articleQueries = {
  all: () => ['articles'] as const,
  feed: (topics: FeedTopics, exclude: ExcludedTopics = NO_EXCLUSIONS) =>
    infiniteQueryOptions({
      queryKey: [...articleQueries.all(), 'feed', { topics, exclude }] as const,
      queryFn: async ({ pageParam, signal }) => {
        const page = await getJson(feedPageUrl(topics, pageParam, exclude), feedPageSchema, { signal });
        return { ...page, ...keepValidItems(page.items, articleSummarySchema) };
      },
      initialPageParam: null as string | null,
      getNextPageParam: (lastPage) => lastPage.nextCursor,
      // Never fetched again by itself (on mount, focus, reconnect): a refetch would put newer stories at the top
      // and move the reader's place. They arrive through the "new stories" banner (`newer`) only.
      staleTime: Infinity,
    }),
  /**
   * Stories of the feed published after `newestShown` (its newest story's time), checked every minute and when the
   * tab comes back into view. Asks from 1 ms earlier, so a story published in the same second is not missed;
   * the caller drops the ones it already shows. `more`: there are more than NEWER_STORIES_WINDOW.
   */
  newer: (topics: FeedTopics, exclude: ExcludedTopics, newestShown: string) =>
    queryOptions({
      queryKey: [...articleQueries.all(), 'newer', { topics, exclude, newestShown }] as const,
      queryFn: async ({ signal }) => {
        const since = new Date(Date.parse(newestShown) - 1).toISOString();
        const url = feedPageUrl(topics, null, exclude, { since, limit: NEWER_STORIES_WINDOW });
        const page = await getJson(url, feedPageSchema, { signal });
        return { ...keepValidItems(page.items, articleSummarySchema), more: page.nextCursor !== null };
      },
      refetchInterval: NEWER_STORIES_EVERY_MS,
      refetchOnWindowFocus: 'always',
      staleTime: NEWER_STORIES_EVERY_MS / 2,
    }),
  detail: (id: string) =>
    queryOptions({
      queryKey: [...articleQueries.all(), 'detail', id] as const,
      queryFn: ({ signal }) => getJson(apiUrl(`/articles/${encodeURIComponent(id)}`), articleSchema, { signal }),
      staleTime: 5 * 60_000,
    }),
};
