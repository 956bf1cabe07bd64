// Exact money math for the converter: decimal arithmetic with big.js (never binary floating point),
// cross rates through the base, and ONE rounding, half-up, at display time.
import Big from 'big.js';
import type { RatesResponse } from '@/contract/rates';

export interface RateEntry {
  code: string;
  name: string;
  /** How many units of the currency `value` buys (JPY 100, KZT 100...). */
  nominal: number;
  /** Units of the base currency for `nominal` units of this currency. */
  value: number;
}

export interface RateTable {
  base: string;
  date: string;
  source: string;
  /** Every currency, the base included (value 1, nominal 1), sorted by code. */
  currencies: RateEntry[];
  byCode: ReadonlyMap<string, RateEntry>;
}

/** An exact quotient num/den, kept unrounded until display. */
export interface Ratio {
  num: Big;
  den: Big;
}

const LOCALE = 'en-US';

let displayNames: Intl.DisplayNames | null | undefined;
/** English name of a currency code from the platform ("RUB" -> "Russian Ruble"), or the code itself. */
function currencyDisplayName(code: string): string {
  if (displayNames === undefined) {
    try {
      displayNames = new Intl.DisplayNames([LOCALE], { type: 'currency' });
    } catch {
      displayNames = null;
    }
  }
  try {
    return displayNames?.of(code) ?? code;
  } catch {
    return code;
  }
}

export function buildRateTable(response: RatesResponse): RateTable {
  const currencies: RateEntry[] = response.currencies
    .filter((c) => c.code !== response.base)
    .map((c) => ({ code: c.code, name: c.name, nominal: c.nominal, value: c.value }));
  currencies.push({ code: response.base, name: currencyDisplayName(response.base), nominal: 1, value: 1 });
  currencies.sort((a, b) => a.code.localeCompare(b.code));
  return {
    base: response.base,
    date: response.date,
    source: response.source,
    currencies,
    byCode: new Map(currencies.map((c) => [c.code, c])),
  };
}

// JSON numbers are read back from their shortest decimal form (String(78.9012) === "78.9012"), which is exactly
// the decimal written in the data file (the server checks it has at most 15 significant digits).
const big = (value: number | string) => new Big(typeof value === 'number' ? String(value) : value);

/** amount (a decimal string) of `from` expressed in `to`: amount × value_from × nominal_to / (value_to × nominal_from). */
export function convertExact(amount: string, from: RateEntry, to: RateEntry): Ratio {
  return {
    num: big(amount).times(big(from.value)).times(big(to.nominal)),
    den: big(to.value).times(big(from.nominal)),
  };
}

/** Rounds num/den half-up to `dp` decimals, exactly (no intermediate rounding), as a plain decimal string. */
export function roundRatio({ num, den }: Ratio, dp: number): string {
  const scaled = num.times(new Big(10).pow(dp));
  let q = scaled.div(den).round(0, Big.roundDown);
  let r = scaled.minus(q.times(den));
  // div() works to Big.DP places, so q may be one off: correct it from the exact remainder.
  while (r.lt(0)) {
    q = q.minus(1);
    r = r.plus(den);
  }
  while (r.gte(den)) {
    q = q.plus(1);
    r = r.minus(den);
  }
  if (r.times(2).gte(den)) q = q.plus(1);
  return q.div(new Big(10).pow(dp)).toFixed(dp);
}

const digitsCache = new Map<string, number>();
/** The currency's usual decimals, as Intl.NumberFormat uses them (JPY 0, USD 2, KWD 3). */
export function currencyDigits(code: string): number {
  let digits = digitsCache.get(code);
  if (digits === undefined) {
    try {
      digits = new Intl.NumberFormat(LOCALE, { style: 'currency', currency: code }).resolvedOptions()
        .maximumFractionDigits!;
    } catch {
      digits = 2;
    }
    digitsCache.set(code, digits);
  }
  return digits;
}

