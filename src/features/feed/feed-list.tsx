import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useCallback, useDeferredValue, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { articleQueries } from '@/api/articles';
import type { FeedTopics } from '@/api/feed-requests';
import { Button } from '@/components/button';
import { ItemSkeletons } from '@/components/item-skeletons';
import { ListRows, preloadWindowing } from '@/components/list-rows';
import { WaitingForNetwork } from '@/components/offline-notice';
import { QueryError } from '@/components/query-error';
import { SkippedNote } from '@/components/skipped-note';
import { useTopicNames } from '@/components/topic-chips';
import { useEntryState } from '@/lib/scroll-restoration';
import { FeedItem } from './feed-item';
import { toFeedRows, type FeedRow } from './group-by-day';

const isStringArray = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((v) => typeof v === 'string');
const NONE_EXPANDED: string[] = [];

function FeedSkeleton() {
  return (
    <div className="feed-skeleton" aria-busy="true" aria-label="Loading news">
      <ItemSkeletons count={5} itemClassName="news-item feed-item--skeleton" />
    </div>
  );
}

/** Calls `onVisible` whenever the element scrolls into view (no-op where IntersectionObserver is missing). */
function useOnVisible(onVisible: () => void) {
  const [element, setElement] = useState<HTMLElement | null>(null);
  const callback = useRef(onVisible);
  useLayoutEffect(() => {
    callback.current = onVisible;
  });
  useEffect(() => {
    if (!element || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) callback.current();
      },
      { rootMargin: '400px 0px' },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [element]);
  return setElement;
}

const rowKey = (row: FeedRow) => row.key;
const isDayHeading = (row: FeedRow) => row.kind === 'day';
// First guesses, close to a collapsed item and a day heading at the usual widths.
const estimateHeight = (row: FeedRow) => (row.kind === 'day' ? 50 : 180);

interface Props {
  topics: FeedTopics;
  emptyMessage: React.ReactNode;
}

export function FeedList({ topics, emptyMessage }: Props) {
  // The filter's controls follow a click at once; the list catches up in a background render, and keeps the
  // current news on screen (dimmed) until the new filter's arrive.
  const listTopics = useDeferredValue(topics);
  const feed = useInfiniteQuery({ ...articleQueries.feed(listTopics), placeholderData: keepPreviousData });
  const stale = feed.isPlaceholderData;
  // Expanded items belong to this history entry: Back from an article finds them still open.
  const [expandedIds, setExpandedIds] = useEntryState('feed-expanded', NONE_EXPANDED, isStringArray);
  const expanded = useMemo(() => new Set(expandedIds), [expandedIds]);
  const articles = useMemo(() => feed.data?.pages.flatMap((p) => p.items) ?? [], [feed.data]);
  const rows = useMemo(() => toFeedRows(articles), [articles]);
  const skipped = feed.data?.pages.reduce((sum, page) => sum + page.skipped, 0) ?? 0;
  const topicNames = useTopicNames();

  const toggle = useCallback(
    (id: string) => setExpandedIds((ids) => (ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id])),
    [setExpandedIds],
  );

  const renderRow = useCallback(
    (row: FeedRow) =>
      row.kind === 'day' ? (
        <h2 className="day-heading">{row.label}</h2>
      ) : (
        <FeedItem
          article={row.article}
          position={row.position}
          expanded={expanded.has(row.article.id)}
          topicNames={topicNames}
          onToggle={toggle}
        />
      ),
    [expanded, topicNames, toggle],
  );
  const moreThanOnePage = rows.length > 30;
  useEffect(() => {
    if (moreThanOnePage) preloadWindowing();
  }, [moreThanOnePage]);

  const { hasNextPage, isFetchingNextPage, isFetchNextPageError, fetchNextPage } = feed;
  // Offline, a request for more news waits (TanStack Query pauses it) rather than fails.
  const waiting = feed.fetchStatus === 'paused';
  const loadMore = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage && !isFetchNextPageError && !stale) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, isFetchNextPageError, stale, fetchNextPage]);
  const sentinelRef = useOnVisible(loadMore);

  if (feed.isPending) return feed.fetchStatus === 'paused' ? <WaitingForNetwork what="the news" /> : <FeedSkeleton />;
  if (feed.isError && !feed.data) {
    return <QueryError what="The news could not be loaded." error={feed.error} onRetry={() => feed.refetch()} />;
  }
  if (rows.length === 0) {
    return (
      <div className="empty-state">
        {emptyMessage}
        <SkippedNote count={skipped} noun={['story', 'stories']} />
      </div>
    );
  }

  return (
    <>
      {/* Not role=feed: the day headings between the articles are not allowed there. Each article still says its
          place in the list (aria-posinset), which a windowed list needs. */}
      <div
        className={stale ? 'feed-list feed-list--stale' : 'feed-list'}
        aria-busy={stale || isFetchingNextPage || undefined}
      >
        <ListRows
          rows={rows}
          rowKey={rowKey}
          renderRow={renderRow}
          estimateHeight={estimateHeight}
          isHeading={isDayHeading}
          memoryName="feed-heights"
        />
      </div>
      <SkippedNote count={skipped} noun={['story', 'stories']} />
      <div className="feed-more" ref={sentinelRef}>
        {isFetchNextPageError ? (
          <QueryError what="More news could not be loaded." error={feed.error} onRetry={() => void fetchNextPage()} />
        ) : hasNextPage ? (
          <Button onClick={loadMore} disabled={isFetchingNextPage || stale || waiting}>
            {waiting ? 'Waiting for the network…' : isFetchingNextPage ? 'Loading more news…' : 'Show more news'}
          </Button>
        ) : (
          <p className="feed-end">You have reached the end of the news.</p>
        )}
      </div>
    </>
  );
}
