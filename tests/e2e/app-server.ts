// A production server of a test's own over a build, for journeys that stop it (offline) or swap the build behind the
// same address (a new version): the shared one from global-setup must stay up for the other files.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import {
  createEmbeddedBackendFromData,
  type EmbeddedBackend,
  type EmbeddedData,
} from '../../src/backend/embedded/embedded-backend.ts';
import { readDataFolder } from '../../src/backend/embedded/news-data.ts';
import type { ImageProxyOptions } from '../../src/backend/http/image-proxy.ts';
import type { Article } from '../../src/contract/news.ts';
import { createProductionServer } from '../../src/server/production-server.ts';

export interface AppServer {
  url: string;
  port: number;
  /** The API requests the browser made (path and query), in order; the server's render asks in-process. */
  apiRequests: string[];
  /** Stops at once: open connections are cut (the browser keeps some open, which would hold a plain close for the
   * 72 s keep-alive). */
  stop: () => Promise<void>;
}

/** Serves `distDir` on 127.0.0.1 (`port` 0: any free port), over `data` (default: the sample), with `images` as the
 * API's image proxy (default: none). */
export async function startAppServer(
  distDir: string,
  port = 0,
  { data, images }: { data?: EmbeddedData; images?: ImageProxyOptions } = {},
): Promise<AppServer> {
  const backend = await createEmbeddedBackendFromData(data ?? readDataFolder('mock-data'));
  const server = await createProductionServer({ distDir, backend, images });
  const apiRequests: string[] = [];
  server.addHook('onRequest', async (request) => {
    if (request.url.startsWith('/api/') && request.headers['x-page-render'] === undefined)
      apiRequests.push(request.url);
  });
  await server.listen({ port, host: '127.0.0.1' });
  const address = server.server.address();
  if (!address || typeof address === 'string') throw new Error('the server has no port');
  const stop = async () => {
    const closing = server.close();
    server.server.closeAllConnections();
    await closing;
  };
  return { url: `http://127.0.0.1:${address.port}`, port: address.port, apiRequests, stop };
}

/**
 * The agency publishes a story (a copy of `like`, an hour newer) in the data folder `dataDir` that `backend` watches;
 * resolves once the backend has it first in the feed.
 */
export async function publishStory(
  dataDir: string,
  backend: EmbeddedBackend,
  like: Article,
  { id, title }: { id: string; title: string },
): Promise<Article> {
  const story = {
    ...like,
    id,
    title,
    publishedAt: new Date(Date.parse(like.publishedAt) + 3_600_000).toISOString(),
    related: [],
  };
  const file = path.join(dataDir, 'articles.json');
  writeFileSync(file, JSON.stringify([...(JSON.parse(readFileSync(file, 'utf8')) as unknown[]), story]));
  await expect
    .poll(
      async () =>
        (await backend.news.feedPage({ topics: null, exclude: [], since: null, after: null, limit: 1 })).items[0]?.id,
    )
    .toBe(id);
  return story;
}

/** Until the app's service worker has taken the page and holds the news it showed (handed over by the app). */
export async function untilServedByWorker(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await untilCached(page, '/api/articles?limit=20');
}

/**
 * Until the worker's caches hold an answer for `path` (one whose text contains `containing`, when given). Polled from
 * here: Playwright's waitForFunction takes an async predicate's promise for a truthy answer and returns at once.
 */
export async function untilCached(page: Page, path: string, containing = ''): Promise<void> {
  await expect
    .poll(
      () =>
        page.evaluate(
          async ([where, text]) => (await (await caches.match(where!))?.text())?.includes(text!) ?? false,
          [path, containing],
        ),
      { timeout: 15_000 },
    )
    .toBe(true);
}

/**
 * Navigations to `pageUrl` answered with the app's shell (dist/index.html, with the server's headers), as the service
 * worker answers them offline or on a network slower than its timeout: the app then renders the page itself, asking
 * the API for everything (the server's rendered page would already hold the news).
 */
export async function answerWithShell(page: Page, pageUrl: string): Promise<void> {
  const shell = await fetch(new URL('/index.html', pageUrl));
  const headers = Object.fromEntries(
    [...shell.headers].filter(([name]) => !['content-encoding', 'content-length', 'transfer-encoding'].includes(name)),
  );
  const body = await shell.text();
  await page.route(pageUrl, (route) => route.fulfill({ status: 200, headers, body }));
}
