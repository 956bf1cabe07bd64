import { memo, useId, useMemo } from 'react';
import { NewsItem } from '@/components/news-item';
import type { TopicNames } from '@/components/topic-chips';
import type { SearchResult } from '@/contract/search';
import { planHighlight } from './highlight';
import { HighlightedText } from './highlighted-text';

interface Props {
  result: SearchResult;
  q: string;
  /** The result's place in the list, from 1, and the number of results. */
  position: number;
  total: number;
  read: boolean;
  topicNames: TopicNames;
}

/** One result (the list wraps it in its <li>), laid out like a feed item; memoized, so typing the next search
 * re-renders none of them. */
export const SearchResultItem = memo(function SearchResultItem({
  result,
  q,
  position,
  total,
  read,
  topicNames,
}: Props) {
  const titleId = useId();
  const plan = useMemo(() => planHighlight(q, [result.title, result.snippet]), [q, result.title, result.snippet]);
  return (
    <NewsItem
      id={result.id}
      title={result.title}
      titleContent={<HighlightedText text={result.title} plan={plan} />}
      titleId={titleId}
      headingLevel={2}
      publishedAt={result.publishedAt}
      undated={result.undated}
      source={result.source?.name}
      withDate
      dateline={result.dateline}
      topics={result.topics}
      topicNames={topicNames}
      summary={result.snippet ? <HighlightedText text={result.snippet} plan={plan} /> : undefined}
      read={read}
      position={position}
      setSize={total}
    />
  );
});
