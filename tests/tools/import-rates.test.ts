import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Big from 'big.js';
import { describe, expect, it } from 'vitest';
import { createEmbeddedBackendFromData } from '@/backend/embedded/embedded-backend';
import { loadRatesData } from '@/backend/embedded/rates-data';
import { importRates } from '@/tools/import-rates';
import { CBR_SOURCE, ECB_SOURCE, parseRatesXml } from '@/tools/rate-file-formats';
import { sampleData } from '../helpers/fixtures';

const FIXTURES = path.resolve(__dirname, '../fixtures/rates');
const fixture = (name: string) => path.join(FIXTURES, name);
const tempDir = () => mkdtempSync(path.join(os.tmpdir(), 'rates-import-'));
const read = (dir: string) => loadRatesData(dir)!;

describe('rates:import', () => {
  it('reads CBR daily files in windows-1251: decimal commas, nominals 100 and 10000, optional VunitRate', () => {
    const bytes = readFileSync(fixture('cbr-daily-2026-11-26.xml'));
    expect(bytes.includes(Buffer.from('Доллар', 'utf8'))).toBe(false); // really windows-1251 on disk
    const parsed = parseRatesXml(bytes, 'cbr.xml');
    expect(parsed).toMatchObject({ kind: 'CBR daily', base: 'RUB' });
    expect(parsed.names.get('USD')).toBe('Доллар США');
    expect(Object.fromEntries(parsed.days[0]!.rates)).toEqual({
      USD: { value: '81.0123', nominal: 1 },
      EUR: { value: '93.5012', nominal: 1 },
      KZT: { value: '15.6543', nominal: 100 },
      VND: { value: '31.2246', nominal: 10000 },
      JPY: { value: '52.4700', nominal: 100 },
    });
  });

  it('writes a new rates.json from CBR files, then merges more days into it', async () => {
    const dir = tempDir();
    const first = await importRates([fixture('cbr-daily-2026-11-26.xml')], dir);
    expect(first).toMatch(/^Wrote 1 day\(s\) \(2026-11-26 to 2026-11-26\)/);
    const merged = await importRates([fixture('cbr-daily-2026-11-27.xml'), fixture('cbr-daily-2026-11-26.xml')], dir);
    expect(merged).toMatch(/^Merged 2 day\(s\)/);
    const data = read(dir);
    expect(data.base).toBe('RUB');
    expect(data.source).toBe(CBR_SOURCE);
    expect(data.dates).toEqual(['2026-11-26', '2026-11-27']);
    expect(data.currencyByCode.get('USD')).toEqual({ code: 'USD', name: 'US Dollar', nominal: 1 });
    expect(data.currencyByCode.get('VND')!.nominal).toBe(10000);
    expect(data.currencyByCode.get('AMD')!.name).toBe('Armenian Dram');
    expect(data.days[1]!.values).toMatchObject({ USD: 81.0652, KZT: 15.661, AMD: 20.424 });
    expect(data.days[0]!.values.AMD).toBeUndefined();

    // a backend serves the imported file like any other
    const backend = await createEmbeddedBackendFromData({ ...sampleData, rates: data });
    expect(await backend.rates.day('2026-11-29')).toMatchObject({
      ok: true,
      rates: { base: 'RUB', date: '2026-11-27' },
    });
  });

  it('merges real CBR days into the sample file (same base) and keeps both sources named', async () => {
    const dir = tempDir();
    copyFileSync(path.resolve(__dirname, '../../mock-data/rates.json'), path.join(dir, 'rates.json'));
    await importRates([fixture('cbr-daily-2026-11-27.xml')], dir);
    const data = read(dir);
    expect(data.source).toBe(`${sampleData.rates!.source}; ${CBR_SOURCE}`);
    expect(data.days.at(-1)!.values.USD).toBe(81.0652);
    expect(data.days.length).toBe(sampleData.rates!.days.length);
  });

  it('reads ECB daily and history files (base EUR), newest-first days sorted oldest first', async () => {
    const dir = tempDir();
    await importRates([fixture('ecb-hist.xml'), fixture('ecb-daily.xml')], dir);
    const data = read(dir);
    expect(data.base).toBe('EUR');
    expect(data.source).toBe(ECB_SOURCE);
    expect(data.dates).toEqual(['2025-12-31', '2026-01-02', '2026-01-05', '2026-11-27']);
    // 1 EUR = 181.29 JPY, so 100 JPY cost 100 / 181.29 EUR
    expect(data.currencyByCode.get('JPY')!.nominal).toBe(100);
    const eurPer = (nominal: number, rate: string) => Number(new Big(nominal).div(rate).prec(10, Big.roundHalfUp));
    expect(data.days.at(-1)!.values.JPY).toBe(eurPer(100, '181.29'));
    expect(data.days.at(-1)!.values.USD).toBe(eurPer(1, '1.1566'));
    expect(data.currencyByCode.get('IDR')!.nominal).toBe(10000);
    expect(data.days[0]!.values.BGN).toBe(eurPer(1, '1.9558'));
    expect(data.days.at(-1)!.values.BGN).toBeUndefined();
  });

  it('keeps one nominal per currency, rescaling a file that quotes a different number of units', async () => {
    const dir = tempDir();
    writeFileSync(
      path.join(dir, 'rates.json'),
      JSON.stringify({
        base: 'RUB',
        source: 'Earlier import',
        currencies: [{ code: 'KZT', name: 'Kazakhstani Tenge', nominal: 1 }],
        days: [{ date: '2026-11-25', values: { KZT: 0.156 } }],
      }),
    );
    await importRates([fixture('cbr-daily-2026-11-26.xml')], dir);
    const data = read(dir);
    expect(data.currencyByCode.get('KZT')!.nominal).toBe(1);
    expect(data.days.at(-1)!.values.KZT).toBe(0.156543); // 15.6543 RUB per 100 KZT
    expect(data.source).toBe(`Earlier import; ${CBR_SOURCE}`);
  });

  it('refuses to merge files of different bases, and writes nothing', async () => {
    const dir = tempDir();
    await importRates([fixture('cbr-daily-2026-11-26.xml')], dir);
    const before = readFileSync(path.join(dir, 'rates.json'), 'utf8');
    await expect(importRates([fixture('ecb-daily.xml')], dir)).rejects.toThrow(
      /Refusing to merge .*ecb-daily\.xml \(ECB, base EUR\) into .*rates\.json, whose base is RUB/,
    );
    await expect(
      importRates([fixture('cbr-daily-2026-11-27.xml'), fixture('ecb-daily.xml')], tempDir()),
    ).rejects.toThrow(
      /Refusing to merge files of different bases: .* \(base RUB\) but .*ecb-daily\.xml is ECB \(base EUR\)/,
    );
    expect(readFileSync(path.join(dir, 'rates.json'), 'utf8')).toBe(before);
  });

  it('refuses malformed files with a message naming the file and the problem', async () => {
    const dir = tempDir();
    const cases: [string, RegExp][] = [
      [
        'cbr-malformed-value.xml',
        /cbr-malformed-value\.xml: Valute 1 \(ID R01235\) \(USD\), Value: expected a positive number like 52,8744, got "81,06\.52"/,
      ],
      [
        'cbr-truncated.xml',
        /cbr-truncated\.xml: not well-formed XML \(line \d+: the file ends inside a tag \(is it cut short\?\)\)/,
      ],
      ['ecb-bad-rate.xml', /ecb-bad-rate\.xml: day 2026-11-27, USD: rate must be a positive number, got "N\/A"/],
    ];
    for (const [name, message] of cases) {
      await expect(importRates([fixture('cbr-daily-2026-11-26.xml'), fixture(name)], dir)).rejects.toThrow(message);
    }
    expect(existsSync(path.join(dir, 'rates.json'))).toBe(false);
    const other = path.join(dir, 'other.xml');
    writeFileSync(other, '<rss><channel/></rss>');
    await expect(importRates([other], dir)).rejects.toThrow(/<rss> is neither a CBR <ValCurs> nor an ECB/);
    await expect(importRates([path.join(dir, 'missing.xml')], dir)).rejects.toThrow(
      /missing\.xml: cannot be read \(ENOENT\)/,
    );
  });

  it('runs from the command line and exits non-zero on failure', () => {
    const dir = tempDir();
    const run = (...files: string[]) =>
      spawnSync(process.execPath, [require.resolve('tsx/cli'), 'src/tools/import-rates.ts', ...files], {
        env: { ...process.env, DATA_DIR: dir },
        encoding: 'utf8',
      });
    const ok = run(fixture('cbr-daily-2026-11-27.xml'));
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/Wrote 1 day\(s\)/);
    const bad = run(fixture('ecb-daily.xml'));
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/rates:import: Refusing to merge[\s\S]*Nothing was written\./);
  }, 30_000);
});
