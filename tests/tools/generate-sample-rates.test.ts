// The sample rates in mock-data/ are what `npm run rates:generate` writes, and look like a year of CBR rates.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { serializeRatesFile } from '@/backend/embedded/rates-data';
import { generateSampleRates, SAMPLE_FIRST_DAY, SAMPLE_LAST_DAY } from '@/tools/generate-sample-rates';
import { sampleData } from '../helpers/fixtures';

const rates = sampleData.rates!;

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

describe('npm run rates:generate', () => {
  it('writes the sample rates into DATA_DIR, replacing whatever rates.json held', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'rates-generate-'));
    writeFileSync(path.join(dir, 'rates.json'), '{ broken');
    const run = spawnSync(process.execPath, [require.resolve('tsx/cli'), 'src/tools/generate-sample-rates.ts'], {
      env: { ...process.env, DATA_DIR: dir },
      encoding: 'utf8',
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^Wrote .*rates\.json: \d+ currencies, \d+ days \(sample rates\)\./);
    expect(readFileSync(path.join(dir, 'rates.json'), 'utf8')).toBe(serializeRatesFile(generateSampleRates()));
    expect(readdirSync(dir)).toEqual(['rates.json']); // no temporary file left beside it
  }, 30_000);
});
