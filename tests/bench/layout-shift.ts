// Cumulative Layout Shift of every view's load, phone (4x CPU) and desktop, measured in the bench's Chromium with
// web-vitals' onCLS (its UMD build sets `webVitals` in the page; the session windows of the Core Web Vitals definition). Lighthouse did this before: 12.8.2,
// the last release for Node 20, hangs against Debian's Chromium 156 (PROTOCOL_TIMEOUT after "Navigating", even on a
// page without scripts), so `npm run bench` never printed its table.
import { createRequire } from 'node:module';
import type { Browser } from 'playwright-core';
import type { onCLS } from 'web-vitals';
import { untilHydrated } from '../e2e/until-hydrated.ts';
import { KEEP_NAMES_SHIM, type Row } from './stats.ts';

const CLS_GOAL = 0.02;
const webVitalsScript = createRequire(import.meta.url).resolve('web-vitals');

const presets = {
  phone: { viewport: { width: 412, height: 823 }, isMobile: true, hasTouch: true, cpu: 4 },
  desktop: { viewport: { width: 1350, height: 940 }, isMobile: false, hasTouch: false, cpu: 1 },
};

/** The page's CLS once it has loaded, taken over its HTML and settled: its images and lazy parts in place. */
async function layoutShift(browser: Browser, url: string, preset: keyof typeof presets): Promise<number> {
  const { cpu, ...device } = presets[preset];
  const context = await browser.newContext({ ...device, serviceWorkers: 'block' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
  await page.addInitScript(KEEP_NAMES_SHIM);
  await page.addInitScript({ path: webVitalsScript });
  await page.addInitScript(() => {
    const w = window as unknown as {
      cls: number;
      webVitals: { onCLS: typeof onCLS };
    };
    w.cls = 0;
    w.webVitals.onCLS((metric) => (w.cls = metric.value), { reportAllChanges: true });
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  await untilHydrated(page);
  // What hydration and the lazy parts it loads change comes within a few frames of the last request.
  await page.waitForLoadState('networkidle');
  const cls = await page.evaluate(() => (window as unknown as { cls: number }).cls);
  await context.close();
  return cls;
}

/** One row per view and preset: the worst of `runs` loads against the goal. */
export async function layoutShiftRows(
  browser: Browser,
  origin: string,
  views: Record<string, string>,
  label: string,
  runs = 3,
): Promise<Row[]> {
  const rows: Row[] = [];
  for (const preset of Object.keys(presets) as (keyof typeof presets)[]) {
    for (const [view, address] of Object.entries(views)) {
      const values: number[] = [];
      for (let i = 0; i < runs; i++) values.push(await layoutShift(browser, `${origin}${address}`, preset));
      const worst = Math.max(...values);
      rows.push({
        measure: `layout shift (CLS), ${preset === 'phone' ? 'phone, 4x CPU' : 'desktop'}: ${view} (${label})`,
        goal: `< ${CLS_GOAL}`,
        figure: `${worst.toFixed(4)} worst of ${runs} loads`,
        ok: worst < CLS_GOAL,
      });
    }
  }
  return rows;
}
