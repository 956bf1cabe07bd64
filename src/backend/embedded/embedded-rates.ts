// The rates port of the embedded backend: lookups over the rates held in memory, and `replace`, which checks a rates
// file as the loader would and (over a data folder) writes rates.json atomically before serving it.
import path from 'node:path';
import type { RatesFile } from '../../contract/rates.ts';
import type { RatesPort } from '../ports.ts';
import { writeFileAtomically } from './atomic-file.ts';
import {
  loadRatesData,
  parseRatesData,
  RATES_FILE_NAME,
  serializeRatesFile,
  toRatesFile,
  type RatesData,
} from './rates-data.ts';
import { ratesDay, ratesHistory } from './rates-lookup.ts';

export interface EmbeddedRates {
  readonly port: RatesPort;
  /** The rates served now (null: none). */
  current(): RatesData;
  /** Serves these rates from now on (the data folder was read again). */
  set(rates: RatesData): void;
}

/** Rates served from memory; `replace` checks the file, hands it to `write` (which keeps it), then serves it. */
export function embeddedRates(initial: RatesData, write: (file: RatesFile) => Promise<void>): EmbeddedRates {
  let rates = initial;
  return {
    current: () => rates,
    set: (next) => (rates = next),
    port: {
      day: async (date) => ratesDay(rates, date),
      history: async (code, from, to) => ratesHistory(rates, code, from, to),
      async replace(file) {
        // Never keep a file the loader would refuse.
        const checked = parseRatesData(toRatesFile(file));
        await write(toRatesFile(checked));
        rates = checked;
      },
    },
  };
}

/** Writes `dir/rates.json` atomically. */
export async function writeRatesFile(dir: string, file: RatesFile): Promise<void> {
  await writeFileAtomically(path.join(dir, RATES_FILE_NAME), [serializeRatesFile(file)]);
}

/** The rates of a data folder alone (what the rates tools read and write), without loading its news. */
export function dataFolderRates(dir: string): EmbeddedRates {
  return embeddedRates(loadRatesData(dir), (file) => writeRatesFile(dir, file));
}
