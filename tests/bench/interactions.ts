// Event to next paint (Event Timing `duration`, the INP measure) of the interactions a reader repeats, at 4x CPU:
// the worst event of the interaction (or of any keystroke, for typing) per run.
import type { Browser, Page } from 'playwright-core';
import { untilHydrated } from '../e2e/until-hydrated.ts';
import { KEEP_NAMES_SHIM } from './stats.ts';

const DESKTOP = { width: 1280, height: 900 };
/** Event Timing reports nothing shorter than this; a run without entries was faster. */
const THRESHOLD_MS = 16;

async function openThrottled(browser: Browser, url: string, rate: number): Promise<Page> {
  const context = await browser.newContext({ viewport: DESKTOP });
  const page = await context.newPage();
  await page.addInitScript(KEEP_NAMES_SHIM);
  await page.addInitScript(() => {
    const w = window as unknown as { worst: number };
    w.worst = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as PerformanceEventTiming[]) {
        if (entry.interactionId) w.worst = Math.max(w.worst, entry.duration);
      }
    }).observe({ type: 'event', durationThreshold: 16, buffered: true } as PerformanceObserverInit);
  });
  await page.goto(url);
  // The server's HTML shows the boxes before the app has taken them over: typing then measured hydration (the first
  // load's rows measure that), not the interaction a reader repeats.
  await untilHydrated(page);
  // After the load, the update offer's code comes and the service worker registers: a first key then waited for that
  // work (worst keys of 150-250 ms, 50-80 ms once it was done).
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve, { timeout: 5000 })));
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  return page;
}

/** The longest interaction `act` causes, in ms (THRESHOLD_MS when every event was shorter than that). */
async function worstInteraction(page: Page, act: () => Promise<void>): Promise<number> {
  await page.evaluate(() => ((window as unknown as { worst: number }).worst = 0));
  await act();
  await page.waitForTimeout(500); // entries arrive after the next paint
  const worst = await page.evaluate(() => (window as unknown as { worst: number }).worst);
  return Math.max(worst, THRESHOLD_MS);
}

type Scenario = (browser: Browser, baseUrl: string, rate: number) => Promise<number>;

const scenarios: Record<string, Scenario> = {
  'topic toggle': async (browser, baseUrl, rate) => {
    const page = await openThrottled(browser, `${baseUrl}/`, rate);
    await page.locator('.news-item h3 a').first().waitFor();
    await page.getByRole('button', { name: /^Use filter/ }).click();
    const box = page.getByRole('checkbox', { name: /^World/ });
    await box.waitFor();
    const ms = await worstInteraction(page, () => box.click());
    await page.context().close();
    return ms;
  },
  'Show more (feed item)': async (browser, baseUrl, rate) => {
    const page = await openThrottled(browser, `${baseUrl}/`, rate);
    const button = page
      .locator('.news-item')
      .first()
      .getByRole('button', { name: /^Show more/ });
    await button.waitFor();
    const ms = await worstInteraction(page, () => button.click());
    await page.context().close();
    return ms;
  },
  'search typing': async (browser, baseUrl, rate) => {
    const page = await openThrottled(browser, `${baseUrl}/search?q=minister`, rate);
    const box = page.getByRole('searchbox', { name: 'Search the archive' });
    await page.locator('.search-results .news-item').first().waitFor();
    await box.focus();
    const ms = await worstInteraction(page, () => box.pressSequentially(' talks', { delay: 60 }));
    await page.context().close();
    return ms;
  },
  'converter typing': async (browser, baseUrl, rate) => {
    const page = await openThrottled(browser, `${baseUrl}/converter`, rate);
    const amount = page.getByRole('textbox', { name: 'Amount', exact: true });
    await amount.waitFor();
    // The clear is measured too: its event (fill('') presses Delete) is reported after the next paint, so with the
    // clear before the reset it was counted in some runs and not in others.
    const ms = await worstInteraction(page, async () => {
      await amount.fill('');
      await amount.pressSequentially('12345.67', { delay: 60 });
    });
    await page.context().close();
    return ms;
  },
};

export async function measureInteractions(browser: Browser, baseUrl: string, runs: number, rate = 4) {
  const results: Record<string, number[]> = {};
  for (let i = 0; i < runs; i++) {
    for (const [name, scenario] of Object.entries(scenarios))
      (results[name] ??= []).push(await scenario(browser, baseUrl, rate));
  }
  return results;
}
