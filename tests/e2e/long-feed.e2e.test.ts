// A long feed on a generated archive: windowed once long, in order for assistive technology, and Back lands on the
// same story, expanded items included.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createEmbeddedBackend } from '@/backend/embedded/embedded-backend';
import { createProductionServer } from '@/server/production-server';
import { generatedDataDir } from '../helpers/generated-data';
import { expectNoAxeViolations, setUpChromium } from './browser';

const { openPage } = setUpChromium();
let server: FastifyInstance;
let baseURL = '';

beforeAll(async () => {
  const backend = await createEmbeddedBackend({ dataDir: generatedDataDir(400), watch: false });
  server = await createProductionServer({ distDir: inject('distDir'), backend, onClose: () => backend.close() });
  await server.listen({ port: 0, host: '127.0.0.1' });
  const address = server.server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  baseURL = `http://127.0.0.1:${address.port}`;
});
afterAll(() => server.close());

const loadedStories = (page: import('playwright-core').Page) =>
  page.evaluate(() =>
    Math.max(...[...document.querySelectorAll('[aria-posinset]')].map((e) => Number(e.getAttribute('aria-posinset')))),
  );

describe('a long feed in Chromium', () => {
  it('keeps only the rows near the screen, in order, and Back returns to the same story, still expanded', async () => {
    const { page, errors } = await openPage();
    await page.goto(baseURL);
    await page.locator('.news-item h3 a').first().waitFor();
    // Load five pages (100 stories) with "Show more news".
    for (let loaded = 20; loaded < 100; loaded += 20) {
      await page.getByRole('button', { name: 'Show more news' }).click();
      await expect.poll(() => page.locator('.feed-more button').textContent()).toBe('Show more news');
    }
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await expect.poll(() => loadedStories(page)).toBeGreaterThanOrEqual(100);
    expect(await page.locator('.news-item').count()).toBeLessThan(40); // windowed: not all 100 in the page
    await expectNoAxeViolations(page);

    // Somewhere in the middle: expand a story, then open another one below it.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight * 0.5));
    // The rows rendered at the moment of the scroll are still those near the bottom until the list follows: take a
    // story only once the list shows rows on the screen (one read from the old rows is gone when clicked).
    const storyOnScreen = () =>
      page.evaluate(() => {
        const onScreen = [...document.querySelectorAll('.news-item')].filter((item) => {
          const { top, bottom } = item.getBoundingClientRect();
          return top >= 0 && bottom <= window.innerHeight;
        });
        return onScreen[1]?.querySelector('h3 a')?.textContent ?? null;
      });
    await expect.poll(storyOnScreen).not.toBeNull();
    const expandedTitle = (await storyOnScreen())!;
    const story = (name: string) =>
      page.getByRole('article').filter({ has: page.getByRole('link', { name, exact: true }) });
    const expandable = story(expandedTitle);
    await expandable.getByRole('button', { name: /^Show more/ }).click();
    await expandable
      .getByRole('button', { name: /^Show less/ })
      .first()
      .waitFor();
    await expandable.locator('.feed-item__text section, .feed-item__text p').first().waitFor();
    const title = (await page.locator('.news-item').nth(6).locator('h3 a').textContent())!;
    const target = story(title).getByRole('link', { name: title, exact: true });
    const positionBefore = await page.evaluate(() => window.scrollY);
    const topBefore = (await target.boundingBox())!.y;
    await target.click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();

    await page.goBack();
    const link = page.getByRole('link', { name: title, exact: true });
    await link.waitFor();
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(positionBefore - 40);
    await expect.poll(async () => Math.abs((await link.boundingBox())!.y - topBefore)).toBeLessThan(2);
    await story(expandedTitle)
      .getByRole('button', { name: /^Show less/ })
      .first()
      .waitFor();
    expect(errors).toEqual([]);
  });
});
