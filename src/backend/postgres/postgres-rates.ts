// The rates port over PostgreSQL: the rate set (base, source, currencies in the file's order) in rate_sets, one row
// per publication day in rate_days, answering exactly what the embedded rates routes answer.
import type { Pool, PoolClient } from 'pg';
import type { RatesFile } from '../../contract/rates.ts';
import { parseRatesData, toRatesFile } from '../embedded/rates-data.ts';
import type { RatesDayOutcome, RatesHistoryOutcome, RatesPort, UpsertResult } from '../ports.ts';
import { ratesOnDay, type RateSet } from '../rates-answers.ts';
import type { DatabaseAvailability } from './database-availability.ts';
import { inTransaction } from './transaction.ts';

/** The first day a date column holds: a YYYY-MM-DD key before it (year 0000) is before every publication. */
const FIRST_DAY = '0001-01-01';

/**
 * Writes `file` in the caller's transaction, day by day: new days inserted, changed ones replaced, equal ones left
 * alone, days the file no longer has removed. Counts the days.
 */
export async function replaceRates(client: PoolClient, file: RatesFile): Promise<UpsertResult & { removed: number }> {
  await client.query(
    `INSERT INTO rate_sets AS s (singleton, base, source, currencies) VALUES (true, $1, $2, $3::jsonb)
     ON CONFLICT (singleton) DO UPDATE SET base = EXCLUDED.base, source = EXCLUDED.source,
       currencies = EXCLUDED.currencies
     WHERE (s.base, s.source, s.currencies) IS DISTINCT FROM (EXCLUDED.base, EXCLUDED.source, EXCLUDED.currencies)`,
    [file.base, file.source, JSON.stringify(file.currencies)],
  );
  const days = JSON.stringify(file.days.map(({ date, values }) => ({ date, values })));
  const removed = await client.query(
    `DELETE FROM rate_days WHERE day NOT IN (SELECT date FROM jsonb_to_recordset($1::jsonb) AS r(date date))`,
    [days],
  );
  const { rows } = await client.query<{ inserted: boolean }>(
    `INSERT INTO rate_days AS d (day, rates) SELECT date, values FROM jsonb_to_recordset($1::jsonb) AS r(date date, values jsonb)
     ON CONFLICT (day) DO UPDATE SET rates = EXCLUDED.rates WHERE d.rates IS DISTINCT FROM EXCLUDED.rates
     RETURNING (d.xmax = 0) AS inserted`,
    [days],
  );
  const inserted = rows.filter((row) => row.inserted).length;
  return {
    inserted,
    updated: rows.length - inserted,
    unchanged: file.days.length - rows.length,
    removed: removed.rowCount ?? 0,
  };
}

export class PostgresRates implements RatesPort {
  constructor(
    private readonly pool: Pool,
    private readonly availability: DatabaseAvailability,
  ) {}

  private async rateSet(): Promise<RateSet | null> {
    const { rows } = await this.pool.query<RateSet>('SELECT base, source, currencies FROM rate_sets');
    return rows[0] ?? null;
  }

  day(date: string | null): Promise<RatesDayOutcome> {
    return this.availability.run(async () => {
      const set = await this.rateSet();
      if (!set) return { ok: false, code: 'no_rates' };
      const { rows } = await this.pool.query<{ date: string; values: Record<string, number> }>(
        `SELECT day::text AS date, rates AS values FROM rate_days
         WHERE $1::date IS NULL OR day <= $1::date ORDER BY day DESC LIMIT 1`,
        [date === null ? null : date < FIRST_DAY ? FIRST_DAY : date],
      );
      const day = date !== null && date < FIRST_DAY ? undefined : rows[0];
      if (!day) {
        const first = await this.pool.query<{ date: string | null }>('SELECT min(day)::text AS date FROM rate_days');
        const firstDate = first.rows[0]!.date;
        return firstDate === null
          ? { ok: false, code: 'no_rates' }
          : { ok: false, code: 'no_rates_for_date', firstDate };
      }
      return { ok: true, rates: ratesOnDay(set, day) };
    });
  }

  history(code: string, from: string | null, to: string | null): Promise<RatesHistoryOutcome> {
    return this.availability.run(async () => {
      const set = await this.rateSet();
      if (!set) return { ok: false, code: 'no_rates' };
      const currency = set.currencies.find((c) => c.code === code);
      if (!currency && code !== set.base) return { ok: false, code: 'unknown_currency' };
      const history = { code, base: set.base, nominal: currency?.nominal ?? 1 };
      if (to !== null && to < FIRST_DAY) return { ok: true, history: { ...history, points: [] } };
      // The base costs exactly 1 of itself on every publication day.
      const { rows } = await this.pool.query<{ date: string; value: number }>(
        `SELECT day::text AS date, CASE WHEN $2 THEN '1'::jsonb ELSE rates -> $1 END AS value FROM rate_days
         WHERE ($2 OR rates ? $1) AND ($3::date IS NULL OR day >= $3::date) AND ($4::date IS NULL OR day <= $4::date)
         ORDER BY day`,
        [code, !currency, from !== null && from < FIRST_DAY ? null : from, to],
      );
      return { ok: true, history: { ...history, points: rows } };
    });
  }

  replace(file: RatesFile): Promise<void> {
    return this.availability.run(async () => {
      // Checked as rates.json is: a file the API could not serve is refused, the stored rates kept.
      const checked = toRatesFile(parseRatesData(toRatesFile(file), 'rates'));
      await inTransaction(this.pool, (client) => replaceRates(client, checked));
    });
  }
}
