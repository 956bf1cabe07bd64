// Before the app's first render on the feed: fetch the topic list and the first page of news the feed will show, so
// the first render already has the headlines (no skeleton render in between) and they paint about when a static
// page's would. Waits a moment at most: a slow API just means the usual skeleton.
import type { QueryClient } from '@tanstack/react-query';
import { articleQueries } from '@/api/articles';
import { sourceQueries } from '@/api/sources';
import { topicQueries } from '@/api/topics';
import { feedSelection } from '@/features/feed/feed-selection';
import { feedUrlSchema } from '@/features/feed/feed-url';
import { feedSourceSelection, feedSourcesOf } from '@/features/feed/source-selection';
import { readUrlState } from '@/lib/url-state';
import { readActiveMutes } from '@/stores/muted-topics-storage';
import { readSavedSourceSelection } from '@/stores/source-filter-storage';
import { isEverySource } from '@/stores/source-filter-store';
import { readSavedSelection } from '@/stores/topic-filter-storage';

const WAIT_AT_MOST_MS = 400;

async function prefetchFeed(queryClient: QueryClient): Promise<void> {
  const address = readUrlState(feedUrlSchema, new URLSearchParams(window.location.search));
  const named = address.topics;
  const saved = readSavedSelection();
  const muted = readActiveMutes();
  const savedSources = readSavedSourceSelection();
  const bySource = address.sources !== null || address.excludeSources !== null || !isEverySource(savedSources);
  // Without a filter the news need not wait for the topic list; with one, the list says which ids are real (and
  // the source list which sources are).
  const news =
    named === null && saved === null && !bySource
      ? queryClient.prefetchInfiniteQuery(articleQueries.feed(null, muted))
      : null;
  const [topics, sourceList] = await Promise.all([
    queryClient.fetchQuery(topicQueries.all()).catch(() => undefined),
    bySource ? queryClient.fetchQuery(sourceQueries.all()).catch(() => undefined) : undefined,
  ]);
  const selection = feedSelection(named, saved, topics);
  const sources = feedSourceSelection(address, savedSources, sourceList);
  if (news) await news;
  else if (topics && (selection === null || selection.length > 0) && (!bySource || sourceList)) {
    if (sources.keep?.length === 0) return;
    await queryClient.prefetchInfiniteQuery(articleQueries.feed(selection, muted, feedSourcesOf(sources)));
  }
}

export async function prefetchFirstView(queryClient: QueryClient): Promise<void> {
  if (window.location.pathname !== '/') return;
  await Promise.race([prefetchFeed(queryClient), new Promise((resolve) => setTimeout(resolve, WAIT_AT_MOST_MS))]);
}
