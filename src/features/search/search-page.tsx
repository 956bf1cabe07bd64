// /search: composes the box, the filters and the results; each concern lives in its own hook.
import { useCallback } from 'react';
import { Link } from 'react-router';
import { MAX_SEARCH_QUERY_LENGTH } from '@/contract/search';
import { writeUrlState } from '@/lib/url-state';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useUrlState } from '@/lib/use-url-state';
import { describeRange } from './date-filter';
import { RecentSearches } from './recent-searches';
import { SearchBox } from './search-box';
import { SearchFilters } from './search-filters';
import { SearchResults, type ActiveFilter } from './search-results';
import { SearchSourceFilter } from './search-source-filter';
import { searchHref, searchUrlSchema } from './search-url';
import { UnknownTopicsNotice } from './unknown-topics-notice';
import { useDateFilter } from './use-date-filter';
import { useDebouncedSearch } from './use-debounced-search';
import { useRecordRecentSearch } from './use-record-recent-search';
import { useSearchResults } from './use-search-results';
import { useSearchSources } from './use-search-sources';
import { useSearchTopics } from './use-search-topics';
import './search.css';

const listNames = (names: string[]) =>
  names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;

export default function SearchPage() {
  const [state, update] = useUrlState(searchUrlSchema);
  const q = state.q.trim();
  useDocumentTitle(q ? `Search: ${q}` : 'News Search');
  const tooLong = q.length > MAX_SEARCH_QUERY_LENGTH;
  const box = useDebouncedSearch(
    q,
    // A new query allows look-alikes again.
    useCallback((next, { replace }) => update({ q: next, typos: 'on' }, { replace }), [update]),
  );

  const named = state.topics ?? [];
  const topics = useSearchTopics(named);
  const namedSources = state.sources ?? [];
  const sources = useSearchSources(namedSources);
  const dates = useDateFilter(state.from, state.to, update);
  const draftLength = box.draft.trim().length;
  const filtersSentence =
    (topics.chosen.length ? ` in ${listNames(topics.chosen.map(topics.nameOf))}` : '') +
    (sources.chosen.length ? ` from ${listNames(sources.chosen.map(sources.nameOf))}` : '') +
    (state.from || state.to ? `, published ${describeRange(state.from, state.to)}` : '');
  const { results, shownQ, status, corrected, suggestion, found } = useSearchResults({
    q,
    topics: topics.chosen,
    sources: sources.chosen,
    from: state.from,
    to: state.to,
    sort: state.sort,
    filtersSentence,
    exact: state.typos === 'off',
    canSearch: q !== '' && !tooLong && dates.valid && topics.ready && sources.ready,
    typing: box.typing && draftLength > 0 && draftLength <= MAX_SEARCH_QUERY_LENGTH,
  });
  useRecordRecentSearch(found ? q : '');

  const activeFilters: ActiveFilter[] = [
    ...topics.chosen.map((id) => ({
      label: `topic “${topics.nameOf(id)}”`,
      remove: () => update({ topics: named.filter((t) => t !== id) }),
    })),
    ...sources.chosen.map((id) => ({
      label: `source “${sources.nameOf(id)}”`,
      remove: () => update({ sources: namedSources.filter((s) => s !== id) }),
    })),
    ...(state.from || state.to
      ? [{ label: `dates ${describeRange(state.from, state.to)}`, remove: () => dates.clear() }]
      : []),
  ];

  return (
    <section className="search-page" aria-labelledby="search-title">
      <h1 id="search-title">News Search</h1>
      <SearchBox
        draft={box.draft}
        onDraftChange={box.setDraft}
        onSubmit={box.submit}
        committedLength={q.length}
        keep={writeUrlState(searchUrlSchema, { ...state, q: '', typos: 'on' })}
      />
      <SearchFilters
        topics={topics.known}
        topicsError={topics.topicsQuery.isError ? topics.topicsQuery.error : null}
        onRetryTopics={() => void topics.topicsQuery.refetch()}
        selectedTopics={named}
        onToggleTopic={(id) => update({ topics: named.includes(id) ? named.filter((t) => t !== id) : [...named, id] })}
        onClearTopics={() => update({ topics: null })}
        dateMode={dates.mode}
        onDateModeChange={dates.changeMode}
        from={state.from}
        to={state.to}
        onFromChange={(from) => update({ from }, { replace: true })}
        onToChange={(to) => update({ to }, { replace: true })}
        dateErrors={dates.errors}
        onClearDates={() => dates.clear()}
        sort={state.sort}
        onSortChange={(sort) => update({ sort })}
        activeCount={activeFilters.length + (state.sort === 'relevance' ? 0 : 1)}
        sourceFilter={
          sources.rows && (
            <SearchSourceFilter
              sources={sources.rows}
              selected={sources.chosen}
              onToggle={(id) =>
                update({
                  sources: namedSources.includes(id) ? namedSources.filter((s) => s !== id) : [...namedSources, id],
                })
              }
              onClear={() => update({ sources: null })}
            />
          )
        }
      />
      <UnknownTopicsNotice ids={topics.unknown} onRemove={() => update({ topics: topics.chosen }, { replace: true })} />
      <p className="search-status" role="status">
        {status}
        {corrected && (
          <>
            {' '}
            — search instead for “<Link to={searchHref(state, q, { exact: true })}>{q}</Link>”
          </>
        )}
        {suggestion && (
          <>
            . Did you mean “<Link to={searchHref(state, suggestion)}>{suggestion}</Link>”?
          </>
        )}
      </p>
      {q === '' ? (
        <RecentSearches hrefFor={(recent) => searchHref(state, recent)} />
      ) : tooLong ? null : !dates.valid ? (
        <p className="empty-state">Fix the dates above to see results.</p>
      ) : (
        <SearchResults
          results={results}
          shownQ={shownQ}
          activeFilters={activeFilters}
          onRemoveAllFilters={() => dates.clear({ topics: null, sources: null })}
        />
      )}
    </section>
  );
}
