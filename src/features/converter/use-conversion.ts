// The converter's state turned into what both fields show. The field edited last is the source of truth;
// the other is derived from it (never re-derived from a rounded value), and a bad entry keeps the last good result.
import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useConverterStore, type AmountSide, type ConverterPrefs } from '@/stores/converter-store';
import { convertRounded, formatAmount, formatTypedAmount, type RateEntry, type RateTable } from './money';
import { parseAmount, type ParsedAmount } from './parse-amount';

export interface ResolvedPair {
  from: RateEntry;
  to: RateEntry;
  /** Codes the reader chose that the current rates do not have. */
  missing: string[];
}

/** The pair to show: the reader's choice when the rates have it, otherwise a sensible default for this base. */
export function resolvePair(prefs: Pick<ConverterPrefs, 'from' | 'to'>, table: RateTable): ResolvedPair {
  const others = table.currencies.filter((c) => c.code !== table.base);
  const pick = (...codes: string[]) =>
    codes.map((code) => table.byCode.get(code)).find(Boolean) ?? others[0] ?? table.currencies[0]!;
  const missing = [prefs.from, prefs.to].filter((c): c is string => c !== null && !table.byCode.has(c));
  const from = (prefs.from && table.byCode.get(prefs.from)) || pick(table.base === 'USD' ? 'EUR' : 'USD');
  const to =
    (prefs.to && table.byCode.get(prefs.to)) ||
    (from.code === table.base ? pick(table.base === 'USD' ? 'EUR' : 'USD') : table.byCode.get(table.base)!);
  return { from, to, missing };
}

export interface Conversion extends ResolvedPair {
  side: AmountSide;
  /** What each field shows. */
  fromText: string;
  toText: string;
  /** The error for the field being edited, if its text is not a usable amount. */
  parsed: ParsedAmount;
  /** The amount in force (the last good one when the field holds a bad entry), in the `side` currency. */
  source: { code: string; value: string } | null;
  /** Plain decimal strings, rounded for display. */
  fromValue: string | null;
  toValue: string | null;
  convertTo: (target: RateEntry) => string | null;
  edit: (side: AmountSide, text: string) => void;
  /** Reformats the edited field without losing a digit ("1234.5" -> "1,234.50"). */
  tidy: () => void;
}

export function useConversion(table: RateTable): Conversion {
  const prefs = useConverterStore(useShallow((s) => ({ from: s.from, to: s.to, amount: s.amount, side: s.side })));
  const setAmount = useConverterStore((s) => s.setAmount);
  const { from, to, missing } = resolvePair(prefs, table);
  const parsed = parseAmount(prefs.amount);
  const [lastGood, setLastGood] = useState<{ side: AmountSide; value: string } | null>(() =>
    parsed.ok ? { side: prefs.side, value: parsed.value } : null,
  );

  const sourceEntry = prefs.side === 'from' ? from : to;
  const otherEntry = prefs.side === 'from' ? to : from;
  const sourceValue = parsed.ok ? parsed.value : lastGood?.side === prefs.side ? lastGood.value : null;
  const source = sourceValue === null ? null : { code: sourceEntry.code, value: sourceValue };
  const derived = sourceValue === null ? null : convertRounded(sourceValue, sourceEntry, otherEntry);
  const derivedText = derived === null ? '' : formatAmount(derived, otherEntry.code);

  const fromText = prefs.side === 'from' ? prefs.amount : derivedText;
  const toText = prefs.side === 'to' ? prefs.amount : derivedText;
  const fromValue = prefs.side === 'from' ? sourceValue : derived;
  const toValue = prefs.side === 'to' ? sourceValue : derived;

  return {
    from,
    to,
    missing,
    side: prefs.side,
    fromText,
    toText,
    parsed,
    source,
    fromValue,
    toValue,
    convertTo: (target) => (sourceValue === null ? null : convertRounded(sourceValue, sourceEntry, target)),
    edit: (side, text) => {
      const next = parseAmount(text);
      if (next.ok) setLastGood({ side, value: next.value });
      else if (side !== prefs.side) {
        // Starting to edit the other field with a bad entry: what that field showed is the last good amount.
        const shown = side === 'from' ? fromValue : toValue;
        const shownAmount = shown === null ? null : parseAmount(shown);
        setLastGood(shownAmount?.ok ? { side, value: shownAmount.value } : null);
      }
      setAmount(side, text);
    },
    tidy: () => {
      if (parsed.ok) setAmount(prefs.side, formatTypedAmount(parsed.value, sourceEntry.code));
    },
  };
}

/** The edited field's amount (its text as kept in the store) for a link: the canonical value, or the text as
 * typed when it is not valid. */
export function amountForLink(amount: string): string {
  const parsed = parseAmount(amount);
  return parsed.ok ? parsed.value : amount.trim();
}
