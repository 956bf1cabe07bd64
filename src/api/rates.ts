import { queryOptions } from '@tanstack/react-query';
import { rateHistoryResponseSchema, ratesResponseSchema } from '@/contract/rates';
import { apiUrl, getJson } from './http';

export const rateQueries = {
  all: () => ['rates'] as const,
  /** Official rates in effect on `date` (YYYY-MM-DD): the latest publication on or before it; latest when omitted. */
  onDate: (date?: string) =>
    queryOptions({
      queryKey: [...rateQueries.all(), 'on-date', date ?? 'latest'] as const,
      queryFn: ({ signal }) => getJson(apiUrl('/rates', { date }), ratesResponseSchema, { signal }),
      staleTime: 10 * 60_000,
    }),
  /** One currency's published values (base units per `nominal`) between two dates, inclusive. */
  history: (code: string, from: string, to: string) =>
    queryOptions({
      queryKey: [...rateQueries.all(), 'history', { code, from, to }] as const,
      queryFn: ({ signal }) =>
        getJson(apiUrl('/rates/history', { code, from, to }), rateHistoryResponseSchema, { signal }),
      staleTime: 10 * 60_000,
    }),
};
