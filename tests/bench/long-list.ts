// A feed with thousands of items loaded: how big the page gets and whether any task blocks it. Timed inside the
// page: Playwright's role locators walk the whole accessibility tree and would measure the harness, not the app.
import type { Browser } from 'playwright-core';
import { untilHydrated } from '../e2e/until-hydrated.ts';
import { KEEP_NAMES_SHIM } from './stats.ts';

export async function loadLongFeed(browser: Browser, baseUrl: string, target: number) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.addInitScript(KEEP_NAMES_SHIM);
  await page.addInitScript(() => {
    const w = window as unknown as { longest: number };
    w.longest = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.longest = Math.max(w.longest, entry.duration);
    }).observe({ type: 'longtask', buffered: false });
  });
  await page.goto(`${baseUrl}/`);
  // The server's HTML has the headlines before the app has taken them over; the load's own work (hydration, the
  // update offer's code, the service worker's registration) is done once the network and the main thread are quiet.
  await untilHydrated(page);
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve, { timeout: 5000 })));
  // From here on: the reader's own loading and scrolling (start-up is measured by the load rows).
  await page.evaluate(() => ((window as unknown as { longest: number }).longest = 0));
  const appendTimes = await page.evaluate(async (target) => {
    const times: number[] = [];
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    const button = () => document.querySelector<HTMLButtonElement>('.feed-more button');
    for (let loaded = 20; loaded < target; loaded += 20) {
      const t0 = performance.now();
      button()!.click();
      await frame();
      while (button()?.disabled) await frame();
      await frame(); // the frame that paints them
      times.push(performance.now() - t0);
      if (!button()) break; // the end of the news
    }
    return times;
  }, target);
  const scroll = await page.evaluate(async () => {
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    let worstFrame = 0;
    let last = performance.now();
    for (let y = 0; y < document.documentElement.scrollHeight; y += 3000) {
      window.scrollTo(0, y);
      await frame();
      worstFrame = Math.max(worstFrame, performance.now() - last);
      last = performance.now();
    }
    // And the very end (the steps above can stop up to one step short of it). Rows measured there change the
    // list's height, so go on to the bottom until the last row on screen stays the same for a few frames.
    const lastOnScreen = () =>
      Math.max(
        ...[...document.querySelectorAll('[aria-posinset]')].map((el) => Number(el.getAttribute('aria-posinset'))),
      );
    let lastPosition = 0;
    for (let frames = 0, steady = 0; frames < 120 && steady < 5; frames++) {
      window.scrollTo(0, document.documentElement.scrollHeight);
      await frame();
      const position = lastOnScreen();
      steady = position === lastPosition ? steady + 1 : 0;
      lastPosition = position;
    }
    window.scrollTo(0, document.documentElement.scrollHeight / 2);
    await frame();
    await frame();
    return { worstFrame, lastPosition, domNodes: document.getElementsByTagName('*').length };
  });
  const longestTask = await page.evaluate(() => (window as unknown as { longest: number }).longest);
  await page.close();
  return { appendTimes, longestTask, ...scroll };
}
