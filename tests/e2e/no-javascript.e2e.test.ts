// Reading without JavaScript in Chromium (README: "Without JavaScript"): a reader with scripts off reads the feed,
// pages it, opens a story, turns its pages, searches and converts, all by links and GET forms the server answers.
// With scripts on, the same links are the app's (no page load) and a paged address still works.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEFAULT_PAGE_SIZE } from '@/contract/paging';
import { buildRateTable, convertRounded, formatAmount } from '@/features/converter/money';
import { articlesNewestFirst } from '../helpers/fixtures';
import { startAppServer, type AppServer } from './app-server';
import { setUpChromium } from './browser';

const { openPage } = setUpChromium();
const secondPage = articlesNewestFirst.slice(DEFAULT_PAGE_SIZE, 2 * DEFAULT_PAGE_SIZE);
const multiPage = articlesNewestFirst.find((a) => a.pages.length > 1)!;
const word = articlesNewestFirst[0]!.title.split(' ').find((w) => w.length > 5)!;

let app: AppServer;
beforeAll(async () => {
  app = await startAppServer(inject('distDir'));
});
afterAll(() => app.stop());

describe('without JavaScript', () => {
  it('reads the feed, follows "Older stories", opens a story, turns its pages, searches and converts', async () => {
    const { page, context, errors } = await openPage(undefined, { javaScript: false });
    await page.goto(app.url);
    await page.getByRole('link', { name: articlesNewestFirst[0]!.title, exact: true }).waitFor();

    await page.getByRole('link', { name: 'Older stories' }).click();
    await page.waitForURL(/\/\?before=/);
    await page.getByRole('link', { name: secondPage[0]!.title, exact: true }).waitFor();
    expect(await page.getByRole('link', { name: articlesNewestFirst[0]!.title, exact: true }).count()).toBe(0);

    // The story with pages, from the feed's page that lists it.
    if (!secondPage.includes(multiPage)) await page.getByRole('link', { name: 'Newest stories' }).click();
    await page.getByRole('link', { name: multiPage.title, exact: true }).click();
    await page.waitForURL(`**/news/${multiPage.id}`);
    await expect.poll(() => page.locator('h1').first().textContent()).toBe(multiPage.title);

    await page.getByRole('link', { name: 'Show more' }).click();
    await page.waitForURL(`**/news/${multiPage.id}?page=2`);
    await page.getByRole('heading', { name: `Page 2 of ${multiPage.pages.length}` }).waitFor();
    expect(await page.locator('main').textContent()).toContain(multiPage.pages[1]![0]!.slice(0, 40));

    await page.getByRole('searchbox', { name: 'Search news' }).fill(word);
    await page.getByRole('searchbox', { name: 'Search news' }).press('Enter');
    await page.waitForURL(`**/search?q=${word}`);
    await page
      .getByRole('link', { name: new RegExp(word) })
      .first()
      .waitFor();

    await page.goto(`${app.url}/converter`);
    const table = buildRateTable(await (await fetch(`${app.url}/api/rates`)).json());
    const [from, to] = [table.currencies[0]!, table.currencies[1]!];
    await page.getByRole('combobox', { name: 'From currency' }).fill(from.code);
    await page.getByRole('combobox', { name: 'To currency' }).fill(to.code);
    await page.getByRole('textbox', { name: 'Amount', exact: true }).fill('250');
    await page.getByRole('button', { name: 'Convert', exact: true }).click();
    await page.waitForURL(/\/converter\?.*amount=250/);
    await expect
      .poll(() => page.locator('.converter__summary').textContent())
      .toContain(`${formatAmount(convertRounded('250', from, to), to.code)} ${to.code}`);
    await page.getByRole('link', { name: /^Swap currencies/ }).click();
    await page.waitForURL(`**/converter?from=${to.code}&to=${from.code}&amount=250`);
    await expect
      .poll(() => page.locator('.converter__summary').textContent())
      .toContain(`${formatAmount(convertRounded('250', to, from), from.code)} ${from.code}`);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('the converter’s last pair', () => {
  it('chosen with scripts on, the same reader sees it with scripts off (their choices cookie)', async () => {
    const table = buildRateTable(await (await fetch(`${app.url}/api/rates`)).json());
    const [from, to] = [table.currencies[2]!, table.currencies[3]!];
    const { page, context, errors } = await openPage();
    // A link the reader opens is their latest conversion.
    await page.goto(`${app.url}/converter?from=${from.code}&to=${to.code}`);
    await page.waitForFunction((code) => decodeURIComponent(document.cookie).includes(`"ct":"${code}"`), to.code);
    expect(errors).toEqual([]);
    const later = await openPage(undefined, { javaScript: false });
    await later.context.addCookies(await context.cookies());
    await later.page.goto(`${app.url}/converter`);
    expect(await later.page.getByRole('combobox', { name: 'From currency' }).inputValue()).toBe(
      `${from.code} — ${from.name}`,
    );
    expect(await later.page.getByRole('combobox', { name: 'To currency' }).inputValue()).toBe(
      `${to.code} — ${to.name}`,
    );
    await context.close();
    await later.context.close();
  });
});

describe('with JavaScript', () => {
  it('a story’s link is followed by the app, without loading a page', async () => {
    const { page, context } = await openPage();
    await page.goto(app.url);
    await page.evaluate(() => ((window as unknown as { samePage: boolean }).samePage = true));
    await page.getByRole('link', { name: articlesNewestFirst[0]!.title, exact: true }).click();
    await page.waitForURL(`**/news/${articlesNewestFirst[0]!.id}`);
    await expect.poll(() => page.locator('h1').first().textContent()).toBe(articlesNewestFirst[0]!.title);
    expect(await page.evaluate(() => (window as unknown as { samePage?: boolean }).samePage)).toBe(true);
    await context.close();
  });

  it('an "Older stories" address opens the feed after its cursor, and the list goes on from there', async () => {
    const { page, context } = await openPage(undefined, { javaScript: false });
    await page.goto(app.url);
    const older = await page.getByRole('link', { name: 'Older stories' }).getAttribute('href');
    await context.close();

    const withScript = await openPage();
    await withScript.page.goto(`${app.url}${older}`);
    await withScript.page.getByRole('link', { name: secondPage[0]!.title, exact: true }).waitFor();
    // Scrolled to the end of the list, the next page comes by itself ("Show more news" is its button).
    await withScript.page.locator('.feed-more').scrollIntoViewIfNeeded();
    await withScript.page
      .getByRole('link', { name: articlesNewestFirst[2 * DEFAULT_PAGE_SIZE]!.title, exact: true })
      .waitFor();
    expect(await withScript.page.getByRole('link', { name: articlesNewestFirst[0]!.title, exact: true }).count()).toBe(
      0,
    );
    expect(withScript.errors).toEqual([]);
    await withScript.context.close();
  });
});
