// The sources the address names, checked against the source list: unknown ones (a source gone from the archive)
// are left out of the search.
import { useQuery } from '@tanstack/react-query';
import { sourceChoices, sourceQueries } from '@/api/sources';

export function useSearchSources(named: readonly string[]) {
  const sourcesQuery = useQuery(sourceQueries.all());
  const list = sourcesQuery.data;
  const rows = list && sourceChoices(list);
  const knownIds = rows?.map((s) => s.id);
  return {
    /** The rows to offer: none unless some story has a source. */
    rows: list && list.sources.length > 0 ? rows : undefined,
    /** Ids to search, in the list's order (as named until the list arrives). */
    chosen: knownIds ? knownIds.filter((id) => named.includes(id)) : [...named],
    nameOf: (id: string) => rows?.find((s) => s.id === id)?.name ?? id,
    /** Requests with source ids wait for the list, unless it cannot be had. */
    ready: named.length === 0 || list !== undefined || sourcesQuery.isError,
  };
}
