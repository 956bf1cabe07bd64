// `npm run rates:import -- FILE...`: reads Central Bank of Russia daily XML (XML_daily.asp, windows-1251, base RUB)
// and ECB euro reference-rate XML (eurofxref-daily / -hist, base EUR), and writes or merges them into
// $MOCK_DATA_DIR/rates.json. Nothing is written unless every file is well-formed and has the same base.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Big from 'big.js';
import type { RatesFile } from '../api/rates-schemas.ts';
import { isDayKey } from '../lib/day-key.ts';
import { loadRatesData, parseRatesData, RATES_FILE_NAME, serializeRatesFile, toRatesFile } from './rates-data.ts';
import {
  childrenNamed,
  childText,
  decodeXmlBytes,
  localName,
  parseXml,
  XmlError,
  type XmlElement,
} from './rates-xml.ts';

export const CBR_SOURCE = 'Bank of Russia (CBR) official rates, imported from XML_daily';
export const ECB_SOURCE = 'European Central Bank euro reference rates, imported from eurofxref XML';
const ECB_NAMESPACE = 'http://www.ecb.int/vocabulary/2002-08-01/eurofxref';

export class ImportError extends Error {}

interface ImportedRate {
  /** Base units for `nominal` units, as an exact decimal string. */
  value: string;
  nominal: number;
}
export interface ImportedFile {
  file: string;
  kind: 'CBR daily' | 'ECB';
  base: string;
  source: string;
  names: Map<string, string>;
  days: { date: string; rates: Map<string, ImportedRate> }[];
}

const CODE = /^[A-Z]{3}$/;

function cbrDate(raw: string | undefined, where: string): string {
  const match = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(raw ?? '');
  const iso = match ? `${match[3]}-${match[2]}-${match[1]}` : '';
  if (!isDayKey(iso)) throw new ImportError(`${where}: Date must be a date written DD.MM.YYYY, got "${raw ?? ''}"`);
  return iso;
}

/** CBR XML_daily: <ValCurs Date="DD.MM.YYYY"> with <Valute> elements; decimal commas; base RUB. */
export function parseCbrDaily(root: XmlElement, file: string): ImportedFile {
  if (root.attributes.ID !== undefined || childrenNamed(root, 'Record').length) {
    throw new ImportError(`${file}: this is a CBR XML_dynamic (one currency over time) file; import XML_daily files`);
  }
  const date = cbrDate(root.attributes.Date, `${file}: <ValCurs>`);
  const valutes = childrenNamed(root, 'Valute');
  if (valutes.length === 0) throw new ImportError(`${file}: <ValCurs> holds no <Valute> elements`);
  const rates = new Map<string, ImportedRate>();
  const names = new Map<string, string>();
  valutes.forEach((valute, i) => {
    const code = childText(valute, 'CharCode') ?? '';
    const where = `${file}: Valute ${i + 1}${valute.attributes.ID ? ` (ID ${valute.attributes.ID})` : ''}`;
    if (!CODE.test(code)) throw new ImportError(`${where}, CharCode: expected three capital letters, got "${code}"`);
    if (rates.has(code)) throw new ImportError(`${where}, CharCode: ${code} appears twice`);
    const nominal = childText(valute, 'Nominal') ?? '';
    if (!/^[1-9]\d*$/.test(nominal)) {
      throw new ImportError(`${where} (${code}), Nominal: expected a positive whole number, got "${nominal}"`);
    }
    const value = childText(valute, 'Value') ?? '';
    if (!/^\d+([.,]\d+)?$/.test(value) || /^[0.,]+$/.test(value)) {
      throw new ImportError(`${where} (${code}), Value: expected a positive number like 52,8744, got "${value}"`);
    }
    const unitRate = childText(valute, 'VunitRate');
    if (unitRate !== undefined && !/^\d+([.,]\d+)?$/.test(unitRate)) {
      throw new ImportError(`${where} (${code}), VunitRate: expected a number like 0,215637, got "${unitRate}"`);
    }
    rates.set(code, { value: value.replace(',', '.'), nominal: Number(nominal) });
    const name = childText(valute, 'Name');
    if (name) names.set(code, name);
  });
  return { file, kind: 'CBR daily', base: 'RUB', source: CBR_SOURCE, names, days: [{ date, rates }] };
}

