import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { launchChromium } from './chromium';

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
}

/** A fresh page that records console errors, uncaught exceptions and policy violations. */
async function openPage(
  browser: Browser,
  violations: string[],
  viewport: Viewport = { width: 1280, height: 900 },
  { serviceWorkers = 'block', touch = false }: PageOptions = {},
) {
  const context = await browser.newContext({ viewport, serviceWorkers, hasTouch: touch, isMobile: touch });
  const page = await context.newPage();
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

export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary).toEqual([]);
}
