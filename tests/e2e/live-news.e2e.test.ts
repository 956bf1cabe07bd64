// Live news in Chromium: a server that polls a local feed (NEWS_FEEDS, NEWS_REFRESH_MINUTES=0.05, as the servers
// start the poller) tells the open feed page through its event stream, with the service worker in control, and the
// page offers "1 new story" long before its minute's check, without a reload.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { createEmbeddedBackend } from '@/backend/embedded/embedded-backend';
import type { Backend } from '@/backend/ports';
import { startNewsPoller, type RunningPoller } from '@/server/news-poller';
import { createProductionServer } from '@/server/production-server';
import { liveStory, startFeedServer, type FeedServer } from '../helpers/live-feeds';
import { untilServedByWorker } from './app-server';
import { setUpChromium } from './browser';

const { openPage } = setUpChromium();
const quiet = { info: () => {}, warn: () => {}, error: () => {} };

let feeds: FeedServer | undefined;
let backend: Backend | undefined;
let live: RunningPoller | null = null;
let app: FastifyInstance | undefined;
afterEach(async () => {
  if (app) {
    const closing = app.close();
    app.server.closeAllConnections();
    await closing;
  }
  await live?.stop();
  await backend?.close();
  await feeds?.close();
});

describe('live news in Chromium', () => {
  it('a story added to a polled feed reaches the open feed page as "1 new story" without a reload', async () => {
    feeds = await startFeedServer();
    const first = liveStory(feeds, 10, { title: 'Harbour reopens after the storm' });
    feeds.feeds.set('/live.xml', { stories: [first] });

    const dir = mkdtempSync(path.join(os.tmpdir(), 'news-live-e2e-'));
    for (const file of ['topics.json', 'articles.json']) {
      writeFileSync(path.join(dir, file), readFileSync(path.join('mock-data', file)));
    }
    backend = await createEmbeddedBackend({ dataDir: dir, cacheDir: null, watch: false, log: quiet });
    app = await createProductionServer({ distDir: inject('distDir'), backend });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const url = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
    live = startNewsPoller(backend, quiet, {
      NEWS_FEEDS: `${feeds.base}/live.xml`,
      NEWS_REFRESH_MINUTES: '0.05',
      NEWS_ALLOW_PRIVATE: '1',
    });
    expect(live?.description).toBe('1 news feed every 3 s');

    const { page } = await openPage(undefined, { serviceWorkers: 'allow' });
    await page.goto(url);
    await page.getByRole('link', { name: first.title }).waitFor();
    // With the worker in control, the event stream passes through it untouched.
    await untilServedByWorker(page);
    await page.reload();
    await page.getByRole('link', { name: first.title }).waitFor();
    await page.evaluate(() => void ((window as unknown as { stillThisPage: boolean }).stillThisPage = true));
    const opened = Date.now();

    const second = liveStory(feeds, 0, { title: 'Ferries sail again from the northern ports' });
    feeds.feeds.set('/live.xml', { stories: [second, first] });
    const banner = page.getByRole('button', { name: '1 new story' });
    // The minute's check would come at 60 s; the event stream brings it within a poll (3 s) and a moment.
    await banner.waitFor({ timeout: 30_000 });
    expect(Date.now() - opened).toBeLessThan(30_000);
    await banner.click();
    await expect.poll(() => page.getByRole('heading', { level: 3 }).first().textContent()).toBe(second.title);
    expect(await page.evaluate(() => (window as unknown as { stillThisPage?: boolean }).stillThisPage)).toBe(true);
  });
});
