// The rate file formats `npm run rates:import` reads: Central Bank of Russia daily XML (XML_daily.asp,
// windows-1251, base RUB) and ECB euro reference-rate XML (eurofxref-daily / -hist, base EUR).
import Big from 'big.js';
import { isDayKey } from '../contract/day-key.ts';
import { isCurrencyCode } from '../contract/rates.ts';
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

function cbrDate(raw: string | undefined, where: string): string {
  const match = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(raw ?? '');
  const iso = match ? `${match[3]}-${match[2]}-${match[1]}` : '';
  if (!isDayKey(iso)) throw new ImportError(`${where}: Date must be a date written DD.MM.YYYY, got "${raw ?? ''}"`);
  return iso;
}

/** CBR XML_daily: <ValCurs Date="DD.MM.YYYY"> with <Valute> elements; decimal commas; base RUB. */
function parseCbrDaily(root: XmlElement, file: string): ImportedFile {
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
    if (!isCurrencyCode(code))
      throw new ImportError(`${where}, CharCode: expected three capital letters, got "${code}"`);
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
function parseEcb(root: XmlElement, file: string): ImportedFile {
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
      if (!isCurrencyCode(code))
        throw new ImportError(`${file}: day ${date}: currency "${code}" is not a currency code`);
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
