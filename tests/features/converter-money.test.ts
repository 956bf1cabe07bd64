import Big from 'big.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildRateTable,
  convertExact,
  convertRounded,
  currencyDigits,
  formatAmount,
  formatRate,
  formatAxisValue,
  formatTypedAmount,
  rateChange,
  roundRatio,
  type RateEntry,
} from '@/features/converter/money';
import { parseAmount } from '@/features/converter/parse-amount';

const rub: RateEntry = { code: 'RUB', name: 'Russian Ruble', nominal: 1, value: 1 };
const usd: RateEntry = { code: 'USD', name: 'US Dollar', nominal: 1, value: 78.9012 };
const eur: RateEntry = { code: 'EUR', name: 'Euro', nominal: 1, value: 91.2557 };
const jpy: RateEntry = { code: 'JPY', name: 'Japanese Yen', nominal: 100, value: 52.1234 };
const kwd: RateEntry = { code: 'KWD', name: 'Kuwaiti Dinar', nominal: 1, value: 256.7 };
const vnd: RateEntry = { code: 'VND', name: 'Vietnamese Dong', nominal: 10000, value: 30.8742 };

describe('money math', () => {
  it('converts through the base with decimal arithmetic', () => {
    // 100 USD = 7890.12 RUB = 7890.12 / 91.2557 EUR = 86.4617... EUR
    expect(convertRounded('100', usd, eur)).toBe('86.46');
    expect(convertRounded('100', usd, rub)).toBe('7890.12');
    expect(convertRounded('7890.12', rub, usd)).toBe('100.00');
    // JPY is quoted per 100 units and has no decimals
    expect(convertRounded('1', usd, jpy)).toBe('151');
    expect(convertRounded('1000', jpy, rub)).toBe('521.23');
  });

  it('rounds once, half-up, to the currency digits that Intl uses', () => {
    expect(currencyDigits('JPY')).toBe(0);
    expect(currencyDigits('USD')).toBe(2);
    expect(currencyDigits('KWD')).toBe(3);
    expect(roundRatio({ num: new Big('1.005'), den: new Big(1) }, 2)).toBe('1.01');
    expect(roundRatio({ num: new Big('2.675'), den: new Big(1) }, 2)).toBe('2.68');
    expect(roundRatio({ num: new Big('1.0049999999999999999999999'), den: new Big(1) }, 2)).toBe('1.00');
    // 1/3 and 2/3: remainder exactly checked, not a float guess
    expect(roundRatio({ num: new Big(1), den: new Big(3) }, 2)).toBe('0.33');
    expect(roundRatio({ num: new Big(2), den: new Big(3) }, 0)).toBe('1');
    // a quotient just below .5 after 20+ decimals still rounds down
    const den = new Big('3');
    const num = new Big('0.01499999999999999999999999').times(den);
    expect(roundRatio({ num, den }, 2)).toBe('0.01');
    expect(convertRounded('1', kwd, rub)).toBe('256.70');
    expect(convertRounded('1', rub, kwd)).toBe('0.004');
  });

  it('where floats go wrong, the converter does not', () => {
    const cent: RateEntry = { code: 'XTS', name: 't', nominal: 1, value: 1 };
    expect(convertRounded('0.1', cent, rub)).toBe('0.10');
    expect(roundRatio(convertExact('1.15', rub, { ...rub, code: 'X', value: 0.01 }), 0)).toBe('115');
    expect(formatAmount(convertRounded('1.005', rub, rub), 'RUB')).toBe('1.01');
  });

  it('formats amounts and rates', () => {
    expect(formatAmount('1234567.8', 'USD')).toBe('1,234,567.80');
    expect(formatAmount('1234567', 'JPY')).toBe('1,234,567');
    expect(formatTypedAmount('1.005', 'USD')).toBe('1.005');
    expect(formatTypedAmount('1234.5', 'USD')).toBe('1,234.50');
    // max(4 decimals, 6 significant digits)
    expect(formatRate(usd, rub)).toBe('78.9012');
    expect(formatRate(usd, eur)).toBe('0.864617');
    expect(formatRate(eur, usd)).toBe('1.15658');
    expect(formatRate(jpy, rub)).toBe('0.521234');
    expect(formatRate(vnd, rub)).toBe('0.00308742');
    expect(formatRate(rub, rub)).toBe('1.0000');
  });

  it("says how a rate moved, exactly, with a sign and the rates' precision", () => {
    expect(rateChange('0.8546', '0.8670')).toEqual({ direction: 'up', absolute: '+0.0124', percent: '+1.45%' });
    expect(rateChange('0.866551', '0.858177')).toEqual({
      direction: 'down',
      absolute: '\u22120.008374',
      percent: '\u22120.97%',
    });
    expect(rateChange('78.9012', '78.9012')).toEqual({ direction: 'none', absolute: '0.0000', percent: '0.00%' });
    // Floats would say 0.30000000000000004; half-up at the last digit: 0.125% -> 0.13%.
    expect(rateChange('0.1', '0.4').absolute).toBe('+0.3000');
    expect(rateChange('80', '80.1').percent).toBe('+0.13%');
    expect(rateChange('100.5', '90.25')).toMatchObject({ absolute: '\u221210.2500', percent: '\u221210.20%' });
  });

  it('writes axis labels with the same digits after the point', () => {
    expect([0.855, 0.86, 0.865].map((v) => formatAxisValue(v, 3))).toEqual(['0.855', '0.860', '0.865']);
    expect(formatAxisValue(12000, 0)).toBe('12,000');
    expect(formatAxisValue(0.1 + 0.2, 1)).toBe('0.3');
  });

  it('adds the base currency to the table, whatever the base is', () => {
    const table = buildRateTable({
      base: 'EUR',
      date: '2026-11-27',
      source: 'ECB',
      currencies: [{ code: 'USD', name: 'US Dollar', nominal: 1, value: 0.9 }],
    });
    expect(table.byCode.get('EUR')).toMatchObject({ nominal: 1, value: 1, name: 'Euro' });
    expect(table.currencies.map((c) => c.code)).toEqual(['EUR', 'USD']);
  });
});

