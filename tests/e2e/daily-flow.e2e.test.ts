// The reader's daily flow in Chromium: new stories arriving while scrolled down, reading by keyboard only, the
// densities' fit on a 1280x900 screen, the filter panel's rows at 1280 and 320 px, and axe in each new state.
import { appendFileSync, cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createEmbeddedBackend } from '@/backend/embedded/embedded-backend';
import type { Article } from '@/contract/news';
import { createProductionServer } from '@/server/production-server';
import { articlesNewestFirst } from '../helpers/fixtures';
import { SAMPLE_DATA_DIR } from '../helpers/fixtures';
import { expectNoAxeViolations, setUpChromium } from './browser';

const { openPage } = setUpChromium();
const baseURL = inject('baseURL');
const newest = articlesNewestFirst[0]!;

/** Where an element is on the screen, or null when it is not rendered. */
const topOf = (page: Page, selector: string) =>
  page.evaluate((s) => document.querySelector(s)?.getBoundingClientRect().top ?? null, selector);

describe('new stories in Chromium', () => {
  let server: FastifyInstance;
  let dataDir = '';
  let url = '';

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'news-live-'));
    cpSync(SAMPLE_DATA_DIR, dataDir, { recursive: true });
    const log = { info: () => {}, error: () => {} };
    const backend = await createEmbeddedBackend({ dataDir, cacheDir: null, log, settleMs: 50 });
    server = await createProductionServer({ distDir: inject('distDir'), backend, onClose: () => backend.close() });
    await server.listen({ port: 0, host: '127.0.0.1' });
    const address = server.server.address();
    if (!address || typeof address === 'string') throw new Error('no port');
    url = `http://127.0.0.1:${address.port}/`;
  });
  afterAll(() => server.close());

  /** The agency publishes: stories newer than every other are added to the data file the server watches. */
  function publish(stories: Article[]) {
    const file = path.join(dataDir, 'articles.json');
    const text = readFileSync(file, 'utf8').trim();
    if (text.startsWith('[')) writeFileSync(file, JSON.stringify([...JSON.parse(text), ...stories], null, 2));
    else appendFileSync(file, `\n${stories.map((s) => JSON.stringify(s)).join('\n')}\n`);
  }

  it('arrive while the reader is scrolled down; choosing them keeps the story on screen where it was', async () => {
    const { page, errors } = await openPage();
    await page.clock.install();
    await page.goto(url);
    await page.getByRole('link', { name: newest.title }).waitFor();
    // The reader is reading the eighth story, part way down the page.
    const reading = page.locator('.news-item').nth(7);
    await reading.scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollBy(0, 150));
    const readingId = await reading.getAttribute('data-item-id');
    const selector = `[data-item-id="${readingId}"]`;
    const before = (await topOf(page, selector))!;

    const breaking = [2, 1].map((hours) => ({
      ...newest,
      id: `breaking-${hours}`,
      title: `Breaking story published ${hours} h after the last one`,
      publishedAt: new Date(Date.parse(newest.publishedAt) + hours * 3_600_000).toISOString(),
      related: [],
    }));
    publish(breaking);
    // The server reads the changed file (it settles for 50 ms here); the feed checks again a minute later.
    await expect
      .poll(async () => (await fetch(`${url}api/articles?limit=1`).then((r) => r.json())).items[0].id)
      .toBe('breaking-2');
    await page.clock.fastForward(61_000);
    const banner = page.getByRole('button', { name: '2 new stories' });
    await banner.waitFor();
    expect(await page.title()).toBe('(2) All news — Agency News');
    const moved = async () => Math.abs((await topOf(page, selector))! - before);
    expect(await moved()).toBeLessThan(1); // the banner floats: nothing moved
    expect((await banner.boundingBox())!.y).toBeGreaterThanOrEqual(0); // and it is in view
    await expectNoAxeViolations(page);

    await banner.click();
    await page.getByRole('link', { name: breaking[0]!.title }).waitFor({ state: 'attached' });
    await expect.poll(moved).toBeLessThan(1);
    await expect.poll(() => page.title()).toBe('All news — Agency News');
    // The new stories are above, newest first.
    await page.evaluate(() => window.scrollTo(0, 0));
    const titles = await page.locator('.news-item h3 a').allTextContents();
    expect(titles.slice(0, 3)).toEqual([breaking[0]!.title, breaking[1]!.title, newest.title]);
    expect(errors).toEqual([]);
  });
});

