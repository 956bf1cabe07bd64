// The pair's rate over time, worked out from each currency's published values (both are quoted against the base).
import type { RateHistoryResponse } from '@/contract/rates';
import { rateValue } from './money';

export interface ChartPoint {
  date: string;
  /** 1 `from` in `to`, a decimal string (exact to 10 significant digits). */
  value: string;
}

type Series = Pick<RateHistoryResponse, 'nominal' | 'points'>;

/** The cross rate on every day both currencies were published; the base costs 1 on every day. */
export function crossSeries(from: Series | 'base', to: Series | 'base', dates?: readonly string[]): ChartPoint[] {
  const map = (s: Series) => new Map(s.points.map((p) => [p.date, p.value]));
  const fromValues = from === 'base' ? null : map(from);
  const toValues = to === 'base' ? null : map(to);
  const days = [...new Set([...(fromValues?.keys() ?? []), ...(toValues?.keys() ?? []), ...(dates ?? [])])].sort();
  return days.flatMap((date) => {
    const f = fromValues ? fromValues.get(date) : 1;
    const t = toValues ? toValues.get(date) : 1;
    if (f === undefined || t === undefined) return [];
    const fromNominal = from === 'base' ? 1 : from.nominal;
    const toNominal = to === 'base' ? 1 : to.nominal;
    return [{ date, value: rateValue(f, fromNominal, t, toNominal) }];
  });
}
