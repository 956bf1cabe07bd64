// The converter's state: what the address names (on the converter page), else the reader's saved choices. A change
// is written to both at once; while the reader types, the amount is the field's own until typing settles.
import { useEffect, useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useConverterStore } from '@/stores/converter-store';
import { convert, resolvePair, type AmountSide, type Conversion } from './conversion';
import { converterLink, type ConverterLink } from './converter-url';
import { formatTypedAmount, type RateTable } from './money';
import { parseAmount, type ParsedAmount } from './parse-amount';

/** Typing pauses this long before the address and the device are updated. */
const SETTLE_MS = 400;

interface Choice {
  from: string;
  to: string;
  amount: string;
  side: AmountSide;
  targets: readonly string[];
}

export interface Converter extends Conversion {
  /** The edited field's text, parsed (its error, if it is not a usable amount). */
  parsed: ParsedAmount;
  targets: readonly string[];
  edit: (side: AmountSide, text: string) => void;
  /** Reformats the edited field without losing a digit ("1234.5" -> "1,234.50") and saves it at once. */
  tidy: () => void;
  choose: (patch: Partial<Pick<Choice, 'from' | 'to' | 'targets'>>) => void;
}

/** The edited field's amount as a link carries it: canonical when valid ("1 234,5" -> "1234.5"), else as typed. */
function amountForLink(text: string): string {
  const parsed = parseAmount(text);
  return parsed.ok ? parsed.value : text.trim();
}

/** `link`: the address's state (null outside the converter page); `writeLink` puts a new one in place. */
export function useConverter(
  table: RateTable,
  link: ConverterLink | null,
  writeLink?: (link: ConverterLink) => void,
): Converter {
  const saved = useConverterStore(
    useShallow((s) => ({ from: s.from, to: s.to, amount: s.amount, side: s.side, targets: s.targets })),
  );
  const remember = useConverterStore((s) => s.remember);
  const linked =
    link?.amount != null
      ? { amount: link.amount, side: 'from' as const }
      : link?.toAmount != null
        ? { amount: link.toAmount, side: 'to' as const }
        : null;
  // The address carries amounts in canonical form ("1234.5"); while it holds what this view wrote, the field keeps
  // the reader's own text ("1 234,50"). A link arriving from elsewhere (or a reload) is shown as it is.
  const [written, setWritten] = useState<{ side: AmountSide; amount: string; linkAmount: string } | null>(null);
  const ownText = written && linked?.side === written.side && linked.amount === written.linkAmount ? written : null;
  const [draft, setDraft] = useState<{ side: AmountSide; amount: string } | null>(null);
  const { side, amount } = draft ?? ownText ?? linked ?? saved;
  const targets = link?.targets ?? saved.targets;
  const pair = resolvePair({ from: link?.from ?? saved.from, to: link?.to ?? saved.to }, table);
  const parsed = useMemo(() => parseAmount(amount), [amount]);

  // A bad entry shows no result: one computed from an earlier amount would read as the answer for this one.
  const conversion = convert(pair, side, amount, parsed.ok ? parsed.value : null);

  const current: Choice = { from: pair.from.code, to: pair.to.code, amount, side, targets };
  const save = (next: Choice, { toAddress = true } = {}) => {
    remember({ ...next, targets: [...next.targets] });
    if (toAddress && writeLink) {
      const linkAmount = amountForLink(next.amount);
      writeLink(converterLink({ ...next, amount: linkAmount }));
      setWritten({ side: next.side, amount: next.amount, linkAmount });
    }
    setDraft(null);
  };
  // The latest save of what is typed, for the timer below and for leaving the view before it fires.
  const saveDraft = useRef<((options?: { toAddress: boolean }) => void) | null>(null);
  useEffect(() => {
    saveDraft.current = draft ? (options) => save(current, options) : null;
  });
  useEffect(() => {
    if (!draft) return;
    const timer = setTimeout(() => saveDraft.current?.(), SETTLE_MS);
    return () => clearTimeout(timer);
  }, [draft]);
  useEffect(() => () => saveDraft.current?.({ toAddress: false }), []);

  // A link the reader opens (or follows here) is their latest conversion, as if chosen here: a bare address later
  // starts from it. The pair is kept as shown (a code the rates lack was never shown), the amount as the link gives it.
  const shown = ownText ?? linked;
  const linkNamesAny = link !== null && (link.from ?? link.to ?? link.targets ?? shown) !== null;
  const [shownFrom, shownTo, shownSide, shownAmount] = [pair.from.code, pair.to.code, shown?.side, shown?.amount];
  const linkedTargets = link?.targets?.join(',');
  useEffect(() => {
    if (!linkNamesAny) return;
    remember({
      from: shownFrom,
      to: shownTo,
      ...(shownSide && shownAmount !== undefined && { side: shownSide, amount: shownAmount }),
      ...(linkedTargets && { targets: linkedTargets.split(',') }),
    });
  }, [linkNamesAny, shownFrom, shownTo, shownSide, shownAmount, linkedTargets, remember]);

  return {
    ...pair,
    ...conversion,
    parsed,
    targets,
    edit: (editedSide, text) => setDraft({ side: editedSide, amount: text }),
    tidy: () => {
      const source = side === 'from' ? pair.from : pair.to;
      save({ ...current, amount: parsed.ok ? formatTypedAmount(parsed.value, source.code) : amount });
    },
    choose: (patch) => save({ ...current, ...patch }),
  };
}
