import type { Page } from 'playwright-core';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { readDataFolder } from '@/backend/embedded/news-data';
import { sortNewestFirst } from '@/backend/feed-cursor';
import { CODE_DOWNLOAD_FAILED } from '@/lib/lazy-with-retry';
import { answerWithShell, startAppServer, untilServedByWorker, type AppServer } from './app-server';
import { expectNoAxeViolations, setUpChromium } from './browser';

const newestFirst = sortNewestFirst(readDataFolder('mock-data').articles);
const { openPage } = setUpChromium();
const baseURL = inject('baseURL');

let app: AppServer | undefined;
afterEach(async () => {
  await app?.stop();
  app = undefined;
});

describe('offline after one visit (service worker)', () => {
  it('reloads offline into the feed with the offline notice; an opened article opens, another waits', async () => {
    app = await startAppServer(inject('distDir'));
    const { page, context } = await openPage(undefined, { serviceWorkers: 'allow' });
    const [first, second] = newestFirst as [(typeof newestFirst)[0], (typeof newestFirst)[0]];

    await page.goto(app.url);
    await page.getByRole('link', { name: first.title }).waitFor();
    // The worker installs during this first visit and takes the page; the news on screen were fetched before it
    // could keep them, so they are fetched again through it.
    await untilServedByWorker(page);
    await page.getByRole('link', { name: first.title }).click();
    await page.getByRole('heading', { level: 1, name: first.title }).waitFor();
    await page.goBack();
    await page.getByRole('link', { name: first.title }).waitFor();

    // No network at all: the browser offline, and the server gone (so the worker's own requests fail too).
    await app.stop();
    app = undefined;
    await context.setOffline(true);
    await page.reload();
    await page.getByRole('alert').filter({ hasText: 'You are offline.' }).waitFor();
    await page.getByRole('link', { name: first.title }).waitFor();
    await expect.poll(() => page.getByRole('heading', { level: 3 }).count()).toBe(20);
    await expectNoAxeViolations(page);

    await page.getByRole('link', { name: first.title }).click();
    await page.getByRole('heading', { level: 1, name: first.title }).waitFor();
    await page.getByText(first.pages[0]![0]!.slice(0, 60)).waitFor();

    // An article never opened is not there: it waits for the network, as without the worker.
    await page.goBack();
    await page.getByRole('link', { name: second.title }).click();
    await page.getByText('Waiting for the network to load this article…').waitFor({ timeout: 10_000 });
  });
});

describe('started offline', () => {
  /** The browser says it is offline when the app starts (as when it starts from a cache), and the API cannot be
   * reached; the page itself still comes from the server. */
  async function startOffline(page: Page) {
    // Offline, the page is the worker's copy of the app's shell.
    await answerWithShell(page, `${baseURL}/`);
    await page.addInitScript(() => {
      let online = false;
      Object.defineProperty(Navigator.prototype, 'onLine', { get: () => online, configurable: true });
      window.addEventListener('online', () => (online = true), { capture: true });
    });
    await page.route('**/api/**', (route) => route.abort('internetdisconnected'));
  }
  async function backOnline(page: Page) {
    await page.unroute('**/api/**');
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
  }

  it('says so at once, and loads the news when the browser is back online', async () => {
    const { page } = await openPage();
    await startOffline(page);
    await page.goto(baseURL);
    await page.getByRole('alert').filter({ hasText: 'You are offline.' }).waitFor();
    await page.getByText('Waiting for the network to load the news…').waitFor();
    await backOnline(page);
    await page.getByRole('link', { name: newestFirst[0]!.title }).waitFor();
    await page.getByRole('alert').filter({ hasText: 'You are offline.' }).waitFor({ state: 'detached' });
  });

  it('a search waits for the network instead of failing, and shows its results when it is back', async () => {
    const { page, context } = await openPage(undefined, { serviceWorkers: 'allow' });
    // A first visit leaves the app's code with its service worker; the app is then started offline on a search.
    await page.goto(baseURL);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    const offline = await context.newPage();
    await startOffline(offline);
    // The worker asks the server for the page first: offline, that fails too (the page's own routes never see what
    // the worker asks), so it answers with the app's shell.
    const searchPage = `${baseURL}/search?q=grain`;
    await context.route(searchPage, (route) => route.abort('internetdisconnected'));
    await offline.goto(searchPage);
    const waiting = offline.getByText('Waiting for the network to load the results…');
    await waiting.or(offline.getByText('The search failed.')).waitFor();
    expect(await waiting.isVisible()).toBe(true);
    await context.unroute(searchPage);
    await backOnline(offline);
    await offline.getByText(/That is all \d+ results/).waitFor();
  });
});

