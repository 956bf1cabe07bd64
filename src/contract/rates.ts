// Wire formats of the rates API and of the rates.json data file, and the currency-code rule. The embedded backend
// validates rates.json with these same schemas, so client and server never disagree.
import * as v from 'valibot';
import { isDayKey } from './day-key.ts';

/** ISO 4217 alpha code: three capital letters. */
export const isCurrencyCode = (value: string): boolean => /^[A-Z]{3}$/.test(value);
const currencyCodeSchema = v.pipe(v.string(), v.check(isCurrencyCode, 'must be three capital letters'));

/** A real calendar day written YYYY-MM-DD. */
const isoDateSchema = v.pipe(v.string(), v.check(isDayKey, 'must be a real date written YYYY-MM-DD'));

const positiveNumber = v.pipe(
  v.number(),
  v.check((n) => Number.isFinite(n) && n > 0, 'must be a positive number'),
);
const nominalSchema = v.pipe(
  v.number(),
  v.check((n) => Number.isInteger(n) && n >= 1, 'must be a positive whole number'),
);
const nonEmptyText = v.pipe(
  v.string(),
  v.check((s) => s.trim().length > 0, 'must not be empty'),
);

// --- rates.json (data file) ---

export const rateCurrencySchema = v.object({ code: currencyCodeSchema, name: nonEmptyText, nominal: nominalSchema });
export const rateDaySchema = v.object({ date: isoDateSchema, values: v.record(v.string(), positiveNumber) });
export const ratesFileHeaderSchema = v.object({ base: currencyCodeSchema, source: nonEmptyText });

export type RateCurrency = v.InferOutput<typeof rateCurrencySchema>;
export type RateDay = v.InferOutput<typeof rateDaySchema>;
export interface RatesFile {
  base: string;
  source: string;
  currencies: RateCurrency[];
  days: RateDay[];
}

// --- API responses ---

export const ratesResponseSchema = v.object({
  base: currencyCodeSchema,
  date: isoDateSchema,
  source: v.string(),
  currencies: v.array(
    v.object({ code: currencyCodeSchema, name: v.string(), nominal: nominalSchema, value: positiveNumber }),
  ),
});

export const rateHistoryResponseSchema = v.object({
  code: currencyCodeSchema,
  base: currencyCodeSchema,
  nominal: nominalSchema,
  points: v.array(v.object({ date: isoDateSchema, value: positiveNumber })),
});

export type RatesResponse = v.InferOutput<typeof ratesResponseSchema>;
export type RateHistoryResponse = v.InferOutput<typeof rateHistoryResponseSchema>;
