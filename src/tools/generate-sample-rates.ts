// `npm run rates:generate`: writes $DATA_DIR/rates.json (default mock-data/) with SAMPLE rates (not official),
// deterministically: the same seed always gives the same file. Base RUB, CBR-style nominals, working days only.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { dataDirFromEnv } from '../backend/embedded/data-dir.ts';
import { embeddedRates, writeRatesFile } from '../backend/embedded/embedded-rates.ts';
import { RATES_FILE_NAME } from '../backend/embedded/rates-data.ts';
import type { RatesFile } from '../contract/rates.ts';
import { mulberry32 } from './seeded-random.ts';

export const SAMPLE_SOURCE = 'Sample rates generated for this demo (CBR-style, not official)';
export const SAMPLE_FIRST_DAY = '2025-11-03';
export const SAMPLE_LAST_DAY = '2026-11-27';

// code, English name, nominal, starting value (RUB per nominal units), daily volatility
const CURRENCIES: [string, string, number, number, number][] = [
  ['AED', 'UAE Dirham', 1, 22.15, 0.004],
  ['AMD', 'Armenian Dram', 100, 21.24, 0.005],
  ['AUD', 'Australian Dollar', 1, 52.87, 0.006],
  ['AZN', 'Azerbaijani Manat', 1, 47.86, 0.004],
  ['BRL', 'Brazilian Real', 1, 15.18, 0.007],
  ['BYN', 'Belarusian Ruble', 1, 27.46, 0.004],
  ['CAD', 'Canadian Dollar', 1, 57.94, 0.005],
  ['CHF', 'Swiss Franc', 1, 101.23, 0.005],
  ['CNY', 'Chinese Yuan', 1, 11.42, 0.004],
  ['CZK', 'Czech Koruna', 10, 38.71, 0.005],
  ['DKK', 'Danish Krone', 10, 125.93, 0.005],
  ['EGP', 'Egyptian Pound', 10, 17.18, 0.006],
  ['EUR', 'Euro', 1, 94.12, 0.005],
  ['GBP', 'British Pound', 1, 107.35, 0.005],
  ['GEL', 'Georgian Lari', 1, 30.02, 0.005],
  ['HKD', 'Hong Kong Dollar', 10, 104.66, 0.004],
  ['HUF', 'Hungarian Forint', 100, 24.31, 0.006],
  ['IDR', 'Indonesian Rupiah', 10000, 48.83, 0.005],
  ['INR', 'Indian Rupee', 100, 91.78, 0.004],
  ['JPY', 'Japanese Yen', 100, 52.94, 0.006],
  ['KGS', 'Kyrgyzstani Som', 100, 93.15, 0.004],
  ['KRW', 'South Korean Won', 1000, 55.87, 0.006],
  ['KZT', 'Kazakhstani Tenge', 100, 15.52, 0.005],
  ['MDL', 'Moldovan Leu', 10, 47.93, 0.005],
  ['NOK', 'Norwegian Krone', 10, 80.41, 0.006],
  ['NZD', 'New Zealand Dollar', 1, 46.27, 0.006],
  ['PLN', 'Polish Zloty', 1, 22.18, 0.005],
  ['QAR', 'Qatari Riyal', 1, 22.36, 0.004],
  ['RON', 'Romanian Leu', 1, 18.49, 0.005],
  ['RSD', 'Serbian Dinar', 100, 80.28, 0.005],
  ['SEK', 'Swedish Krona', 10, 85.74, 0.006],
  ['SGD', 'Singapore Dollar', 1, 62.61, 0.004],
  ['THB', 'Thai Baht', 10, 25.08, 0.005],
  ['TJS', 'Tajikistani Somoni', 10, 87.92, 0.005],
  ['TRY', 'Turkish Lira', 10, 19.34, 0.006],
  ['USD', 'US Dollar', 1, 81.35, 0.004],
  ['UZS', 'Uzbekistani Som', 10000, 67.91, 0.005],
  ['VND', 'Vietnamese Dong', 10000, 30.87, 0.004],
  ['ZAR', 'South African Rand', 10, 46.93, 0.007],
];

// Russian public holidays in the range that fall on weekdays: no rates are set on them.
const HOLIDAYS = new Set([
  '2025-11-04',
  '2025-12-31',
  '2026-01-01',
  '2026-01-02',
  '2026-01-05',
  '2026-01-06',
  '2026-01-07',
  '2026-01-08',
  '2026-02-23',
  '2026-03-09',
  '2026-05-01',
  '2026-05-11',
  '2026-06-12',
  '2026-11-04',
]);

/** Standard normal draw (Box–Muller) from the seeded PRNG. */
function normal(random: () => number): number {
  const u = Math.max(random(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

export function workingDays(first: string, last: string): string[] {
  const days: string[] = [];
  for (let d = new Date(`${first}T00:00:00Z`); d <= new Date(`${last}T00:00:00Z`); d.setUTCDate(d.getUTCDate() + 1)) {
    const iso = d.toISOString().slice(0, 10);
    const weekday = d.getUTCDay();
    if (weekday !== 0 && weekday !== 6 && !HOLIDAYS.has(iso)) days.push(iso);
  }
  return days;
}

/** Random walk with a shared "rouble" factor and mild mean reversion; values keep 4 decimals like the CBR's. */
export function generateSampleRates(seed = 20251103): RatesFile {
  const random = mulberry32(seed);
  const levels = CURRENCIES.map(([, , , start]) => start);
  const days = workingDays(SAMPLE_FIRST_DAY, SAMPLE_LAST_DAY).map((date) => {
    const rouble = normal(random) * 0.003;
    const values: Record<string, number> = {};
    CURRENCIES.forEach(([code, , , start, volatility], i) => {
      const drift = 0.02 * Math.log(start / levels[i]!);
      levels[i] = levels[i]! * Math.exp(rouble + drift + normal(random) * volatility);
      values[code] = Number(levels[i]!.toFixed(4));
    });
    return { date, values };
  });
  return {
    base: 'RUB',
    source: SAMPLE_SOURCE,
    currencies: CURRENCIES.map(([code, name, nominal]) => ({ code, name, nominal })),
    days,
  };
}

async function main() {
  const dir = dataDirFromEnv();
  const data = generateSampleRates();
  mkdirSync(dir, { recursive: true });
  // Through the rates port, so the file is checked as the server would check it; whatever rates.json held is replaced.
  await embeddedRates(null, (file) => writeRatesFile(dir, file)).port.replace(data);
  const file = path.join(dir, RATES_FILE_NAME);
  console.log(`Wrote ${file}: ${data.currencies.length} currencies, ${data.days.length} days (sample rates).`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename ?? '')) void main();
