// `npm run rates:import -- FILE...`: reads CBR daily and ECB rate files (rate-file-formats.ts) and writes or merges
// them into $DATA_DIR/rates.json through the rates port (`replace`: checked as the server would, written atomically).
// Nothing is written unless every file is well-formed and has the same base.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Big from 'big.js';
import { dataDirFromEnv } from '../backend/embedded/data-dir.ts';
import { DataFileError } from '../backend/embedded/data-file-error.ts';
import { dataFolderRates, type EmbeddedRates } from '../backend/embedded/embedded-rates.ts';
import { RATES_FILE_NAME, toRatesFile } from '../backend/embedded/rates-data.ts';
import type { RatesFile } from '../contract/rates.ts';
import { ImportError, parseRatesXml, type ImportedFile } from './rate-file-formats.ts';

let englishNames: Intl.DisplayNames | undefined;
const englishName = (code: string, fallback: string | undefined) => {
  englishNames ??= new Intl.DisplayNames(['en'], { type: 'currency' });
  const name = englishNames.of(code);
  return name && name !== code ? name : (fallback ?? code);
};

/** Merges imported files into an existing rates file (or a new one). Same base everywhere, or nothing at all. */
function mergeRates(existing: RatesFile | null, imports: ImportedFile[], target = RATES_FILE_NAME): RatesFile {
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
          `${existing.base}. Import it into another data folder (DATA_DIR=...) or move ${target} away first.`,
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
export async function importRates(files: string[], dataDir: string): Promise<string> {
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
  let rates: EmbeddedRates;
  try {
    rates = dataFolderRates(dataDir);
  } catch (error) {
    throw new ImportError(`The existing ${(error as Error).message}. Fix or move it away before importing.`);
  }
  const loaded = rates.current();
  const existing = loaded && toRatesFile(loaded);
  const merged = mergeRates(existing, imports, target);
  await rates.port.replace(merged);
  const importedDates = [...new Set(imports.flatMap((i) => i.days.map((d) => d.date)))].sort();
  return (
    `${existing ? 'Merged' : 'Wrote'} ${importedDates.length} day(s) (${importedDates[0]} to ${importedDates.at(-1)}) ` +
    `from ${files.length} file(s) into ${target}: base ${merged.base}, ${merged.currencies.length} currencies, ` +
    `${merged.days.length} days in total.`
  );
}

async function main() {
  const dataDir = dataDirFromEnv();
  try {
    if (!existsSync(dataDir)) throw new ImportError(`The data folder ${dataDir} does not exist`);
    console.log(await importRates(process.argv.slice(2), dataDir));
  } catch (error) {
    if (!(error instanceof ImportError) && !(error instanceof DataFileError)) throw error;
    console.error(`rates:import: ${error.message}\nNothing was written.`);
    process.exitCode = 1;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename ?? '')) void main();
