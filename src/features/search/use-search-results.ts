// The search the address asks for, once it can be sent, and the status line that describes it.
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { searchQueries } from '@/api/search';
import type { SearchRequest, SearchSort } from '@/contract/search';

interface Input {
  q: string;
  topics: readonly string[];
  /** Any of these sources (empty: every source). */
  sources?: readonly string[];
  from: string | null;
  to: string | null;
  sort: SearchSort;
  /** ", in Science, published …" when filters are set: said with "0 results". */
  filtersSentence: string;
  /** The words exactly as typed, no look-alikes. */
  exact: boolean;
  /** False while anything in the address stops the search (too long, bad dates, topics not known yet). */
  canSearch: boolean;
  /** The reader is still typing words the address does not have yet. */
  typing: boolean;
}

export function useSearchResults(input: Input) {
  const { q, topics, sources = [], from, to, sort, filtersSentence, exact, canSearch, typing } = input;
  const topicsKey = [...topics].sort().join(',');
  const sourcesKey = [...sources].sort().join(',');
  const request: SearchRequest = useMemo(
    () => ({
      q,
      topics: topicsKey ? topicsKey.split(',') : null,
      // Left out without a source filter, so such a search's cache key stays as it was.
      ...(sourcesKey ? { sources: sourcesKey.split(',') } : {}),
      from,
      to,
      sort,
      ...(exact ? { exact } : {}),
    }),
    [q, topicsKey, sourcesKey, from, to, sort, exact],
  );
  const results = useInfiniteQuery({
    ...searchQueries.results(request),
    enabled: canSearch,
    // While the next search loads, the previous results stay on screen (dimmed).
    placeholderData: keepPreviousData,
  });
  // The query the results on screen belong to (trails the address while a new search loads).
  const [shownQ, setShownQ] = useState(q);
  if (results.data && !results.isPlaceholderData && shownQ !== q) setShownQ(q);

  const searching = canSearch && (typing || (results.isFetching && !results.isFetchingNextPage && !results.isError));
  // The answer to the address's own search (not a previous one kept on screen while it loads).
  const settled = canSearch && results.data !== undefined && !results.isPlaceholderData;
  const firstPage = settled ? results.data.pages[0] : undefined;
  const total = firstPage?.total ?? 0;
  const suggestion = total === 0 ? (firstPage?.suggestion ?? null) : null;
  const corrected = total > 0 ? (firstPage?.corrected ?? null) : null;
  let status = '';
  if (searching && results.fetchStatus === 'paused') status = 'Waiting for the network to search…';
  else if (searching || (typing && q === '')) status = 'Searching…';
  else if (settled) {
    const count = `${total} ${total === 1 ? 'result' : 'results'}`;
    // A corrected query is said the way the big engines do; the page adds "— search instead for …" as a link.
    status = corrected ? `${count}. Showing results for “${corrected}”` : `${count} for “${q}”`;
    if (total === 0) status += filtersSentence;
  }
  /** True once the address's search is known to have found something (only those are worth remembering). */
  const found = settled && !searching && total > 0;
  return { results, shownQ, status, corrected, suggestion, found };
}