// Browsers long remembered a failed module download for the page's life (the HTML standard did until
// whatwg/html#10327; Chromium before its ModuleMapDoNotCacheFailedFetch feature, e.g. Chromium 150): each journey
// runs in today's Chromium and in one with that feature off.
for (const [name, extraArgs] of [
  ['Chromium', []],
  ['a Chromium that remembers failed module downloads', ['--disable-features=ModuleMapDoNotCacheFailedFetch']],
] as const) {
  describe(`code that could not be downloaded, in ${name}`, () => {
    const browser = setUpChromium({ extraArgs: [...extraArgs] });

    it("says when a view's code cannot be downloaded, and Try again fetches it", async () => {
      const { page } = await browser.openPage();
      await page.goto(baseURL);
      await page.getByRole('link', { name: newestFirst[0]!.title }).waitFor();
      await page.route('**/assets/search-page-*.js', (route) => route.abort('internetdisconnected'));
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Search' }).click();
      await page.getByText(CODE_DOWNLOAD_FAILED).waitFor();
      await page.unroute('**/assets/search-page-*.js');
      await page.getByRole('button', { name: 'Try again' }).click();
      await page.getByRole('heading', { level: 1, name: 'News Search' }).waitFor();
    });

    it('a story clicked offline before the worker has the views opens by itself once back online', async () => {
      const { page, context } = await browser.openPage();
      await page.goto(baseURL);
      await page.getByRole('link', { name: newestFirst[0]!.title }).waitFor();
      await context.setOffline(true);
      await page.getByRole('link', { name: newestFirst[0]!.title }).click();
      await page.getByText(CODE_DOWNLOAD_FAILED).waitFor();
      await context.setOffline(false);
      await page.getByRole('heading', { level: 1, name: newestFirst[0]!.title }).waitFor();
      await page.getByText(newestFirst[0]!.pages[0]![0]!.slice(0, 60)).waitFor();
    });

    it('offline: keeps the feed, and a failed "Show more" shows the story by itself once back online', async () => {
      const { page, context } = await browser.openPage();
      await page.goto(baseURL);
      await page.getByRole('link', { name: newestFirst[0]!.title }).waitFor();
      await context.setOffline(true);
      await page.getByRole('alert').filter({ hasText: 'You are offline.' }).waitFor();
      const item = page.getByRole('article').filter({ has: page.getByRole('link', { name: newestFirst[0]!.title }) });
      await item.getByRole('button', { name: /^Show more/ }).click();
      await item.getByText('The full text could not be loaded.').waitFor();
      // The rest of the feed is still there.
      await page.getByRole('link', { name: newestFirst[1]!.title }).waitFor();
      await context.setOffline(false);
      await page.getByRole('alert').filter({ hasText: 'You are offline.' }).waitFor({ state: 'detached' });
      await item.getByText(newestFirst[0]!.pages[0]![0]!.slice(0, 60)).waitFor();
    });
  });
}

describe('installable', () => {
  it('Chromium finds a valid manifest with icons and a worker in control, and no reason not to install', async () => {
    const { page, context } = await openPage(undefined, { serviceWorkers: 'allow' });
    await page.goto(inject('baseURL'));
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    const cdp = await context.newCDPSession(page);
    const manifest = await cdp.send('Page.getAppManifest');
    expect(manifest.errors).toEqual([]);
    expect(JSON.parse(manifest.data!)).toMatchObject({ name: 'Agency News', display: 'standalone', start_url: '/' });
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    // A test's browser context is a private window, where the desktop Chromium never installs (the headless shell
    // does not say so); that is the only reason allowed.
    expect(installabilityErrors.map((error) => error.errorId).filter((id) => id !== 'in-incognito')).toEqual([]);
  });
});
