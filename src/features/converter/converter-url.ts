// The converter's address: /converter?from=USD&to=EUR&amount=100 (toAmount= instead of amount when the converted
// field was edited last; targets=CNY,GBP for the extra currencies). What a link names wins over the reader's saved
// choices; the view says what it could not use.
import * as v from 'valibot';
import { isCurrencyCode } from '@/contract/rates';
import { commaList, optionalText, writeUrlState, type UrlState } from '@/lib/url-state';
import { MAX_AMOUNT_LENGTH, MAX_TARGETS, type AmountSide } from '@/stores/converter-store';

// A code as typed, or the picker's whole label ("EUR — Euro"), which is what its field sends in a form submitted
// without the app (scripts off, a failed bundle).
const toCode = (raw: string) => (/^\s*([A-Za-z]{3})\s+—/.exec(raw)?.[1] ?? raw).trim().toUpperCase();
const code = v.fallback(
  v.pipe(
    v.string(),
    v.transform((raw) => (isCurrencyCode(toCode(raw)) ? toCode(raw) : null)),
  ),
  null,
);
const amount = v.pipe(
  optionalText,
  v.transform((text) => text?.slice(0, MAX_AMOUNT_LENGTH) ?? null),
);

export const converterUrlSchema = v.object({
  from: code,
  to: code,
  amount,
  toAmount: amount,
  targets: commaList(isCurrencyCode, toCode),
});

export type ConverterLink = UrlState<typeof converterUrlSchema.entries>;

export interface LinkedChoice {
  from: string;
  to: string;
  /** The edited field's amount as it goes in a link (canonical when valid, as typed when not). */
  amount: string;
  side: AmountSide;
  targets: readonly string[];
}

/** The address's state for a choice: `amount` for the first field, `toAmount` for the second. */
export function converterLink(choice: LinkedChoice): ConverterLink {
  return {
    from: choice.from,
    to: choice.to,
    amount: choice.side === 'from' ? choice.amount : null,
    toAmount: choice.side === 'to' ? choice.amount : null,
    targets: choice.targets.length ? choice.targets.slice(0, MAX_TARGETS) : null,
  };
}

/** The query string of the converter page showing `choice`. */
export const converterSearch = (choice: LinkedChoice): URLSearchParams =>
  writeUrlState(converterUrlSchema, converterLink(choice));

/** What a link asks for that cannot be used: one message per part, for the notice above the converter. */
export function linkProblems(params: URLSearchParams): string[] {
  const problems: string[] = [];
  for (const key of ['from', 'to'] as const) {
    const raw = params.get(key);
    if (raw !== null && raw.trim() !== '' && !isCurrencyCode(toCode(raw)))
      problems.push(`“${raw}” is not a currency code`);
  }
  const bad = (params.get('targets') ?? '')
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t && !isCurrencyCode(toCode(t)));
  if (bad.length) {
    problems.push(`${bad.map((b) => `“${b}”`).join(', ')} ${bad.length > 1 ? 'are' : 'is'} not a currency code`);
  }
  return problems;
}
