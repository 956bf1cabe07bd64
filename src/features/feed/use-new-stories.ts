// "3 new stories": the feed checks for stories newer than its newest one every minute, when the tab comes back
// into view and when the server's event stream says its stories changed (articleQueries.newer, useNewsEvents). Choosing them puts them above the list, without moving what is on screen.
import { useQuery, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { articleQueries } from '@/api/articles';
import { ALL_SOURCES, type ExcludedTopics, type FeedSources, type FeedTopics } from '@/api/feed-requests';
import { useNewsEvents } from '@/api/news-events';
import type { ArticleSummary } from '@/contract/news';

type FeedPage = { items: ArticleSummary[]; nextCursor: string | null; skipped: number };

export function useNewStories(
  topics: FeedTopics,
  exclude: ExcludedTopics,
  shown: readonly ArticleSummary[],
  enabled: boolean,
  sources: FeedSources = ALL_SOURCES,
) {
  const queryClient = useQueryClient();
  const newest = shown[0]?.publishedAt;
  const checking = enabled && newest !== undefined;
  const newer = useQuery({ ...articleQueries.newer(topics, exclude, newest ?? '', sources), enabled: checking });
  useNewsEvents(checking);
  const fresh = useMemo(() => {
    if (!newer.data) return [];
    const ids = new Set(shown.slice(0, 200).map((a) => a.id));
    return newer.data.items.filter((a) => !ids.has(a.id));
  }, [newer.data, shown]);
  const more = newer.data?.more ?? false;

  const reveal = useCallback(() => {
    const feedKey = articleQueries.feed(topics, exclude, sources).queryKey;
    if (more) {
      // Too many to add in place: start the feed again from the newest.
      void queryClient.resetQueries({ queryKey: feedKey, exact: true });
      window.scrollTo(0, 0);
      return;
    }
    queryClient.setQueryData<InfiniteData<FeedPage, string | null>>(feedKey, (feed) =>
      feed
        ? {
            // A page of their own before the first: a later refetch starts from the newest again anyway.
            pages: [{ items: fresh, nextCursor: null, skipped: 0 }, ...feed.pages],
            pageParams: [null, ...feed.pageParams],
          }
        : feed,
    );
  }, [queryClient, topics, exclude, sources, more, fresh]);

  return { count: fresh.length, more, reveal };
}
