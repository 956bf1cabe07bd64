import { Button } from '@/components/button';
import { QueryError } from '@/components/query-error';
import type { Topic } from '@/contract/news';

interface Props {
  topics: readonly Topic[] | undefined;
  topicsError: unknown;
  onRetryTopics: () => void;
  selected: readonly string[];
  onToggle: (id: string) => void;
  onClear: () => void;
}

/** Search within any of the ticked topics (none ticked: every topic). */
export function SearchTopicFilter({ topics, topicsError, onRetryTopics, selected, onToggle, onClear }: Props) {
  const selectedCount = selected.filter((t) => topics?.some((known) => known.id === t) ?? true).length;
  return (
    <fieldset className="search-filters__topics">
      <legend>Topics</legend>
      {topics ? (
        <>
          <ul className="search-filters__topic-list">
            {topics.map((topic) => (
              <li key={topic.id}>
                <label>
                  <input type="checkbox" checked={selected.includes(topic.id)} onChange={() => onToggle(topic.id)} />
                  {topic.name}
                </label>
              </li>
            ))}
          </ul>
          <p className="search-filters__note">
            {selectedCount === 0 ? 'None chosen: every topic is searched. ' : `${selectedCount} chosen. `}
            {selectedCount > 0 && (
              <Button variant="link" onClick={onClear}>
                Search every topic
              </Button>
            )}
          </p>
        </>
      ) : topicsError ? (
        <QueryError what="The topics could not be loaded." error={topicsError} onRetry={onRetryTopics} />
      ) : (
        <p className="loading-note">Loading topics…</p>
      )}
    </fieldset>
  );
}
