// The answer to "rates on a day" from a rate set and the publication used, shared by the backends' rates ports:
// the currencies in the set's order, those the day quotes (a day may omit some), the base never among them.
import type { RateCurrency, RateDay, RatesResponse } from '../contract/rates.ts';

export interface RateSet {
  base: string;
  source: string;
  currencies: readonly RateCurrency[];
}

export function ratesOnDay(set: RateSet, day: RateDay): RatesResponse {
  return {
    base: set.base,
    date: day.date,
    source: set.source,
    currencies: set.currencies
      .filter((c) => day.values[c.code] !== undefined)
      .map((c) => ({ code: c.code, name: c.name, nominal: c.nominal, value: day.values[c.code]! })),
  };
}
