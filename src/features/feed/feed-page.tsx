import { Suspense, useId, useState } from 'react';
import { Button } from '@/components/button';
import { PartBoundary } from '@/components/error-boundary';
import { QueryError } from '@/components/query-error';
import { lazyWithRetry } from '@/lib/lazy-with-retry';
import { useDocumentTitle } from '@/lib/use-document-title';
import { FeedList } from './feed-list';
import { useTopicSelection } from './use-topic-selection';
import './feed.css';

// Most visits never open the filter: its code arrives on first use (or on hover/focus of the button).
const TopicFilterPanel = lazyWithRetry(() => import('./topic-filter-panel'));
const loadFilterPanel = () => void TopicFilterPanel.preload().catch(() => {});

/** `aside` is composed in by the app shell (e.g. the converter box), since features never import each other. */
export function FeedPage({ aside }: { aside?: React.ReactNode }) {
  useDocumentTitle('All news');
  const panelId = useId();
  const [panelOpen, setPanelOpen] = useState(false);
  const { topicsQuery, topics, selection, ready, setSelection } = useTopicSelection();
  const activeCount = selection?.length;
  const names = (ids: readonly string[]) => ids.map((id) => topics?.find((t) => t.id === id)?.name ?? id).join(', ');

  return (
    <div className={aside ? 'feed-page feed-page--with-aside' : 'feed-page'}>
      <section aria-labelledby="feed-title" className="feed-page__main">
        <div className="feed-header">
          <h1 id="feed-title">All news</h1>
          <Button
            className="filter-button"
            aria-expanded={panelOpen}
            aria-controls={panelId}
            onClick={() => setPanelOpen((open) => !open)}
            onMouseEnter={loadFilterPanel}
            onFocus={loadFilterPanel}
          >
            Use filter
            {activeCount !== undefined && (
              <span className="badge" aria-label={`, ${activeCount} of ${topics?.length ?? '?'} topics selected`}>
                {activeCount}
              </span>
            )}
          </Button>
        </div>

        {panelOpen &&
          (topics ? (
            <Suspense fallback={<p id={panelId}>Loading topics…</p>}>
              <PartBoundary what="The topic filter could not be loaded.">
                <TopicFilterPanel id={panelId} topics={topics} selection={selection} onChange={setSelection} />
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

        {selection && selection.length > 0 && (
          <p className="active-filter" role="status">
            Showing only: {names(selection)}.{' '}
            <Button variant="link" onClick={() => setSelection(null)}>
              Show all topics
            </Button>
          </p>
        )}

        {selection && selection.length === 0 ? (
          <div className="empty-state">
            <p>No topics are selected, so there is no news to show.</p>
            <Button onClick={() => setSelection(null)}>Select all topics</Button>
          </div>
        ) : ready ? (
          <FeedList
            topics={selection}
            emptyMessage={
              <>
                <p>No news in {selection ? names(selection) : 'any topic'} yet.</p>
                {selection && <Button onClick={() => setSelection(null)}>Clear the filter</Button>}
              </>
            }
          />
        ) : (
          <div className="feed-skeleton" aria-busy="true" aria-label="Loading news" />
        )}
      </section>
      {aside && <div className="feed-page__aside">{aside}</div>}
    </div>
  );
}
