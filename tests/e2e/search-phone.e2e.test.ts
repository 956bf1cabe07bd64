import { describe, expect, inject, it } from 'vitest';
import { readDataFolder } from '@/backend/embedded/news-data';
import { testApiFor } from '../helpers/test-api';
import { expectNoAxeViolations, setUpChromium } from './browser';

const data = readDataFolder('mock-data');
const api = await testApiFor(data);
const baseURL = inject('baseURL');
const total = async (q: string) => ((await api.get('/search', { q })).body as { total: number }).total;

const { openPage } = setUpChromium();

describe('search filters by screen size, in Chromium', () => {
  it('on a 375x667 phone, folds the filters behind “Filters (n)” so the first result is on the first screen', async () => {
    const { page, errors } = await openPage({ width: 375, height: 667 });
    const topic = data.topics[0]!;
    await page.goto(`${baseURL}/search?q=the&topics=${topic.id}`);
    await page
      .getByRole('status')
      .getByText(/results? for “the”/)
      .waitFor();

    const first = page.locator('ol.search-results > li').first();
    const box = await first.boundingBox();
    expect(box).not.toBeNull();
    expect(box!.y).toBeGreaterThan(0);
    expect(box!.y).toBeLessThan(667 - 60); // its title at least, on the first screen
    const checkbox = page.getByRole('checkbox', { name: topic.name });
    expect(await checkbox.isVisible()).toBe(false);
    await expectNoAxeViolations(page);

    const toggle = page.getByRole('button', { name: 'Filters (1)' });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    expect(await checkbox.isVisible()).toBe(true);
    expect(await page.getByRole('combobox', { name: 'Sort by' }).isVisible()).toBe(true);
    await expectNoAxeViolations(page);

    // Untick the topic, then Escape folds the filters and gives focus back to the button.
    await checkbox.uncheck();
    await page
      .getByRole('status')
      .getByText(`${await total('the')} results for “the”`)
      .waitFor();
    await page.keyboard.press('Escape');
    const unfiltered = page.getByRole('button', { name: 'Filters', exact: true });
    expect(await unfiltered.getAttribute('aria-expanded')).toBe('false');
    expect(await unfiltered.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await checkbox.isVisible()).toBe(false);
    expect(errors).toEqual([]);
  });

  it('at 1280x900 folds the filters too, so the first result is near the top; the header is as on every view', async () => {
    const { page, errors } = await openPage({ width: 1280, height: 900 });
    const topic = data.topics[0]!;
    await page.goto(baseURL);
    const headerBox = page.getByRole('searchbox', { name: 'Search news' });
    await headerBox.waitFor();
    const header = page.locator('.site-header');
    const headerOnFeed = await header.boundingBox();
    await page.goto(`${baseURL}/search?q=the`);
    await page
      .getByRole('status')
      .getByText(`${await total('the')} results for “the”`)
      .waitFor();
    const first = await page.locator('ol.search-results > li').first().boundingBox();
    expect(first!.y).toBeLessThan(350);
    expect(await page.getByRole('checkbox', { name: topic.name }).isVisible()).toBe(false);
    await page.getByRole('button', { name: 'Filters', exact: true }).click();
    expect(await page.getByRole('checkbox', { name: topic.name }).isVisible()).toBe(true);
    expect(await page.getByRole('combobox', { name: 'Sort by' }).isVisible()).toBe(true);
    // The header keeps its search box and its height.
    expect(await headerBox.isVisible()).toBe(true);
    expect(await header.boundingBox()).toEqual(headerOnFeed);
    await expectNoAxeViolations(page);
    expect(errors).toEqual([]);
  });
});
