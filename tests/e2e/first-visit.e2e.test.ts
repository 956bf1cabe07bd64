// A reader's first visit in Chromium, with the service worker: each resource is fetched once (the worker taking the
// page asks for nothing again), a story published meanwhile waits for the "new stories" banner, and what the reader
// saw is there offline even if they left the feed at once and went offline as soon as the worker took the page.
import { cpSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { BrowserContext } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { createEmbeddedBackend, type EmbeddedBackend } from '@/backend/embedded/embedded-backend';
import { createProductionServer } from '@/server/production-server';
import { articlesNewestFirst } from '../helpers/fixtures';
import { SAMPLE_DATA_DIR } from '../helpers/fixtures';
import { publishStory, startAppServer, untilCached, untilServedByWorker, type AppServer } from './app-server';
import { setUpChromium } from './browser';

const { openPage } = setUpChromium();
const [newest, second] = articlesNewestFirst as [(typeof articlesNewestFirst)[0], (typeof articlesNewestFirst)[0]];

/** Holds the service worker's script until `release`: the page is a first visit's, with no worker, until then. */
async function holdServiceWorker(context: BrowserContext) {
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  await context.route('**/sw.js', async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

describe('a first visit with the service worker', () => {
  let server: FastifyInstance;
  let backend: EmbeddedBackend;
  let dataDir = '';
  let url = '';
  /** Every API request the server answered, as path?query. */
  const answered: string[] = [];

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'news-first-visit-'));
    cpSync(SAMPLE_DATA_DIR, dataDir, { recursive: true });
    const log = { info: () => {}, error: () => {} };
    backend = await createEmbeddedBackend({ dataDir, cacheDir: null, log, settleMs: 50 });
    server = await createProductionServer({ distDir: inject('distDir'), backend, onClose: () => backend.close() });
    server.addHook('onRequest', async (request) => {
      // The browser's requests (the server's render asks its API in-process, for the page it sends).
      if (request.url.startsWith('/api/') && request.headers['x-page-render'] === undefined) {
        answered.push(request.url.slice('/api'.length));
      }
    });
    await server.listen({ port: 0, host: '127.0.0.1' });
    const address = server.server.address();
    if (!address || typeof address === 'string') throw new Error('no port');
    url = `http://127.0.0.1:${address.port}/`;
  });
  afterAll(() => server.close());

  it('fetches each resource once; a story published meanwhile waits for the banner, the feed stays put', async () => {
    const { page, context, errors } = await openPage(undefined, { serviceWorkers: 'allow' });
    const releaseWorker = await holdServiceWorker(context);
    await page.goto(url);
    await page.getByRole('link', { name: newest.title }).waitFor();

    // The agency publishes while the reader looks at the headlines, before the worker takes the page.
    const breaking = await publishStory(dataDir, backend, newest, {
      id: 'breaking-first-visit',
      title: 'Breaking story published during the first visit',
    });

    releaseWorker();
    await untilServedByWorker(page);
    // The tab comes back into view: the feed checks for newer stories, and says how many.
    await page.evaluate(() => window.dispatchEvent(new Event('visibilitychange')));
    await page
      .getByRole('button', { name: '1 new story' })
      .or(page.getByRole('link', { name: breaking.title }))
      .waitFor();
    expect(await page.locator('.news-item h3 a').first().textContent()).toBe(newest.title);
    await page.getByRole('button', { name: '1 new story' }).waitFor({ timeout: 1000 });

    const fetchedAgain = answered.filter(
      (request, i) => !request.includes('since=') && answered.indexOf(request) !== i,
    );
    expect(fetchedAgain).toEqual([]);
    expect(errors).toEqual([]);
  });
});

describe('offline after a first visit that left the feed at once', () => {
  let app: AppServer | undefined;
  afterEach(async () => {
    await app?.stop();
    app = undefined;
  });

  it('opens the feed offline with the news the reader saw, and the story they opened', async () => {
    app = await startAppServer(inject('distDir'));
    const { page, context } = await openPage(undefined, { serviceWorkers: 'allow' });
    const releaseWorker = await holdServiceWorker(context);
    await page.goto(app.url);
    // The reader opens a story as soon as the headlines show: the feed is gone before any worker could keep it.
    await page.getByRole('link', { name: second.title }).click();
    await page.getByRole('heading', { level: 1, name: second.title }).waitFor();

    releaseWorker();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    // Offline as soon as the worker has the page: what it is given needs no network. The story's answer was kept by
    // the app; the feed's came inside the server's page (its state), and is handed over as the API sent it.
    await app.stop();
    const { apiRequests } = app;
    app = undefined;
    await context.setOffline(true);
    await untilCached(page, `/api/articles/${second.id}`);
    await untilCached(page, '/api/articles?limit=20');
    // The browser never asked for the feed or the topics (checks for newer stories aside): they came with the page,
    // and were not asked again for the worker.
    expect(apiRequests).toContain(`/api/articles/${second.id}`);
    const feedOrTopics = /^\/api\/(?:topics|articles\?)(?!.*since=)/;
    expect(apiRequests.filter((request) => feedOrTopics.test(request))).toEqual([]);

    await page.goto(new URL('/', page.url()).href);
    await page
      .getByRole('link', { name: newest.title })
      .or(page.getByText(/The news could not be loaded|Waiting for the network to load the news/))
      .waitFor();
    await page.getByRole('link', { name: newest.title }).waitFor({ timeout: 1000 });
    await page.getByRole('link', { name: second.title }).click();
    await page.getByRole('heading', { level: 1, name: second.title }).waitFor();
    await page.getByText(second.pages[0]![0]!.slice(0, 60)).waitFor();
  });
});
