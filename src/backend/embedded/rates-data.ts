// Reads and validates rates.json (issue 5): the rates the embedded backend serves. Node only.
import {
  rateCurrencySchema,
  rateDaySchema,
  ratesFileHeaderSchema,
  type RateCurrency,
  type RateDay,
  type RatesFile,
} from '../../contract/rates.ts';
import { DataFileError } from './data-file-error.ts';
import { checkRecord as check, failRecord as fail, readJsonFile } from './data-files.ts';

export const RATES_FILE_NAME = 'rates.json';

export interface LoadedRates extends RatesFile {
  /** Currencies by code (the base is not among them). */
  currencyByCode: ReadonlyMap<string, RateCurrency>;
  /** days[i].date, oldest first, for binary search. */
  dates: readonly string[];
}

/** What the embedded backend holds: null when the data folder has no rates.json. */
export type RatesData = LoadedRates | null;

/** At most 15 significant digits, so the decimal written in the file is exactly what JSON.parse gives back. */
function significantDigits(value: number): number {
  const mantissa = value.toExponential().split('e')[0]!.replace('.', '');
  return mantissa.length;
}

const labelOf = (record: unknown, key: 'code' | 'date'): string => {
  const value = typeof record === 'object' && record !== null ? (record as Record<string, unknown>)[key] : undefined;
  return typeof value === 'string' ? ` (${key} ${key === 'code' ? `"${value}"` : value})` : '';
};

/** Validates a parsed rates.json; every message names the file, the record (e.g. days[12] (date 2026-03-02)) and the field. */
export function parseRatesData(json: unknown, fileName = RATES_FILE_NAME): LoadedRates {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new DataFileError(`${fileName}: expected a JSON object with "base", "source", "currencies" and "days"`);
  }
  const raw = json as Record<string, unknown>;
  const header = check(fileName, 'top level', raw, ratesFileHeaderSchema);
  if (!Array.isArray(raw.currencies) || raw.currencies.length === 0) {
    fail(fileName, 'top level', 'currencies', 'must be a non-empty array');
  }
  if (!Array.isArray(raw.days) || raw.days.length === 0) {
    fail(fileName, 'top level', 'days', 'must be a non-empty array');
  }

  const currencyByCode = new Map<string, RateCurrency>();
  const currencies = raw.currencies.map((record: unknown, i: number) => {
    const where = `currencies[${i}]${labelOf(record, 'code')}`;
    const currency = check(fileName, where, record, rateCurrencySchema);
    if (currency.code === header.base) fail(fileName, where, 'code', `the base currency ${header.base} is not listed`);
    if (currencyByCode.has(currency.code)) fail(fileName, where, 'code', `duplicate currency "${currency.code}"`);
    currencyByCode.set(currency.code, currency);
    return currency;
  });

  const days = raw.days.map((record: unknown, i: number): RateDay => {
    const where = `days[${i}]${labelOf(record, 'date')}`;
    const day = check(fileName, where, record, rateDaySchema);
    const codes = Object.keys(day.values);
    if (codes.length === 0) fail(fileName, where, 'values', 'must hold at least one rate');
    for (const code of codes) {
      if (!currencyByCode.has(code)) {
        fail(fileName, where, `values.${code}`, `unknown currency "${code}" (not in "currencies")`);
      }
      if (significantDigits(day.values[code]!) > 15) {
        fail(fileName, where, `values.${code}`, 'must have at most 15 significant digits');
      }
    }
    return day;
  });

  for (let i = 1; i < days.length; i++) {
    const previous = days[i - 1]!.date;
    const current = days[i]!.date;
    if (current === previous) fail(fileName, `days[${i}] (date ${current})`, 'date', `duplicate date`);
    if (current < previous) {
      fail(
        fileName,
        `days[${i}] (date ${current})`,
        'date',
        `days must be oldest first, but days[${i - 1}] is ${previous}`,
      );
    }
  }

  return { ...header, currencies, days, currencyByCode, dates: days.map((d) => d.date) };
}

/** Reads rates.json from the data folder; null when the folder has no rates file (the rates endpoints then say so). */
export function loadRatesData(dir: string): RatesData {
  const json = readJsonFile(dir, RATES_FILE_NAME, { optional: true });
  return json === undefined ? null : parseRatesData(json);
}

/** The plain file shape (without the lookup indexes), as written to disk. */
export function toRatesFile(data: RatesFile): RatesFile {
  return { base: data.base, source: data.source, currencies: data.currencies, days: data.days };
}

/** rates.json text: one currency and one day per line, so diffs stay readable. */
export function serializeRatesFile(data: RatesFile): string {
  const lines = [
    '{',
    `  "base": ${JSON.stringify(data.base)},`,
    `  "source": ${JSON.stringify(data.source)},`,
    '  "currencies": [',
    data.currencies.map((c) => `    ${JSON.stringify(c)}`).join(',\n'),
    '  ],',
    '  "days": [',
    data.days.map((d) => `    ${JSON.stringify(d)}`).join(',\n'),
    '  ]',
    '}',
  ];
  return `${lines.join('\n')}\n`;
}
