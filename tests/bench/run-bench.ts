// `npm run bench`: bundle sizes, feed load timings in Chromium, a long-list run, and API latencies.
// Numbers on a shared 2-core machine are noisy: timings are medians of several cold runs.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { build, preview, type PreviewServer } from 'vite';
import { createMockApi } from '../../src/mock-api/api-core.ts';
import { loadMockData } from '../../src/mock-api/load-mock-data.ts';
import { launchChromium } from '../e2e/chromium.ts';

const FIRST_LOAD_BUDGET = 100 * 1024;
const gz = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;

type Manifest = Record<string, { file: string; imports?: string[] }>;

async function bundleSizes(outDir: string) {
  await build({ logLevel: 'silent', build: { outDir, emptyOutDir: true, manifest: true } });
  const manifest = JSON.parse(readFileSync(path.join(outDir, '.vite/manifest.json'), 'utf8')) as Manifest;
  const html = readFileSync(path.join(outDir, 'index.html'), 'utf8');
  const firstLoadFiles = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
  const firstLoad = firstLoadFiles.reduce((sum, f) => sum + gz(path.join(outDir, f)), 0);
  const inlineScripts = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>/g)].length;

  // A view's own JavaScript: its chunk and the chunks it pulls in that the first load does not have.
  const ownChunks = (key: string, seen = new Set<string>()): string[] => {
    const entry = manifest[key];
    if (!entry || seen.has(key) || firstLoadFiles.includes(entry.file)) return [];
    seen.add(key);
    return [entry.file, ...(entry.imports ?? []).flatMap((k) => ownChunks(k, seen))];
  };
  const views = Object.fromEntries(
    [
      'article/article-page.tsx',
      'search/search-page.tsx',
      'converter/converter-page.tsx',
      'converter/converter-box.tsx',
    ].map((view) => {
      const files = [...new Set(ownChunks(`src/features/${view}`))];
      return [view, files.reduce((sum, f) => sum + gz(path.join(outDir, f)), 0)];
    }),
  );
  return { firstLoad, firstLoadFiles, inlineScripts, views };
}

async function serve(outDir: string, dataDir?: string): Promise<{ server: PreviewServer; url: string }> {
  if (dataDir) process.env.MOCK_DATA_DIR = dataDir;
  else delete process.env.MOCK_DATA_DIR;
  const server = await preview({ logLevel: 'silent', build: { outDir }, preview: { port: 0, host: '127.0.0.1' } });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return { server, url: `http://127.0.0.1:${address.port}` };
}

async function feedLoadTimings(browser: Browser, url: string, runs = 7) {
  const fcp: number[] = [];
  const firstItem: number[] = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
    const page = await context.newPage();
    const start = Date.now();
    await page.goto(url);
    await page.locator('.feed-item h3 a').first().waitFor();
    firstItem.push(Date.now() - start);
    fcp.push(await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN));
    await context.close();
  }
  return { fcpMedianMs: Math.round(median(fcp)), firstItemVisibleMedianMs: median(firstItem), runs };
}

function writeLargeDataSet(count: number): string {
  const sample = loadMockData('mock-data');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-data-'));
  const start = Date.parse('2026-11-27T23:59:00+03:00');
  const articles = Array.from({ length: count }, (_, i) => {
    const base = sample.articles[i % sample.articles.length]!;
    const when = new Date(start - i * 7 * 60_000).toISOString().replace(/\.\d+Z$/, '+00:00');
    return {
      ...base,
      id: `${base.id}-copy-${i}`,
      title: `${base.title} (${i})`,
      publishedAt: when,
      related: undefined,
    };
  });
  writeFileSync(path.join(dir, 'topics.json'), JSON.stringify(sample.topics));
  writeFileSync(path.join(dir, 'articles.json'), JSON.stringify(articles));
  if (sample.rates) writeFileSync(path.join(dir, 'rates.json'), readFileSync('mock-data/rates.json'));
  return dir;
}

