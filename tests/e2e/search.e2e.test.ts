import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { readDataFolder } from '@/backend/embedded/news-data';
import { testApiFor } from '../helpers/test-api';
import { expectNoAxeViolations, setUpChromium } from './browser';

const data = readDataFolder('mock-data');
const api = await testApiFor(data);
const topicName = (id: string) => data.topics.find((t) => t.id === id)!.name;
const baseURL = inject('baseURL');

interface Results {
  items: { id: string; title: string; topics: string[] }[];
  total: number;
}
const search = async (params: Record<string, string>) =>
  (await api.get('/search', { ...params, limit: '50' })).body as Results;

const resultTitles = (page: Page) => page.locator('ol.search-results h2').allTextContents();
const status = (page: Page) => page.getByRole('status').filter({ hasText: /results? for|Searching/ });

const { openPage } = setUpChromium();

describe('search journey in Chromium', () => {
  it('searches from the header, filters by topic, opens a result and finds the search again with Back', async () => {
    const { page, errors } = await openPage();
    await page.goto(baseURL);
    await page.getByRole('heading', { level: 1, name: 'All news' }).waitFor();

    // "/" jumps to the header's search box from anywhere.
    await page.keyboard.press('/');
    const header = page.getByRole('searchbox', { name: 'Search news' });
    await expect.poll(() => header.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('satellite');
    await page.keyboard.press('Enter');

    await page.getByRole('heading', { level: 1, name: 'News Search' }).waitFor();
    const all = await search({ q: 'satellite' });
    await status(page).getByText(`${all.total} results for “satellite”`).waitFor();
    expect(await resultTitles(page)).toEqual(all.items.map((i) => i.title));
    expect(await page.locator('ol.search-results mark').count()).toBeGreaterThan(0);
    await expect.poll(() => page.title()).toBe('Search: satellite — Agency News');
    await expectNoAxeViolations(page);

    // Keep typing in the view's own box: results follow after a pause.
    const box = page.getByRole('searchbox', { name: 'Search the archive' });
    await box.fill('satellite orbit');
    const narrowed = await search({ q: 'satellite orbit' });
    await status(page).getByText(`${narrowed.total} results for “satellite orbit”`).waitFor();
    expect(new URL(page.url()).searchParams.get('q')).toBe('satellite orbit');

    // Filter by a topic.
    const topic = narrowed.items[0]!.topics[0]!;
    await page.getByRole('button', { name: 'Filters', exact: true }).click();
    await page.getByRole('checkbox', { name: topicName(topic) }).check();
    const filtered = await search({ q: 'satellite orbit', topics: topic });
    await expect.poll(() => new URL(page.url()).searchParams.get('topics')).toBe(topic);
    await status(page)
      .getByText(new RegExp(`^${filtered.total} results? for “satellite orbit”$`))
      .waitFor();
    expect(await resultTitles(page)).toEqual(filtered.items.map((i) => i.title));
    const searchUrl = page.url();
    await expectNoAxeViolations(page);

    // Open a result, then come back.
    const chosen = filtered.items[0]!;
    await page.getByRole('link', { name: chosen.title }).click();
    await page.getByRole('heading', { level: 1, name: chosen.title }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/news/${chosen.id}`);

    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'News Search' }).waitFor();
    expect(page.url()).toBe(searchUrl);
    await expect.poll(() => box.inputValue()).toBe('satellite orbit');
    await page.getByRole('button', { name: 'Filters (1)' }).click();
    expect(await page.getByRole('checkbox', { name: topicName(topic) }).isChecked()).toBe(true);
    await status(page)
      .getByText(new RegExp(`^${filtered.total} results? for “satellite orbit”$`))
      .waitFor();
    // The story just opened now says it has been read.
    expect(await resultTitles(page)).toEqual(filtered.items.map((i, n) => (n === 0 ? `${i.title} (read)` : i.title)));

    expect(errors).toEqual([]);
  });

  it('shows recent searches and a clear no-results state without accessibility violations', async () => {
    const { page, errors } = await openPage();
    await page.goto(`${baseURL}/search?q=grain`);
    await status(page)
      .getByText(`${(await search({ q: 'grain' })).total} results for “grain”`)
      .waitFor();

    await page.goto(`${baseURL}/search`);
    const recent = page.getByRole('region', { name: 'Recent searches' });
    await recent.getByRole('link', { name: 'grain' }).waitFor();
    await expect.poll(() => page.title()).toBe('News Search — Agency News');
    await expectNoAxeViolations(page);

    await page.goto(`${baseURL}/search?q=qwertyuiop&topics=sports`);
    await status(page).getByText('0 results for “qwertyuiop” in Sports').waitFor();
    await page.getByRole('button', { name: 'Remove topic “Sports”' }).waitFor();
    await expectNoAxeViolations(page);

    await page.goto(`${baseURL}/search?q=grain&from=2026-11-25&to=2026-11-20`);
    await page
      .getByRole('alert')
      .getByText(/is after the end date/)
      .waitFor();
    await expectNoAxeViolations(page);
    expect(errors).toEqual([]);
  });
});
