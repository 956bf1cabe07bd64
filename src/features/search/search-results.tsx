import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import { useMemo, useRef } from 'react';
import { ApiError, SEARCH_WARMING_UP } from '@/api/http';
import type { SearchPage } from '@/api/search';
import { Button } from '@/components/button';
import { ItemSkeletons } from '@/components/item-skeletons';
import { ListKeyboard } from '@/components/list-keyboard';
import { ListRows } from '@/components/list-rows';
import { WaitingForNetwork } from '@/components/offline-notice';
import { QueryError } from '@/components/query-error';
import { SkippedNote } from '@/components/skipped-note';
import { useTopicNames } from '@/components/topic-chips';
import type { SearchResult } from '@/contract/search';
import { isRead, useReadMarksStore } from '@/stores/read-marks-store';
import { SearchResultItem } from './search-result-item';

const resultKey = (result: SearchResult) => result.id;
const estimateHeight = () => 110;

export interface ActiveFilter {
  /** e.g. "topic Science & Space", "dates from November 20, 2026 to November 25, 2026" */
  label: string;
  remove: () => void;
}

interface Props {
  results: UseInfiniteQueryResult<InfiniteData<SearchPage>>;
  /** The query the shown results belong to (may trail the box while a new search loads). */
  shownQ: string;
  activeFilters: readonly ActiveFilter[];
  onRemoveAllFilters: () => void;
}

export function SearchResults({ results, shownQ, activeFilters, onRemoveAllFilters }: Props) {
  const items = useMemo(() => {
    const seen = new Set<string>();
    const list: SearchResult[] = [];
    for (const item of results.data?.pages.flatMap((p) => p.items) ?? []) {
      if (seen.has(item.id)) continue; // a page boundary may repeat an item; keys must stay unique
      seen.add(item.id);
      list.push(item);
    }
    return list;
  }, [results.data]);
  const positions = useMemo(() => new Map(items.map((item, i) => [item.id, i + 1])), [items]);
  const readState = useReadMarksStore();
  const topicNames = useTopicNames();
  const listRef = useRef<HTMLOListElement>(null);

  const warming = results.failureReason instanceof ApiError && results.failureReason.code === SEARCH_WARMING_UP;
  if (warming && !results.isError) {
    const seconds = Math.max(1, Math.round(((results.failureReason as ApiError).retryAfterMs ?? 1000) / 1000));
    return (
      <div className="search-notice search-notice--info" role="status">
        <p>
          Search is getting ready: the news archive has just been loaded and is being indexed. Trying again in {seconds}{' '}
          {seconds === 1 ? 'second' : 'seconds'}…
        </p>
        <Button variant="quiet" onClick={() => void results.refetch()}>
          Try now
        </Button>
      </div>
    );
  }
  if (results.isError && !results.data) {
    return <QueryError what="The search failed." error={results.error} onRetry={() => void results.refetch()} />;
  }
  if (!results.data && results.fetchStatus === 'paused') return <WaitingForNetwork what="the results" />;
  if (!results.data) {
    return (
      <div className="search-skeleton" aria-hidden="true">
        <ItemSkeletons count={3} itemClassName="news-item" />
      </div>
    );
  }

  const total = results.data.pages[0]?.total ?? 0;
  const stale = results.isPlaceholderData;
  if (total === 0) {
    // "0 results for …" and "Did you mean …?" are said once, in the status line above.
    return (
      <div className={stale ? 'empty-state search-stale' : 'empty-state'}>
        {activeFilters.length > 0 ? (
          <>
            <p>Try removing a filter:</p>
            <ul className="search-no-results__filters">
              {activeFilters.map((filter) => (
                <li key={filter.label}>
                  <Button variant="quiet" onClick={filter.remove}>
                    Remove {filter.label}
                  </Button>
                </li>
              ))}
            </ul>
            {activeFilters.length > 1 && <Button onClick={onRemoveAllFilters}>Remove all filters</Button>}
          </>
        ) : (
          <p>Check the spelling, or try fewer or different words.</p>
        )}
      </div>
    );
  }

  return (
    <>
      <ol
        ref={listRef}
        className={stale ? 'search-results search-stale' : 'search-results'}
        aria-busy={stale || undefined}
      >
        <ListRows
          rows={items}
          rowKey={resultKey}
          renderRow={(item) => (
            <SearchResultItem
              result={item}
              q={shownQ}
              position={positions.get(item.id)!}
              total={total}
              read={isRead(readState, item)}
              topicNames={topicNames}
            />
          )}
          estimateHeight={estimateHeight}
          rowAs="li"
          memoryName="search-heights"
        />
      </ol>
      <ListKeyboard listRef={listRef} stories={items} />
      <SkippedNote
        count={results.data.pages.reduce((sum, page) => sum + page.skipped, 0)}
        noun={['result', 'results']}
      />
      <div className="search-more">
        {results.isFetchNextPageError ? (
          <QueryError
            what="More results could not be loaded."
            error={results.error}
            onRetry={() => void results.fetchNextPage()}
          />
        ) : results.hasNextPage ? (
          <Button
            disabled={results.isFetchingNextPage || stale || results.fetchStatus === 'paused'}
            onClick={() => void results.fetchNextPage()}
          >
            {results.fetchStatus === 'paused'
              ? 'Waiting for the network…'
              : results.isFetchingNextPage
                ? 'Loading more results…'
                : 'Show more results'}
          </Button>
        ) : (
          <p className="search-end">{total === 1 ? 'That is the only result.' : `That is all ${total} results.`}</p>
        )}
      </div>
    </>
  );
}
