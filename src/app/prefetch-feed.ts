// Before the app's first render on the feed: fetch the topic list and the first page of news the feed will show, so
// the first render already has the headlines (no skeleton render in between) and they paint about when a static
// page's would. Waits a moment at most: a slow API just means the usual skeleton.
import type { QueryClient } from '@tanstack/react-query';
import { articleQueries } from '@/api/articles';
import { topicQueries } from '@/api/topics';
import { feedSelection } from '@/features/feed/feed-selection';
import { feedUrlSchema } from '@/features/feed/feed-url';
import { readUrlState } from '@/lib/url-state';
import { readActiveMutes } from '@/stores/muted-topics-storage';
import { readSavedSelection } from '@/stores/topic-filter-storage';

const WAIT_AT_MOST_MS = 400;

async function prefetchFeed(queryClient: QueryClient): Promise<void> {
  const named = readUrlState(feedUrlSchema, new URLSearchParams(window.location.search)).topics;
  const saved = readSavedSelection();
  const muted = readActiveMutes();
  // Without a filter the news need not wait for the topic list; with one, the list says which ids are real.
  const news =
    named === null && saved === null ? queryClient.prefetchInfiniteQuery(articleQueries.feed(null, muted)) : null;
  const topics = await queryClient.fetchQuery(topicQueries.all()).catch(() => undefined);
  const selection = feedSelection(named, saved, topics);
  if (news) await news;
  else if (topics && (selection === null || selection.length > 0)) {
    await queryClient.prefetchInfiniteQuery(articleQueries.feed(selection, muted));
  }
}

export async function prefetchFirstView(queryClient: QueryClient): Promise<void> {
  if (window.location.pathname !== '/') return;
  await Promise.race([prefetchFeed(queryClient), new Promise((resolve) => setTimeout(resolve, WAIT_AT_MOST_MS))]);
}
