import { describe, expect, inject, it } from 'vitest';
import { createMockApi } from '@/mock-api/api-core';
import { loadMockData } from '@/mock-api/load-mock-data';
import { expectNoAxeViolations, setUpChromium } from './browser';

const data = loadMockData('mock-data');
const api = createMockApi(data);
const baseURL = inject('baseURL');
const total = (q: string) =>
  (api({ method: 'GET', path: '/search', query: new URLSearchParams({ q }) }).body as { total: number }).total;

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
      .getByText(`${total('the')} results for “the”`)
      .waitFor();
    await page.keyboard.press('Escape');
    const unfiltered = page.getByRole('button', { name: 'Filters', exact: true });
    expect(await unfiltered.getAttribute('aria-expanded')).toBe('false');
    expect(await unfiltered.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await checkbox.isVisible()).toBe(false);
    expect(errors).toEqual([]);
  });

  it('at 1280 px shows the filters as they are, without the button', async () => {
    const { page, errors } = await openPage({ width: 1280, height: 900 });
    const topic = data.topics[0]!;
    await page.goto(`${baseURL}/search?q=the`);
    await page
      .getByRole('status')
      .getByText(`${total('the')} results for “the”`)
      .waitFor();
    expect(await page.getByRole('checkbox', { name: topic.name }).isVisible()).toBe(true);
    expect(await page.getByRole('combobox', { name: 'Sort by' }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: /^Filters/ }).count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
