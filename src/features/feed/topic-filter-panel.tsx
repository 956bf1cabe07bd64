import { Button } from '@/components/button';
import { VisuallyHidden } from '@/components/visually-hidden';
import type { Topic } from '@/contract/news';
import type { TopicSelection } from '@/stores/topic-filter-storage';
import { isTopicSelected, normalizeSelection, toggleTopic } from '@/stores/topic-filter-store';

interface Props {
  id: string;
  topics: readonly Topic[];
  selection: TopicSelection;
  onChange: (selection: TopicSelection) => void;
}

/** "Use filter": a checkbox per topic with its article count, plus All, None and Only this. */
export default function TopicFilterPanel({ id, topics, selection, onChange }: Props) {
  const allIds = topics.map((t) => t.id);
  return (
    <fieldset id={id} className="filter-panel">
      <legend>Show news on these topics</legend>
      <div className="filter-panel__bulk">
        <Button variant="quiet" onClick={() => onChange(null)}>
          All
        </Button>
        <Button variant="quiet" onClick={() => onChange([])}>
          None
        </Button>
      </div>
      <ul className="filter-panel__list">
        {topics.map((topic) => (
          <li key={topic.id} className="filter-panel__topic">
            <label>
              <input
                type="checkbox"
                checked={isTopicSelected(selection, topic.id)}
                onChange={() => onChange(toggleTopic(selection, topic.id, allIds))}
              />
              <span>{topic.name}</span> <span className="filter-panel__count">({topic.count})</span>
            </label>
            <Button variant="link" onClick={() => onChange(normalizeSelection([topic.id], allIds))}>
              Only this <VisuallyHidden>({topic.name})</VisuallyHidden>
            </Button>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
