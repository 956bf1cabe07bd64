import { memo, Suspense, useId } from 'react';
import { Button } from '@/components/button';
import { PartBoundary } from '@/components/error-boundary';
import { NewsItem } from '@/components/news-item';
import { PlainLink } from '@/components/plain-link';
import type { TopicNames } from '@/components/topic-chips';
import { VisuallyHidden } from '@/components/visually-hidden';
import type { ArticleSummary } from '@/contract/news';
import { lazyWithRetry } from '@/lib/lazy-with-retry';
import { useHydrated } from '@/lib/use-hydrated';
import type { Density } from '@/stores/reading-prefs-store';
import { TopicMenuChips } from './topic-menu-chips';
import './feed-item.css';

// The expanded text is fetched on demand, and so is its code: it is not needed for the feed's first paint.
const FullText = lazyWithRetry(() => import('./full-text'));

interface Props {
  article: ArticleSummary;
  /** The article's place in the loaded list, from 1; the list's length is left open (more may load). */
  position: number;
  expanded: boolean;
  read: boolean;
  density: Density;
  topicNames: TopicNames;
  onToggle: (article: ArticleSummary) => void;
}

/** Collapsing from the bottom of a long text brings the reader back to the item, on its top "Show less". */
function returnToItem(button: HTMLElement) {
  const item = button.closest<HTMLElement>('[data-item-id]');
  requestAnimationFrame(() => {
    if (!item?.isConnected) return;
    if (item.getBoundingClientRect().top < 0) item.scrollIntoView({ block: 'start' });
    item.querySelector<HTMLElement>('[data-action="toggle"]')?.focus({ preventScroll: true });
  });
}

/** Until the page is the app's (scripts off, a failed bundle, or not hydrated yet), "Show more" is a link to the
 * article, where the whole text is; then the button that opens it in place. */
function ShowMoreToggle({ article, children }: { article: ArticleSummary; children: React.ReactNode }) {
  const hydrated = useHydrated();
  if (hydrated) return children;
  return (
    <PlainLink to={`/news/${article.id}`} className="link-button" data-action="toggle">
      Show more<VisuallyHidden>: {article.title}</VisuallyHidden>
    </PlainLink>
  );
}

// Memoized: loading another page or expanding one item must not re-render the hundreds already shown.
export const FeedItem = memo(function FeedItem({
  article,
  position,
  expanded,
  read,
  density,
  topicNames,
  onToggle,
}: Props) {
  const titleId = useId();
  const textId = useId();
  const toggleLabel = (
    <>
      {expanded ? 'Show less' : 'Show more'}
      <VisuallyHidden>: {article.title}</VisuallyHidden>
    </>
  );
  return (
    <NewsItem
      id={article.id}
      title={article.title}
      titleId={titleId}
      headingLevel={3}
      publishedAt={article.publishedAt}
      undated={article.undated}
      source={article.source?.name}
      photo={article.image}
      dateline={article.dateline}
      pageCount={article.pageCount}
      topics={article.topics}
      topicNames={topicNames}
      chips={<TopicMenuChips topicIds={article.topics} names={topicNames} />}
      summary={density === 'summaries' ? article.lead : undefined}
      density={density}
      read={read}
      expanded={expanded}
      position={position}
      setSize={-1}
      actions={
        <ShowMoreToggle article={article}>
          <Button
            variant="link"
            data-action="toggle"
            aria-expanded={expanded}
            aria-controls={expanded ? textId : undefined}
            onClick={() => onToggle(article)}
          >
            {toggleLabel}
          </Button>
        </ShowMoreToggle>
      }
    >
      {expanded && (
        <div id={textId} className="feed-item__text">
          {density === 'headlines' && <p className="feed-item__lead">{article.lead}</p>}
          <PartBoundary what="The full text could not be loaded.">
            <Suspense fallback={<p className="loading-note">Loading the full text…</p>}>
              <FullText id={article.id} />
            </Suspense>
          </PartBoundary>
          <Button
            variant="link"
            onClick={(event) => {
              returnToItem(event.currentTarget);
              onToggle(article);
            }}
          >
            {toggleLabel}
          </Button>
        </div>
      )}
    </NewsItem>
  );
});
