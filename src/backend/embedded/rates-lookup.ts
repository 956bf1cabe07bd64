// The rates port's lookups over a loaded rates file (issue 5): the rates in effect on a day, one currency's series.
import type { RatesDayOutcome, RatesHistoryOutcome } from '../ports.ts';
import type { LoadedRates, RatesData } from './rates-data.ts';

/** Index of the latest day on or before `date`, or -1 when every day is later. */
function dayIndexOnOrBefore(dates: readonly string[], date: string): number {
  let lo = 0;
  let hi = dates.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (dates[mid]! <= date) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

function ratesOn(rates: LoadedRates, date: string | null): RatesDayOutcome {
  const index = date === null ? rates.days.length - 1 : dayIndexOnOrBefore(rates.dates, date);
  if (index < 0) return { ok: false, code: 'no_rates_for_date', firstDate: rates.dates[0]! };
  const day = rates.days[index]!;
  return {
    ok: true,
    rates: {
      base: rates.base,
      date: day.date,
      source: rates.source,
      currencies: rates.currencies
        .filter((c) => day.values[c.code] !== undefined)
        .map((c) => ({ code: c.code, name: c.name, nominal: c.nominal, value: day.values[c.code]! })),
    },
  };
}

function historyOf(rates: LoadedRates, code: string, from: string | null, to: string | null): RatesHistoryOutcome {
  const currency = rates.currencyByCode.get(code);
  if (!currency && code !== rates.base) return { ok: false, code: 'unknown_currency' };
  const points = rates.days
    .filter((day) => (from === null || day.date >= from) && (to === null || day.date <= to))
    .flatMap((day) => {
      // The base costs exactly 1 of itself on every publication day.
      const value = currency ? day.values[code] : 1;
      return value === undefined ? [] : [{ date: day.date, value }];
    });
  return { ok: true, history: { code, base: rates.base, nominal: currency?.nominal ?? 1, points } };
}

export const ratesDay = (rates: RatesData, date: string | null): RatesDayOutcome =>
  rates ? ratesOn(rates, date) : { ok: false, code: 'no_rates' };

export const ratesHistory = (
  rates: RatesData,
  code: string,
  from: string | null,
  to: string | null,
): RatesHistoryOutcome => (rates ? historyOf(rates, code, from, to) : { ok: false, code: 'no_rates' });