describe('reading by keyboard only', () => {
  it('reads five stories with j, s, b and o, and Back returns focus to the story left from', async () => {
    const { page, errors } = await openPage();
    await page.goto(baseURL);
    await page.getByRole('link', { name: newest.title }).waitFor();
    await page.waitForLoadState('networkidle'); // the shortcuts' code arrives just after the first paint
    const focusedId = () => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.itemId);
    const focusedInView = () =>
      page.evaluate(() => {
        const box = document.activeElement!.getBoundingClientRect();
        return box.top >= 0 && box.top < window.innerHeight;
      });

    for (let n = 0; n < 5; n++) {
      await page.keyboard.press('j');
      await expect.poll(focusedId).toBe(articlesNewestFirst[n]!.id);
      expect(await focusedInView()).toBe(true);
      // The focused story is visibly marked.
      expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).toBe('solid');
      if (n === 1) {
        await page.keyboard.press('s');
        const item = page.locator(`[data-item-id="${articlesNewestFirst[n]!.id}"]`);
        await item.getByText(articlesNewestFirst[n]!.pages[0]![0]!).waitFor();
        await page.keyboard.press('s');
        await item.getByRole('button', { name: /^Show more/ }).waitFor();
      }
      if (n === 2) {
        // b keeps the story on the device to read later.
        await page.keyboard.press('b');
        const story = articlesNewestFirst[n]!;
        const saved = page
          .locator(`[data-item-id="${story.id}"]`)
          .getByRole('button', { name: `Saved “${story.title}”` });
        await saved.waitFor();
        expect(await saved.getAttribute('aria-pressed')).toBe('true');
      }
    }
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await dialog.waitFor();
    await expectNoAxeViolations(page);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    // Closing the list of shortcuts puts focus back on the story.
    await expect.poll(focusedId).toBe(articlesNewestFirst[4]!.id);

    await page.keyboard.press('o');
    const opened = articlesNewestFirst[4]!;
    await page.getByRole('heading', { level: 1, name: opened.title }).waitFor();
    await page.goBack();
    await expect.poll(focusedId).toBe(opened.id);
    await page.keyboard.press('j');
    await expect.poll(focusedId).toBe(articlesNewestFirst[5]!.id);
    expect(errors).toEqual([]);
  });
});

