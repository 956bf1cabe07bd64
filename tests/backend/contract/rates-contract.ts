// The contract of the rates endpoints (issue 5): the rates in effect on a day, one currency's series, and a backend
// that has no rates.
import { describe, expect, it } from 'vitest';
import { sampleData } from '../../helpers/fixtures';
import type { ApiAnswer } from '../../helpers/test-api';
import { sharedApi, withApi, type BackendFactory } from './contract-api';

const rates = sampleData.rates!;
const firstDay = rates.days[0]!.date;
const lastDay = rates.days.at(-1)!.date;
type RatesBody = { base: string; date: string; source: string; currencies: { code: string; value: number }[] };
type HistoryBody = { code: string; base: string; nominal: number; points: { date: string; value: number }[] };
const errorCode = (answer: ApiAnswer) => (answer.body as { error: { code: string } }).error.code;

export function describeRatesContract(make: BackendFactory): void {
  describe('GET /rates and /rates/history', () => {
    const api = sharedApi(make, () => sampleData);
    const get = (url: string) => api().get(url);
    const dayOf = async (url: string) => ((await get(url)).body as RatesBody).date;

    it('gives the latest day without a date, every currency quoted that day, in the file order', async () => {
      const answer = await get('/rates');
      expect(answer.status).toBe(200);
      const body = answer.body as RatesBody;
      expect(body).toMatchObject({ base: rates.base, date: lastDay, source: rates.source });
      const latest = rates.days.at(-1)!.values;
      expect(body.currencies).toEqual(
        rates.currencies
          .filter((c) => latest[c.code] !== undefined)
          .map((c) => ({ code: c.code, name: c.name, nominal: c.nominal, value: latest[c.code] })),
      );
      expect(body.currencies).toContainEqual({ code: 'JPY', name: 'Japanese Yen', nominal: 100, value: latest.JPY });
    });

    it('gives the latest earlier publication for a weekend or holiday, and the day itself otherwise', async () => {
      expect(await dayOf('/rates?date=2026-11-22')).toBe('2026-11-20'); // Sunday -> Friday
      expect(await dayOf('/rates?date=2026-11-04')).toBe('2026-11-03'); // holiday
      expect(await dayOf('/rates?date=2026-03-02')).toBe('2026-03-02');
      expect(await dayOf('/rates?date=2030-01-01')).toBe(lastDay);
      expect(await dayOf(`/rates?date=${firstDay}`)).toBe(firstDay);
    });

    it('answers 404 before the first day, naming it, and 400 for a malformed date', async () => {
      const before = await get('/rates?date=2025-11-02');
      expect(before.status).toBe(404);
      expect(before.body).toMatchObject({
        error: { code: 'no_rates_for_date', message: expect.stringContaining(firstDay) },
      });
      for (const bad of ['2026-13-01', '2026-02-30', '27.11.2026', 'today']) {
        const answer = await get(`/rates?date=${bad}`);
        expect(answer.status).toBe(400);
        expect(errorCode(answer)).toBe('bad_date');
      }
    });

    it('gives one currency between two dates, inclusive', async () => {
      const answer = await get('/rates/history?code=USD&from=2026-11-16&to=2026-11-20');
      expect(answer.status).toBe(200);
      const body = answer.body as HistoryBody;
      expect(body).toMatchObject({ code: 'USD', base: 'RUB', nominal: 1 });
      const expected = rates.days.filter((d) => d.date >= '2026-11-16' && d.date <= '2026-11-20');
      expect(body.points).toEqual(expected.map((d) => ({ date: d.date, value: d.values.USD })));
      expect(body.points).toHaveLength(5);
      const open = (await get('/rates/history?code=JPY')).body as HistoryBody;
      expect(open).toMatchObject({ nominal: 100 });
      expect(open.points).toHaveLength(rates.days.filter((d) => d.values.JPY !== undefined).length);
    });

    it('gives the base currency as 1 on every publication day', async () => {
      const body = (await get('/rates/history?code=RUB&from=2026-11-23&to=2026-11-27')).body as HistoryBody;
      expect(body.points.map((p) => p.value)).toEqual([1, 1, 1, 1, 1]);
    });

    it('rejects an unknown or missing code, a malformed date and a reversed range', async () => {
      const cases: [string, string][] = [
        ['/rates/history?code=XYZ', 'unknown_currency'],
        ['/rates/history', 'missing_code'],
        ['/rates/history?code=%20', 'missing_code'],
        ['/rates/history?code=USD&from=2026-1-1', 'bad_date'],
        ['/rates/history?code=USD&from=2026-11-20&to=2026-11-01', 'bad_range'],
      ];
      for (const [url, code] of cases) {
        const answer = await get(url);
        expect(answer.status, url).toBe(400);
        expect(errorCode(answer), url).toBe(code);
      }
    });
  });

  it('without rates, both endpoints answer 503 no_rates', async () => {
    await withApi(make, { ...sampleData, rates: null }, async (api) => {
      for (const url of ['/rates', '/rates/history?code=USD']) {
        const answer = await api.get(url);
        expect(answer.status, url).toBe(503);
        expect(errorCode(answer), url).toBe('no_rates');
      }
    });
  });
}
