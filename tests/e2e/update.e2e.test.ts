import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { startAppServer, untilServedByWorker, type AppServer } from './app-server';
import { expectNoAxeViolations, setUpChromium } from './browser';
import { buildApp } from './build-app';

const { openPage } = setUpChromium();

// The next version: the same app built again with one visible difference in its page and a change in its code, so
// its worker differs too.
let nextDist: string;
beforeAll(async () => {
  nextDist = mkdtempSync(path.join(os.tmpdir(), 'news-e2e-next-'));
  await buildApp(nextDist, {
    plugins: [
      {
        name: 'next-version',
        transformIndexHtml: (html) => html.replace('</head>', '<meta name="app-version" content="next" /></head>'),
        // New code too (a deploy changes it), so the first version's files go with its precache.
        transform: (code, id) =>
          id.endsWith('/src/main.tsx') ? `${code}\nReflect.set(globalThis, 'appVersion', 'next');` : null,
      },
    ],
  });
});
afterAll(() => rmSync(nextDist, { recursive: true, force: true }));

let app: AppServer | undefined;
afterEach(async () => {
  await app?.stop();
  app = undefined;
});

const versionOnScreen = (page: import('playwright-core').Page) =>
  page.evaluate(() => document.querySelector('meta[name="app-version"]')?.getAttribute('content') ?? 'first');

describe('a new version (service worker update)', () => {
  it('is offered with "Reload to update" after a new build is deployed, and runs once the reader accepts', async () => {
    app = await startAppServer(inject('distDir'));
    const { page, context, errors } = await openPage(undefined, { serviceWorkers: 'allow' });
    await page.goto(app.url);
    await untilServedByWorker(page);
    // A page the worker keeps for offline use, from this version.
    const converter = `${app.url}/converter`;
    await page.goto(converter);
    await page.getByRole('heading', { level: 1, name: 'Currency converter' }).waitFor();
    await page.goto(app.url);

    // Deploy the new build at the same address; the reader comes back to the open app.
    const { port } = app;
    await app.stop();
    app = await startAppServer(nextDist, port);
    // A request the open page made while no server was listening failed, as it should: not what is tested here.
    errors.splice(0);
    // The open app looks for a new version (as every hour; a page load would too, and would get the new version's
    // page from the server, network first).
    await page.evaluate(async () => void (await navigator.serviceWorker.getRegistration())?.update());
    const bar = page.getByRole('status').filter({ hasText: 'A new version is available.' });
    await bar.waitFor();
    // Until then the reader keeps the version they had, whole: the worker answers with its views' code, which the
    // new server no longer has.
    expect(await versionOnScreen(page)).toBe('first');
    await page.getByRole('heading', { level: 3 }).first().waitFor();
    await expectNoAxeViolations(page);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Search' }).click();
    await page.getByRole('heading', { level: 1, name: 'News Search' }).waitFor();
    await page.goBack();

    await bar.getByRole('button', { name: 'Reload to update' }).click();
    await expect.poll(() => versionOnScreen(page)).toBe('next');
    await page.getByRole('heading', { level: 3 }).first().waitFor();
    expect(await bar.isVisible()).toBe(false);
    expect(errors).toEqual([]);

    // Offline, the copy kept under the first version names code that went with it: the app's shell answers instead,
    // and the page works.
    await app.stop();
    app = undefined;
    await context.setOffline(true);
    await page.goto(converter);
    await page.getByRole('heading', { level: 1, name: 'Currency converter' }).waitFor();
    expect(await versionOnScreen(page)).toBe('next');
  });
});
