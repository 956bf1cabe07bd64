// Today's official rates as a RateTable, for the converter box and the converter page (one query, one cache entry).
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { rateQueries } from '@/api/rates';
import { buildRateTable } from './money';

export function useRateTable() {
  const ratesQuery = useQuery(rateQueries.onDate());
  const table = useMemo(() => (ratesQuery.data ? buildRateTable(ratesQuery.data) : undefined), [ratesQuery.data]);
  return { ratesQuery, table };
}
