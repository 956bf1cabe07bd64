// GET /rates and /rates/history (issue 5): official rates for a day, and one currency's series.
import { apiError, isResponse, ok, type ApiResponse, type Route } from './api-response.ts';
import { readDay } from './query-params.ts';
import type { LoadedRates, RatesData } from './rates-data.ts';

const noRates = () =>
  apiError(
    503,
    'no_rates',
    'This server has no rates file (rates.json): run "npm run rates:generate" or "npm run rates:import -- FILE".',
  );

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

function ratesOn(rates: LoadedRates, query: URLSearchParams): ApiResponse {
  const date = readDay(query, 'date');
  if (isResponse(date)) return date;
  const index = date === null ? rates.days.length - 1 : dayIndexOnOrBefore(rates.dates, date);
  if (index < 0) {
    return apiError(
      404,
      'no_rates_for_date',
      `No rates were published on or before ${date}; the first day is ${rates.dates[0]}.`,
    );
  }
  const day = rates.days[index]!;
  return ok({
    base: rates.base,
    date: day.date,
    source: rates.source,
    currencies: rates.currencies
      .filter((c) => day.values[c.code] !== undefined)
      .map((c) => ({ code: c.code, name: c.name, nominal: c.nominal, value: day.values[c.code]! })),
  });
}

function history(rates: LoadedRates, query: URLSearchParams): ApiResponse {
  const code = (query.get('code') ?? '').trim();
  if (code === '') return apiError(400, 'missing_code', 'code is required, e.g. code=USD');
  const currency = rates.currencyByCode.get(code);
  if (!currency && code !== rates.base) {
    return apiError(400, 'unknown_currency', `Unknown currency "${code}": it is not in the rates file`);
  }
  const from = readDay(query, 'from');
  if (isResponse(from)) return from;
  const to = readDay(query, 'to');
  if (isResponse(to)) return to;
  if (from !== null && to !== null && from > to) {
    return apiError(400, 'bad_range', `from (${from}) must not be later than to (${to})`);
  }
  const points = rates.days
    .filter((day) => (from === null || day.date >= from) && (to === null || day.date <= to))
    .flatMap((day) => {
      // The base costs exactly 1 of itself on every publication day.
      const value = currency ? day.values[code] : 1;
      return value === undefined ? [] : [{ date: day.date, value }];
    });
  return ok({ code, base: rates.base, nominal: currency?.nominal ?? 1, points });
}

export function ratesRoutes(rates: RatesData): Route[] {
  return [
    { method: 'GET', pattern: '/rates', handle: (_params, query) => (rates ? ratesOn(rates, query) : noRates()) },
    {
      method: 'GET',
      pattern: '/rates/history',
      handle: (_params, query) => (rates ? history(rates, query) : noRates()),
    },
  ];
}
