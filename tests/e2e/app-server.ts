// A production server of a test's own over a build, for journeys that stop it (offline) or swap the build behind the
// same address (a new version): the shared one from global-setup must stay up for the other files.
import type { Page } from 'playwright-core';
import { createEmbeddedBackendFromData, type EmbeddedData } from '../../src/backend/embedded/embedded-backend.ts';
import { readDataFolder } from '../../src/backend/embedded/news-data.ts';
import type { ImageProxyOptions } from '../../src/backend/http/image-proxy.ts';
import { createProductionServer } from '../../src/server/production-server.ts';

export interface AppServer {
  url: string;
  port: number;
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
  await server.listen({ port, host: '127.0.0.1' });
  const address = server.server.address();
  if (!address || typeof address === 'string') throw new Error('the server has no port');
  const stop = async () => {
    const closing = server.close();
    server.server.closeAllConnections();
    await closing;
  };
  return { url: `http://127.0.0.1:${address.port}`, port: address.port, stop };
}

/** Until the app's service worker has taken the page and holds the news it showed (handed over by the app). */
export async function untilServedByWorker(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await page.waitForFunction(async () => Boolean(await caches.match('/api/articles?limit=20')));
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