const entry = fc.record({
  code: fc.constantFrom('USD', 'EUR', 'JPY', 'KWD', 'GBP', 'VND', 'RUB', 'CNY'),
  nominal: fc.constantFrom(1, 10, 100, 1000, 10000),
  value: fc.integer({ min: 1, max: 99_999_999 }).map((n) => Number((n / 10000).toFixed(4))),
});
const amount = fc
  .tuple(fc.integer({ min: 0, max: 999_999_999 }), fc.integer({ min: 0, max: 99 }))
  .map(([i, f]) => `${i}.${String(f).padStart(2, '0')}`);

describe('money math properties', () => {
  it('A -> B -> A returns the amount within display rounding', () => {
    fc.assert(
      fc.property(entry, entry, amount, (a, b, value) => {
        const from: RateEntry = { ...a, name: a.code };
        const to: RateEntry = { ...b, code: `${b.code}2`, name: b.code };
        const there = convertRounded(value, from, to);
        const back = new Big(roundRatio(convertExact(there, to, from), 10));
        // Rounding "there" to the target's digits moves the amount by at most half a target unit.
        const halfUnit = new Big(10).pow(-currencyDigits(to.code)).div(2);
        const bound = roundRatio(convertExact(halfUnit.toFixed(), to, from), 10);
        expect(back.minus(value).abs().lte(new Big(bound).plus('1e-10'))).toBe(true);
      }),
    );
  });

  it('never produces float artefacts: results are exact decimals with the currency digits', () => {
    fc.assert(
      fc.property(entry, entry, amount, (a, b, value) => {
        const result = convertRounded(value, { ...a, name: '' }, { ...b, name: '' });
        const digits = currencyDigits(b.code);
        expect(result).toMatch(digits ? new RegExp(`^\\d+\\.\\d{${digits}}$`) : /^\d+$/);
        expect(result).not.toMatch(/e/i);
      }),
    );
  });

  it('converting to the same currency returns the amount itself', () => {
    fc.assert(
      fc.property(entry, amount, (a, value) => {
        const e = { ...a, name: '' };
        expect(new Big(convertRounded(value, e, e)).eq(new Big(value).round(currencyDigits(a.code), 1))).toBe(true);
      }),
    );
  });
});

