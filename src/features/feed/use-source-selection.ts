// The source filter in force: the address's ?sources= / ?excludeSources= when they name any source we know, else the
// reader's last choice (kept on the device). Choosing writes both; nothing copies one into the other.
import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { sourceQueries } from '@/api/sources';
import { useUrlState } from '@/lib/use-url-state';
import type { SourceSelection } from '@/stores/source-filter-storage';
import { isEverySource, useSourceFilterStore } from '@/stores/source-filter-store';
import { feedUrlSchema } from './feed-url';
import { feedSourceSelection, feedSourcesOf, sourceAddressOf } from './source-selection';

export function useSourceSelection() {
  const [url, updateUrl] = useUrlState(feedUrlSchema);
  const stored = useSourceFilterStore((s) => s.selection);
  const setStored = useSourceFilterStore((s) => s.setSelection);
  const sourcesQuery = useQuery(sourceQueries.all());
  const list = sourcesQuery.data;

  const selection = useMemo(
    () => feedSourceSelection({ sources: url.sources, excludeSources: url.excludeSources }, stored, list),
    [url.sources, url.excludeSources, stored, list],
  );
  const feedSources = useMemo(() => feedSourcesOf(selection), [selection]);

  // As with topics: requests naming sources wait for the source list, so a stale id never reaches the API; if the
  // list cannot be had, the choice is sent as it is.
  const ready = isEverySource(selection) || list !== undefined || sourcesQuery.errorUpdatedAt > 0;

  const setSelection = useCallback(
    (next: SourceSelection) => {
      updateUrl({ ...sourceAddressOf(next), before: null }, { replace: true });
      setStored(next);
    },
    [setStored, updateUrl],
  );

  return { list, selection, feedSources, ready, setSelection };
}
