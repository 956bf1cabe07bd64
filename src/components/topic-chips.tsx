import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { Topic } from '@/api/schemas';
import { topicQueries } from '@/api/topics';

export type TopicNames = ReadonlyMap<string, string>;

/** Topic ids to display names, from the cached topic list (ids stand in until it arrives). */
export function useTopicNames(): TopicNames {
  const { data } = useQuery({ ...topicQueries.all(), select: toNameMap });
  return data ?? EMPTY;
}
// Stable select function: the Map is rebuilt only when the topic list changes, so memoized items stay put.
const toNameMap = (topics: readonly Topic[]): TopicNames => new Map(topics.map((t) => [t.id, t.name]));
const EMPTY: TopicNames = new Map();

/** Topic labels that open the feed filtered by that topic. Lists pass `names` so items don't each subscribe. */
export function TopicChips({ topicIds, names }: { topicIds: readonly string[]; names?: TopicNames }) {
  return names ? <ChipList topicIds={topicIds} names={names} /> : <ChipsWithNames topicIds={topicIds} />;
}

function ChipsWithNames({ topicIds }: { topicIds: readonly string[] }) {
  return <ChipList topicIds={topicIds} names={useTopicNames()} />;
}

function ChipList({ topicIds, names }: { topicIds: readonly string[]; names: TopicNames }) {
  return (
    <ul className="topic-chips" aria-label="Topics">
      {topicIds.map((id) => (
        <li key={id}>
          <Link className="topic-chip" to={`/?topics=${encodeURIComponent(id)}`}>
            {names.get(id) ?? id}
          </Link>
        </li>
      ))}
    </ul>
  );
}
