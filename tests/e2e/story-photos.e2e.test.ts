// Photos in Chromium, against the production server (strict CSP: img-src 'self' data:) with the image proxy over a
// photo host on 127.0.0.1 that answers slowly: the feed's thumbnail and the article's figure arrive through
// /api/images/ with no policy violation and no layout shift (their boxes are reserved), and a photo that fails is
// hidden in its own box.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { crc32, deflateSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Article } from '@/contract/news';
import { imageFetcher } from '@/server/image-fetch';
import { sampleData } from '../helpers/fixtures';
import { startAppServer, type AppServer } from './app-server';
import { setUpChromium } from './browser';

const { openPage } = setUpChromium();
/** How long the photo host takes to answer: the page is laid out long before. */
const PHOTO_DELAY_MS = 700;
const WIDTH = 600;
const HEIGHT = 400;

/** A WIDTH x HEIGHT PNG of one colour. */
function png(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(WIDTH, 0);
  header.writeUInt32BE(HEIGHT, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(WIDTH * 3, 0x5a)]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: HEIGHT }, () => row)));
  return Buffer.concat([
    Buffer.from('89504e470d0a1a0a', 'hex'),
    chunk('IHDR', header),
    chunk('IDAT', pixels),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

let photoHost: Server;
let app: AppServer;
/** What the photo host was asked for, and by whom (its User-Agent). */
const photoRequests: { url: string; agent: string }[] = [];

const story = (over: Partial<Article> & Pick<Article, 'id' | 'title' | 'publishedAt'>): Article => ({
  lead: 'The port reopened on Friday after three days of storms closed it to shipping.',
  topics: ['economy'],
  pages: [['Cranes were back at work at the harbour on Friday morning.']],
  source: { name: 'Harbour Gazette', url: 'https://gazette.example/' },
  url: `https://gazette.example/news/${over.id}`,
  ...over,
});

let photographed: Article;
let broken: Article;

beforeAll(async () => {
  const image = png();
  photoHost = createServer((request, response) => {
    photoRequests.push({ url: request.url ?? '', agent: request.headers['user-agent'] ?? '' });
    setTimeout(() => {
      if (request.url === '/cranes.png') response.writeHead(200, { 'Content-Type': 'image/png' }).end(image);
      else response.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
    }, PHOTO_DELAY_MS);
  });
  await new Promise<void>((resolve) => photoHost.listen(0, '127.0.0.1', resolve));
  const host = `http://127.0.0.1:${(photoHost.address() as AddressInfo).port}`;
  photographed = story({
    id: 'harbour-cranes-return',
    title: 'Harbour cranes return after the storm',
    publishedAt: '2026-11-27T22:00:00+03:00',
    image: {
      url: `${host}/cranes.png`,
      alt: 'Cranes over the harbour',
      credit: 'Photo: Harbour Gazette',
      width: WIDTH,
      height: HEIGHT,
    },
  });
  broken = story({
    id: 'breakwater-repairs-begin',
    title: 'Breakwater repairs begin',
    publishedAt: '2026-11-27T21:30:00+03:00',
    image: { url: `${host}/missing.png`, width: WIDTH, height: HEIGHT },
  });
  app = await startAppServer(inject('distDir'), 0, {
    data: { ...sampleData, articles: [...sampleData.articles, photographed, broken] },
    images: {
      key: Buffer.from('the key of the photo journey, long enough'),
      fetchImage: imageFetcher({ allowPrivate: true }),
    },
  });
});

afterAll(async () => {
  await app?.stop();
  await new Promise((resolve) => photoHost?.close(resolve));
});

/** Sums layout shifts not caused by input from the page's start (as layout-shift.e2e.test.ts does). */
async function recordShifts(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { cls: number };
    w.cls = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
        if (!entry.hadRecentInput) w.cls += entry.value;
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
}
const shifts = async (page: Page) => {
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve)))),
  );
  return page.evaluate(() => (window as unknown as { cls: number }).cls);
};

/** Until the image has arrived and been decoded (its natural size known). */
const loaded = (page: Page, selector: string) =>
  page.waitForFunction((s) => {
    const img = document.querySelector<HTMLImageElement>(s);
    return img !== null && img.complete && img.naturalWidth > 0;
  }, selector);

const box = (page: Page, selector: string) =>
  page.locator(selector).evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { width: r.width, height: r.height, visibility: getComputedStyle(el).visibility };
  });

describe('photos through the image proxy', () => {
  for (const viewport of [
    { width: 1280, height: 900 },
    { width: 390, height: 844 },
  ]) {
    it(`at ${viewport.width}x${viewport.height}: the feed's thumbnail and the article's figure load without a shift; a failed one is hidden in its box`, async () => {
      const { page, errors } = await openPage(viewport);
      await recordShifts(page);
      await page.goto(app.url);
      const row = page.locator('article', { has: page.getByRole('link', { name: photographed.title }) });
      await row.waitFor();
      const thumbnail = `[data-item-id="${photographed.id}"] img`;
      const reserved = await box(page, thumbnail);
      await loaded(page, thumbnail);
      expect(await page.locator(thumbnail).getAttribute('src')).toMatch(
        new RegExp(`^${app.url}/api/images/[\\w-]+/[\\w-]+$`),
      );
      expect(await box(page, thumbnail)).toEqual(reserved);
      await expect
        .poll(() => box(page, `[data-item-id="${broken.id}"] img`))
        .toEqual({ ...reserved, visibility: 'hidden' });
      expect(await shifts(page)).toBeLessThan(0.01);
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

      const article = await openPage(viewport);
      await recordShifts(article.page);
      await article.page.goto(`${app.url}/news/${photographed.id}`);
      const figure = article.page.getByRole('img', { name: 'Cranes over the harbour' });
      await figure.waitFor();
      const before = await box(article.page, 'figure img');
      await loaded(article.page, 'figure img');
      expect(await box(article.page, 'figure img')).toEqual(before);
      expect(before.height / before.width).toBeCloseTo(HEIGHT / WIDTH, 2);
      await article.page.getByText('Photo: Harbour Gazette').waitFor();
      await article.page.getByRole('link', { name: /^Read at Harbour Gazette/ }).waitFor();
      expect(await shifts(article.page)).toBeLessThan(0.01);

      // The photo host saw only the server's requests (its fetcher names itself AgencyNews/), never the reader's browser.
      expect(photoRequests.map((r) => r.url)).toContain('/cranes.png');
      expect(photoRequests.filter((r) => !/AgencyNews\//.test(r.agent))).toEqual([]);
      expect([...errors, ...article.errors].filter((e) => !/404|502/.test(e))).toEqual([]);
      await article.context.close();
      await page.context().close();
    });
  }
});
