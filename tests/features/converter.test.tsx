import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import Big from 'big.js';
import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadRatesData } from '@/backend/embedded/rates-data';
import { formatDayKey as formatRateDay } from '@/contract/day-key';
import { CONVERTER_STORAGE_KEY, useConverterStore } from '@/stores/converter-store';
import { importRates } from '@/tools/import-rates';
import { apiHandler } from '../helpers/api-handler';
import { sampleData } from '../helpers/fixtures';
import { server } from '../helpers/msw-server';
import { renderApp } from '../helpers/render-app';
import { testApiFor } from '../helpers/test-api';

const rates = sampleData.rates!;
const lastDay = rates.days[rates.days.length - 1]!;
const unit = (code: string) =>
  code === rates.base
    ? new Big(1)
    : new Big(String(lastDay.values[code]!)).div(rates.currencyByCode.get(code)!.nominal);
/** Expected display value, computed independently: amount × unit(from) / unit(to), half-up to `dp`. */
const expected = (amount: string, from: string, to: string, dp: number) =>
  new Big(amount).times(unit(from)).div(unit(to)).round(dp, Big.roundHalfUp).toFixed(dp);
const grouped = (plain: string) => {
  const [i, f] = plain.split('.');
  return `${i!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${f ? `.${f}` : ''}`;
};

