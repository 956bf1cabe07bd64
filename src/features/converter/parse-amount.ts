// A tolerant amount parser: "1,234.56", "1 234,56", "1.234,56", "1'234.56", NBSP grouping... It returns a canonical
// decimal STRING (never a float) or a message to show beside the field.

type AmountErrorKind = 'empty' | 'negative' | 'letters' | 'characters' | 'format' | 'too-large';
export type ParsedAmount = { ok: true; value: string } | { ok: false; error: AmountErrorKind; message: string };

const MAX_AMOUNT = '1000000000000';

const MESSAGES: Record<AmountErrorKind, string> = {
  empty: 'Enter an amount.',
  negative: 'The amount cannot be negative.',
  letters: 'Use digits only, no letters.',
  characters: 'Use digits, and “.” or “,” for decimals.',
  format: 'Not a number: write it like 1,234.56.',
  'too-large': 'Too large: at most 1,000,000,000,000.',
};

/** Every message an amount can get, for the room kept under an amount field. */
export const AMOUNT_MESSAGES: readonly string[] = Object.values(MESSAGES);

const fail = (error: AmountErrorKind): ParsedAmount => ({ ok: false, error, message: MESSAGES[error] });

const decimalMarks = new Map<string, string>();
/** The locale's decimal mark ("." for en, "," for ru), used only for ambiguous input like "1,234". */
function localeDecimalMark(locale: string): string {
  let mark = decimalMarks.get(locale);
  if (!mark) {
    mark = new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === 'decimal')?.value ?? '.';
    decimalMarks.set(locale, mark);
  }
  return mark;
}

/** Compares two canonical non-negative decimal strings without converting them to numbers. */
function greaterThan(a: string, b: string): boolean {
  const [ai, af = ''] = a.split('.') as [string, string?];
  const [bi, bf = ''] = b.split('.') as [string, string?];
  if (ai.length !== bi.length) return ai.length > bi.length;
  if (ai !== bi) return ai > bi;
  const width = Math.max(af.length, bf.length);
  return af.padEnd(width, '0') > bf.padEnd(width, '0');
}

export function parseAmount(input: string, locale = 'en-US'): ParsedAmount {
  let s = input.trim();
  if (s === '') return fail('empty');
  // 1. Grouping spaces (incl. U+00A0, U+202F) and apostrophes are dropped.
  s = s.replace(/[\s'’]/g, '');
  if (/^[-−‒–—]/.test(s)) return fail('negative');
  if (s.startsWith('+')) s = s.slice(1);
  if (/\p{L}/u.test(s)) return fail('letters');
  if (/[^\d.,]/.test(s)) return fail('characters');
  if (!/\d/.test(s)) return fail(s === '' ? 'empty' : 'format');

  const commas = s.split(',').length - 1;
  const dots = s.split('.').length - 1;
  let decimal: string | null = null;
  if (commas > 0 && dots > 0) {
    // 2. Both marks: the last one is the decimal mark, and it may appear only once.
    decimal = s.lastIndexOf(',') > s.lastIndexOf('.') ? ',' : '.';
    if ((decimal === ',' ? commas : dots) > 1) return fail('format');
  } else if (commas + dots === 1) {
    // 4. One mark once: "1,5" is a decimal; "1,234" is ambiguous, so the page locale decides.
    const mark = commas ? ',' : '.';
    const index = s.indexOf(mark);
    const after = s.length - index - 1;
    decimal = after === 3 && index > 0 ? (localeDecimalMark(locale) === mark ? mark : null) : mark;
  }
  // 3. A mark that appears more than once (or is not the decimal mark) is grouping.
  const grouping = decimal === ',' ? '.' : decimal === '.' ? ',' : null;
  let normalized = grouping ? s.split(grouping).join('') : decimal ? s : s.replace(/[.,]/g, '');
  if (decimal === ',') normalized = normalized.replace(',', '.');
  if (normalized.startsWith('.')) normalized = `0${normalized}`;
  if (normalized.endsWith('.')) normalized = normalized.slice(0, -1);
  // 5. Anything else is not a number.
  if (!/^\d+(\.\d+)?$/.test(normalized)) return fail('format');

  const [intPart, fraction = ''] = normalized.split('.') as [string, string?];
  const integer = intPart.replace(/^0+(?=\d)/, '');
  const trimmed = fraction.replace(/0+$/, '');
  const value = trimmed ? `${integer}.${trimmed}` : integer;
  if (greaterThan(value, MAX_AMOUNT)) return fail('too-large');
  return { ok: true, value };
}
