// When a feed is polled next: the configured floor, how often the feed publishes, its ttl and caching headers,
// Retry-After, and backoff by error count with jitter, all within the floor and a day.
import { describe, expect, it } from 'vitest';
import {
  DAY_MS,
  maxAgeMs,
  MINUTE_MS,
  nextPoll,
  publishingGapMs,
  retryAfterMs,
  type PollResult,
} from '@/backend/news-feeds/poll-schedule';

const now = Date.parse('2026-12-05T12:00:00Z');
const floor = 15 * MINUTE_MS;
const middle = { now, floorMs: floor, random: () => 0.5 }; // jitter 0
const fresh = (more: Partial<PollResult> = {}): PollResult => ({
  outcome: 'fresh',
  errorCount: 0,
  publishedTimes: [],
  ...more,
});
/** Stories every `minutes` over the last `count` slots. */
const every = (minutes: number, count = 50) => Array.from({ length: count }, (_, i) => now - i * minutes * MINUTE_MS);

describe('publishingGapMs', () => {
  it("is the mean gap between the last week's stories, or the time since the newest when a feed went quiet", () => {
    expect(publishingGapMs(every(60, 168), now)).toBe(60 * MINUTE_MS);
    expect(publishingGapMs(every(2, 100), now)).toBe(2 * MINUTE_MS);
    expect(publishingGapMs([now - 3 * DAY_MS, now - 3 * DAY_MS - MINUTE_MS], now)).toBe(3 * DAY_MS);
    expect(publishingGapMs([now - 8 * DAY_MS], now)).toBe(DAY_MS);
    expect(publishingGapMs([], now)).toBeNull();
  });
});

describe('nextPoll', () => {
  it('polls at the configured interval when the feed tells nothing else', () => {
    expect(nextPoll(fresh(), middle)).toEqual({ delayMs: floor, reason: 'interval' });
    expect(nextPoll(fresh({ outcome: 'not_modified' }), middle)).toEqual({ delayMs: floor, reason: 'interval' });
  });

  it('never polls a busy feed more often than configured, and a slow one at half its gap, up to a day', () => {
    expect(nextPoll(fresh({ publishedTimes: every(2) }), middle).delayMs).toBe(floor);
    expect(nextPoll(fresh({ publishedTimes: every(120, 84) }), middle)).toEqual({
      delayMs: 60 * MINUTE_MS,
      reason: 'publishing',
    });
    expect(nextPoll(fresh({ publishedTimes: [now - 30 * DAY_MS] }), middle).delayMs).toBe(DAY_MS / 2);
    // A 304 keeps the rhythm learnt from the last feed read.
    expect(nextPoll(fresh({ outcome: 'not_modified', publishedTimes: every(120, 84) }), middle).delayMs).toBe(
      60 * MINUTE_MS,
    );
  });

  it('honours the RSS ttl and Cache-Control max-age when they ask for longer, capped at a day', () => {
    expect(nextPoll(fresh({ ttlMinutes: 60 }), middle)).toEqual({ delayMs: 60 * MINUTE_MS, reason: 'ttl' });
    expect(nextPoll(fresh({ ttlMinutes: 5 }), middle).delayMs).toBe(floor);
    expect(nextPoll(fresh({ cacheControl: 'public, max-age=3600' }), middle)).toEqual({
      delayMs: 60 * MINUTE_MS,
      reason: 'cache-control',
    });
    expect(nextPoll(fresh({ cacheControl: 'max-age=9999999' }), middle).delayMs).toBe(DAY_MS);
    expect(nextPoll(fresh({ cacheControl: 'no-cache, max-age=3600' }), middle).delayMs).toBe(floor);
  });

  it('waits at least as long as Retry-After says, in seconds or as a date, capped at a day', () => {
    const throttled = fresh({ outcome: 'failed', errorCount: 1, retryAfter: '7200' });
    expect(nextPoll(throttled, middle)).toEqual({ delayMs: 2 * 60 * MINUTE_MS, reason: 'retry-after' });
    const dated = new Date(now + 3 * 60 * MINUTE_MS).toUTCString();
    expect(nextPoll(fresh({ retryAfter: dated }), middle)).toEqual({
      delayMs: 3 * 60 * MINUTE_MS,
      reason: 'retry-after',
    });
    expect(nextPoll(fresh({ retryAfter: String(30 * 24 * 3600) }), middle).delayMs).toBe(DAY_MS);
    expect(nextPoll(fresh({ retryAfter: 'soon' }), middle).reason).toBe('interval');
  });

  it('backs off by error count, doubling up to a day', () => {
    const delays = [1, 2, 3, 4, 5, 6, 7, 8].map(
      (errorCount) => nextPoll(fresh({ outcome: 'failed', errorCount }), middle).delayMs / MINUTE_MS,
    );
    expect(delays).toEqual([15, 30, 60, 120, 240, 480, 960, 1440]);
  });

  it('spreads backoffs by up to a quarter and normal polls by up to a tenth, never below the floor', () => {
    const failed = fresh({ outcome: 'failed', errorCount: 3 });
    const at = (random: number, result: PollResult) => nextPoll(result, { ...middle, random: () => random }).delayMs;
    expect(at(0, failed)).toBe(45 * MINUTE_MS);
    expect(at(0.999999, failed)).toBeCloseTo(75 * MINUTE_MS, -3);
    expect(at(0, fresh())).toBe(floor);
    expect(at(0.999999, fresh())).toBeCloseTo(16.5 * MINUTE_MS, -3);
    const hourly = fresh({ publishedTimes: every(120, 84) });
    expect(at(0, hourly)).toBe(54 * MINUTE_MS);
  });

  it('keeps a test interval of seconds as the floor (NEWS_REFRESH_MINUTES=0.05)', () => {
    const quick = { ...middle, floorMs: 3000 };
    expect(nextPoll(fresh(), quick).delayMs).toBe(3000);
    expect(nextPoll(fresh({ outcome: 'failed', errorCount: 2 }), quick).delayMs).toBe(6000);
    // The stories' real dates would stretch a test's seconds to hours.
    expect(nextPoll(fresh({ publishedTimes: every(120, 84) }), quick).delayMs).toBe(3000);
  });
});

describe('header readers', () => {
  it('read max-age, s-maxage and Retry-After', () => {
    expect(maxAgeMs('max-age=60')).toBe(60_000);
    expect(maxAgeMs('public, s-maxage=120')).toBe(120_000);
    expect(maxAgeMs('no-store')).toBeNull();
    expect(maxAgeMs(null)).toBeNull();
    expect(retryAfterMs('120', now)).toBe(120_000);
    expect(retryAfterMs(new Date(now - 1000).toUTCString(), now)).toBe(0);
    expect(retryAfterMs('', now)).toBeNull();
  });
});
