// The live poller as the servers start it: when NEWS_FEEDS names feeds, they are polled every NEWS_REFRESH_MINUTES
// (default 15; fractions for tests: 0.05 is 3 s) into the server's store; NEWS_ALLOW_PRIVATE=1 lets it fetch from
// private addresses (the tests' local servers). With PostgreSQL, only the server holding the poller lock polls.
import { parseNewsFeedsSetting } from '../backend/news-feeds/feed-config.ts';
import { FeedPoller, type PollerLease, type PollerLog } from '../backend/news-feeds/feed-poller.ts';
import type { Backend } from '../backend/ports.ts';
import { PollerLock } from '../backend/postgres/poller-lock.ts';

const DEFAULT_REFRESH_MINUTES = 15;
/** A server without the lock tries for it this often (at most), so another takes over soon after the holder stops. */
const LOCK_RETRY_MS = 30_000;

export interface RunningPoller {
  poller: FeedPoller;
  /** e.g. "3 news feeds every 15 min" for the start line. */
  description: string;
  stop(): Promise<void>;
}

/** NEWS_REFRESH_MINUTES in ms; a value that is not a positive number is refused with what was expected. */
function refreshMsFromEnv(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === '') return DEFAULT_REFRESH_MINUTES * 60_000;
  const minutes = Number(raw);
  if (!Number.isFinite(minutes) || minutes <= 0) {
    throw new Error(`NEWS_REFRESH_MINUTES must be a positive number of minutes (e.g. 15 or 0.5), got "${raw}"`);
  }
  return Math.round(minutes * 60_000);
}

/** The poller the environment asks for, started; null when NEWS_FEEDS names no feeds. Throws on a bad setting. */
export function startNewsPoller(backend: Backend, log: PollerLog, env = process.env): RunningPoller | null {
  const feeds = parseNewsFeedsSetting(env.NEWS_FEEDS);
  if (feeds.length === 0) return null;
  const refreshMs = refreshMsFromEnv(env.NEWS_REFRESH_MINUTES);
  const lock =
    backend.kind === 'postgres' && env.DATABASE_URL
      ? new PollerLock({
          url: env.DATABASE_URL,
          log: { ...log, error: (message) => log.warn(message) },
          retryMs: Math.min(refreshMs, LOCK_RETRY_MS),
        })
      : null;
  const lease: PollerLease = lock ?? { held: true };
  lock?.start();
  const poller = new FeedPoller({
    feeds,
    news: backend.news,
    refreshMs,
    allowPrivate: env.NEWS_ALLOW_PRIVATE === '1',
    log,
    lease,
  });
  poller.start();
  const every = refreshMs >= 60_000 ? `${refreshMs / 60_000} min` : `${refreshMs / 1000} s`;
  return {
    poller,
    description: `${feeds.length} news feed${feeds.length === 1 ? '' : 's'} every ${every}`,
    async stop() {
      await poller.stop();
      await lock?.close();
    },
  };
}
