// The feed's first paint against static pages served by the same server and styled by the same CSS: the page the
// server renders with its scripts taken out (the goal's baseline: the same HTML, so the difference is what the app's
// JavaScript costs), and a lighter page of the same 20 headlines without the app's header, toolbar and buttons (the
// baseline before server rendering). Cold cache, phone viewport, 4x CPU throttling, runs interleaved so all see the
// same machine load.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { KEEP_NAMES_SHIM } from './stats.ts';

const PHONE = { width: 412, height: 823 };
const escape = (text: string) =>
  text.replace(/[&<>"]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[ch]!);

export interface Headline {
  id: string;
  title: string;
  lead: string;
  publishedAt: string;
  dateline?: string;
}

/** Writes outDir/static-page.html (before the server starts: it serves the files present then): the feed's page as
 * the server rendered it, without what runs code (its scripts and their preloads; the data island stays, as bytes
 * the page carries). */
export function writeStaticCopy(outDir: string, renderedPage: string): void {
  const html = renderedPage
    .replace(/<script\b[^>]*\bsrc="[^"]*"[^>]*><\/script>/g, '')
    .replace(/<link rel="modulepreload"[^>]*>/g, '');
  writeFileSync(path.join(outDir, 'static-page.html'), html);
}

/** Writes outDir/static-feed.html (before the server starts): the first page of the feed's headlines as plain HTML,
 * with the app's stylesheets. */
export function writeStaticFeed(outDir: string, items: readonly Headline[]): void {
  const appHtml = readFileSync(path.join(outDir, 'index.html'), 'utf8');
  const styles = [...appHtml.matchAll(/<link rel="stylesheet"[^>]*>/g)].map((m) => m[0]).join('\n');
  const articles = items
    .map(
      (
        a,
      ) => `<article class="news-item news-item--summaries"><div class="news-item__meta"><time>${a.publishedAt.slice(11, 16)}</time>
${a.dateline ? `<span class="news-item__dateline">${escape(a.dateline)}</span>` : ''}</div>
<h3 class="news-item__title"><a href="/news/${a.id}">${escape(a.title)}</a></h3>
<p class="news-item__summary">${escape(a.lead)}</p></article>`,
    )
    .join('\n');
  writeFileSync(
    path.join(outDir, 'static-feed.html'),
    `<!doctype html><html lang="en"><head><meta charset="UTF-8"><meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>Static feed</title>${styles}</head><body><header class="site-header"><div class="site-header__inner">
<a class="brand" href="/">Agency<span>News</span></a></div></header><main class="site-main"><h1>All news</h1>
<div class="feed-list">${articles}</div></main></body></html>`,
  );
}

/** Largest Contentful Paint of one cold load, in ms, with the CPU slowed `rate` times. */
async function coldLcp(browser: Browser, url: string, rate: number): Promise<number> {
  const context = await browser.newContext({ viewport: PHONE });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  await page.addInitScript(KEEP_NAMES_SHIM);
  await page.addInitScript(() => {
    const w = window as unknown as { lcp: number; storyPainted: boolean };
    w.lcp = 0;
    w.storyPainted = false;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { element?: Element | null })[]) {
        w.lcp = entry.startTime;
        if (entry.element?.closest('.news-item')) w.storyPainted = true;
      }
    }).observe({ type: 'largest-contentful-paint', buffered: true });
  });
  await page.goto(url);
  // Until a story is the largest paint so far (the load event can come before the first paint on a busy machine, and
  // a first paint of a half-parsed page shows only the header), polled in the page's own world: a locator would first
  // evaluate Playwright's injected script in the page (about 0.3 s at 4x CPU, seen in traces), which could fall
  // between the first paints.
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const check = () =>
          (window as unknown as { storyPainted: boolean }).storyPainted ? resolve() : setTimeout(check, 50);
        check();
      }),
  );
  await page.waitForTimeout(400); // later, larger paints would still count
  const lcp = await page.evaluate(() => (window as unknown as { lcp: number }).lcp);
  await context.close();
  return lcp;
}

/** `runs` interleaved rounds of every page (the order rotates), so slow spells of the machine hit all pages alike.
 * The LCPs in the order of `urls`. */
export async function compareLcp(browser: Browser, urls: readonly string[], runs: number, rate = 4) {
  const times = urls.map((): number[] => []);
  for (const url of urls) await coldLcp(browser, url, rate); // warm the server and the OS file cache, not the browser's
  for (let i = 0; i < runs; i++) {
    for (let j = 0; j < urls.length; j++) {
      const k = (i + j) % urls.length;
      times[k]!.push(await coldLcp(browser, urls[k]!, rate));
    }
  }
  return times;
}
