import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { articleQueries } from '@/api/articles';
import type { ArticleSummary } from '@/api/schemas';
import { ArticleLink } from '@/components/article-link';
import { QueryError } from '@/components/query-error';
import { TopicChips } from '@/components/topic-chips';
import { formatAgencyTime } from '@/lib/agency-time';

function FullText({ id, textId }: { id: string; textId: string }) {
  const article = useQuery(articleQueries.detail(id));
  if (article.isPending) {
    return (
      <div id={textId} className="feed-item__text" aria-busy="true">
        <p className="loading-note" role="status">
          Loading the full text…
        </p>
        <div className="skeleton skeleton--line" />
        <div className="skeleton skeleton--line" />
      </div>
    );
  }
  if (article.isError) {
    return (
      <QueryError what="The full text could not be loaded." error={article.error} onRetry={() => article.refetch()} />
    );
  }
  const { pages } = article.data;
  return (
    <div id={textId} className="feed-item__text">
      {pages.map((paragraphs, pageIndex) => (
        <section key={pageIndex} aria-label={pages.length > 1 ? `Page ${pageIndex + 1} of ${pages.length}` : undefined}>
          {pages.length > 1 && (
            <p className="page-marker" aria-hidden="true">
              Page {pageIndex + 1} of {pages.length}
            </p>
          )}
          {paragraphs.map((paragraph, i) => (
            <p key={i}>{paragraph}</p>
          ))}
        </section>
      ))}
    </div>
  );
}

interface Props {
  article: ArticleSummary;
  expanded: boolean;
  onToggle: (id: string) => void;
}

export function FeedItem({ article, expanded, onToggle }: Props) {
  const titleId = useId();
  const textId = useId();
  return (
    <article className="feed-item" aria-labelledby={titleId}>
      <p className="feed-item__meta">
        <time dateTime={article.publishedAt}>{formatAgencyTime(article.publishedAt)}</time>
        {article.dateline && <span className="feed-item__dateline">{article.dateline}</span>}
        {article.pageCount > 1 && <span className="feed-item__pages">{article.pageCount} pages in this article</span>}
      </p>
      <h3 id={titleId} className="feed-item__title">
        <ArticleLink id={article.id}>{article.title}</ArticleLink>
      </h3>
      <p className="feed-item__lead">{article.lead}</p>
      <TopicChips topicIds={article.topics} />
      {expanded && <FullText id={article.id} textId={textId} />}
      <button
        type="button"
        className="link-button feed-item__toggle"
        aria-expanded={expanded}
        aria-controls={expanded ? textId : undefined}
        onClick={() => onToggle(article.id)}
      >
        {expanded ? 'Show less' : 'Show more'}
        <span className="visually-hidden">: {article.title}</span>
      </button>
    </article>
  );
}
