// "3 new stories" above the feed (its own chunk, loaded after the list has painted: the first check for news is a
// minute away anyway). Kept in view while the reader scrolls; announced politely when it changes.
import { useEffect } from 'react';
import type { ExcludedTopics, FeedSources, FeedTopics } from '@/api/feed-requests';
import type { ArticleSummary } from '@/contract/news';
import { useNewStories } from './use-new-stories';
import './new-stories-bar.css';

interface Props {
  topics: FeedTopics;
  exclude: ExcludedTopics;
  sources: FeedSources;
  /** The stories the feed shows, newest first. */
  shown: readonly ArticleSummary[];
  enabled: boolean;
  /** Told how many newer stories wait above the list (for the tab title). */
  onCount: (count: number) => void;
}

export default function NewStoriesBar({ topics, exclude, sources, shown, enabled, onCount }: Props) {
  const { count, more, reveal } = useNewStories(topics, exclude, shown, enabled, sources);
  useEffect(() => onCount(count), [onCount, count]);
  useEffect(() => () => onCount(0), [onCount]);
  const label = more ? `${count}+ new stories` : count === 1 ? '1 new story' : `${count} new stories`;
  return (
    <div className="new-stories" role="status">
      {count > 0 && (
        <button type="button" className="new-stories__button" onClick={reveal}>
          <span aria-hidden="true">↑ </span>
          {label}
        </button>
      )}
    </div>
  );
}
