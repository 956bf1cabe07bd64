import { memo, useId, useMemo } from 'react';
import { ArticleLink } from '@/components/article-link';
import { TopicChips } from '@/components/topic-chips';
import type { SearchResult } from '@/contract/search';
import { formatAgencyDateTime } from '@/lib/agency-time';
import { planHighlight } from './highlight';
import { HighlightedText } from './highlighted-text';
import '@/components/news-item.css';

interface Props {
  result: SearchResult;
  q: string;
  /** The result's place in the list, from 1, and the number of results. */
  position: number;
  total: number;
}

/** One result (the list wraps it in its <li>); memoized, so typing the next search re-renders none of them. */
export const SearchResultItem = memo(function SearchResultItem({ result, q, position, total }: Props) {
  const titleId = useId();
  const plan = useMemo(() => planHighlight(q, [result.title, result.snippet]), [q, result.title, result.snippet]);
  return (
    <article
      className="news-item search-result"
      aria-labelledby={titleId}
      aria-posinset={position}
      aria-setsize={total}
    >
      <p className="news-item__meta">
        <time dateTime={result.publishedAt}>{formatAgencyDateTime(result.publishedAt)}</time>
        {result.dateline && <span className="news-item__dateline">{result.dateline}</span>}
      </p>
      <h2 id={titleId} className="news-item__title search-result__title">
        <ArticleLink id={result.id}>
          <HighlightedText text={result.title} plan={plan} />
        </ArticleLink>
      </h2>
      <TopicChips topicIds={result.topics} />
      {result.snippet && (
        <p className="search-result__snippet">
          <HighlightedText text={result.snippet} plan={plan} />
        </p>
      )}
    </article>
  );
});