const numberFormats = new Map<string, Intl.NumberFormat>();
/** Formats a decimal STRING exactly (Intl rounds strings without going through a float). */
function formatDecimal(value: string, minDigits: number, maxDigits = minDigits, grouping = true): string {
  const key = `${minDigits}|${maxDigits}|${grouping}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(LOCALE, {
      minimumFractionDigits: minDigits,
      maximumFractionDigits: maxDigits,
      useGrouping: grouping,
      roundingMode: 'halfExpand',
    });
    numberFormats.set(key, format);
  }
  return format.format(value as Intl.StringNumericLiteral);
}

/** The converted amount rounded once, half-up, to the target currency's digits: a plain decimal string. */
export function convertRounded(amount: string, from: RateEntry, to: RateEntry): string {
  return roundRatio(convertExact(amount, from, to), currencyDigits(to.code));
}

/** "1,234.56" — the converted amount as shown (and copied): the currency's digits, grouped. */
export function formatAmount(roundedOrExact: string, code: string): string {
  const digits = currencyDigits(code);
  return formatDecimal(roundedOrExact, digits, digits);
}

/** An amount the reader typed, reformatted without losing any digit they typed ("1234.5" USD -> "1,234.50"). */
export function formatTypedAmount(value: string, code: string): string {
  const typedDecimals = value.includes('.') ? value.split('.')[1]!.length : 0;
  const digits = currencyDigits(code);
  return formatDecimal(value, digits, Math.max(digits, typedDecimals));
}

/** The one precision rule for showing a rate: max(4 decimals, 6 significant digits) for a rate of this size. */
function rateDecimals(rate: Big): number {
  return rate.eq(0) ? 4 : Math.max(4, 5 - rate.e);
}

/** "0.864612" for 1 `from` in `to`, rounded half-up to the rate precision, trailing zeros after the 4th trimmed. */
export function formatRate(from: RateEntry, to: RateEntry): string {
  const rate = convertExact('1', from, to);
  const dp = rateDecimals(rate.num.div(rate.den));
  return formatDecimal(roundRatio(rate, dp), 4, dp);
}

/** A rate given as a decimal string (e.g. from the chart's series), shown with the same precision. */
export function formatRateValue(value: string): string {
  return formatDecimal(value, 4, rateDecimals(new Big(value)));
}

/** An axis label: exactly `decimals` digits after the point, so every label of an axis lines up ("0.860"). */
export function formatAxisValue(value: number, decimals: number): string {
  return formatDecimal(value.toFixed(decimals), decimals, decimals);
}

export interface RateChange {
  direction: 'up' | 'down' | 'none';
  /** "+0.0124", "−0.5310": with the rates' own precision and a sign (a minus sign, not a hyphen). */
  absolute: string;
  /** "+1.45%", half-up to hundredths of a percent. */
  percent: string;
}

/** How a rate moved from `first` to `last` (decimal strings), worked out exactly. */
export function rateChange(first: string, last: string): RateChange {
  const from = new Big(first);
  const difference = new Big(last).minus(from);
  const direction = difference.gt(0) ? 'up' : difference.lt(0) ? 'down' : 'none';
  const sign = direction === 'up' ? '+' : direction === 'down' ? '\u2212' : '';
  const digits = Math.max(rateDecimals(from), rateDecimals(new Big(last)));
  const percent = from.eq(0) ? new Big(0) : difference.div(from).times(100).abs();
  return {
    direction,
    absolute: sign + formatDecimal(difference.abs().round(digits, Big.roundHalfUp).toFixed(digits), 4, digits),
    percent: `${sign}${formatDecimal(percent.round(2, Big.roundHalfUp).toFixed(2), 2)}%`,
  };
}

/** A rate as a plain decimal string with 10 significant digits, for charts. */
export function rateValue(fromValue: number, fromNominal: number, toValue: number, toNominal: number): string {
  const rate: Ratio = {
    num: big(fromValue).times(big(toNominal)),
    den: big(toValue).times(big(fromNominal)),
  };
  return roundRatio(rate, Math.max(4, 9 - rate.num.div(rate.den).e));
}