async function openConverter(url = '/converter?from=USD&to=EUR&amount=100') {
  const app = renderApp(url);
  const amount = await screen.findByRole('textbox', { name: 'Amount' });
  const result = screen.getByRole('textbox', { name: 'Converted amount' });
  return { ...app, amount, result };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('Currency converter', () => {
  it('converts with the latest official rate and shows its date, source and both rate lines', async () => {
    const { amount, result } = await openConverter();
    expect(amount).toHaveValue('100');
    expect(result).toHaveValue(grouped(expected('100', 'USD', 'EUR', 2)));
    expect(screen.getByRole('combobox', { name: 'From currency' })).toHaveValue('USD — US Dollar');
    expect(screen.getByRole('combobox', { name: 'To currency' })).toHaveValue('EUR — Euro');
    expect(screen.getByText(`Official rate on ${formatRateDay(lastDay.date)} · ${rates.source}`)).toBeInTheDocument();
    const rate = new Big(unit('USD')).div(unit('EUR'));
    expect(screen.getByText(new RegExp(`^1 USD = ${rate.toFixed(6).slice(0, 6)}\\d* EUR$`))).toBeInTheDocument();
    expect(screen.getByText(/^1 EUR = \d+\.\d{4,} USD$/)).toBeInTheDocument();
  });

  it('recomputes the other field from whichever field was edited last', async () => {
    const { amount, result, user } = await openConverter();
    await user.clear(amount);
    await user.type(amount, '1 234,5');
    expect(result).toHaveValue(grouped(expected('1234.5', 'USD', 'EUR', 2)));

    await user.clear(result);
    await user.type(result, '50');
    expect(amount).toHaveValue(grouped(expected('50', 'EUR', 'USD', 2)));
    expect(result).toHaveValue('50'); // the field being typed in is never rewritten
  });

  it('explains bad input beside the field and shows no result until the amount is usable again', async () => {
    const { amount, result, user } = await openConverter('/converter?from=USD&to=EUR&amount=100&targets=CNY');
    const good = grouped(expected('100', 'USD', 'EUR', 2));
    const summary = screen.getByText((_, element) => element?.classList.contains('converter__summary') ?? false);
    expect(summary).toHaveTextContent(`100.00 USD = ${good} EUR`);
    for (const [text, message] of [
      ['12a', 'Use digits only, no letters.'],
      ['abc', 'Use digits only, no letters.'],
      ['-5', 'The amount cannot be negative.'],
      ['2000000000000', 'Too large: at most 1,000,000,000,000.'],
    ] as const) {
      await user.clear(amount);
      await user.paste(text);
      expect(amount).toHaveAccessibleDescription(message);
      expect(amount).toHaveAttribute('aria-invalid', 'true');
      expect(result).toHaveValue('');
      expect(summary).toHaveTextContent('No result: correct the amount to convert it.');
      expect(screen.getByRole('status', { name: 'CNY amount' })).toHaveTextContent('—');
      expect(screen.getByRole('button', { name: 'Copy the EUR amount' })).toBeDisabled();
    }
    await user.clear(amount);
    expect(amount).toHaveAccessibleDescription('Enter an amount.');
    expect(result).toHaveValue('');
    expect(summary).toHaveTextContent('Enter an amount to convert.');
    await user.type(amount, '100');
    expect(result).toHaveValue(good);
    expect(summary).toHaveTextContent(`100.00 USD = ${good} EUR`);
  });

  it('rounds to each currency’s usual digits (JPY has none) and handles the base on either side', async () => {
    const { amount, result } = await openConverter(`/converter?from=${rates.base}&to=JPY&amount=1000`);
    expect(amount).toHaveValue('1000');
    expect(result).toHaveValue(grouped(expected('1000', rates.base, 'JPY', 0)));
  });

  it('swaps the currencies and keeps the amount in the edited field', async () => {
    const { amount, result, user, location } = await openConverter();
    await user.click(screen.getByRole('button', { name: /^Swap currencies/ }));
    expect(screen.getByRole('combobox', { name: 'From currency' })).toHaveValue('EUR — Euro');
    expect(amount).toHaveValue('100');
    expect(result).toHaveValue(grouped(expected('100', 'EUR', 'USD', 2)));
    await waitFor(() => expect(location.current?.search).toBe('?from=EUR&to=USD&amount=100'));
  });

  it('swaps with the keyboard alone, keeping focus on Swap', async () => {
    const { amount, result, user } = await openConverter();
    const swap = screen.getByRole('button', { name: 'Swap currencies: convert EUR to USD' });
    swap.focus();
    await user.keyboard('{Enter}');
    expect(screen.getByRole('combobox', { name: 'From currency' })).toHaveValue('EUR — Euro');
    expect(screen.getByRole('combobox', { name: 'To currency' })).toHaveValue('USD — US Dollar');
    expect(result).toHaveValue(grouped(expected('100', 'EUR', 'USD', 2)));
    expect(swap).toHaveFocus();
    expect(swap).toHaveAccessibleName('Swap currencies: convert USD to EUR');
    await user.keyboard(' ');
    expect(screen.getByRole('combobox', { name: 'From currency' })).toHaveValue('USD — US Dollar');
    expect(amount).toHaveValue('100');
    expect(result).toHaveValue(grouped(expected('100', 'USD', 'EUR', 2)));
  });

  it('finds currencies by code or by name in the pickers', async () => {
    const { result, user } = await openConverter();
    const to = screen.getByRole('combobox', { name: 'To currency' });
    await user.clear(to);
    await user.type(to, 'yen');
    expect(to).toHaveAttribute('aria-expanded', 'true');
    const options = within(screen.getByRole('listbox', { name: 'To currency' })).getAllByRole('option');
    expect(options[0]).toHaveTextContent('JPY Japanese Yen');
    await user.keyboard('{Enter}');
    expect(to).toHaveValue('JPY — Japanese Yen');
    expect(to).toHaveAttribute('aria-expanded', 'false');
    expect(result).toHaveValue(grouped(expected('100', 'USD', 'JPY', 0)));

    await user.clear(to);
    await user.type(to, 'gb');
    await user.click(screen.getByRole('option', { name: /British Pound/ }));
    expect(to).toHaveValue('GBP — British Pound');

    await user.clear(to);
    await user.type(to, 'zzz');
    expect(screen.getByText('No currency matches “zzz”.')).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(to).toHaveValue('GBP — British Pound');
  });

  it('picks a currency with the keyboard alone', async () => {
    const { user } = await openConverter();
    const from = screen.getByRole('combobox', { name: 'From currency' });
    from.focus();
    await user.keyboard('{ArrowDown}');
    expect(from).toHaveAttribute('aria-expanded', 'true');
    const selected = screen.getByRole('option', { selected: true });
    expect(from).toHaveAttribute('aria-activedescendant', selected.id);
    expect(selected).toHaveTextContent(/^USD US Dollar/);
    await user.keyboard('{ArrowDown}');
    const next = within(screen.getByRole('listbox', { name: 'From currency' })).getAllByRole('option');
    const index = next.findIndex((o) => o.id === from.getAttribute('aria-activedescendant'));
    expect(next[index - 1]).toBe(selected);
    const code = next[index]!.textContent!.slice(0, 3);
    await user.keyboard('{Enter}');
    expect(from).toHaveValue(`${code} — ${rates.currencyByCode.get(code)!.name}`);
    await user.keyboard('{ArrowDown}{Escape}');
    expect(from).toHaveAttribute('aria-expanded', 'false');
    expect(from).toHaveValue(`${code} — ${rates.currencyByCode.get(code)!.name}`);
  });

  it('shows several target currencies, pins favourites first and removes targets', async () => {
    const { user, location } = await openConverter();
    for (const search of ['CNY', 'GBP']) {
      await user.click(screen.getByRole('button', { name: 'Add currency' }));
      const picker = screen.getByRole('combobox', { name: 'Currency to add' });
      expect(picker).toHaveFocus();
      await user.type(picker, search);
      await user.keyboard('{Enter}');
    }
    const list = () =>
      within(screen.getByRole('region', { name: 'More currencies' }))
        .queryAllByRole('listitem')
        .map((li) => li.querySelector('strong')?.textContent);
    expect(list()).toEqual(['CNY', 'GBP']);
    expect(screen.getByRole('status', { name: 'GBP amount' })).toHaveTextContent(
      grouped(expected('100', 'USD', 'GBP', 2)),
    );
    await waitFor(() => expect(location.current?.search).toContain('targets=CNY%2CGBP'));

    await user.click(screen.getByRole('button', { name: 'Favourite GBP' }));
    expect(screen.getByRole('button', { name: 'Favourite GBP' })).toHaveAttribute('aria-pressed', 'true');
    expect(list()).toEqual(['GBP', 'CNY']);
    // favourites come first in every picker
    const from = screen.getByRole('combobox', { name: 'From currency' });
    await user.click(from);
    expect(within(screen.getByRole('listbox', { name: 'From currency' })).getAllByRole('option')[0]).toHaveTextContent(
      /^GBP British Pound/,
    );
    await user.keyboard('{Escape}');

    await user.click(screen.getByRole('button', { name: 'Remove CNY' }));
    expect(list()).toEqual(['GBP']);
  });

  it('copies a result with one click, and says so when copying is not possible', async () => {
    const { user, result } = await openConverter();
    await user.click(screen.getByRole('button', { name: 'Copy the EUR amount' }));
    expect(await navigator.clipboard.readText()).toBe(grouped(expected('100', 'USD', 'EUR', 2)));
    expect(screen.getByText(`Copied ${(result as HTMLInputElement).value}`)).toBeInTheDocument();

    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new Error('denied'));
    await user.click(screen.getByRole('button', { name: 'Copy the EUR amount' }));
    expect(await screen.findByText(/^Copying is not available here: select/)).toBeInTheDocument();
  });

  it('takes the pair from the URL over what was kept on the device, and writes changes back', async () => {
    useConverterStore.setState({ from: 'CHF', to: 'TRY', amount: '5', side: 'from' });
    const { amount, result, user, location } = await openConverter('/converter?from=gbp&to=CNY&amount=250');
    expect(screen.getByRole('combobox', { name: 'From currency' })).toHaveValue('GBP — British Pound');
    expect(amount).toHaveValue('250');
    expect(result).toHaveValue(grouped(expected('250', 'GBP', 'CNY', 2)));
    await user.clear(result);
    await user.type(result, '10');
    await waitFor(() => expect(location.current?.search).toBe('?from=GBP&to=CNY&toAmount=10'));
  });

  it('says what was wrong with a link it cannot use in full', async () => {
    await openConverter('/converter?from=US1&to=XYZ&amount=100');
    expect(screen.getByText(/The link could not be used in full: “US1” is not a currency code/)).toBeInTheDocument();
    expect(screen.getByText('XYZ is not in the current rates, so it is not shown.')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Converted amount' })).not.toHaveValue('');
  });

  it('keeps the pair, amount and targets on the device', async () => {
    const { user, amount, unmount } = await openConverter('/converter?from=USD&to=CNY&amount=100');
    await user.clear(amount);
    await user.type(amount, '42');
    unmount();
    const stored = JSON.parse(localStorage.getItem(CONVERTER_STORAGE_KEY)!);
    expect(stored.state).toMatchObject({ from: 'USD', to: 'CNY', amount: '42', side: 'from' });
    const again = await openConverter('/converter');
    expect(again.amount).toHaveValue('42');
    expect(screen.getByRole('combobox', { name: 'To currency' })).toHaveValue('CNY — Chinese Yuan');
  });

  it('starts a bare address from the pair and amount of the last link the reader opened', async () => {
    useConverterStore.setState({ from: 'USD', to: 'EUR', amount: '100', side: 'from' });
    const { user } = await openConverter('/converter?from=USD&to=GBP&toAmount=250');
    expect(screen.getByRole('combobox', { name: 'To currency' })).toHaveValue('GBP — British Pound');
    await user.click(screen.getByRole('link', { name: 'Currency converter' }));
    expect(screen.getByRole('textbox', { name: 'Converted amount' })).toHaveValue('250');
    expect(screen.getByRole('combobox', { name: 'From currency' })).toHaveValue('USD — US Dollar');
    expect(screen.getByRole('combobox', { name: 'To currency' })).toHaveValue('GBP — British Pound');
    expect(JSON.parse(localStorage.getItem(CONVERTER_STORAGE_KEY)!).state).toMatchObject({
      from: 'USD',
      to: 'GBP',
      amount: '250',
      side: 'to',
    });
  });

  it('warns when the rates are more than 3 days old', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const rateDay = new Date(`${lastDay.date}T12:00:00Z`);
    vi.setSystemTime(new Date(rateDay.getTime() + 3 * 86_400_000));
    const first = await openConverter();
    expect(screen.queryByText(/these rates may be out of date/)).not.toBeInTheDocument();
    first.unmount();

    vi.setSystemTime(new Date(rateDay.getTime() + 4 * 86_400_000));
    await openConverter();
    expect(screen.getByText('Warning: these rates may be out of date.')).toBeVisible();
    expect(screen.getByText(/4 days ago/)).toBeInTheDocument();
  });

  it('charts the pair over a chosen period, readable by keyboard and as a table', async () => {
    const { user } = await openConverter();
    const chart = await screen.findByRole('img', { name: /^Chart: EUR per 1 USD/ });
    expect(screen.getByRole('button', { name: '30 days' })).toHaveAttribute('aria-pressed', 'true');
    const readout = () => chart.closest('figure')!.querySelector('figcaption')!.textContent;
    expect(readout()).toMatch(new RegExp(`^${formatRateDay(lastDay.date)}: 1 USD = [\\d.]+ EUR$`));
    chart.focus();
    await user.keyboard('{ArrowLeft}');
    const previous = rates.days[rates.days.length - 2]!;
    const rate = new Big(String(previous.values.USD)).div(String(previous.values.EUR));
    expect(readout()).toBe(`${formatRateDay(previous.date)}: 1 USD = ${rate.round(6, Big.roundHalfUp).toFixed(6)} EUR`);
    await user.keyboard('{Home}');
    expect(readout()).toMatch(/^(October|November) \d+, 2026/);

    await user.click(screen.getByRole('button', { name: '7 days' }));
    expect(screen.getByRole('button', { name: '7 days' })).toHaveAttribute('aria-pressed', 'true');
    await user.click(await screen.findByText('Show the values as a table'));
    const table = screen.getByRole('table', { name: /^EUR per 1 USD/ });
    const cutoff = new Date(Date.parse(`${lastDay.date}T00:00:00Z`) - 7 * 86_400_000).toISOString().slice(0, 10);
    const inRange = rates.days.filter((d) => d.date >= cutoff);
    expect(within(table).getAllByRole('row')).toHaveLength(inRange.length + 1);
    expect(screen.getByRole('img', { name: /^Chart: EUR per 1 USD/ })).toBeInTheDocument();
  });

  it('says how the rate changed over the chosen period, in words and signs as well as colour', async () => {
    const { user } = await openConverter();
    await screen.findByRole('img', { name: /^Chart: EUR per 1 USD/ });
    const cross = (day: (typeof rates.days)[number]) => new Big(String(day.values.USD)).div(String(day.values.EUR));
    for (const [button, days] of [
      ['30 days', 30],
      ['7 days', 7],
    ] as const) {
      await user.click(screen.getByRole('button', { name: button }));
      const cutoff = new Date(Date.parse(`${lastDay.date}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
      const first = cross(rates.days.find((d) => d.date >= cutoff)!);
      const change = cross(lastDay).minus(first);
      const status = await screen.findByText(new RegExp(`over ${button}$`));
      const [, sign, absolute, percentSign, percent] = status.textContent!.match(
        /^. ([+−]?)(\d+\.\d+) \(([+−]?)(\d+\.\d\d)%\) over/,
      )!;
      expect(sign).toBe(change.gt(0) ? '+' : change.lt(0) ? '−' : '');
      expect(percentSign).toBe(sign);
      expect(Math.abs(Number(absolute) - Math.abs(change.toNumber()))).toBeLessThan(1e-6);
      expect(Number(percent)).toBeCloseTo(Math.abs(change.div(first).times(100).toNumber()), 2);
      expect(status).toHaveAttribute('role', 'status');
      expect(status).toHaveClass(change.gt(0) ? 'rate-change--up' : 'rate-change--down');
    }
  });

  it('labels the rate axis in round steps', async () => {
    await openConverter();
    const chart = await screen.findByRole('img', { name: /^Chart: EUR per 1 USD/ });
    const labels = [...chart.querySelectorAll('text')].map((t) => t.textContent!).filter((t) => /^[\d,.]+$/.test(t));
    expect(labels.length).toBeGreaterThanOrEqual(3);
    const decimals = labels[0]!.split('.')[1]?.length ?? 0;
    expect(decimals).toBeLessThanOrEqual(4);
    for (const label of labels) expect(label.split('.')[1]?.length ?? 0).toBe(decimals);
    const units = labels.map((l) => Math.round(Number(l.replace(/,/g, '')) * 10 ** decimals));
    const steps = new Set(units.slice(1).map((u, i) => u - units[i]!));
    expect(steps.size).toBe(1);
    expect([1, 2, 5]).toContain(Number(String([...steps][0]).replace(/0+$/, '')));
  });

  it('reads the value under the pointer', async () => {
    await openConverter();
    const chart = await screen.findByRole('img', { name: /^Chart: EUR per 1 USD/ });
    vi.spyOn(chart, 'getBoundingClientRect').mockReturnValue({ left: 0, width: 640 } as DOMRect);
    fireEvent.pointerMove(chart, { clientX: 0 });
    const cutoff = new Date(Date.parse(`${lastDay.date}T00:00:00Z`) - 30 * 86_400_000).toISOString().slice(0, 10);
    const firstInRange = rates.days.find((d) => d.date >= cutoff)!;
    expect(chart.closest('figure')!.querySelector('figcaption')).toHaveTextContent(
      new RegExp(`^${formatRateDay(firstInRange.date)}: 1 USD = `),
    );
  });

  it('works on any rates file: an ECB-style file with base EUR', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ecb-'));
    const fixtures = path.resolve(__dirname, '../fixtures/rates');
    await importRates([path.join(fixtures, 'ecb-hist.xml'), path.join(fixtures, 'ecb-daily.xml')], dir);
    const ecb = loadRatesData(dir)!;
    const api = await testApiFor({ ...sampleData, rates: ecb });
    server.use(apiHandler(() => api));
    const { amount, result } = await openConverter('/converter?from=USD&to=EUR&amount=100');
    const usd = ecb.days.at(-1)!.values.USD!;
    expect(amount).toHaveValue('100');
    expect(result).toHaveValue(new Big(100).times(String(usd)).round(2, Big.roundHalfUp).toFixed(2));
    expect(screen.getByText(/^Cross rates are calculated from the official rates against EUR\./)).toBeInTheDocument();
    const from = screen.getByRole('combobox', { name: 'From currency' });
    expect(from).toHaveValue('USD — US Dollar');
  });

  it('says when the rates cannot be loaded, and tries again', async () => {
    server.use(
      http.get('*/api/rates', () => HttpResponse.json({ error: { code: 'x', message: 'Boom.' } }, { status: 500 })),
    );
    const { user } = renderApp('/converter');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The exchange rates could not be loaded. The news service has a problem on its side.',
    );
    server.resetHandlers();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('textbox', { name: 'Amount' })).toBeInTheDocument();
  });
});

describe('Converter box on the feed', () => {
  it('says when the rates cannot be loaded, without disturbing the feed', async () => {
    server.use(
      http.get('*/api/rates', () => HttpResponse.json({ error: { code: 'x', message: 'Down.' } }, { status: 503 })),
    );
    renderApp('/');
    // Its code loads after the feed has painted (a cold import under the test runner can take a few seconds).
    const box = await screen.findByRole('complementary', { name: 'Currency converter' }, { timeout: 5000 });
    expect(await within(box).findByRole('alert')).toHaveTextContent('The exchange rates could not be loaded.');
    expect(within(box).getByRole('button', { name: 'Try again' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'All news' })).toBeInTheDocument();
  });

  it('swaps its two currencies, by keyboard too', async () => {
    useConverterStore.setState({ from: 'USD', to: 'EUR', amount: '10', side: 'from' });
    const { user } = renderApp('/');
    const box = await screen.findByRole('complementary', { name: 'Currency converter' });
    const swap = await within(box).findByRole('button', { name: 'Swap currencies: convert EUR to USD' });
    swap.focus();
    await user.keyboard('{Enter}');
    expect(within(box).getByRole('combobox', { name: 'From' })).toHaveValue('EUR — Euro');
    expect(within(box).getByRole('combobox', { name: 'To' })).toHaveValue('USD — US Dollar');
    expect(within(box).getByText(`${grouped(expected('10', 'EUR', 'USD', 2))} USD`)).toBeInTheDocument();
    expect(swap).toHaveFocus();
  });

  it('appears after the feed and converts, linking to the full converter', async () => {
    useConverterStore.setState({ from: 'USD', to: rates.base, amount: '10', side: 'from' });
    const { user, location } = renderApp('/');
    const box = await screen.findByRole('complementary', { name: 'Currency converter' });
    const amount = await within(box).findByRole('textbox', { name: 'Amount to convert' });
    await user.clear(amount);
    await user.type(amount, '20');
    expect(within(box).getByText(`${grouped(expected('20', 'USD', rates.base, 2))} ${rates.base}`)).toBeInTheDocument();
    const link = within(box).getByRole('link', { name: 'Open the full converter' });
    expect(link).toHaveAttribute('href', `/converter?from=USD&to=${rates.base}&amount=20`);
    await user.click(link);
    expect(await screen.findByRole('textbox', { name: 'Amount' })).toHaveValue('20');
    expect(location.current?.pathname).toBe('/converter');
  });
});