/** ECB eurofxref: Envelope > Cube > Cube[time] > Cube[currency][rate], where 1 EUR = rate units; base EUR. */
export function parseEcb(root: XmlElement, file: string): ImportedFile {
  if (root.attributes.xmlns !== ECB_NAMESPACE) {
    throw new ImportError(`${file}: not an ECB eurofxref file (default namespace should be ${ECB_NAMESPACE})`);
  }
  const outer = childrenNamed(root, 'Cube');
  const dayCubes = outer.flatMap((cube) => childrenNamed(cube, 'Cube'));
  if (outer.length !== 1 || dayCubes.length === 0) {
    throw new ImportError(`${file}: expected <Cube> holding one <Cube time="…"> per day`);
  }
  const seen = new Set<string>();
  const days = dayCubes.map((dayCube, i) => {
    const date = dayCube.attributes.time ?? '';
    if (!isDayKey(date)) throw new ImportError(`${file}: day ${i + 1}: time must be YYYY-MM-DD, got "${date}"`);
    if (seen.has(date)) throw new ImportError(`${file}: day ${date} appears twice`);
    seen.add(date);
    const rates = new Map<string, ImportedRate>();
    const cubes = childrenNamed(dayCube, 'Cube');
    if (cubes.length === 0) throw new ImportError(`${file}: day ${date} holds no rates`);
    for (const cube of cubes) {
      const code = cube.attributes.currency ?? '';
      const rate = cube.attributes.rate ?? '';
      if (!CODE.test(code)) throw new ImportError(`${file}: day ${date}: currency "${code}" is not a currency code`);
      if (rates.has(code)) throw new ImportError(`${file}: day ${date}: ${code} appears twice`);
      if (!/^\d+(\.\d+)?$/.test(rate) || new Big(rate).eq(0)) {
        throw new ImportError(`${file}: day ${date}, ${code}: rate must be a positive number, got "${rate}"`);
      }
      // The file says 1 EUR = rate units; rates.json says how many EUR buy `nominal` units: nominal / rate.
      const nominal = 10 ** Math.max(0, new Big(rate).e);
      rates.set(code, { value: new Big(nominal).div(rate).prec(10, Big.roundHalfUp).toFixed(), nominal });
    }
    return { date, rates };
  });
  return { file, kind: 'ECB', base: 'EUR', source: ECB_SOURCE, names: new Map(), days };
}

/** Reads one file (bytes) and recognises its format from the root element. */
export function parseRatesXml(bytes: Uint8Array, file: string): ImportedFile {
  let root: XmlElement;
  try {
    root = parseXml(decodeXmlBytes(bytes));
  } catch (error) {
    if (error instanceof XmlError) throw new ImportError(`${file}: not well-formed XML (${error.message})`);
    throw error;
  }
  if (root.name === 'ValCurs') return parseCbrDaily(root, file);
  if (localName(root.name) === 'Envelope') return parseEcb(root, file);
  throw new ImportError(`${file}: <${root.name}> is neither a CBR <ValCurs> nor an ECB <gesmes:Envelope> file`);
}

let englishNames: Intl.DisplayNames | undefined;
const englishName = (code: string, fallback: string | undefined) => {
  englishNames ??= new Intl.DisplayNames(['en'], { type: 'currency' });
  const name = englishNames.of(code);
  return name && name !== code ? name : (fallback ?? code);
};

