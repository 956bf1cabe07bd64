import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { readDataFolder } from '@/backend/embedded/news-data';
import { sortNewestFirst } from '@/backend/feed-cursor';
import { expectNoAxeViolations, setUpChromium } from './browser';
import { untilHydrated } from './until-hydrated';

const data = readDataFolder('mock-data');
const newestFirst = sortNewestFirst(data.articles);
const multiPage = newestFirst.slice(0, 20).find((a) => a.pages.length > 1)!;
const baseURL = inject('baseURL');

// The two page backgrounds of the palette (app.css --color-bg).
const LIGHT_BG = 'rgb(255, 255, 255)';
const DARK_BG = 'rgb(18, 20, 23)';

const { openPage } = setUpChromium();

async function chooseInDisplayMenu(page: Page, group: string, choice: string) {
  await page.getByRole('button', { name: 'Display' }).click();
  await page.getByRole('group', { name: group }).getByRole('radio', { name: choice, exact: true }).check();
  await page.keyboard.press('Escape');
}

const pageBackground = (page: Page) => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);

/** The colour in the middle of a screenshot, read back through a canvas in a page of its own. */
async function screenshotCentre(context: BrowserContext, png: Buffer): Promise<string> {
  const probe = await context.newPage();
  const rgb = await probe.evaluate(async (base64) => {
    const image = new Image();
    image.src = `data:image/png;base64,${base64}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.width;
    canvas.height = image.height;
    const context2d = canvas.getContext('2d')!;
    context2d.drawImage(image, 0, 0);
    const [r, g, b] = context2d.getImageData(image.width / 2, image.height / 2, 1, 1).data;
    return `rgb(${r}, ${g}, ${b})`;
  }, png.toString('base64'));
  await probe.close();
  return rgb;
}

/**
 * Reloads with the app's code held back, and reports the first frame: the theme on <html> and its background when
 * the browser first rendered (a requestAnimationFrame registered before any of the page's scripts), plus a
 * screenshot taken while the app has still not started.
 */
async function reloadWithAppCodeHeld(page: Page, context: BrowserContext) {
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/assets\/app-[^/]*\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.addInitScript(() => {
    requestAnimationFrame(() => {
      const html = document.documentElement;
      (window as unknown as { firstFrame: object }).firstFrame = {
        theme: html.dataset.theme ?? null,
        background: getComputedStyle(html).backgroundColor,
        // Started: React has taken the root (the server's HTML is there before that).
        appStarted: Object.keys(document.getElementById('root') ?? {}).some((key) => key.startsWith('__react')),
      };
    });
  });
  await page.reload({ waitUntil: 'commit' });
  await page.waitForFunction(() => 'firstFrame' in window);
  const firstFrame = await page.evaluate(() => (window as unknown as { firstFrame: object }).firstFrame);
  const screenshotBeforeApp = await screenshotCentre(context, await page.screenshot());
  const appStartedAtScreenshot = await page.evaluate(() =>
    Object.keys(document.getElementById('root')!).some((key) => key.startsWith('__react')),
  );
  release();
  await page.unrouteAll({ behavior: 'wait' });
  // The server's page shows its buttons before the app has taken them: the next click waits for that.
  await untilHydrated(page);
  return { firstFrame, screenshotBeforeApp, appStartedAtScreenshot };
}

describe('themes and text size in Chromium', () => {
  it('keeps the dark theme chosen in the header across a reload, with no light frame before the app starts', async () => {
    const { page, context, errors } = await openPage();
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(baseURL);
    await page.getByRole('heading', { level: 1, name: 'All news' }).waitFor();
    expect(await pageBackground(page)).toBe(LIGHT_BG);

    await chooseInDisplayMenu(page, 'Theme', 'Dark');
    expect(await pageBackground(page)).toBe(DARK_BG);

    const reload = await reloadWithAppCodeHeld(page, context);
    expect(reload.firstFrame).toEqual({ theme: 'dark', background: DARK_BG, appStarted: false });
    expect(reload.appStartedAtScreenshot).toBe(false);
    expect(reload.screenshotBeforeApp).toBe(DARK_BG);

    await page.getByRole('heading', { level: 1, name: 'All news' }).waitFor();
    expect(await pageBackground(page)).toBe(DARK_BG);
    await page.getByRole('button', { name: 'Display' }).click();
    expect(await page.getByRole('radio', { name: 'Dark' }).isChecked()).toBe(true);
    await expectNoAxeViolations(page); // the open panel too
    expect(errors).toEqual([]);
  });

  it('follows the device when set to System, from the first frame, and a chosen Light wins over a dark device', async () => {
    const { page, context, errors } = await openPage();
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(baseURL);
    await page.getByRole('heading', { level: 1, name: 'All news' }).waitFor();
    expect(await pageBackground(page)).toBe(DARK_BG);

    const systemReload = await reloadWithAppCodeHeld(page, context);
    expect(systemReload.firstFrame).toEqual({ theme: 'system', background: DARK_BG, appStarted: false });
    await page.getByRole('heading', { level: 1, name: 'All news' }).waitFor();

    await chooseInDisplayMenu(page, 'Theme', 'Light');
    expect(await pageBackground(page)).toBe(LIGHT_BG);
    const lightReload = await reloadWithAppCodeHeld(page, context);
    expect(lightReload.firstFrame).toEqual({ theme: 'light', background: LIGHT_BG, appStarted: false });
    expect(lightReload.screenshotBeforeApp).toBe(LIGHT_BG);
    await page.getByRole('heading', { level: 1, name: 'All news' }).waitFor();
    expect(errors).toEqual([]);
  });

  it('sizes article text in the article view and in the feed’s full text, and keeps the size', async () => {
    const { page, errors } = await openPage();
    await page.goto(`${baseURL}/news/${multiPage.id}`);
    const paragraph = page.locator('#p-1');
    await paragraph.waitFor();
    const size = () => paragraph.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    const medium = await size();

    await chooseInDisplayMenu(page, 'Article text size', 'Extra large');
    expect(await size()).toBeGreaterThan(medium * 1.3);
    await chooseInDisplayMenu(page, 'Article text size', 'Small');
    expect(await size()).toBeLessThan(medium);

    await chooseInDisplayMenu(page, 'Article text size', 'Large');
    const large = await size();
    expect(large).toBeGreaterThan(medium);
    await page.reload();
    await paragraph.waitFor();
    expect(await size()).toBe(large);

    // The full text expanded under a feed item follows the same size.
    await page.goto(baseURL);
    const item = page.getByRole('article').filter({ has: page.getByRole('link', { name: multiPage.title }) });
    await item.getByRole('button', { name: /^Show more/ }).click();
    const fullText = item.getByText(multiPage.pages[0]![0]!.slice(0, 40));
    await fullText.waitFor();
    expect(await fullText.evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBe(large);
    expect(errors).toEqual([]);
  });

  // Each view in a test of its own, so a check of every view stays well within a test's time on a busy machine.
  describe.each(['Light', 'Dark'])('passes axe (colour contrast included) with the %s theme', (theme) => {
    async function openWithTheme() {
      const opened = await openPage();
      await opened.page.goto(baseURL);
      await opened.page.getByRole('heading', { level: 1, name: 'All news' }).waitFor();
      await chooseInDisplayMenu(opened.page, 'Theme', theme);
      return opened;
    }

    it('in the feed, with an item expanded and the topic filter open, and offline', async () => {
      const { page, context, errors } = await openWithTheme();
      await page.getByRole('link', { name: newestFirst[0]!.title }).waitFor();
      await expectNoAxeViolations(page);

      const item = page.getByRole('article').filter({ has: page.getByRole('link', { name: multiPage.title }) });
      await item.getByRole('button', { name: /^Show more/ }).click();
      await item.locator('.feed-item__text').waitFor();
      await page.getByRole('button', { name: /Use filter/ }).click();
      await page.getByRole('checkbox').first().waitFor();
      await expectNoAxeViolations(page);

      await context.setOffline(true);
      await page.getByRole('alert').filter({ hasText: 'You are offline.' }).waitFor();
      await expectNoAxeViolations(page);
      expect(errors).toEqual([]);
    });

    it('in an article (saved, a paragraph targeted) and in Saved, with the undo bar after a removal', async () => {
      const { page, errors } = await openWithTheme();
      await page.goto(`${baseURL}/news/${multiPage.id}#p-2`);
      await page.getByRole('heading', { level: 1, name: multiPage.title }).waitFor();
      await page.getByRole('button', { name: `Save “${multiPage.title}”` }).click();
      await page.getByRole('button', { name: `Saved “${multiPage.title}”` }).waitFor();
      await expectNoAxeViolations(page);

      await page.getByRole('link', { name: 'Saved' }).click();
      await page.getByRole('link', { name: multiPage.title }).waitFor();
      await expectNoAxeViolations(page);
      await page.getByRole('button', { name: `Remove “${multiPage.title}”` }).click();
      await page.getByRole('status').getByRole('button', { name: 'Undo' }).waitFor();
      await expectNoAxeViolations(page);
      expect(errors).toEqual([]);
    });

    it('in search results with highlighted words, and in the converter with its chart', async () => {
      const { page, errors } = await openWithTheme();
      await page.goto(`${baseURL}/search?q=satellite`);
      await page
        .getByRole('status')
        .filter({ hasText: /results? for “satellite”/ })
        .waitFor();
      await page.locator('ol.search-results mark').first().waitFor();
      await expectNoAxeViolations(page);

      await page.goto(`${baseURL}/converter?from=USD&to=EUR&amount=100`);
      await page.getByRole('textbox', { name: 'Converted amount' }).waitFor();
      await page.locator('.rate-chart__svg').waitFor();
      await expectNoAxeViolations(page);
      expect(errors).toEqual([]);
    });
  });
});
