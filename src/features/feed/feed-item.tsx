import { memo, Suspense, useId } from 'react';
import { ArticleLink } from '@/components/article-link';
import { Button } from '@/components/button';
import { PartBoundary } from '@/components/error-boundary';
import { TopicChips, type TopicNames } from '@/components/topic-chips';
import { VisuallyHidden } from '@/components/visually-hidden';
import type { ArticleSummary } from '@/contract/news';
import { formatAgencyTime } from '@/lib/agency-time';
import { lazyWithRetry } from '@/lib/lazy-with-retry';
import '@/components/news-item.css';

// The expanded text is fetched on demand, and so is its code: it is not needed for the feed's first paint.
const FullText = lazyWithRetry(() => import('./full-text'));

interface Props {
  article: ArticleSummary;
  /** The article's place in the loaded list, from 1; the list's length is left open (more may load). */
  position: number;
  expanded: boolean;
  topicNames: TopicNames;
  onToggle: (id: string) => void;
}

// Memoized: loading another page or expanding one item must not re-render the hundreds already shown.
export const FeedItem = memo(function FeedItem({ article, position, expanded, topicNames, onToggle }: Props) {
  const titleId = useId();
  const textId = useId();
  return (
    <article className="news-item feed-item" aria-labelledby={titleId} aria-posinset={position} aria-setsize={-1}>
      <p className="news-item__meta">
        <time dateTime={article.publishedAt}>{formatAgencyTime(article.publishedAt)}</time>
        {article.dateline && <span className="news-item__dateline">{article.dateline}</span>}
        {article.pageCount > 1 && <span className="feed-item__pages">{article.pageCount} pages in this article</span>}
      </p>
      <h3 id={titleId} className="news-item__title feed-item__title">
        <ArticleLink id={article.id}>{article.title}</ArticleLink>
      </h3>
      <p className="feed-item__lead">{article.lead}</p>
      <TopicChips topicIds={article.topics} names={topicNames} />
      {expanded && (
        <PartBoundary what="The full text could not be loaded.">
          <Suspense fallback={<p className="loading-note">Loading the full text…</p>}>
            <FullText id={article.id} textId={textId} />
          </Suspense>
        </PartBoundary>
      )}
      <Button
        variant="link"
        className="feed-item__toggle"
        aria-expanded={expanded}
        aria-controls={expanded ? textId : undefined}
        onClick={() => onToggle(article.id)}
      >
        {expanded ? 'Show less' : 'Show more'}
        <VisuallyHidden>: {article.title}</VisuallyHidden>
      </Button>
    </article>
  );
});
