import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useLocation } from 'react-router';
import { MAX_SEARCH_QUERY_LENGTH, searchQueries, type SearchRequest, type SearchSort } from '@/api/search';
import { topicQueries } from '@/api/topics';
import { formatDayKey, isDayKey } from '@/lib/day-key';
import { foldWord } from '@/lib/search-text';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useRecentSearchesStore } from '@/stores/recent-searches-store';
import { describeRange, detectPreset, presetFrom, type DateMode } from './date-filter';
import { RecentSearches } from './recent-searches';
import { SearchFilters, type DateErrors } from './search-filters';
import { SearchResults, type ActiveFilter } from './search-results';
import { searchUrlParams, useSearchUrl, type SearchUrlState } from './use-search-url';
import './search.css';

/** Typing pauses this long before the address (and so the search) follows the box. */
const SEARCH_DEBOUNCE_MS = 300;

/** A query that extends or shortens the current one replaces its history entry; a new one adds an entry. */
function isRefinement(previous: string, next: string): boolean {
  if (!previous || !next) return false;
  const [a, b] = [foldWord(previous), foldWord(next)];
  return a.startsWith(b) || b.startsWith(a);
}

const listNames = (names: string[]) =>
  names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;

export default function SearchPage() {
  const { state, update } = useSearchUrl();
  const location = useLocation();
  const q = state.q.trim();
  useDocumentTitle(q ? `Search: ${q}` : 'News Search');
  const inputId = useId();
  const hintId = useId();
  const inputRef = useRef<HTMLInputElement>(null);

  // --- The box: follows the address, and the address follows the box after a pause in typing. ---
  const [draft, setDraft] = useState(state.q);
  const [seenQ, setSeenQ] = useState(q);
  if (seenQ !== q) {
    // The address changed (Back, a recent search, a link): show its query, unless it is what is being typed.
    setSeenQ(q);
    if (draft.trim() !== q) setDraft(q);
  }
  const commitQuery = useCallback(
    (next: string) => update({ q: next }, { replace: isRefinement(q, next) }),
    [q, update],
  );
  useEffect(() => {
    const next = draft.trim();
    if (next === q) return;
    const timer = setTimeout(() => commitQuery(next), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [draft, q, commitQuery]);

  // Arriving from the header's search box: keep typing here.
  const focusOnArrival = (location.state as { focusSearch?: boolean } | null)?.focusSearch === true;
  useEffect(() => {
    if (focusOnArrival) inputRef.current?.focus();
  }, [focusOnArrival]);

  const addRecent = useRecentSearchesStore((s) => s.add);
  const tooLong = q.length > MAX_SEARCH_QUERY_LENGTH;
  const draftLength = draft.trim().length;
  useEffect(() => {
    if (q && !tooLong) addRecent(q);
  }, [q, tooLong, addRecent]);

  // --- Filters ---
  const topicsQuery = useQuery(topicQueries.all());
  const knownTopics = topicsQuery.data;
  const knownIds = knownTopics?.map((t) => t.id);
  const unknownTopics = knownIds ? state.topics.filter((id) => !knownIds.includes(id)) : [];
  const chosenTopics = knownIds ? knownIds.filter((id) => state.topics.includes(id)) : state.topics;
  const topicName = (id: string) => knownTopics?.find((t) => t.id === id)?.name ?? id;

  const [now] = useState(() => Date.now());
  const [customChosen, setCustomChosen] = useState(false);
  const preset = detectPreset(state.from, state.to, now);
  const dateMode: DateMode = customChosen ? 'custom' : (preset ?? (state.from || state.to ? 'custom' : 'any'));
  const dateErrors: DateErrors = {
    from:
      state.from && !isDayKey(state.from)
        ? `The start date “${state.from}” is not a date. Pick another one, or remove the date filter.`
        : null,
    to:
      state.to && !isDayKey(state.to)
        ? `The end date “${state.to}” is not a date. Pick another one, or remove the date filter.`
        : null,
    range: null,
  };
  if (!dateErrors.from && !dateErrors.to && state.from && state.to && state.from > state.to) {
    dateErrors.range = `The start date (${formatDayKey(state.from)}) is after the end date (${formatDayKey(state.to)}). Change one of them to see results.`;
  }
  const datesValid = !dateErrors.from && !dateErrors.to && !dateErrors.range;

  const changeDateMode = (mode: DateMode) => {
    setCustomChosen(mode === 'custom');
    if (mode === 'custom') return; // the reader picks the days next
    update(mode === 'any' ? { from: null, to: null } : { from: presetFrom(mode, Date.now()), to: null });
  };
  const clearDates = () => {
    setCustomChosen(false);
    update({ from: null, to: null });
  };

  // --- The search ---
  const topicsReady = state.topics.length === 0 || knownTopics !== undefined || topicsQuery.isError;
  const canSearch = q !== '' && !tooLong && datesValid && topicsReady;
  const topicsKey = [...chosenTopics].sort().join(',');
  const request: SearchRequest = useMemo(
    () => ({ q, topics: topicsKey ? topicsKey.split(',') : null, from: state.from, to: state.to, sort: state.sort }),
    [q, topicsKey, state.from, state.to, state.sort],
  );
  const results = useInfiniteQuery({
    ...searchQueries.results(request),
    enabled: canSearch,
    // While the next search loads, the previous results stay on screen (dimmed).
    placeholderData: keepPreviousData,
  });
  const [shownQ, setShownQ] = useState(q);
  if (results.data && !results.isPlaceholderData && shownQ !== q) setShownQ(q);

  const typing = draft.trim() !== q && draftLength > 0 && draftLength <= MAX_SEARCH_QUERY_LENGTH;
  const searching = canSearch && (typing || (results.isFetching && !results.isFetchingNextPage && !results.isError));
  let status = '';
  if (searching || (typing && q === '')) status = 'Searching…';
  else if (canSearch && results.data && !results.isPlaceholderData) {
    const total = results.data.pages[0]?.total ?? 0;
    status = `${total} ${total === 1 ? 'result' : 'results'} for «${q}»`;
  }

  const activeFilters: ActiveFilter[] = [
    ...chosenTopics.map((id) => ({
      label: `topic “${topicName(id)}”`,
      remove: () => update({ topics: state.topics.filter((t) => t !== id) }),
    })),
    ...(state.from || state.to ? [{ label: `dates ${describeRange(state.from, state.to)}`, remove: clearDates }] : []),
  ];
  const filtersSentence =
    (chosenTopics.length ? ` in ${listNames(chosenTopics.map(topicName))}` : '') +
    (state.from || state.to ? `, published ${describeRange(state.from, state.to)}` : '');

  const hrefFor = (recent: string) => `?${searchUrlParams({ ...state, q: recent } satisfies SearchUrlState)}`;

  return (
    <section className="search-page" aria-labelledby="search-title">
      <h1 id="search-title">News Search</h1>
      <form
        role="search"
        className="search-box"
        onSubmit={(event) => {
          event.preventDefault();
          const next = draft.trim();
          if (next !== q) commitQuery(next);
        }}
      >
        <label htmlFor={inputId}>Search news</label>
        <div className="search-box__row">
          <input
            ref={inputRef}
            id={inputId}
            type="search"
            data-search-box=""
            value={draft}
            autoComplete="off"
            enterKeyHint="search"
            aria-keyshortcuts="/"
            aria-describedby={hintId}
            aria-invalid={draftLength > MAX_SEARCH_QUERY_LENGTH || undefined}
            onChange={(event) => setDraft(event.target.value)}
          />
          <button type="submit" className="button">
            Search
          </button>
        </div>
        {draftLength > MAX_SEARCH_QUERY_LENGTH || tooLong ? (
          <p id={hintId} className="search-box__error" role="alert">
            Your search is {Math.max(draftLength, q.length)} characters long; searches are limited to{' '}
            {MAX_SEARCH_QUERY_LENGTH}. Shorten it to see results.
          </p>
        ) : (
          <p id={hintId} className="search-hint">
            Results appear as you type; every word must match. Press / to come back to this box.
          </p>
        )}
      </form>

      <SearchFilters
        topics={knownTopics}
        topicsError={topicsQuery.isError ? topicsQuery.error : null}
        onRetryTopics={() => void topicsQuery.refetch()}
        selectedTopics={state.topics}
        onToggleTopic={(id) =>
          update({ topics: state.topics.includes(id) ? state.topics.filter((t) => t !== id) : [...state.topics, id] })
        }
        onClearTopics={() => update({ topics: [] })}
        dateMode={dateMode}
        onDateModeChange={changeDateMode}
        from={state.from}
        to={state.to}
        onFromChange={(from) => update({ from }, { replace: true })}
        onToChange={(to) => update({ to }, { replace: true })}
        dateErrors={dateErrors}
        onClearDates={clearDates}
        sort={state.sort}
        onSortChange={(sort: SearchSort) => update({ sort })}
      />

      {unknownTopics.length > 0 && (
        <div className="search-notice" role="alert">
          <p>
            The address names {unknownTopics.length === 1 ? 'a topic that does' : 'topics that do'} not exist:{' '}
            {unknownTopics.map((t) => `“${t}”`).join(', ')}. {unknownTopics.length === 1 ? 'It is' : 'They are'}{' '}
            ignored.
          </p>
          <button
            type="button"
            className="button button--small"
            onClick={() => update({ topics: chosenTopics }, { replace: true })}
          >
            Remove from the address
          </button>
        </div>
      )}

      <p className="search-status" role="status">
        {status}
      </p>

      {q === '' ? (
        <RecentSearches hrefFor={hrefFor} />
      ) : tooLong ? null : !datesValid ? (
        <p className="empty-state">Fix the dates above to see results.</p>
      ) : (
        <SearchResults
          results={results}
          shownQ={shownQ}
          filtersSentence={filtersSentence}
          activeFilters={activeFilters}
          onRemoveAllFilters={() => {
            setCustomChosen(false);
            update({ topics: [], from: null, to: null });
          }}
        />
      )}
    </section>
  );
}
