// The topics the address names, checked against the topic list: known ones are searched, unknown ones explained.
import { useQuery } from '@tanstack/react-query';
import { topicQueries } from '@/api/topics';

export function useSearchTopics(named: readonly string[]) {
  const topicsQuery = useQuery(topicQueries.all());
  const known = topicsQuery.data;
  const knownIds = known?.map((t) => t.id);
  return {
    topicsQuery,
    known,
    /** Ids in the address that are not topics (empty until the list arrives). */
    unknown: knownIds ? named.filter((id) => !knownIds.includes(id)) : [],
    /** Ids to search, in the topic list's order (as named until the list arrives). */
    chosen: knownIds ? knownIds.filter((id) => named.includes(id)) : [...named],
    nameOf: (id: string) => known?.find((t) => t.id === id)?.name ?? id,
    /** Requests with topic ids wait for the list, unless it cannot be had. */
    ready: named.length === 0 || known !== undefined || topicsQuery.isError,
  };
}
