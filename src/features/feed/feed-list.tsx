import { useInfiniteQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { articleQueries, type FeedTopics } from '@/api/articles';
import { Button } from '@/components/button';
import { ItemSkeletons } from '@/components/item-skeletons';
import { QueryError } from '@/components/query-error';
import { useTopicNames } from '@/components/topic-chips';
import { useEntryState } from '@/lib/scroll-restoration';
import { FeedItem } from './feed-item';
import { toFeedRows } from './group-by-day';

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

interface Props {
  topics: FeedTopics;
  emptyMessage: React.ReactNode;
}

export function FeedList({ topics, emptyMessage }: Props) {
  const feed = useInfiniteQuery(articleQueries.feed(topics));
  // Expanded items belong to this history entry: Back from an article finds them still open.
  const [expandedIds, setExpandedIds] = useEntryState('feed-expanded', NONE_EXPANDED, isStringArray);
  const expanded = useMemo(() => new Set(expandedIds), [expandedIds]);
  const articles = useMemo(() => feed.data?.pages.flatMap((p) => p.items) ?? [], [feed.data]);
  const rows = useMemo(() => toFeedRows(articles), [articles]);
  const topicNames = useTopicNames();

  const toggle = useCallback(
    (id: string) => setExpandedIds((ids) => (ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id])),
    [setExpandedIds],
  );

  const { hasNextPage, isFetchingNextPage, isFetchNextPageError, fetchNextPage } = feed;
  const loadMore = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage && !isFetchNextPageError) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, isFetchNextPageError, fetchNextPage]);
  const sentinelRef = useOnVisible(loadMore);

  if (feed.isPending) return <FeedSkeleton />;
  if (feed.isError && !feed.data) {
    return <QueryError what="The news could not be loaded." error={feed.error} onRetry={() => feed.refetch()} />;
  }
  if (rows.length === 0) return <div className="empty-state">{emptyMessage}</div>;

  // Every row stays in the DOM (items are memoized, so a new page renders only its own items): find-in-page,
  // screen readers and scroll restoration see the whole list.
  return (
    <>
      <div className="feed-list">
        {rows.map((row) =>
          row.kind === 'day' ? (
            <h2 key={row.key} className="day-heading">
              {row.label}
            </h2>
          ) : (
            <FeedItem
              key={row.key}
              article={row.article}
              expanded={expanded.has(row.article.id)}
              topicNames={topicNames}
              onToggle={toggle}
            />
          ),
        )}
      </div>
      <div className="feed-more" ref={sentinelRef}>
        {isFetchNextPageError ? (
          <QueryError what="More news could not be loaded." error={feed.error} onRetry={() => void fetchNextPage()} />
        ) : hasNextPage ? (
          <Button onClick={loadMore} disabled={isFetchingNextPage}>
            {isFetchingNextPage ? 'Loading more news…' : 'Show more news'}
          </Button>
        ) : (
          <p className="feed-end">You have reached the end of the news.</p>
        )}
      </div>
    </>
  );
}