describe('densities and the filter panel', () => {
  const onScreen = (page: Page) =>
    page.evaluate(
      () =>
        [...document.querySelectorAll('.news-item')].filter((item) => {
          const box = item.getBoundingClientRect();
          return box.top >= 0 && box.bottom <= window.innerHeight;
        }).length,
    );

  it('fits at least 7 summaries and 20 headlines on a 1280x900 screen, and remembers the choice', async () => {
    const { page, errors } = await openPage({ width: 1280, height: 900 });
    await page.goto(baseURL);
    await page.getByRole('link', { name: newest.title }).waitFor();
    await expect.poll(() => onScreen(page)).toBeGreaterThanOrEqual(7);
    await page.getByRole('button', { name: 'Headlines' }).click();
    await expect.poll(() => onScreen(page)).toBeGreaterThanOrEqual(20);
    await expectNoAxeViolations(page);
    await page.reload();
    await page.getByRole('link', { name: newest.title }).waitFor();
    expect(await page.getByRole('button', { name: 'Headlines' }).getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => onScreen(page)).toBeGreaterThanOrEqual(20);
    expect(errors).toEqual([]);
  });

  for (const width of [1280, 320]) {
    it(`lays the filter out one row per topic, none wrapped, at ${width} px`, async () => {
      const { page, errors } = await openPage({ width, height: 800 });
      await page.goto(baseURL);
      await page.getByRole('link', { name: newest.title }).waitFor();
      const button = page.getByRole('button', { name: /use filter/i });
      await button.click();
      const panel = page.getByRole('group', { name: 'Show news on these topics' });
      await panel.waitFor();
      const rows = await page.evaluate(() =>
        [...document.querySelectorAll('.filter-row:not(.filter-row--head)')].map((row) => ({
          height: row.getBoundingClientRect().height,
          buttons: [...row.querySelectorAll('button')].map((b) => b.getBoundingClientRect().height),
          overflows: row.scrollWidth > row.clientWidth + 1,
        })),
      );
      expect(rows.length).toBeGreaterThan(5);
      for (const row of rows) {
        expect(row.height).toBeLessThanOrEqual(44);
        for (const height of row.buttons) expect(height).toBeLessThanOrEqual(32);
        expect(row.overflows).toBe(false);
      }
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

      // Muting choices open in place; axe has nothing to say in any of these states.
      await panel
        .getByRole('button', { name: /^Mute / })
        .first()
        .click();
      await expectNoAxeViolations(page);
      await page.keyboard.press('Escape'); // closes the choices
      await page.keyboard.press('Escape'); // closes the panel
      await panel.waitFor({ state: 'detached' });
      expect(await button.evaluate((b) => b === document.activeElement)).toBe(true);
      expect(errors).toEqual([]);
    });
  }

  it('mutes a topic from a chip on a phone, with Undo, without accessibility violations', async () => {
    const { page, errors } = await openPage({ width: 375, height: 700 });
    await page.goto(baseURL);
    const item = page.locator(`[data-item-id="${newest.id}"]`);
    await item.waitFor();
    await item.locator('.chip').first().click();
    await item.getByRole('group').waitFor();
    await expectNoAxeViolations(page);
    await item.getByRole('button', { name: 'Mute for 24 hours' }).click();
    await item.waitFor({ state: 'detached' });
    const undo = page.getByRole('button', { name: 'Undo' });
    await undo.waitFor();
    await expectNoAxeViolations(page);
    await undo.click();
    await page.locator(`[data-item-id="${newest.id}"]`).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect(errors).toEqual([]);
  });
});

describe('the header', () => {
  const views = ['', 'search', 'converter', 'saved', `news/${newest.id}`];
  const headerHeight = (page: Page) =>
    page.evaluate(() => document.querySelector('.site-header')!.getBoundingClientRect().height);

  for (const width of [320, 375, 1280]) {
    it(`is one row of the same height on every view at ${width} px`, async () => {
      const { page, errors } = await openPage({ width, height: 700 });
      const heights = new Set<number>();
      for (const view of views) {
        await page.goto(`${baseURL}/${view}`);
        await page.getByRole('heading', { level: 1 }).waitFor();
        heights.add(await headerHeight(page));
        // Nothing in the header wraps onto a second line or spills sideways.
        expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      }
      expect([...heights]).toHaveLength(1);
      expect([...heights][0]).toBeLessThanOrEqual(width < 700 ? 56 : 64);
      expect(errors).toEqual([]);
    });
  }

  it('on a phone, the views are behind Menu, which closes once one is chosen', async () => {
    const { page, errors } = await openPage({ width: 375, height: 700 });
    await page.goto(baseURL);
    await page.getByRole('link', { name: newest.title }).waitFor();
    const converterLink = page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Currency converter' });
    expect(await converterLink.isVisible()).toBe(false);
    await page.getByRole('button', { name: 'Menu' }).click();
    await converterLink.waitFor({ state: 'visible' });
    await expectNoAxeViolations(page);
    await converterLink.click();
    await page.getByRole('heading', { level: 1, name: 'Currency converter' }).waitFor();
    expect(await converterLink.isVisible()).toBe(false);
    // The header's Search opens the search view with its box ready for typing.
    await page.getByRole('search').getByRole('button', { name: 'Search' }).click();
    await page.getByRole('heading', { level: 1, name: /search/i }).waitFor();
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).toBe('search');
    expect(errors).toEqual([]);
  });
});
