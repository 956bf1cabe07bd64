// Reads and validates rates.json (issue 5). Owned by the converter work.
export type RatesData = null;

export function loadRatesData(_dir: string): RatesData {
  return null;
}
