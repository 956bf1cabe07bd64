import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { readDataFolder } from '@/backend/embedded/news-data';
import { topicName } from '../helpers/fixtures';
import { testApiFor } from '../helpers/test-api';
import { expectNoAxeViolations, setUpChromium } from './browser';

const api = await testApiFor(readDataFolder('mock-data'));
const baseURL = inject('baseURL');

interface Results {
  items: { id: string; title: string; topics: string[] }[];
  total: number;
  suggestion?: string | null;
}
const search = async (params: Record<string, string>) =>
  (await api.get('/search', { ...params, limit: '50' })).body as Results;

const resultTitles = (page: Page) => page.locator('ol.search-results h2').allTextContents();
const status = (page: Page) => page.getByRole('status').filter({ hasText: /results? for|Searching/ });

const { openPage } = setUpChromium();

describe('search that understands typos, in Chromium', () => {
  it('lists the "government" stories first for "goverment", and the look-alike "movement" only after them', async () => {
    const { page, errors } = await openPage();
    const government = await search({ q: 'government' });
    const typo = await search({ q: 'goverment' });
    expect(typo.total).toBeGreaterThan(government.total); // a farther look-alike ("movement") is found too

    await page.goto(`${baseURL}/search`);
    await page.getByRole('searchbox', { name: 'Search the archive' }).fill('goverment');
    await status(page)
      .getByText(`${typo.total} results. Showing results for “government” — search instead for “goverment”`)
      .waitFor();
    const titles = await resultTitles(page);
    expect(titles).toEqual(typo.items.map((i) => i.title));
    expect(new Set(titles.slice(0, government.total))).toEqual(new Set(government.items.map((i) => i.title)));
    // The first result's highlighted words are the corrected word, as the reader would spell it.
    const firstMarks = await page.locator('ol.search-results > li').first().locator('mark').allTextContents();
    expect(firstMarks.length).toBeGreaterThan(0);
    for (const mark of firstMarks) expect(mark.toLowerCase()).toBe('government');
    expect(errors).toEqual([]);
  });

  it('offers “Did you mean …?” for a search that finds nothing, and the correction keeps the filters', async () => {
    const { page, errors } = await openPage();
    const corrected = await search({ q: 'central bank' });
    const topic = corrected.items[0]!.topics[0]!;
    const withTopic = await search({ q: 'central bank', topics: topic });
    expect(await search({ q: 'central bnk', topics: topic })).toMatchObject({ total: 0, suggestion: 'central bank' });

    await page.goto(`${baseURL}/search?q=central+bnk&topics=${topic}`);
    await status(page)
      .getByText(`0 results for “central bnk” in ${topicName(topic)}. Did you mean “central bank”?`)
      .waitFor();
    // Said once on screen: the status line, not again below it.
    expect(
      await page
        .getByText(/Did you mean/)
        .filter({ visible: true })
        .count(),
    ).toBe(1);
    expect(
      await page
        .getByText(/0 results|No results/)
        .filter({ visible: true })
        .count(),
    ).toBe(1);
    await expectNoAxeViolations(page);
    const link = page.getByRole('link', { name: 'central bank', exact: true });
    await link.focus();
    await page.keyboard.press('Enter');

    await status(page)
      .getByText(new RegExp(`^${withTopic.total} results? for “central bank”$`))
      .waitFor();
    const url = new URL(page.url());
    expect(Object.fromEntries(url.searchParams)).toEqual({ q: 'central bank', topics: topic });
    expect(await resultTitles(page)).toEqual(withTopic.items.map((i) => i.title));
    expect(await page.getByText(/Did you mean/).count()).toBe(0);

    // Only the search that found something is remembered.
    await page.goto(`${baseURL}/search`);
    const recent = page.getByRole('region', { name: 'Recent searches' });
    await recent.getByRole('link', { name: 'central bank' }).waitFor();
    expect(await recent.getByRole('link').allTextContents()).toEqual(['central bank']);
    expect(errors).toEqual([]);
  });
});
