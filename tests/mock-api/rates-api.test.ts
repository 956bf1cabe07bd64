import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMockApi } from '@/mock-api/api-core';
import { generateSampleRates, SAMPLE_FIRST_DAY, SAMPLE_LAST_DAY } from '@/mock-api/generate-sample-rates';
import { MockDataError } from '@/mock-api/mock-data-error';
import { loadRatesData, parseRatesData, serializeRatesFile } from '@/mock-api/rates-data';
import { sampleData } from '../helpers/fixtures';

const rates = sampleData.rates!;
const api = createMockApi(sampleData);
const get = (path: string) => {
  const url = new URL(path, 'http://x');
  return api({ method: 'GET', path: url.pathname, query: url.searchParams });
};
type RatesBody = { base: string; date: string; source: string; currencies: { code: string; value: number }[] };
type HistoryBody = { code: string; base: string; nominal: number; points: { date: string; value: number }[] };
const errorCode = (response: { body: unknown }) => (response.body as { error: { code: string } }).error.code;

describe('sample rates file', () => {
  it('is what the deterministic generator writes, and follows the format', () => {
    expect(serializeRatesFile(generateSampleRates())).toBe(
      serializeRatesFile({ base: rates.base, source: rates.source, currencies: rates.currencies, days: rates.days }),
    );
    expect(rates.base).toBe('RUB');
    expect(rates.source).toMatch(/sample/i);
    expect(rates.currencies.length).toBeGreaterThanOrEqual(30);
    for (const code of ['USD', 'EUR', 'CNY', 'GBP', 'JPY', 'CHF', 'KZT', 'TRY', 'INR', 'BYN']) {
      expect(rates.currencyByCode.has(code)).toBe(true);
    }
    expect(rates.currencyByCode.get('JPY')!.nominal).toBe(100);
    expect(rates.currencyByCode.get('TRY')!.nominal).toBe(10);
    expect(rates.days[0]!.date).toBe(SAMPLE_FIRST_DAY);
    expect(rates.days.at(-1)!.date).toBe(SAMPLE_LAST_DAY);
    expect(rates.days.length).toBeGreaterThan(250);
    for (const day of rates.days) {
      expect([0, 6]).not.toContain(new Date(`${day.date}T00:00:00Z`).getUTCDay());
      for (const value of Object.values(day.values)) expect(String(value)).toMatch(/^\d+(\.\d{1,4})?$/);
    }
  });
});

describe('GET /rates', () => {
  it('gives the latest day without a date', () => {
    const response = get('/rates');
    expect(response.status).toBe(200);
    const body = response.body as RatesBody;
    expect(body).toMatchObject({ base: 'RUB', date: SAMPLE_LAST_DAY, source: rates.source });
    expect(body.currencies).toContainEqual({
      code: 'JPY',
      name: 'Japanese Yen',
      nominal: 100,
      value: rates.days.at(-1)!.values.JPY,
    });
    expect(body.currencies).toHaveLength(rates.currencies.length);
  });

  it('gives the latest earlier publication for a weekend or holiday, and the day itself otherwise', () => {
    expect((get('/rates?date=2026-11-22').body as RatesBody).date).toBe('2026-11-20'); // Sunday -> Friday
    expect((get('/rates?date=2026-11-04').body as RatesBody).date).toBe('2026-11-03'); // holiday
    expect((get('/rates?date=2026-03-02').body as RatesBody).date).toBe('2026-03-02');
    expect((get('/rates?date=2030-01-01').body as RatesBody).date).toBe(SAMPLE_LAST_DAY);
    expect((get(`/rates?date=${SAMPLE_FIRST_DAY}`).body as RatesBody).date).toBe(SAMPLE_FIRST_DAY);
  });

  it('answers 404 before the first day and 400 for a malformed date', () => {
    const before = get('/rates?date=2025-11-02');
    expect(before.status).toBe(404);
    expect(errorCode(before)).toBe('no_rates_for_date');
    for (const bad of ['2026-13-01', '2026-02-30', '27.11.2026', 'today']) {
      const response = get(`/rates?date=${bad}`);
      expect(response.status).toBe(400);
      expect(errorCode(response)).toBe('bad_date');
    }
  });
});

describe('GET /rates/history', () => {
  it('gives one currency between two dates, inclusive', () => {
    const response = get('/rates/history?code=USD&from=2026-11-16&to=2026-11-20');
    expect(response.status).toBe(200);
    const body = response.body as HistoryBody;
    expect(body).toMatchObject({ code: 'USD', base: 'RUB', nominal: 1 });
    const expected = rates.days.filter((d) => d.date >= '2026-11-16' && d.date <= '2026-11-20');
    expect(body.points).toEqual(expected.map((d) => ({ date: d.date, value: d.values.USD })));
    expect(body.points).toHaveLength(5);
  });

  it('gives the base currency as 1 on every publication day', () => {
    const body = get('/rates/history?code=RUB&from=2026-11-23&to=2026-11-27').body as HistoryBody;
    expect(body.points.map((p) => p.value)).toEqual([1, 1, 1, 1, 1]);
  });

  it('rejects an unknown or missing code, a malformed date and a reversed range', () => {
    const cases: [string, string][] = [
      ['/rates/history?code=XYZ', 'unknown_currency'],
      ['/rates/history', 'missing_code'],
      ['/rates/history?code=USD&from=2026-1-1', 'bad_date'],
      ['/rates/history?code=USD&from=2026-11-20&to=2026-11-01', 'bad_range'],
    ];
    for (const [path, code] of cases) {
      const response = get(path);
      expect(response.status, path).toBe(400);
      expect(errorCode(response)).toBe(code);
    }
  });
});

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
      expect(error).toBeInstanceOf(MockDataError);
      return (error as Error).message;
    }
    throw new Error('expected a MockDataError');
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

  it('reads the file from the data folder; a missing file means no rates, and the endpoints say so', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'rates-'));
    expect(loadRatesData(dir)).toBeNull();
    const noRates = createMockApi({ ...sampleData, rates: null });
    const response = noRates({ method: 'GET', path: '/rates', query: new URLSearchParams() });
    expect(response.status).toBe(503);
    expect(errorCode(response)).toBe('no_rates');
    writeFileSync(path.join(dir, 'rates.json'), '{ not json');
    expect(() => loadRatesData(dir)).toThrow(/rates\.json: is not valid JSON/);
  });
});
