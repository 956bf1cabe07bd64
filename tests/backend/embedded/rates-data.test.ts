// rates.json as the embedded backend reads it: every problem named by file, record and field.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataFileError } from '@/backend/embedded/data-file-error';
import { loadRatesData, parseRatesData } from '@/backend/embedded/rates-data';

describe('rates.json validation', () => {
  const valid = () => ({
    base: 'EUR',
    source: 'Test',
    currencies: [
      { code: 'USD', name: 'US Dollar', nominal: 1 },
      { code: 'JPY', name: 'Japanese Yen', nominal: 100 },
    ],
    days: [
      { date: '2026-03-02', values: { USD: 0.92, JPY: 0.61 } },
      { date: '2026-03-03', values: { USD: 0.93 } },
    ],
  });
  const problem = (mutate: (data: ReturnType<typeof valid>) => void) => {
    const data = valid();
    mutate(data);
    try {
      parseRatesData(data);
    } catch (error) {
      expect(error).toBeInstanceOf(DataFileError);
      return (error as Error).message;
    }
    throw new Error('expected a DataFileError');
  };

  it('accepts any base, and days that miss some currencies', () => {
    expect(parseRatesData(valid()).base).toBe('EUR');
  });

  it('names the file, the record and the field of every problem', () => {
    expect(problem((d) => (d.days[1]!.date = '2026-03-02'))).toBe(
      'rates.json: days[1] (date 2026-03-02), field "date": duplicate date',
    );
    expect(problem((d) => (d.days[1]!.date = '2026-03-01'))).toBe(
      'rates.json: days[1] (date 2026-03-01), field "date": days must be oldest first, but days[0] is 2026-03-02',
    );
    expect(problem((d) => (d.days[0]!.values.USD = -1))).toBe(
      'rates.json: days[0] (date 2026-03-02), field "values.USD": must be a positive number',
    );
    expect(problem((d) => Object.assign(d.days[1]!.values, { GBP: 1.1 }))).toBe(
      'rates.json: days[1] (date 2026-03-03), field "values.GBP": unknown currency "GBP" (not in "currencies")',
    );
    expect(problem((d) => (d.currencies[1]!.nominal = 2.5))).toBe(
      'rates.json: currencies[1] (code "JPY"), field "nominal": must be a positive whole number',
    );
    expect(problem((d) => (d.currencies[1]!.nominal = 0))).toContain('field "nominal"');
    expect(problem((d) => (d.currencies[1]!.code = 'USD'))).toBe(
      'rates.json: currencies[1] (code "USD"), field "code": duplicate currency "USD"',
    );
    expect(problem((d) => (d.currencies[0]!.code = 'EUR'))).toContain('the base currency EUR is not listed');
    expect(problem((d) => (d.days[0]!.date = '2026-02-30'))).toContain('days[0] (date 2026-02-30), field "date"');
    expect(problem((d) => (d.base = 'euro'))).toContain('field "base"');
    expect(problem((d) => (d.days = []))).toContain('field "days": must be a non-empty array');
    expect(problem((d) => (d.days[0]!.values.USD = 0.12345678901234568))).toContain('at most 15 significant digits');
  });

  it('reads the file from the data folder; a missing file means no rates', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'rates-'));
    expect(loadRatesData(dir)).toBeNull();
    writeFileSync(path.join(dir, 'rates.json'), '{ not json');
    expect(() => loadRatesData(dir)).toThrow(/rates\.json: is not valid JSON/);
  });
});
