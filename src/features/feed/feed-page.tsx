import { useQueryClient } from '@tanstack/react-query';
import { Suspense, useCallback, useDeferredValue, useId, useMemo, useRef, useState } from 'react';
import { articleQueries } from '@/api/articles';
import type { FeedSources } from '@/api/feed-requests';
import { Button } from '@/components/button';
import { PartBoundary } from '@/components/error-boundary';
import { QueryError } from '@/components/query-error';
import { UndoProvider, useOfferUndo } from '@/components/undo-bar';
import { NO_SOURCE_ID, type SourcesResponse } from '@/contract/sources';
import { lazyWithRetry } from '@/lib/lazy-with-retry';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useUrlState } from '@/lib/use-url-state';
import { useActiveMutes } from '@/stores/muted-topics-store';
import { useReadMarksStore } from '@/stores/read-marks-store';
import { DENSITIES, useReadingPrefsStore, type Density } from '@/stores/reading-prefs-store';
import { EVERY_SOURCE, type SourceSelection } from '@/stores/source-filter-storage';
import type { TopicSelection } from '@/stores/topic-filter-storage';
import { FeedList } from './feed-list';
import { feedUrlSchema } from './feed-url';
import { useSourceSelection } from './use-source-selection';
import { useTopicSelection } from './use-topic-selection';
import './feed-page.css';

// Most visits never open the filter: its code arrives on first use (or on hover/focus of the button).
const TopicFilterPanel = lazyWithRetry(() => import('./topic-filter-panel'));
const loadFilterPanel = () => void TopicFilterPanel.preload().catch(() => {});

const DENSITY_LABEL: Record<Density, string> = { summaries: 'Summaries', headlines: 'Headlines' };

/** `aside` is composed in by the app shell (e.g. the converter box), since features never import each other. */
export function FeedPage({ aside }: { aside?: React.ReactNode }) {
  return (
    <UndoProvider>
      <Feed aside={aside} />
    </UndoProvider>
  );
}

function Feed({ aside }: { aside?: React.ReactNode }) {
  const [newCount, setNewCount] = useState(0);
  useDocumentTitle(newCount > 0 ? `(${newCount}) All news` : 'All news');
  const panelId = useId();
  const [panelOpen, setPanelOpen] = useState(false);
  const filterButton = useRef<HTMLButtonElement>(null);
  const { topicsQuery, topics, selection, ready: topicsReady, setSelection } = useTopicSelection();
  const sourceFilter = useSourceSelection();
  const [{ before }] = useUrlState(feedUrlSchema);
  const ready = topicsReady && sourceFilter.ready;
  const muted = useActiveMutes();
  const names = useCallback(
    (ids: readonly string[]) => ids.map((id) => topics?.find((t) => t.id === id)?.name ?? id).join(', '),
    [topics],
  );
  // A tick in the filter paints at once; the list follows in a render React can interrupt (and the same element
  // otherwise, so the filter's own re-renders never re-render the list). Not when the topic list has just arrived:
  // the selection is then normalized against it, and the list must never ask for the unnormalized one (nor, when the
  // source list arrives, for sources it does not hold).
  const sourcesKnown = sourceFilter.list !== undefined;
  const current = useMemo(
    () => ({ selection, sources: sourceFilter.feedSources, normalized: `${topics !== undefined} ${sourcesKnown}` }),
    [selection, sourceFilter.feedSources, topics, sourcesKnown],
  );
  const deferred = useDeferredValue(current);
  const listSelection = deferred.normalized === current.normalized ? deferred.selection : selection;
  const listSources = deferred.normalized === current.normalized ? deferred.sources : sourceFilter.feedSources;
  const list = useMemo(
    () => (
      <FeedList
        topics={listSelection}
        exclude={muted}
        sources={listSources}
        before={before}
        onNewStories={setNewCount}
        emptyMessage={
          <>
            <p>No news in {listSelection ? names(listSelection) : 'any topic'} yet.</p>
            {listSelection && <Button onClick={() => setSelection(null)}>Clear the filter</Button>}
          </>
        }
      />
    ),
    [listSelection, listSources, before, muted, names, setSelection],
  );
  const closePanel = useCallback(() => {
    setPanelOpen(false);
    filterButton.current?.focus();
  }, []);
  const mutedNote = muted.length > 0 && topics && <> Muted: {names(muted)}.</>;

  return (
    <div className={aside ? 'feed-page feed-page--with-aside' : 'feed-page'}>
      <section aria-labelledby="feed-title" className="feed-page__main">
        <div className="feed-header">
          <h1 id="feed-title">All news</h1>
          <div className="feed-toolbar">
            <Button
              ref={filterButton}
              variant="quiet"
              className="filter-button"
              aria-expanded={panelOpen}
              aria-controls={panelId}
              onClick={() => setPanelOpen((open) => !open)}
              onMouseEnter={loadFilterPanel}
              onFocus={loadFilterPanel}
            >
              Use filter
              {topics && (
                <span
                  className="badge"
                  aria-label={`, ${selection?.length ?? topics.length} of ${topics.length} topics selected`}
                >
                  {selection?.length ?? topics.length}/{topics.length}
                </span>
              )}
              <span className="filter-button__chevron" aria-hidden="true" />
            </Button>
            <DensitySwitch />
            <MarkAllRead
              selection={selection}
              muted={muted}
              sources={sourceFilter.feedSources}
              before={before}
              describe={names}
            />
          </div>
        </div>

        {panelOpen &&
          (topics ? (
            <Suspense fallback={<p id={panelId}>Loading topics…</p>}>
              <PartBoundary what="The topic filter could not be loaded.">
                <TopicFilterPanel
                  id={panelId}
                  topics={topics}
                  selection={selection}
                  onChange={setSelection}
                  onClose={closePanel}
                  sources={
                    sourceFilter.list && {
                      list: sourceFilter.list,
                      selection: sourceFilter.selection,
                      onChange: sourceFilter.setSelection,
                    }
                  }
                />
              </PartBoundary>
            </Suspense>
          ) : topicsQuery.isError ? (
            <div id={panelId}>
              <QueryError
                what="The topics could not be loaded."
                error={topicsQuery.error}
                onRetry={() => topicsQuery.refetch()}
              />
            </div>
          ) : (
            <p id={panelId} role="status">
              {topicsQuery.fetchStatus === 'paused' ? 'Waiting for the network to load the topics…' : 'Loading topics…'}
            </p>
          ))}

        {selection && selection.length > 0 ? (
          <p className="active-filter" role="status">
            Showing only: {names(selection)}.{mutedNote}{' '}
            <Button variant="link" onClick={() => setSelection(null)}>
              Show all topics
            </Button>
          </p>
        ) : (
          mutedNote && (
            <p className="active-filter" role="status">
              {mutedNote}{' '}
              <Button variant="link" onClick={() => setPanelOpen(true)}>
                Change
              </Button>
            </p>
          )
        )}

        {sourceFilter.list && (
          <SourcesNote
            list={sourceFilter.list}
            selection={sourceFilter.selection}
            onShowAll={() => sourceFilter.setSelection(EVERY_SOURCE)}
          />
        )}

        {sourceFilter.selection.keep?.length === 0 ? (
          <div className="empty-state">
            <p>No sources are selected, so there is no news to show.</p>
            <Button onClick={() => sourceFilter.setSelection(EVERY_SOURCE)}>Select all sources</Button>
          </div>
        ) : selection && selection.length === 0 ? (
          <div className="empty-state">
            <p>No topics are selected, so there is no news to show.</p>
            <Button onClick={() => setSelection(null)}>Select all topics</Button>
          </div>
        ) : ready ? (
          list
        ) : (
          <div className="feed-skeleton" aria-busy="true" aria-label="Loading news" />
        )}
      </section>
      {aside && <div className="feed-page__aside">{aside}</div>}
    </div>
  );
}