describe('parseAmount', () => {
  it.each([
    ['1,234.56', '1234.56'],
    ['1 234,56', '1234.56'],
    ['1\u00a0234,56', '1234.56'],
    ['1\u202f234,56', '1234.56'],
    ['1.234,56', '1234.56'],
    ["1'234.56", '1234.56'],
    ['1234.5', '1234.5'],
    ['12,345,678', '12345678'],
    ['1,5', '1.5'],
    ['1.5', '1.5'],
    ['1,234', '1234'],
    [',5', '0.5'],
    ['5,', '5'],
    ['  007.50 ', '7.5'],
    ['0', '0'],
    ['1000000000000', '1000000000000'],
  ])('reads %j as %s', (input, value) => {
    expect(parseAmount(input)).toEqual({ ok: true, value });
  });

  it('uses the page locale only for ambiguous input', () => {
    expect(parseAmount('1,234', 'ru-RU')).toEqual({ ok: true, value: '1.234' });
    expect(parseAmount('1.234', 'ru-RU')).toEqual({ ok: true, value: '1234' });
    expect(parseAmount('1.234', 'en-US')).toEqual({ ok: true, value: '1.234' });
    expect(parseAmount('1,5', 'ru-RU')).toEqual({ ok: true, value: '1.5' });
  });

  it.each([
    ['', 'empty', 'Enter an amount.'],
    ['   ', 'empty', 'Enter an amount.'],
    ['abc', 'letters', 'Use digits only, no letters.'],
    ['1e3', 'letters', 'Use digits only, no letters.'],
    ['-5', 'negative', 'The amount cannot be negative.'],
    ['-', 'negative', 'The amount cannot be negative.'],
    ['1000000000000.01', 'too-large', 'Too large: at most 1,000,000,000,000.'],
    ['$5', 'characters', 'Use digits, and “.” or “,” for decimals.'],
    ['1.2.3,4,5', 'format', 'Not a number: write it like 1,234.56.'],
    ['.', 'format', 'Not a number: write it like 1,234.56.'],
  ])('rejects %j (%s) with a message', (input, error, message) => {
    expect(parseAmount(input)).toEqual({ ok: false, error, message });
  });

  it('never throws and never returns a float artefact', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(..."0123456789.,  \u00a0-'e".split('')) }), (input) => {
        const result = parseAmount(input);
        if (result.ok) {
          expect(result.value).toMatch(/^(0|[1-9]\d*)(\.\d*[1-9])?$/);
          expect(new Big(result.value).lte('1e12')).toBe(true);
        } else expect(result.message.length).toBeGreaterThan(0);
      }),
    );
    fc.assert(fc.property(fc.string(), (input) => void parseAmount(input)));
  });

  it('reads back any amount written with grouping, in either style', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999_999 }), fc.integer({ min: 1, max: 99 }), (i, f) => {
        const fraction = String(f).padStart(2, '0');
        const expected = parseAmount(`${i}.${fraction}`);
        const en = `${i.toLocaleString('en-US')}.${fraction}`;
        const ru = `${i.toLocaleString('ru-RU')},${fraction}`;
        expect(parseAmount(en)).toEqual(expected);
        expect(parseAmount(ru)).toEqual(expected);
      }),
    );
  });
});
