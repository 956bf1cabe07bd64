// A returning reader, with the service worker in control: page loads come from the server (its rendered page, with
// the news published since), and offline the page kept from an earlier visit, or the app's shell, renders from what
// the worker kept, never from the kept page's old state.
import { rmSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { createEmbeddedBackend, type EmbeddedBackend } from '@/backend/embedded/embedded-backend';
import { createProductionServer } from '@/server/production-server';
import { articlesNewestFirst, copyOfSampleData } from '../helpers/fixtures';
import { publishStory, untilCached, untilServedByWorker } from './app-server';
import { setUpChromium } from './browser';

const { openPage } = setUpChromium();
const [newest] = articlesNewestFirst as [(typeof articlesNewestFirst)[0]];

let server: FastifyInstance | undefined;
let backend: EmbeddedBackend | undefined;
let dataDir = '';
afterEach(async () => {
  if (server) {
    const closing = server.close();
    server.server.closeAllConnections();
    await closing;
  }
  server = undefined;
  await backend?.close();
  backend = undefined;
  rmSync(dataDir, { recursive: true, force: true });
});

/** The production server over a copy of the sample data, which a test may add stories to. */
async function startServer() {
  dataDir = copyOfSampleData();
  const log = { info: () => {}, error: () => {} };
  backend = await createEmbeddedBackend({ dataDir, cacheDir: null, log, settleMs: 50 });
  server = await createProductionServer({ distDir: inject('distDir'), backend });
  await server.listen({ port: 0, host: '127.0.0.1' });
  const address = server.server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return `http://127.0.0.1:${address.port}`;
}

describe('a returning reader (service worker in control)', () => {
  it("gets the server's page, and offline the kept page or the app, showing what the worker kept", async () => {
    const url = await startServer();
    const { page, context, errors } = await openPage(undefined, { serviceWorkers: 'allow' });
    await page.goto(url);
    await untilServedByWorker(page);

    // Published after the worker was installed: a page from the worker's precache could not hold it.
    const story = await publishStory(dataDir, backend!, newest, {
      id: 'published-after-the-worker',
      title: 'Story published after the reader installed the app',
    });
    const feed = await page.goto(url);
    expect(feed?.fromServiceWorker()).toBe(true);
    const feedHtml = await feed!.text();
    expect(feedHtml).toContain(story.title);
    expect(feedHtml).toContain('id="page-state"');
    await page.getByRole('link', { name: story.title }).waitFor();
    // The answers the page was rendered from go to the worker's caches, as the API's own (nothing asked again).
    await untilCached(page, '/api/articles?limit=20', story.id);
    const article = await page.goto(`${url}/news/${story.id}`);
    expect(article?.fromServiceWorker()).toBe(true);
    expect(await article!.text()).toContain(story.title);
    await page.getByRole('heading', { level: 1, name: story.title }).waitFor();
    await untilCached(page, `/api/articles/${story.id}`);

    // No network at all: the browser offline, and the server gone (so the worker's own requests fail too).
    await server!.close();
    server!.server.closeAllConnections();
    server = undefined;
    await context.setOffline(true);
    errors.splice(0); // requests the open page made as the server went: not what is tested here

    // The kept page: its HTML, without its state; the app renders it from the worker's API caches.
    const kept = await page.goto(url);
    expect(kept?.fromServiceWorker()).toBe(true);
    const keptHtml = await kept!.text();
    expect(keptHtml).toContain(story.title);
    expect(keptHtml).not.toContain('id="page-state"');
    await page.getByRole('alert').filter({ hasText: 'You are offline.' }).waitFor();
    await page.getByRole('link', { name: story.title }).waitFor();
    await expect.poll(() => page.getByRole('heading', { level: 3 }).count()).toBe(20);

    await page.goto(`${url}/news/${story.id}`);
    await page.getByRole('heading', { level: 1, name: story.title }).waitFor();
    await page.getByText(story.pages[0]![0]!.slice(0, 60)).waitFor();

    // Searches are not kept: the shell, and the search waits for the network.
    const search = await page.goto(`${url}/search?q=grain`);
    expect(await search!.text()).not.toContain('id="page-state"');
    await page.getByText('Waiting for the network to load the results…').waitFor();
  });
});