/** Which sources the feed keeps or leaves out, when not every one, with a way back to all of them. */
function SourcesNote({
  list,
  selection,
  onShowAll,
}: {
  list: SourcesResponse;
  selection: SourceSelection;
  onShowAll: () => void;
}) {
  const ids = selection.keep ?? selection.drop;
  if (ids.length === 0) return null;
  const nameOf = (id: string) =>
    id === NO_SOURCE_ID ? 'stories without a source' : (list.sources.find((s) => s.id === id)?.name ?? id);
  return (
    <p className="active-filter" role="status">
      {selection.keep ? 'Only from: ' : 'Not from: '}
      {ids.map(nameOf).join(', ')}.{' '}
      <Button variant="link" onClick={onShowAll}>
        Show all sources
      </Button>
    </p>
  );
}

/** "Summaries" or "Headlines", remembered. */
function DensitySwitch() {
  const density = useReadingPrefsStore((s) => s.density);
  const setDensity = useReadingPrefsStore((s) => s.setDensity);
  return (
    <div className="segmented" role="group" aria-label="Show news as">
      {DENSITIES.map((d) => (
        <button key={d} type="button" aria-pressed={density === d} onClick={() => setDensity(d)}>
          {DENSITY_LABEL[d]}
        </button>
      ))}
    </div>
  );
}

/** Marks every story in view up to the newest one shown as read, with Undo. */
function MarkAllRead({
  selection,
  muted,
  sources,
  before: cursor,
  describe,
}: {
  selection: TopicSelection;
  muted: readonly string[];
  sources: FeedSources;
  before: string | null;
  describe: (ids: readonly string[]) => string;
}) {
  const queryClient = useQueryClient();
  const offerUndo = useOfferUndo();
  const markAll = () => {
    const feed = queryClient.getQueryData(articleQueries.feed(selection, muted, sources, cursor).queryKey);
    // Stories newer than the newest shown stay unread: the reader has not seen them.
    const newest = feed?.pages[0]?.items[0]?.publishedAt;
    const store = useReadMarksStore.getState();
    const before = { marks: store.marks, readThrough: store.readThrough };
    store.markAllRead(selection?.length ? selection : null, newest ? Date.parse(newest) : Date.now());
    offerUndo(
      selection?.length ? `Stories in ${describe(selection)} marked as read.` : 'All stories marked as read.',
      () => store.restore(before),
    );
  };
  return (
    <Button variant="quiet" onClick={markAll}>
      Mark all as read
    </Button>
  );
}
