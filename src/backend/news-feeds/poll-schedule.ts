// When to poll a feed next: pure arithmetic, so every rule is tested without clocks or servers. The configured
// interval (NEWS_REFRESH_MINUTES) is the floor; a feed that publishes rarely is polled less often (half its usual gap
// between stories, up to a day, as Miniflux's "entry frequency" and NewsBlur do; not under a one-minute floor, a test's); the feed's own wishes (RSS `ttl`,
// Cache-Control max-age, Retry-After) are honoured up to a day; failures back off by their count, doubling up to a
// day, with jitter so that feeds failing together do not come back together.

export const MINUTE_MS = 60_000;
export const DAY_MS = 24 * 60 * MINUTE_MS;
/** A feed's stories over this window tell how often it publishes. */
const PUBLISHING_WINDOW_MS = 7 * DAY_MS;
/** Normal polls move by up to ±10 % (feeds configured together spread out); backoffs by up to ±25 %. */
const POLL_JITTER = 0.1;
const BACKOFF_JITTER = 0.25;

export interface PollResult {
  /** `fresh`: a new feed was read; `not_modified`: a 304; `failed`: no usable answer. */
  outcome: 'fresh' | 'not_modified' | 'failed';
  /** Failed polls in a row, this one included (0 after a success). */
  errorCount: number;
  /** The publication times (ms) of the feed's stories, as last read; empty when unknown. */
  publishedTimes: readonly number[];
  /** RSS `ttl` (minutes), when the feed gives one. */
  ttlMinutes?: number | null;
  /** The answer's headers, when there was one. */
  cacheControl?: string | null;
  retryAfter?: string | null;
}

export interface ScheduleContext {
  now: number;
  /** NEWS_REFRESH_MINUTES in ms: the shortest interval. */
  floorMs: number;
  /** A number in [0, 1): Math.random, or a fixed value in tests. */
  random: () => number;
}

export interface NextPoll {
  delayMs: number;
  /** What set the delay, for the log and the tests. */
  reason: 'interval' | 'publishing' | 'ttl' | 'cache-control' | 'retry-after' | 'backoff';
}

/**
 * How often the feed publishes: the mean gap between its stories of the last week, or the time since its newest story
 * when that is longer (a feed that has gone quiet); a day when none is that recent; null when it says nothing.
 */
export function publishingGapMs(publishedTimes: readonly number[], now: number): number | null {
  if (publishedTimes.length === 0) return null;
  const recent = publishedTimes.filter((time) => time > now - PUBLISHING_WINDOW_MS && time <= now + DAY_MS);
  if (recent.length < 2) return DAY_MS;
  const newest = Math.max(...recent);
  const meanGap = (newest - Math.min(...recent)) / (recent.length - 1);
  return Math.max(meanGap, now - newest);
}

/** Cache-Control's max-age (or s-maxage) in ms; null when absent or when the answer may not be reused at all. */
export function maxAgeMs(cacheControl: string | null | undefined): number | null {
  if (!cacheControl || /(^|,)\s*(no-store|no-cache)\s*(,|$)/i.test(cacheControl)) return null;
  const match = /(?:^|,)\s*(?:s-maxage|max-age)\s*=\s*"?(\d+)"?/i.exec(cacheControl);
  return match ? Number(match[1]) * 1000 : null;
}

/** Retry-After as seconds or an HTTP date, in ms from `now`; null when absent or unreadable. */
export function retryAfterMs(retryAfter: string | null | undefined, now: number): number | null {
  if (!retryAfter) return null;
  const text = retryAfter.trim();
  const ms = /^\d+$/.test(text) ? Number(text) * 1000 : Date.parse(text) - now;
  return Number.isFinite(ms) ? Math.max(0, ms) : null;
}

const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));
const jittered = (ms: number, spread: number, random: () => number) => ms * (1 + spread * (2 * random() - 1));

/** The interval before the next poll of a feed after `result`. */
export function nextPoll(result: PollResult, { now, floorMs, random }: ScheduleContext): NextPoll {
  const ceilingMs = Math.max(floorMs, DAY_MS);
  const fit = (ms: number) => clamp(ms, floorMs, ceilingMs);

  let next: NextPoll = { delayMs: floorMs, reason: 'interval' };
  // Below a minute the interval is a test's (NEWS_REFRESH_MINUTES=0.05): stories' real dates would stretch it to
  // hours, so the publishing rhythm is left out there.
  const gap = floorMs >= MINUTE_MS ? publishingGapMs(result.publishedTimes, now) : null;
  if (gap !== null && gap / 2 > next.delayMs) next = { delayMs: gap / 2, reason: 'publishing' };

  if (result.outcome === 'failed') {
    const backoff = next.delayMs * 2 ** Math.max(0, result.errorCount - 1);
    next = { delayMs: fit(jittered(backoff, BACKOFF_JITTER, random)), reason: 'backoff' };
  } else {
    next = { delayMs: fit(jittered(next.delayMs, POLL_JITTER, random)), reason: next.reason };
    const ttl = result.ttlMinutes ? result.ttlMinutes * MINUTE_MS : null;
    if (ttl !== null && ttl > next.delayMs) next = { delayMs: fit(ttl), reason: 'ttl' };
    const maxAge = maxAgeMs(result.cacheControl);
    if (maxAge !== null && maxAge > next.delayMs) next = { delayMs: fit(maxAge), reason: 'cache-control' };
  }
  // Asked to wait (429, 503, or a success saying so): never sooner, whatever the other rules say.
  const wait = retryAfterMs(result.retryAfter, now);
  if (wait !== null && wait > next.delayMs) next = { delayMs: fit(wait), reason: 'retry-after' };
  return { delayMs: Math.round(next.delayMs), reason: next.reason };
}
