import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults, RunOptions } from 'axe-core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { launchChromium } from './chromium';
import { untilHydrated } from './until-hydrated';

/**
 * One Chromium for the test file, closed after it. `openPage` gives a fresh context and page in it. Every test fails
 * on a Content-Security-Policy violation in any of its pages (the server sends a strict policy).
 */
export function setUpChromium({ extraArgs }: { extraArgs?: string[] } = {}) {
  let browser: Browser | undefined;
  const violations: string[] = [];
  beforeAll(async () => {
    browser = await launchChromium(extraArgs);
  });
  afterEach(() => {
    const found = violations.splice(0);
    expect(found, 'Content-Security-Policy violations').toEqual([]);
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    openPage: (viewport?: Viewport, options?: PageOptions) => openPage(browser!, violations, viewport, options),
    /** The violations recorded so far, taken out of the end-of-test check (for a test that causes one on purpose). */
    takeViolations: () => violations.splice(0),
  };
}

type Viewport = { width: number; height: number };

interface PageOptions {
  /** The app registers its service worker in production builds; only the tests of offline use and updates want it,
   * the others see the network as it is. */
  serviceWorkers?: 'allow' | 'block';
  /** A phone's touch screen: touch events, a coarse pointer and no hover (`hasTouch` and `isMobile`). */
  touch?: boolean;
  /** Scripts off: the reader whose browser runs no JavaScript. */
  javaScript?: boolean;
}

/** A fresh page that records console errors, uncaught exceptions and policy violations. */
async function openPage(
  browser: Browser,
  violations: string[],
  viewport: Viewport = { width: 1280, height: 900 },
  { serviceWorkers = 'block', touch = false, javaScript = true }: PageOptions = {},
) {
  const context = await browser.newContext({
    viewport,
    serviceWorkers,
    hasTouch: touch,
    isMobile: touch,
    javaScriptEnabled: javaScript,
  });
  const page = await context.newPage();
  // Navigations end when the page is the app's (hydrated), as they did when the app rendered every page itself.
  if (javaScript) {
    const { goto, reload } = page;
    page.goto = async (url, options) => {
      const response = await goto.call(page, url, options);
      if (options?.waitUntil !== 'commit') await untilHydrated(page);
      return response;
    };
    page.reload = async (options) => {
      const response = await reload.call(page, options);
      if (options?.waitUntil !== 'commit') await untilHydrated(page);
      return response;
    };
  }
  const errors: string[] = [];
  await page.exposeFunction('reportPolicyViolation', (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { reportPolicyViolation: (text: string) => void }).reportPolicyViolation;
      report(
        `${event.violatedDirective}: ${event.blockedURI || '(inline)'} at ${event.sourceFile}:${event.lineNumber}`,
      );
    });
  });
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return { page, context, errors };
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const axeOptions: RunOptions = {
  runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
  // Only the violations are read: the details of every passing node are not worth sending back.
  resultTypes: ['violations'],
};

/**
 * axe-core run in the page as it is. Its minified build goes into each document once: @axe-core/playwright's
 * AxeBuilder sends the 1.3 MB unminified build on every check, into the page and again into a new blank page where it
 * merges the results, which took 20-24 s a check on the feed on this (busy, 2-core) machine against 3.5-5 s here, so
 * the journeys that check every view ran past their 60 s.
 */
export async function expectNoAxeViolations(page: Page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const results = await page.evaluate(
    (options) => (window as unknown as { axe: { run: (o: RunOptions) => Promise<AxeResults> } }).axe.run(options),
    axeOptions,
  );
  const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary).toEqual([]);
}