/** Merges imported files into an existing rates file (or a new one). Same base everywhere, or nothing at all. */
export function mergeRates(existing: RatesFile | null, imports: ImportedFile[], target = RATES_FILE_NAME): RatesFile {
  const first = imports[0];
  if (!first) throw new ImportError('no files to import');
  for (const imported of imports) {
    if (imported.base !== first.base) {
      throw new ImportError(
        `Refusing to merge files of different bases: ${first.file} is ${first.kind} (base ${first.base}) but ` +
          `${imported.file} is ${imported.kind} (base ${imported.base}). A rates file has one base currency.`,
      );
    }
    if (existing && imported.base !== existing.base) {
      throw new ImportError(
        `Refusing to merge ${imported.file} (${imported.kind}, base ${imported.base}) into ${target}, whose base is ` +
          `${existing.base}. Import it into another data folder (MOCK_DATA_DIR=...) or move ${target} away first.`,
      );
    }
  }
  const currencies = new Map((existing?.currencies ?? []).map((c) => [c.code, { ...c }]));
  const days = new Map((existing?.days ?? []).map((d) => [d.date, { ...d.values }]));
  const sources = new Set(existing ? [existing.source] : []);
  for (const imported of imports) {
    if (![...sources].some((s) => s.includes(imported.source))) sources.add(imported.source);
    for (const day of imported.days) {
      const values = days.get(day.date) ?? {};
      for (const [code, rate] of day.rates) {
        if (code === first.base) continue;
        let currency = currencies.get(code);
        if (!currency) {
          currency = { code, name: englishName(code, imported.names.get(code)), nominal: rate.nominal };
          currencies.set(code, currency);
        }
        // Keep one nominal per currency: rescale the value when a file quotes it per a different number of units.
        const value =
          rate.nominal === currency.nominal
            ? new Big(rate.value)
            : new Big(rate.value).times(currency.nominal).div(rate.nominal).prec(12, Big.roundHalfUp);
        values[code] = Number(value.toFixed());
      }
      days.set(day.date, values);
    }
  }
  return {
    base: first.base,
    source: [...sources].join('; '),
    currencies: [...currencies.values()].sort((a, b) => a.code.localeCompare(b.code)),
    days: [...days.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([date, values]) => ({ date, values })),
  };
}

/** Imports files into `dataDir`/rates.json; returns a one-line summary. Throws ImportError, writing nothing. */
export function importRates(files: string[], dataDir: string): string {
  if (files.length === 0) throw new ImportError('Usage: npm run rates:import -- FILE.xml [FILE.xml ...]');
  const imports = files.map((file) => {
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(file);
    } catch (error) {
      throw new ImportError(`${file}: cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    }
    return parseRatesXml(bytes, file);
  });
  const target = path.join(dataDir, RATES_FILE_NAME);
  let existing: RatesFile | null;
  try {
    const loaded = loadRatesData(dataDir);
    existing = loaded ? toRatesFile(loaded) : null;
  } catch (error) {
    throw new ImportError(`The existing ${(error as Error).message}. Fix or move it away before importing.`);
  }
  const merged = mergeRates(existing, imports, target);
  parseRatesData(merged, target); // never write a file the server would refuse
  const temporary = `${target}.${process.pid}.tmp`;
  writeFileSync(temporary, serializeRatesFile(merged));
  renameSync(temporary, target);
  const importedDates = [...new Set(imports.flatMap((i) => i.days.map((d) => d.date)))].sort();
  return (
    `${existing ? 'Merged' : 'Wrote'} ${importedDates.length} day(s) (${importedDates[0]} to ${importedDates.at(-1)}) ` +
    `from ${files.length} file(s) into ${target}: base ${merged.base}, ${merged.currencies.length} currencies, ` +
    `${merged.days.length} days in total.`
  );
}

function main() {
  const dataDir = path.resolve(process.env.MOCK_DATA_DIR || 'mock-data');
  try {
    if (!existsSync(dataDir)) throw new ImportError(`The data folder ${dataDir} does not exist`);
    console.log(importRates(process.argv.slice(2), dataDir));
  } catch (error) {
    if (!(error instanceof ImportError) && !(error instanceof Error && error.name === 'MockDataError')) throw error;
    console.error(`rates:import: ${error.message}\nNothing was written.`);
    process.exitCode = 1;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename ?? '')) main();
