// What the converter's two fields show, worked out from the reader's choice and the rates. The field edited last
// is the source of truth; the other is derived from it (never from a rounded value).
import { convertRounded, formatAmount, type RateEntry, type RateTable } from './money';

export interface ResolvedPair {
  from: RateEntry;
  to: RateEntry;
  /** Codes the reader chose that the current rates do not have. */
  missing: string[];
}

/** The pair to show: the reader's choice when the rates have it, otherwise a sensible default for this base. */
export function resolvePair(choice: { from: string | null; to: string | null }, table: RateTable): ResolvedPair {
  const others = table.currencies.filter((c) => c.code !== table.base);
  const pick = (...codes: string[]) =>
    codes.map((code) => table.byCode.get(code)).find(Boolean) ?? others[0] ?? table.currencies[0]!;
  const missing = [choice.from, choice.to].filter((c): c is string => c !== null && !table.byCode.has(c));
  const from = (choice.from && table.byCode.get(choice.from)) || pick(table.base === 'USD' ? 'EUR' : 'USD');
  const to =
    (choice.to && table.byCode.get(choice.to)) ||
    (from.code === table.base ? pick(table.base === 'USD' ? 'EUR' : 'USD') : table.byCode.get(table.base)!);
  return { from, to, missing };
}

export type AmountSide = 'from' | 'to';

export interface Conversion extends ResolvedPair {
  side: AmountSide;
  /** What each field shows. */
  fromText: string;
  toText: string;
  /** Plain decimal strings, rounded for display (null: no usable amount yet). */
  fromValue: string | null;
  toValue: string | null;
  convertTo: (target: RateEntry) => string | null;
}

/** `amount` is the edited field's text and `value` its parsed amount (null when the text is not a usable amount). */
export function convert(
  pair: ResolvedPair,
  side: AmountSide,
  amount: string,
  value: string | null,
): Omit<Conversion, keyof ResolvedPair> {
  const source = side === 'from' ? pair.from : pair.to;
  const other = side === 'from' ? pair.to : pair.from;
  const derived = value === null ? null : convertRounded(value, source, other);
  const derivedText = derived === null ? '' : formatAmount(derived, other.code);
  return {
    side,
    fromText: side === 'from' ? amount : derivedText,
    toText: side === 'to' ? amount : derivedText,
    fromValue: side === 'from' ? value : derived,
    toValue: side === 'to' ? value : derived,
    convertTo: (target) => (value === null ? null : convertRounded(value, source, target)),
  };
}
