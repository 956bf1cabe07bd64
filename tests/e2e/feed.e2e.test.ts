import { describe, expect, inject, it } from 'vitest';
import { readDataFolder } from '@/backend/embedded/news-data';
import { sortNewestFirst } from '@/backend/feed-cursor';
import { expectNoAxeViolations, setUpChromium } from './browser';

const data = readDataFolder('mock-data');
const newestFirst = sortNewestFirst(data.articles);
const baseURL = inject('baseURL');

const { openPage } = setUpChromium();

describe('feed journey in Chromium', () => {
  it('filters by topic, keeps the filter across a reload, expands an item and loads more news', async () => {
    const { page, errors } = await openPage();
    await page.goto(baseURL);
    await expect.poll(() => page.title()).toBe('All news — Agency News');
    await page.getByRole('link', { name: newestFirst[0]!.title }).waitFor();
    await expectNoAxeViolations(page);

    // Keep only Politics and World.
    await page.getByRole('button', { name: /use filter/i }).click();
    await page.getByRole('button', { name: 'Only this (Politics)' }).click();
    await page.getByRole('checkbox', { name: 'World', exact: true }).check();
    const chosen = newestFirst.filter((a) => a.topics.includes('politics') || a.topics.includes('world'));
    await page.getByRole('link', { name: chosen[0]!.title }).waitFor();
    await expect.poll(() => page.getByRole('heading', { level: 3 }).count()).toBe(Math.min(chosen.length, 20));
    expect(new URL(page.url()).searchParams.get('topics')).toBe('politics,world');
    await expectNoAxeViolations(page);

    // A reload without the query string still finds the filter (it is kept on the device).
    await page.goto(baseURL);
    await page.getByRole('link', { name: chosen[0]!.title }).waitFor();
    await expect.poll(() => page.getByRole('heading', { level: 3 }).count()).toBe(Math.min(chosen.length, 20));
    await expect.poll(() => page.getByRole('button', { name: /use filter/i }).textContent()).toContain('2');

    // Back to every topic, then expand the first multi-page item in place.
    await page.getByRole('button', { name: /use filter/i }).click();
    await page.getByRole('button', { name: 'All', exact: true }).click();
    const multi = newestFirst.slice(0, 20).find((a) => a.pages.length > 1)!;
    const item = page.getByRole('article').filter({ has: page.getByRole('link', { name: multi.title }) });
    await item.getByRole('button', { name: /^Show more/ }).click();
    await item.getByText(multi.pages.at(-1)!.at(-1)!).waitFor();
    await item
      .getByRole('button', { name: /^Show less/ })
      .first()
      .waitFor();

    // Scrolling to the end loads the next page by itself.
    await page.getByRole('button', { name: /Show more news/ }).scrollIntoViewIfNeeded();
    await page.getByRole('link', { name: newestFirst[20]!.title }).waitFor();
    await expectNoAxeViolations(page);

    // Open an article from far down the list, come Back: same place, same expanded item, same pages.
    const far = page.getByRole('link', { name: newestFirst[18]!.title });
    await far.scrollIntoViewIfNeeded();
    const scrolledTo = await page.evaluate(() => window.scrollY);
    expect(scrolledTo).toBeGreaterThan(1000);
    await far.click();
    await page.getByRole('heading', { level: 1, name: newestFirst[18]!.title }).waitFor();
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeLessThan(50);
    await page.goBack();
    await page.getByRole('link', { name: newestFirst[20]!.title }).waitFor();
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(scrolledTo - 40);
    expect(await page.evaluate(() => window.scrollY)).toBeLessThan(scrolledTo + 40);
    await item
      .getByRole('button', { name: /^Show less/ })
      .first()
      .waitFor();
    expect(errors).toEqual([]);
  });

  it('Back to the first page of a visit returns to the same place, and a new visit starts at the top', async () => {
    const { page, errors } = await openPage();
    await page.goto(baseURL);
    const far = page.getByRole('link', { name: newestFirst[15]!.title });
    await far.scrollIntoViewIfNeeded();
    const scrolledTo = await page.evaluate(() => window.scrollY);
    expect(scrolledTo).toBeGreaterThan(1000);
    await far.click();
    await page.getByRole('heading', { level: 1, name: newestFirst[15]!.title }).waitFor();
    // Focus moved to the new content, not left on the vanished link.
    expect(await page.evaluate(() => document.activeElement?.closest('main') !== null)).toBe(true);
    await page.goBack();
    await far.waitFor();
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(scrolledTo - 40);
    expect(await page.evaluate(() => window.scrollY)).toBeLessThan(scrolledTo + 40);

    await page.goto(`${baseURL}/converter`);
    await page.goto(baseURL);
    await page.getByRole('link', { name: newestFirst[0]!.title }).waitFor();
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    expect(errors).toEqual([]);
  });

  for (const viewport of [
    { width: 1280, height: 720 },
    { width: 412, height: 823 },
  ]) {
    it(`loads the next page only when the end of the list comes near, not on arrival (${viewport.width} px)`, async () => {
      const { page, errors } = await openPage(viewport);
      // What happened, in order: the reader's scroll, and each request for a next page.
      const events: string[] = [];
      page.on('request', (request) => {
        if (request.url().includes('/api/articles?') && request.url().includes('cursor=')) events.push('next page');
      });
      await page.goto(baseURL);
      await page.getByRole('link', { name: newestFirst[0]!.title }).waitFor();
      // The rest of the first page renders just after the first screen.
      await expect.poll(() => page.locator('.news-item').count()).toBe(20);
      // Two frames: the browser has told the 'load more' marker whether it is in view (it does so in a frame).
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      events.push('scrolled to the end');
      await page.getByRole('button', { name: 'Show more news' }).scrollIntoViewIfNeeded();
      await expect.poll(() => events).toEqual(['scrolled to the end', 'next page']);
      expect(errors).toEqual([]);
    });
  }

  it('on a phone, shows the news without loading the converter box (the header menu links to the converter)', async () => {
    const { page, errors } = await openPage({ width: 390, height: 844 });
    const requests: string[] = [];
    page.on('request', (request) => requests.push(new URL(request.url()).pathname));
    await page.goto(baseURL);
    await page.getByRole('link', { name: newestFirst[0]!.title }).waitFor();
    await page.getByRole('button', { name: 'Menu' }).click();
    const converterLink = page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Currency converter' });
    await expect.poll(() => converterLink.isVisible()).toBe(true);
    await expectNoAxeViolations(page);
    // Widened to a desktop's size, the page loads the box: its first request comes only then.
    const widenedAt = requests.length;
    await page.setViewportSize({ width: 1280, height: 900 });
    const forConverter = (path: string) => path.startsWith('/api/rates') || path.includes('converter');
    await expect.poll(() => requests.findIndex(forConverter)).toBeGreaterThanOrEqual(widenedAt);
    expect(errors).toEqual([]);
  });

  it('serves the built app with no inline script and the API with validation errors', async () => {
    const html = await (await fetch(baseURL)).text();
    // Data islands (the page's state, JSON) are data, not code: the CSP does not run them.
    expect(html).not.toMatch(/<script(?![^>]*(?:\bsrc=|type="application\/(?:ld\+)?json"))[^>]*>/);
    const bad = await fetch(`${baseURL}/api/articles?limit=500`);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: 'bad_limit' } });
    const deepLink = await fetch(`${baseURL}/news/${newestFirst[0]!.id}`);
    expect(deepLink.status).toBe(200);
  });
});
