import Big from 'big.js';
import { describe, expect, inject, it } from 'vitest';
import { loadRatesData } from '@/backend/embedded/rates-data';
import { expectNoAxeViolations, setUpChromium } from './browser';

const rates = loadRatesData('mock-data')!;
const last = rates.days[rates.days.length - 1]!;
const unit = (code: string) =>
  code === rates.base ? new Big(1) : new Big(String(last.values[code]!)).div(rates.currencyByCode.get(code)!.nominal);
const expected = (amount: string, from: string, to: string) =>
  new Big(amount).times(unit(from)).div(unit(to)).round(2, Big.roundHalfUp).toFixed(2);
const grouped = (plain: string) => plain.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
const baseURL = inject('baseURL');

const { openPage } = setUpChromium();

describe('Currency converter in Chromium', () => {
  it('converts both ways, swaps, adds a target, charts, survives a reload, with no axe violations', async () => {
    const { page, context, errors } = await openPage();
    await page.goto(`${baseURL}/converter`);
    const amount = page.getByRole('textbox', { name: 'Amount', exact: true });
    const result = page.getByRole('textbox', { name: 'Converted amount' });
    await amount.waitFor();

    // pick the pair with the searchable pickers
    const from = page.getByRole('combobox', { name: 'From currency' });
    await from.click();
    await from.fill('dollar');
    await page.getByRole('option', { name: /^USD US Dollar/ }).click();
    const to = page.getByRole('combobox', { name: 'To currency' });
    await to.click();
    await to.fill('eur');
    await to.press('Enter');
    await expect.poll(() => to.inputValue()).toBe('EUR — Euro');

    await amount.fill('1 234,56');
    await expect.poll(() => result.inputValue()).toBe(grouped(expected('1234.56', 'USD', 'EUR')));
    await expect.poll(() => new URL(page.url()).search).toBe('?from=USD&to=EUR&amount=1234.56');

    await result.fill('100');
    await expect.poll(() => amount.inputValue()).toBe(expected('100', 'EUR', 'USD'));

    await page.getByRole('button', { name: /^Swap currencies/ }).click();
    await expect.poll(() => from.inputValue()).toBe('EUR — Euro');
    await expect.poll(() => amount.inputValue()).toBe(expected('100', 'USD', 'EUR'));
    expect(await result.inputValue()).toBe('100.00'); // tidied on blur, no digit lost

    await page.getByRole('button', { name: 'Add currency' }).click();
    await page.getByRole('combobox', { name: 'Currency to add' }).fill('CNY');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByRole('status', { name: 'CNY amount' }).textContent())
      .toBe(grouped(expected('100', 'USD', 'CNY')));

    await page.getByRole('button', { name: '90 days' }).click();
    const chart = page.getByRole('img', { name: /^Chart: USD per 1 EUR/ });
    await chart.focus();
    await page.keyboard.press('Home');
    await expect.poll(() => page.locator('.rate-chart__readout').textContent()).toMatch(/^\w+ \d+, 202\d: 1 EUR = /);
    await chart.hover();
    await expectNoAxeViolations(page);

    await page.reload();
    await amount.waitFor();
    expect(await from.inputValue()).toBe('EUR — Euro');
    expect(await to.inputValue()).toBe('USD — US Dollar');
    expect(await result.inputValue()).toBe('100'); // the URL keeps the canonical amount
    expect(await page.getByRole('button', { name: '90 days' }).getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => page.getByRole('status', { name: 'CNY amount' }).count()).toBe(1);

    // a fresh visit (new device state) with the shared link gets the same pair
    const shared = page.url();
    const second = await openPage();
    await second.page.goto(shared);
    await second.page.getByRole('textbox', { name: 'Converted amount' }).waitFor();
    expect(await second.page.getByRole('combobox', { name: 'From currency' }).inputValue()).toBe('EUR — Euro');
    await second.context.close();

    expect(errors).toEqual([]);
    await context.close();
  });

  it('says how the rate changed over the period, by sign, arrow and colour, with round axis labels', async () => {
    const { page, context, errors } = await openPage();
    await page.goto(`${baseURL}/converter?from=USD&to=EUR&amount=100`);
    const cross = (day: (typeof rates.days)[number]) => new Big(String(day.values.USD)).div(String(day.values.EUR));
    const change = page.locator('.rate-change');
    for (const [period, days] of [
      ['30 days', 30],
      ['7 days', 7],
    ] as const) {
      const button = page.getByRole('button', { name: period });
      await button.focus();
      await page.keyboard.press('Enter');
      await change.getByText(new RegExp(`over ${period}$`)).waitFor();
      const cutoff = new Date(Date.parse(`${last.date}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
      const first = cross(rates.days.find((d) => d.date >= cutoff)!);
      const difference = cross(last).minus(first);
      const up = difference.gt(0);
      const text = (await change.textContent())!;
      expect(text).toMatch(up ? /^▲ \+\d+\.\d{4,} \(\+\d+\.\d\d%\) over/ : /^▼ −\d+\.\d{4,} \(−\d+\.\d\d%\) over/);
      const percent = Number(text.match(/(\d+\.\d\d)%/)![1]);
      expect(percent).toBeCloseTo(Math.abs(difference.div(first).times(100).toNumber()), 2);
      expect(await change.evaluate((el) => getComputedStyle(el).color)).toBe(
        up ? 'rgb(23, 105, 46)' : 'rgb(164, 22, 26)',
      );
      expect(await change.getAttribute('role')).toBe('status');
    }

    const chart = page.getByRole('img', { name: /^Chart: EUR per 1 USD/ });
    const labels = (await chart.locator('text').allTextContents()).filter((t) => /^[\d,.]+$/.test(t));
    expect(labels.length).toBeGreaterThanOrEqual(3);
    const decimals = labels[0]!.split('.')[1]?.length ?? 0;
    const units = labels.map((l) => Math.round(Number(l) * 10 ** decimals));
    expect(new Set(units.slice(1).map((u, i) => u - units[i]!)).size).toBe(1);
    await expectNoAxeViolations(page);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('remembers the pair and amount of the last conversion, chosen here or opened by link, for a bare address', async () => {
    const { page, context, errors } = await openPage();
    const amount = page.getByRole('textbox', { name: 'Amount', exact: true });
    const from = page.getByRole('combobox', { name: 'From currency' });
    const to = page.getByRole('combobox', { name: 'To currency' });
    const openFromNav = async () => {
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'All news' }).click();
      await page.getByRole('heading', { level: 1, name: 'All news' }).waitFor();
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Currency converter' }).click();
      await amount.waitFor();
      expect(new URL(page.url()).search).toBe('');
    };

    await page.goto(`${baseURL}/converter?from=USD&to=EUR&amount=100`);
    await amount.waitFor();
    await to.click();
    await to.fill('GBP');
    await to.press('Enter');
    await expect.poll(() => new URL(page.url()).search).toBe('?from=USD&to=GBP&amount=100');
    await openFromNav();
    expect([await from.inputValue(), await to.inputValue(), await amount.inputValue()]).toEqual([
      'USD — US Dollar',
      'GBP — British Pound',
      '100',
    ]);

    // a shared link is the reader's latest conversion too
    await page.goto(`${baseURL}/converter?from=CHF&to=JPY&amount=250`);
    await amount.waitFor();
    await openFromNav();
    expect([await from.inputValue(), await to.inputValue(), await amount.inputValue()]).toEqual([
      'CHF — Swiss Franc',
      'JPY — Japanese Yen',
      '250',
    ]);
    expect(errors).toEqual([]);
    await context.close();
  });

  for (const viewport of [
    { width: 1280, height: 900 },
    { width: 390, height: 844 },
  ]) {
    it(`shows no result while the amount is invalid, and its message moves nothing (${viewport.width} px)`, async () => {
      const { page, context, errors } = await openPage(viewport);
      await page.goto(`${baseURL}/converter?from=USD&to=RUB&amount=1000000`);
      const amount = page.getByRole('textbox', { name: 'Amount', exact: true });
      const result = page.getByRole('textbox', { name: 'Converted amount' });
      const summary = page.locator('.converter__summary');
      await expect
        .poll(() => summary.textContent())
        .toBe(`1,000,000.00 USD = ${grouped(expected('1000000', 'USD', 'RUB'))} RUB`);
      await page.evaluate(() => {
        const shifts: number[] = [];
        (window as unknown as { layoutShifts: number[] }).layoutShifts = shifts;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) shifts.push((entry as unknown as { value: number }).value);
        }).observe({ type: 'layout-shift' });
      });
      const below = page.getByRole('button', { name: /^Swap currencies/ });
      const before = await below.boundingBox();
      for (const [text, message] of [
        ['-5', 'The amount cannot be negative.'],
        ['abc', 'Use digits only, no letters.'],
        ['1.2.3,4,5', 'Not a number: write it like 1,234.56.'],
        ['2000000000000', 'Too large: at most 1,000,000,000,000.'],
        ['', 'Enter an amount.'],
      ] as const) {
        await amount.fill(text);
        await expect
          .poll(() =>
            amount.evaluate((el) => document.getElementById(el.getAttribute('aria-describedby')!)?.textContent),
          )
          .toBe(message);
        expect(await result.inputValue()).toBe('');
        expect(await summary.textContent()).toMatch(
          /^(No result: correct the amount to convert it|Enter an amount to convert)\.$/,
        );
        expect(await below.boundingBox()).toEqual(before);
      }
      // Chromium's own layout-shift records: the messages came and went without moving anything on the page.
      expect(await page.evaluate(() => (window as unknown as { layoutShifts: number[] }).layoutShifts)).toEqual([]);
      await amount.fill('5');
      await expect.poll(() => result.inputValue()).toBe(grouped(expected('5', 'USD', 'RUB')));
      expect(errors).toEqual([]);
      await context.close();
    });
  }

  it('shows the compact converter box on the feed after the news', async () => {
    const { page, context, errors } = await openPage();
    await page.goto(`${baseURL}/`);
    const box = page.getByRole('complementary', { name: 'Currency converter' });
    const amount = box.getByRole('textbox', { name: 'Amount to convert' });
    await amount.waitFor();
    await amount.fill('10');
    await expect.poll(() => box.locator('.converter-box__result').textContent()).toMatch(/^10\.00 \w{3} = /);
    const from = box.getByRole('combobox', { name: 'From' });
    const to = box.getByRole('combobox', { name: 'To' });
    const [before, after] = [await from.inputValue(), await to.inputValue()];
    await box.getByRole('button', { name: /^Swap currencies/ }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => from.inputValue()).toBe(after);
    expect(await to.inputValue()).toBe(before);
    await expectNoAxeViolations(page);
    await box.getByRole('link', { name: 'Open the full converter' }).click();
    await page.getByRole('heading', { level: 1, name: 'Currency converter' }).waitFor();
    expect(await page.getByRole('textbox', { name: 'Amount', exact: true }).inputValue()).toBe('10');
    expect(errors).toEqual([]);
    await context.close();
  });
});
