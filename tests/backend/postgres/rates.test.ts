// The PostgreSQL rates port answers what the embedded rates routes answer for the same rates.json: the day in
// effect on any date, one currency's series over any range, and the same outcomes where there is nothing to give.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRatesData, type LoadedRates } from '@/backend/embedded/rates-data';
import { ratesDay, ratesHistory } from '@/backend/embedded/rates-lookup';
import type { RatesDayOutcome, RatesHistoryOutcome } from '@/backend/ports';
import type { PostgresBackend } from '@/backend/postgres/postgres-backend';
import type { RatesFile } from '@/contract/rates';
import { sampleData } from '../../helpers/fixtures';
import { createTestDatabase, postgresUnavailableReason, type TestDatabase } from '../../helpers/test-database';
import { readyBackend } from './postgres-test-backend';

const unavailable = await postgresUnavailableReason();
const sampleRates = sampleData.rates!;

/** The embedded lookup's answer to the same question. */
function embeddedOutcome(rates: LoadedRates | null, pattern: string, query: Record<string, string>) {
  return pattern === '/rates'
    ? ratesDay(rates, query.date ?? null)
    : ratesHistory(rates, query.code!, query.from ?? null, query.to ?? null);
}

const dayQuery = (date: string | null): Record<string, string> => (date === null ? {} : { date });
const rangeQuery = (code: string, from: string | null, to: string | null) => ({
  code,
  ...(from === null ? {} : { from }),
  ...(to === null ? {} : { to }),
});

describe.skipIf(unavailable !== null)(`PostgreSQL rates${unavailable ? ` (skipped: ${unavailable})` : ''}`, () => {
  let database: TestDatabase;
  let backend: PostgresBackend;
  const { dates } = sampleRates;
  const first = dates[0]!;
  const last = dates[dates.length - 1]!;

  beforeAll(async () => {
    database = await createTestDatabase();
    backend = await readyBackend(database.url);
  });
  afterAll(async () => {
    await backend?.close();
    await database?.drop();
  });

  it('says there are no rates before any were written', async () => {
    expect(await backend.rates.day(null)).toEqual({ ok: false, code: 'no_rates' });
    expect(await backend.rates.history('USD', null, null)).toEqual({ ok: false, code: 'no_rates' });
    expect(embeddedOutcome(null, '/rates', {})).toEqual({ ok: false, code: 'no_rates' });
  });

  it('gives the day in effect on any date as the embedded routes do', async () => {
    await backend.rates.replace(sampleRates);
    // Every publication day, the day after each (a weekend or holiday gives the one before), and dates outside.
    const after = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const asked = [null, ...dates, ...dates.map(after), '0000-01-01', '1999-12-31', '9999-12-31'];
    for (const date of asked) {
      const outcome: RatesDayOutcome = await backend.rates.day(date);
      expect(outcome, String(date)).toEqual(embeddedOutcome(sampleRates, '/rates', dayQuery(date)));
    }
  });

  it('gives any currency’s series over any range as the embedded routes do, the base as 1', async () => {
    const codes = [sampleRates.base, ...sampleRates.currencies.map((c) => c.code), 'XXX'];
    const ranges: [string | null, string | null][] = [
      [null, null],
      [first, last],
      [dates[10]!, dates[40]!],
      [dates[5]!, null],
      [null, dates[5]!],
      ['0000-01-01', dates[2]!],
      ['0000-01-01', '0000-01-01'],
      [last, '9999-12-31'],
    ];
    for (const code of codes) {
      for (const [from, to] of ranges) {
        const outcome: RatesHistoryOutcome = await backend.rates.history(code, from, to);
        expect(outcome, `${code} ${from} ${to}`).toEqual(
          embeddedOutcome(sampleRates, '/rates/history', rangeQuery(code, from, to)),
        );
      }
    }
  });

  it('replaces the rates with another file: days gone, days changed, currencies and base as the file says', async () => {
    const json = JSON.parse(JSON.stringify(sampleRates)) as RatesFile;
    const file = parseRatesData({
      base: 'EUR',
      source: 'Another source',
      currencies: [
        ...json.currencies.filter((c) => c.code !== 'EUR'),
        { code: 'RUB', name: 'Russian Ruble', nominal: 1 },
      ],
      days: json.days.slice(100, 120).map((day) => {
        const { EUR: _dropped, ...values } = day.values;
        return { date: day.date, values: { ...values, RUB: 0.0105 } };
      }),
    });
    await backend.rates.replace(file);
    for (const date of [null, ...file.dates, first]) {
      expect(await backend.rates.day(date)).toEqual(embeddedOutcome(file, '/rates', dayQuery(date)));
    }
    for (const code of ['EUR', 'RUB', 'USD']) {
      expect(await backend.rates.history(code, null, null)).toEqual(
        embeddedOutcome(file, '/rates/history', rangeQuery(code, null, null)),
      );
    }
  });
});
