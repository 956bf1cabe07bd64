import { useQuery } from '@tanstack/react-query';
import { topicQueries } from '@/api/topics';
import type { Topic } from '@/contract/news';
import { Chip } from './chip';

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
    <ul className="chip-list" aria-label="Topics">
      {topicIds.map((id) => (
        <li key={id}>
          <Chip to={`/?topics=${encodeURIComponent(id)}`}>{names.get(id) ?? id}</Chip>
        </li>
      ))}
    </ul>
  );
}
