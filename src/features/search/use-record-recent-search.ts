import { useEffect } from 'react';
import { useRecentSearchesStore } from '@/stores/recent-searches-store';

/** Adds each search the address settles on to the reader's recent searches ('' records nothing). */
export function useRecordRecentSearch(q: string): void {
  const add = useRecentSearchesStore((s) => s.add);
  useEffect(() => {
    if (q) add(q);
  }, [q, add]);
}
