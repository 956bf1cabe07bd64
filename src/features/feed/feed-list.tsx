import { keepPreviousData, useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import {
  startTransition,
  Suspense,
  useCallback,
  useDeferredValue,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { Link, useSearchParams } from 'react-router';
import { articleQueries } from '@/api/articles';
import { ALL_SOURCES, type ExcludedTopics, type FeedSources, type FeedTopics } from '@/api/feed-requests';
import { Button } from '@/components/button';
import { ErrorBoundary } from '@/components/error-boundary';
import { ItemSkeletons } from '@/components/item-skeletons';
import { ListKeyboard } from '@/components/list-keyboard';
import { ListRows, preloadWindowing } from '@/components/list-rows';
import { useDisplayTimeZone } from '@/components/news-time';
import { WaitingForNetwork } from '@/components/offline-notice';
import { QueryError } from '@/components/query-error';
import { SkippedNote } from '@/components/skipped-note';
import { StillTrying } from '@/components/still-trying';
import { useTopicNames } from '@/components/topic-chips';
import type { ArticleSummary } from '@/contract/news';
import { lazyWithRetry } from '@/lib/lazy-with-retry';
import { useEntryState } from '@/lib/scroll-restoration';
import { readUrlState, writeUrlState } from '@/lib/url-state';
import { useHydrated } from '@/lib/use-hydrated';
import { isRead, useReadMarksStore } from '@/stores/read-marks-store';
import { useReadingPrefsStore } from '@/stores/reading-prefs-store';
import { FeedItem } from './feed-item';
import { feedUrlSchema } from './feed-url';
import { toFeedRows, type FeedRow } from './group-by-day';
import './feed-list.css';

const NewStoriesBar = lazyWithRetry(() => import('./new-stories-bar'));

const isStringArray = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((v) => typeof v === 'string');
const NONE_EXPANDED: string[] = [];

/** Placeholders while the first page loads; a word and a way to try again at once if it takes long. */
function FeedSkeleton({ onRetryNow }: { onRetryNow: () => void }) {
  return (
    <>
      <StillTrying what="the news" onRetryNow={onRetryNow} />
      <div className="feed-skeleton" aria-busy="true" aria-label="Loading news">
        <ItemSkeletons count={5} itemClassName="news-item feed-item--skeleton" />
      </div>
    </>
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
// First guesses, close to a collapsed item and a day heading at the usual widths, for each density.
const summaryHeight = (row: FeedRow) => (row.kind === 'day' ? 44 : 110);
const headlineHeight = (row: FeedRow) => (row.kind === 'day' ? 36 : 34);

interface Props {
  topics: FeedTopics;
  /** Muted topics, left out of the feed. */
  exclude: ExcludedTopics;
  /** The sources kept and dropped. */
  sources?: FeedSources;
  /** The list starts after this cursor (`/?before=…`); null: at the newest story. */
  before?: string | null;
  emptyMessage: React.ReactNode;
  /** Told how many newer stories wait above the list (for the tab title). */
  onNewStories: (count: number) => void;
}

export function FeedList({ topics, exclude, sources = ALL_SOURCES, before = null, emptyMessage, onNewStories }: Props) {
  // The filter's controls follow a click at once; the list catches up in a background render, and keeps the
  // current news on screen (dimmed) until the new filter's arrive.
  const scope = useDeferredValue(
    useMemo(() => ({ topics, exclude, sources, before }), [topics, exclude, sources, before]),
  );
  const feedQuery = articleQueries.feed(scope.topics, scope.exclude, scope.sources, scope.before);
  const feed = useInfiniteQuery({ ...feedQuery, placeholderData: keepPreviousData });
  const queryClient = useQueryClient();
  const stale = feed.isPlaceholderData;
  const density = useReadingPrefsStore((s) => s.density);
  const timeZone = useDisplayTimeZone();
  const readState = useReadMarksStore();
  const setRead = readState.setRead;
  // Expanded items belong to this history entry: Back from an article finds them still open.
  const [expandedIds, setExpandedIds] = useEntryState('feed-expanded', NONE_EXPANDED, isStringArray);
  const expanded = useMemo(() => new Set(expandedIds), [expandedIds]);
  const articles = useMemo(() => feed.data?.pages.flatMap((p) => p.items) ?? [], [feed.data]);
  const rows = useMemo(() => toFeedRows(articles, timeZone), [articles, timeZone]);
  const skipped = feed.data?.pages.reduce((sum, page) => sum + page.skipped, 0) ?? 0;
  const topicNames = useTopicNames();
  // Until the page is the app's (scripts off, a failed bundle, or not hydrated yet) paging is by link.
  const hydrated = useHydrated();
  const [searchParams] = useSearchParams();
  const feedAddress = (cursor: string | null) => ({
    pathname: '/',
    search: writeUrlState(feedUrlSchema, { ...readUrlState(feedUrlSchema, searchParams), before: cursor }).toString(),
  });

  const expandedNow = useRef(expandedIds);
  useLayoutEffect(() => {
    expandedNow.current = expandedIds;
  });
  const toggle = useCallback(
    (article: ArticleSummary) => {
      const opening = !expandedNow.current.includes(article.id);
      // The text opens in a render React can interrupt, so the press paints at once; the read mark (a store update,
      // always synchronous) follows in the next task.
      startTransition(() =>
        setExpandedIds((ids) =>
          opening ? [...ids.filter((x) => x !== article.id), article.id] : ids.filter((x) => x !== article.id),
        ),
      );
      if (opening) setTimeout(() => setRead(article, true), 0); // expanding a story is reading it
    },
    [setExpandedIds, setRead],
  );

  const listRef = useRef<HTMLDivElement>(null);

  const renderRow = useCallback(
    (row: FeedRow) =>
      row.kind === 'day' ? (
        <h2 className="day-heading">{row.label}</h2>
      ) : (
        <FeedItem
          article={row.article}
          position={row.position}
          expanded={expanded.has(row.article.id)}
          read={isRead(readState, row.article)}
          density={density}
          topicNames={topicNames}
          onToggle={toggle}
        />
      ),
    [expanded, topicNames, toggle, readState, density],
  );
  const moreThanOnePage = rows.length > 30;
  useEffect(() => {
    if (moreThanOnePage) preloadWindowing();
  }, [moreThanOnePage]);

  const { hasNextPage, isFetchingNextPage, isFetchNextPageError, fetchNextPage, refetch } = feed;
  // Offline, a request for more news waits (TanStack Query pauses it) rather than fails.
  const waiting = feed.fetchStatus === 'paused';
  const loadMore = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage && !isFetchNextPageError && !stale) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, isFetchNextPageError, stale, fetchNextPage]);
  const sentinelRef = useOnVisible(loadMore);
  // Each "Try again now" gives up the request still waiting (a refetch alone would wait for it) and starts a new
  // attempt, with a new wait before the next "Still trying".
  const [attempt, setAttempt] = useState(0);
  const feedKey = feedQuery.queryKey;
  const retryNow = useCallback(() => {
    setAttempt((n) => n + 1);
    void queryClient.cancelQueries({ queryKey: feedKey }).then(() => refetch());
  }, [queryClient, feedKey, refetch]);

  if (feed.isPending) {
    return feed.fetchStatus === 'paused' ? (
      <WaitingForNetwork what="the news" />
    ) : (
      <FeedSkeleton key={attempt} onRetryNow={retryNow} />
    );
  }
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

  const nextCursor = feed.data?.pages.at(-1)?.nextCursor ?? null;
  return (
    <>
      {scope.before !== null && (
        <p className="feed-newest">
          <Link to={feedAddress(null)}>Newest stories</Link>
        </p>
      )}
      <ErrorBoundary fallback={() => null}>
        <Suspense fallback={null}>
          <NewStoriesBar
            topics={scope.topics}
            exclude={scope.exclude}
            sources={scope.sources}
            shown={articles}
            enabled={!stale && feed.isSuccess && scope.before === null}
            onCount={onNewStories}
          />
        </Suspense>
      </ErrorBoundary>
      {/* Not role=feed: the day headings between the articles are not allowed there. Each article still says its
          place in the list (aria-posinset), which a windowed list needs. */}
      <div
        ref={listRef}
        className={`feed-list feed-list--${density}${stale ? ' feed-list--stale' : ''}`}
        aria-busy={stale || isFetchingNextPage || undefined}
      >
        <ListRows
          rows={rows}
          rowKey={rowKey}
          renderRow={renderRow}
          estimateHeight={density === 'headlines' ? headlineHeight : summaryHeight}
          isHeading={isDayHeading}
          memoryName={`feed-heights-${density}`}
        />
      </div>
      <ListKeyboard listRef={listRef} stories={articles} canExpand />
      <SkippedNote count={skipped} noun={['story', 'stories']} />
      <div className="feed-more" ref={sentinelRef}>
        {isFetchNextPageError ? (
          <QueryError what="More news could not be loaded." error={feed.error} onRetry={() => void fetchNextPage()} />
        ) : hasNextPage && !hydrated && nextCursor !== null ? (
          <Link className="button" to={feedAddress(nextCursor)}>
            Older stories
          </Link>
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
