// Wire formats of the rates API and of the rates.json data file, validated with zod/mini, and the currency-code
// rule. The mock API validates mock-data/rates.json with these same schemas, so client and server never disagree.
import * as z from 'zod/mini';
import { isDayKey } from './day-key.ts';

/** ISO 4217 alpha code: three capital letters. */
export const isCurrencyCode = (value: string): boolean => /^[A-Z]{3}$/.test(value);
const currencyCodeSchema = z.string().check(z.refine(isCurrencyCode, 'must be three capital letters'));

/** A real calendar day written YYYY-MM-DD. */
const isoDateSchema = z.string().check(z.refine(isDayKey, 'must be a real date written YYYY-MM-DD'));

const positiveNumber = z.number().check(z.refine((n) => Number.isFinite(n) && n > 0, 'must be a positive number'));
const nominalSchema = z
  .number()
  .check(z.refine((n) => Number.isInteger(n) && n >= 1, 'must be a positive whole number'));
const nonEmptyText = z.string().check(z.refine((s) => s.trim().length > 0, 'must not be empty'));

// --- rates.json (data file) ---

export const rateCurrencySchema = z.object({ code: currencyCodeSchema, name: nonEmptyText, nominal: nominalSchema });
export const rateDaySchema = z.object({ date: isoDateSchema, values: z.record(z.string(), positiveNumber) });
export const ratesFileHeaderSchema = z.object({ base: currencyCodeSchema, source: nonEmptyText });

export type RateCurrency = z.infer<typeof rateCurrencySchema>;
export type RateDay = z.infer<typeof rateDaySchema>;
export interface RatesFile {
  base: string;
  source: string;
  currencies: RateCurrency[];
  days: RateDay[];
}

// --- API responses ---

export const ratesResponseSchema = z.object({
  base: currencyCodeSchema,
  date: isoDateSchema,
  source: z.string(),
  currencies: z.array(
    z.object({ code: currencyCodeSchema, name: z.string(), nominal: nominalSchema, value: positiveNumber }),
  ),
});

export const rateHistoryResponseSchema = z.object({
  code: currencyCodeSchema,
  base: currencyCodeSchema,
  nominal: nominalSchema,
  points: z.array(z.object({ date: isoDateSchema, value: positiveNumber })),
});

export type RatesResponse = z.infer<typeof ratesResponseSchema>;
export type RateHistoryResponse = z.infer<typeof rateHistoryResponseSchema>;
