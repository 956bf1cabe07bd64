// The poller's politeness, measured: the real FeedPoller on a simulated clock (fake timers) against a feed that
// publishes every N minutes and answers 304 when nothing changed, at the default interval (15 min). Prints requests
// per feed per hour and the 304 share for each N (the README and the closing note quote them), and holds
// the poller to them.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FeedPoller, type FeedImporter } from '@/backend/news-feeds/feed-poller';
import type { SafeFetchResponse } from '@/backend/news-feeds/safe-fetch';
import type { NewsStorePort } from '@/backend/ports';
import type { Article } from '@/contract/news';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const START = Date.parse('2026-12-01T00:00:00Z');

beforeEach(() => {
  vi.useFakeTimers({ now: START, toFake: ['setTimeout', 'clearTimeout', 'Date'] });
});
afterEach(() => {
  vi.useRealTimers();
});

interface Measured {
  requestsPerHour: number;
  notModifiedShare: number;
  /** The mean time from a story's publication to the poll that brought it, in minutes. */
  meanDelayMinutes: number;
}

/** The same jitter on every run (a linear congruential sequence), so the figures are reproducible. */
function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

/** Polls a feed publishing every `everyMinutes` for `hours` simulated hours (after a first day to settle). */
async function measure(everyMinutes: number, hours = 48): Promise<Measured> {
  const publishedAt = (n: number) => START - 7 * 24 * HOUR + n * everyMinutes * MINUTE;
  /** Stories published by `now` (the feed lists the last 50). */
  const countBy = (now: number) => Math.floor((now - publishedAt(0)) / (everyMinutes * MINUTE)) + 1;
  let counting = false;
  let requests = 0;
  let notModified = 0;
  const delays: number[] = [];
  const seen = new Set<number>();

  const safeFetch = async (_url: string, options: { headers?: Record<string, string> }) => {
    const now = Date.now();
    const etag = `"${countBy(now)}"`;
    if (counting) requests++;
    const not = options.headers?.['If-None-Match'] === etag;
    if (not && counting) notModified++;
    return {
      url: 'https://agency.example/feed',
      status: not ? 304 : 200,
      headers: new Headers({ etag }),
      body: new TextEncoder().encode(String(countBy(now))),
    } satisfies SafeFetchResponse;
  };
  const importFeed: FeedImporter = async ({ body }) => {
    const count = Number(new TextDecoder().decode(body));
    const articles: Article[] = [];
    for (let n = Math.max(0, count - 50); n < count; n++) {
      if (counting && !seen.has(n) && publishedAt(n) >= START + 24 * HOUR) delays.push(Date.now() - publishedAt(n));
      seen.add(n);
      articles.push({
        id: `s-${n}`,
        title: `Story ${n}`,
        lead: '',
        publishedAt: new Date(publishedAt(n)).toISOString(),
        topics: ['world'],
        pages: [['Text.']],
      });
    }
    return { batch: { articles } };
  };
  const news = { upsert: async () => ({ inserted: 0, updated: 0, unchanged: 0 }) } as unknown as NewsStorePort;
  const poller = new FeedPoller({
    feeds: [{ url: 'https://agency.example/feed' }],
    news,
    importFeed,
    safeFetch: safeFetch as never,
    refreshMs: 15 * MINUTE,
    random: seededRandom(everyMinutes),
    log: { info: () => {}, warn: () => {} },
  });
  poller.start();
  await vi.advanceTimersByTimeAsync(24 * HOUR);
  counting = true;
  await vi.advanceTimersByTimeAsync(hours * HOUR);
  await poller.stop();
  return {
    requestsPerHour: requests / hours,
    notModifiedShare: requests === 0 ? 0 : notModified / requests,
    meanDelayMinutes: delays.length === 0 ? 0 : delays.reduce((a, b) => a + b, 0) / delays.length / MINUTE,
  };
}

describe('poller politeness at the default interval (15 min)', () => {
  it('polls a busy feed about 4 times an hour, a quiet one far less, and never more often than configured', async () => {
    const rows: string[] = [];
    const results = new Map<number, Measured>();
    for (const every of [2, 5, 15, 60, 240, 1440]) {
      const measured = await measure(every);
      results.set(every, measured);
      rows.push(
        `publishing every ${String(every).padStart(4)} min: ${measured.requestsPerHour.toFixed(2)} requests/h, ` +
          `${Math.round(measured.notModifiedShare * 100)} % 304, new stories seen after ${measured.meanDelayMinutes.toFixed(0)} min on average`,
      );
    }
    console.log(`Poller politeness (simulated 48 h per feed):\n${rows.join('\n')}`);
    // Never above the configured 4 an hour (plus the up to 10 % jitter's effect on the mean).
    for (const { requestsPerHour } of results.values()) expect(requestsPerHour).toBeLessThanOrEqual(4.01);
    expect(results.get(2)!.requestsPerHour).toBeGreaterThan(3.5);
    expect(results.get(2)!.notModifiedShare).toBe(0);
    expect(results.get(60)!.requestsPerHour).toBeLessThan(2.5);
    expect(results.get(1440)!.requestsPerHour).toBeLessThan(0.2);
    expect(results.get(1440)!.notModifiedShare).toBeGreaterThanOrEqual(0.5);
  });
});
