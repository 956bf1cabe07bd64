import { useEffect } from 'react';
import { useRecentSearchesStore } from '@/stores/recent-searches-store';

/**
 * Adds a search to the reader's recent searches once it has found something ('' records nothing): a search that
 * found nothing is not worth repeating from the list.
 */
export function useRecordRecentSearch(foundQ: string): void {
  const add = useRecentSearchesStore((s) => s.add);
  useEffect(() => {
    if (foundQ) add(foundQ);
  }, [foundQ, add]);
}
