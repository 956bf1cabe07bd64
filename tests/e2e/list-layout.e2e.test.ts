// How the feed's stories are laid out in Chromium: headlines a phone can read, and the time's label that must not
// cover the story above when a story gets focus.
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { READING_PREFS_STORAGE_KEY } from '@/stores/reading-prefs-store';
import { articlesNewestFirst } from '../helpers/fixtures';
import { setUpChromium } from './browser';

const { openPage } = setUpChromium();
const baseURL = inject('baseURL');
const newest = articlesNewestFirst[0]!;

type Box = { top: number; bottom: number; left: number; right: number; width: number; height: number };
const overlaps = (a: Box, b: Box) =>
  Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5 &&
  Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5;

async function openHeadlines(width: number, height: number) {
  const opened = await openPage({ width, height });
  await opened.page.addInitScript(
    ([key]) => localStorage.setItem(key!, JSON.stringify({ state: { density: 'headlines' }, version: 1 })),
    [READING_PREFS_STORAGE_KEY],
  );
  await opened.page.goto(baseURL);
  await opened.page.getByRole('link', { name: newest.title }).waitFor();
  return opened;
}

/** The boxes of the parts of each headline on the first screen. */
const headlineBoxes = (page: Page) =>
  page.evaluate(() => {
    const box = (el: Element | null) => {
      const r = el!.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, width: r.width, height: r.height };
    };
    return [...document.querySelectorAll('.news-item--headlines')]
      .filter((item) => item.getBoundingClientRect().bottom <= window.innerHeight)
      .map((item) => ({
        item: box(item),
        title: box(item.querySelector('.news-item__title')),
        titleLineHeight: parseFloat(getComputedStyle(item.querySelector('.news-item__title')!).lineHeight),
        time: box(item.querySelector('time')),
        topic: box(item.querySelector('.news-item__topic')),
        actions: box(item.querySelector('.news-item__actions')),
      }));
  });

describe('headlines on a phone', () => {
  it('at 390x844 give each title the width of the story, on up to two lines, clear of the time and controls', async () => {
    const { page, errors } = await openHeadlines(390, 844);
    const headlines = await headlineBoxes(page);
    expect(headlines.length).toBeGreaterThanOrEqual(6);
    for (const { item, title, titleLineHeight, time, topic, actions } of headlines) {
      expect(title.width).toBeGreaterThanOrEqual(item.width * 0.85);
      expect(title.height).toBeLessThanOrEqual(2 * titleLineHeight + 1);
      for (const part of [time, topic, actions]) expect(overlaps(title, part)).toBe(false);
      expect(overlaps(time, topic)).toBe(false);
      expect(overlaps(topic, actions)).toBe(false);
      expect(topic.width).toBeGreaterThan(0);
    }
    // Most titles are long enough to need the second line.
    expect(headlines.filter((h) => h.title.height > h.titleLineHeight * 1.5).length).toBeGreaterThan(
      headlines.length / 2,
    );
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect(errors).toEqual([]);
  });

  it('at 1280x900 keep one line per story, 20 or more whole stories on the screen', async () => {
    const { page, errors } = await openHeadlines(1280, 900);
    // The windowed list adds the rows below the first ones once it has measured the window.
    await expect
      .poll(async () => (await headlineBoxes(page)).filter((h) => h.item.top >= 0).length)
      .toBeGreaterThanOrEqual(20);
    const headlines = await headlineBoxes(page);
    for (const { title, titleLineHeight } of headlines) expect(title.height).toBeLessThanOrEqual(titleLineHeight + 1);
    expect(errors).toEqual([]);
  });
});

describe("a story's time label", () => {
  /** Whether the focused story's time label is drawn over the story above it. */
  const labelCoversStoryAbove = (page: Page, index: number) =>
    page.evaluate((i) => {
      const items = [...document.querySelectorAll('.news-item')];
      const element = items[i]!.querySelector('.news-time__other')!;
      const label = element.getBoundingClientRect();
      const above = items[i - 1]!.getBoundingClientRect();
      // Hidden, the label is clipped away to nothing (still read by screen readers).
      const drawn = getComputedStyle(element).clipPath === 'none';
      return drawn && Math.min(label.bottom, above.bottom) - Math.max(label.top, above.top) > 0;
    }, index);

  for (const density of ['summaries', 'headlines'] as const) {
    it(`in ${density}, does not cover the story above when a story or its controls get focus, and shows on hover`, async () => {
      const { page, errors } = await openPage({ width: 1280, height: 900 });
      await page.addInitScript(
        ([key, d]) => localStorage.setItem(key!, JSON.stringify({ state: { density: d }, version: 1 })),
        [READING_PREFS_STORAGE_KEY, density],
      );
      await page.goto(baseURL);
      await page.getByRole('link', { name: newest.title }).waitFor();
      const second = page.locator('.news-item').nth(1);

      // The story itself (as j/k focus it), then its Save button (as after saving).
      await second.focus();
      await expect.poll(() => second.evaluate((el) => el === document.activeElement)).toBe(true);
      expect(await labelCoversStoryAbove(page, 1)).toBe(false);
      await second.getByRole('button', { name: /^Save/ }).focus();
      expect(await labelCoversStoryAbove(page, 1)).toBe(false);

      // The pointer on the time shows the other form.
      await second.locator('time').hover();
      await expect
        .poll(() => second.locator('.news-time__other').evaluate((el) => getComputedStyle(el).clipPath))
        .toBe('none');
      expect(errors).toEqual([]);
    });
  }
});
