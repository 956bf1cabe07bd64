import { afterEach, describe, expect, inject, it } from 'vitest';
import { loadMockData } from '@/mock-api/load-mock-data';
import { sortNewestFirst } from '@/mock-api/news-routes';
import { startAppServer, untilServedByWorker, type AppServer } from './app-server';
import { expectNoAxeViolations, setUpChromium } from './browser';

const newestFirst = sortNewestFirst(loadMockData('mock-data').articles);
const { openPage } = setUpChromium();

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
    // A test's browser context is a private window, where Chromium never installs; that is the only reason allowed.
    expect(installabilityErrors.map((error) => error.errorId)).toEqual(['in-incognito']);
  });
});
