import { infiniteQueryOptions, queryOptions, type InfiniteData, type QueryClient } from '@tanstack/react-query';
import * as v from 'valibot';
import { articleSchema, articleSummarySchema, neighboursSchema } from '@/contract/news';
import {
  ALL_SOURCES,
  feedPageUrl,
  neighboursUrl,
  NO_EXCLUSIONS,
  type ExcludedTopics,
  type FeedSources,
  type FeedTopics,
} from './feed-requests';
import { apiUrl, getJson } from './http';
import { keepValidItems, uncheckedItems } from './lenient-list';

const feedPageSchema = v.object({ items: uncheckedItems, nextCursor: v.nullable(v.string()) });

/** How many newer stories one check for news asks for; beyond that the feed just says "50+". */
const NEWER_STORIES_WINDOW = 50;
/** How often the feed checks for newer stories while the tab is visible. */
const NEWER_STORIES_EVERY_MS = 60_000;

export const articleQueries = {
  all: () => ['articles'] as const,
  /** `before`: the list starts after this cursor (an address such as `/?before=…`); null: at the newest story. */
  feed: (
    topics: FeedTopics,
    exclude: ExcludedTopics = NO_EXCLUSIONS,
    sources: FeedSources = ALL_SOURCES,
    before: string | null = null,
  ) =>
    infiniteQueryOptions({
      queryKey: [
        ...articleQueries.all(),
        'feed',
        { topics, exclude, ...sourcesKey(sources), ...(before !== null && { before }) },
      ] as const,
      queryFn: async ({ pageParam, signal }) => {
        const page = await getJson(feedPageUrl(topics, pageParam, exclude, { sources }), feedPageSchema, { signal });
        return { ...page, ...keepValidItems(page.items, articleSummarySchema) };
      },
      initialPageParam: before,
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
  /** Every check for newer stories (what the server's change events refresh). */
  newerChecks: () => [...articleQueries.all(), 'newer'] as const,
  newer: (topics: FeedTopics, exclude: ExcludedTopics, newestShown: string, sources: FeedSources = ALL_SOURCES) =>
    queryOptions({
      queryKey: [...articleQueries.newerChecks(), { topics, exclude, newestShown, ...sourcesKey(sources) }] as const,
      queryFn: async ({ signal }) => {
        const since = new Date(Date.parse(newestShown) - 1).toISOString();
        const url = feedPageUrl(topics, null, exclude, { since, limit: NEWER_STORIES_WINDOW, sources });
        const page = await getJson(url, feedPageSchema, { signal });
        return { ...keepValidItems(page.items, articleSummarySchema), more: page.nextCursor !== null };
      },
      refetchInterval: NEWER_STORIES_EVERY_MS,
      refetchOnWindowFocus: 'always',
      staleTime: NEWER_STORIES_EVERY_MS / 2,
    }),
  /** The stories just above (`newer`) and below (`older`) `id` in the feed's order under this filter. */
  neighbours: (id: string, { topics, exclude, sources = ALL_SOURCES }: FeedFilter = WHOLE_FEED) =>
    queryOptions({
      queryKey: [...articleQueries.all(), 'neighbours', id, { topics, exclude, ...sourcesKey(sources) }] as const,
      queryFn: ({ signal }) => getJson(neighboursUrl(id, topics, exclude, sources), neighboursSchema, { signal }),
      staleTime: 5 * 60_000,
    }),
  detail: (id: string) =>
    queryOptions({
      queryKey: [...articleQueries.all(), 'detail', id] as const,
      queryFn: ({ signal }) => getJson(apiUrl(`/articles/${encodeURIComponent(id)}`), articleSchema, { signal }),
      staleTime: 5 * 60_000,
    }),
};

/** A source filter in a query key: left out when there is none, so the whole feed's key stays as it was. */
const sourcesKey = (sources: FeedSources) =>
  sources.sources === null && sources.excludeSources.length === 0 ? {} : { sources };

/** A feed list's filter, as its query key holds it. */
export interface FeedFilter {
  topics: FeedTopics;
  exclude: ExcludedTopics;
  sources?: FeedSources;
}
export const WHOLE_FEED: FeedFilter = { topics: null, exclude: NO_EXCLUSIONS };

type FeedPages = InfiniteData<{ items: readonly { id: string }[] }>;

/** The filter of a feed list holding story `id`, the most recently loaded if several do (null: none is kept). */
export function feedFilterShowing(queryClient: QueryClient, id: string): FeedFilter | null {
  const lists = queryClient.getQueryCache().findAll({ queryKey: [...articleQueries.all(), 'feed'] });
  const showing = lists
    .filter((query) => (query.state.data as FeedPages | undefined)?.pages.some((p) => p.items.some((i) => i.id === id)))
    .sort((a, b) => b.state.dataUpdatedAt - a.state.dataUpdatedAt)[0];
  if (!showing) return null;
  const { topics, exclude, sources = ALL_SOURCES } = showing.queryKey[2] as FeedFilter;
  return { topics, exclude, sources };
}