// Timed inside the page: Playwright's role locators walk the whole accessibility tree, which would
// measure the test harness rather than the app on a 2,000-item page.
async function longList(browser: Browser, url: string, target: number) {
  const page = await browser.newPage({ viewport: { width: Number(process.env.BENCH_WIDTH) || 1280, height: 900 } });
  await page.goto(url);
  await page.locator('.feed-item h3 a').first().waitFor();
  const appendTimes: number[] = [];
  while ((await page.locator('.feed-item').count()) < target) {
    appendTimes.push(
      await page.evaluate(async () => {
        const before = document.querySelectorAll('.feed-item').length;
        const t0 = performance.now();
        document.querySelector<HTMLButtonElement>('.feed-more button')!.click();
        while (document.querySelectorAll('.feed-item').length <= before) {
          await new Promise((resolve) => requestAnimationFrame(resolve));
        }
        await new Promise((resolve) => requestAnimationFrame(resolve)); // the frame that paints them
        return performance.now() - t0;
      }),
    );
  }
  const items = await page.locator('.feed-item').count();
  const domNodes = await page.evaluate(() => document.getElementsByTagName('*').length);
  // Scroll through the whole list: the longest frame says whether it stays smooth.
  const worstFrameMs = await page.evaluate(async () => {
    let worst = 0;
    let last = performance.now();
    const height = document.documentElement.scrollHeight;
    for (let y = 0; y < height; y += 2000) {
      window.scrollTo(0, y);
      await new Promise((resolve) => requestAnimationFrame(resolve));
      const now = performance.now();
      worst = Math.max(worst, now - last);
      last = now;
    }
    return worst;
  });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.locator('button[aria-controls]', { hasText: 'Use filter' }).click();
  const onlySports = page.locator('.filter-panel__topic', { hasText: 'Sports' }).locator('button');
  await onlySports.waitFor();
  await onlySports.evaluate((button) => button.setAttribute('data-bench', 'only-sports'));
  const filterSwitchMs = await page.evaluate(async () => {
    const t0 = performance.now();
    document.querySelector<HTMLButtonElement>('[data-bench="only-sports"]')!.click();
    while (document.querySelectorAll('.feed-item').length > 20 || !document.querySelector('.feed-item')) {
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
    return performance.now() - t0;
  });
  await page.close();
  return {
    items,
    domNodes,
    appendPageMedianMs: Math.round(median(appendTimes)),
    appendPageP95Ms: Math.round(percentile(appendTimes, 0.95)),
    worstScrollFrameMs: Math.round(worstFrameMs),
    filterSwitchMs: Math.round(filterSwitchMs),
  };
}

function apiLatency() {
  const api = createMockApi(loadMockData('mock-data'));
  const times: number[] = [];
  for (let i = 0; i < 500; i++) {
    const query = new URLSearchParams(i % 2 ? { topics: 'politics,economy', limit: '20' } : { limit: '50' });
    const t0 = performance.now();
    api({ method: 'GET', path: '/articles', query });
    times.push(performance.now() - t0);
  }
  return { medianMs: +median(times).toFixed(3), p95Ms: +percentile(times, 0.95).toFixed(3), count: times.length };
}

async function searchLatency() {
  try {
    const mod = (await import('./search-latency.bench-helper.ts')) as { measureSearchLatency?: () => Promise<unknown> };
    return mod.measureSearchLatency ? await mod.measureSearchLatency() : 'not available';
  } catch (error) {
    return `not available (${(error as Error).message})`;
  }
}

const outDir = mkdtempSync(path.join(os.tmpdir(), 'bench-dist-'));
const results: Record<string, unknown> = {};
const sizes = await bundleSizes(outDir);
results.bundle = {
  firstLoadJsGzip: kb(sizes.firstLoad),
  firstLoadBytes: sizes.firstLoad,
  budget: kb(FIRST_LOAD_BUDGET),
  withinBudget: sizes.firstLoad <= FIRST_LOAD_BUDGET,
  firstLoadFiles: sizes.firstLoadFiles,
  inlineScriptsInIndexHtml: sizes.inlineScripts,
  viewChunksGzip: Object.fromEntries(Object.entries(sizes.views).map(([k, v]) => [k, kb(v)])),
};
results.articlesApi = apiLatency();
results.searchApi = await searchLatency();

const browser = await launchChromium();
const small = await serve(outDir);
results.feedLoad = await feedLoadTimings(browser, small.url);
await small.server.close();

const largeDir = writeLargeDataSet(3000);
const large = await serve(outDir, largeDir);
results.longList = await longList(browser, large.url, 2000);
await large.server.close();
await browser.close();
rmSync(largeDir, { recursive: true, force: true });
rmSync(outDir, { recursive: true, force: true });

console.log(JSON.stringify(results, null, 2));
if (sizes.firstLoad > FIRST_LOAD_BUDGET || sizes.inlineScripts > 0) {
  console.log('BUDGET EXCEEDED');
  process.exitCode = 1;
}
