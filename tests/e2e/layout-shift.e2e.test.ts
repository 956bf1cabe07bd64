// Cumulative layout shift of each view over a page load in Chromium, with the API slowed down so every loading
// skeleton is on screen for a while and then replaced by the content: nothing below it may be pushed.
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { articlesNewestFirst } from '../helpers/fixtures';
import { setUpChromium } from './browser';

const { openPage } = setUpChromium();
const baseURL = inject('baseURL');
const newest = articlesNewestFirst[0]!;
/** How long each API answer is held back. */
const API_DELAY_MS = 600;

const VIEWS: { name: string; path: string; ready: (page: Page) => Promise<unknown> }[] = [
  { name: 'feed', path: '/', ready: (page) => page.getByRole('link', { name: newest.title }).first().waitFor() },
  {
    name: 'article',
    path: `/news/${newest.id}`,
    ready: (page) => page.getByRole('heading', { level: 1, name: newest.title }).waitFor(),
  },
  {
    name: 'search',
    path: '/search?q=satellite',
    ready: (page) => page.locator('ol.search-results > li').first().waitFor(),
  },
  {
    name: 'converter',
    path: '/converter',
    ready: (page) =>
      page
        .getByText(/Official rate on/)
        .first()
        .waitFor(),
  },
  { name: 'saved', path: '/saved', ready: (page) => page.getByRole('heading', { level: 1, name: /Saved/ }).waitFor() },
];

type Shift = { value: number; sources: string[] };

/** Loads `path` with slowed API answers and sums the layout shifts not caused by input until the view settles. */
async function layoutShift(page: Page, path: string, ready: (page: Page) => Promise<unknown>) {
  await page.route('**/api/**', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, API_DELAY_MS));
    await route.continue();
  });
  await page.addInitScript(() => {
    const shifts: Shift[] = [];
    (window as unknown as { shifts: Shift[] }).shifts = shifts;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & {
        value: number;
        hadRecentInput: boolean;
        sources?: { node?: Node | null }[];
      })[]) {
        if (entry.hadRecentInput) continue;
        const describe = (node: Node | null | undefined) =>
          node instanceof Element ? `${node.tagName.toLowerCase()}.${node.className}` : String(node?.nodeName);
        shifts.push({ value: entry.value, sources: (entry.sources ?? []).map((s) => describe(s.node)) });
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto(`${baseURL}${path}`);
  await ready(page);
  // Until every request has been answered, then two painted frames for the last shifts to be reported.
  await page.waitForLoadState('networkidle');
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve)))),
  );
  const shifts = await page.evaluate(() => (window as unknown as { shifts: Shift[] }).shifts);
  return {
    total: shifts.reduce((sum, shift) => sum + shift.value, 0),
    sources: shifts.map((shift) => `${shift.value.toFixed(4)}: ${shift.sources.join(', ')}`),
  };
}

describe('layout shift while views load', () => {
  for (const viewport of [
    { width: 1280, height: 900 },
    { width: 390, height: 844 },
  ]) {
    for (const view of VIEWS) {
      it(`${view.name} at ${viewport.width}x${viewport.height} stays under 0.02`, async () => {
        const { page, errors } = await openPage(viewport);
        const { total, sources } = await layoutShift(page, view.path, view.ready);
        expect(total, sources.join('\n')).toBeLessThan(0.02);
        expect(errors).toEqual([]);
      });
    }
  }
});
