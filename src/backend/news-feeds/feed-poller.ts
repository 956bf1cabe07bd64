// The live half of "real news": the server polls each configured feed (NEWS_FEEDS) on the schedule of
// poll-schedule.ts, through safeFetch (conditional requests: a 304 costs no parsing and no write), imports what changed
// with the import pipeline and writes it through the store port's `upsert`, whose change notice reaches open pages
// (server-sent events) and, with PostgreSQL, the other servers. A feed that fails (unreachable, an error status,
// malformed) is logged and tried again later with backoff; the others go on; nothing already stored is ever removed,
// and a failed write keeps the feed's validators unset, so the next poll reads it again in full. Feeds marked
// `fullText` get each new story's text from its page (full-text.ts), after the summary is written, so stories appear
// at once; a page that fails is tried again on later polls (a few times) and the summary kept meanwhile.
// Only one server polls a shared store: `lease` says whether this one holds the role (PostgreSQL's advisory lock).
import { EventEmitter } from 'node:events';
import type { Article } from '../../contract/news.ts';
import type { NewsBatch, NewsStorePort } from '../ports.ts';
import type { FeedConfig } from './feed-config.ts';
import { fetchFullText as fetchFullTextOfPage, type FullTextOutcome, type FullTextOptions } from './full-text.ts';
import { importFeed } from './import-feed.ts';
import { nextPoll, type NextPoll, type PollResult } from './poll-schedule.ts';
import { safeFetch as safeFetchOfServer, type SafeFetchOptions } from './safe-fetch.ts';

/** What the import pipeline makes of one fetched feed. */
interface FeedImport {
  batch: NewsBatch;
  /** The feed's RSS `ttl` in minutes, when it gives one. */
  ttlMinutes?: number | null;
}

/** The import pipeline, given a fetched feed's bytes; throws (with the reason) on a malformed feed. */
export type FeedImporter = (fetched: {
  feed: FeedConfig;
  /** The final URL after redirects: relative links resolve against it. */
  url: string;
  body: Uint8Array;
  contentType: string | null;
}) => Promise<FeedImport>;

/** Whether this server holds the poller's role now (always, for a store no other server writes). */
export interface PollerLease {
  readonly held: boolean;
}

export interface PollerLog {
  info(message: string): void;
  warn(message: string): void;
}

/** What one feed's polls came to, since this server started (in memory, for tests, the bench and the log). */
export interface FeedPollStats {
  url: string;
  /** Feed requests sent (redirects followed count once). */
  requests: number;
  /** Of those, answered 304 Not Modified. */
  notModified: number;
  errors: number;
  /** Stories new to the store. */
  newStories: number;
  /** Full texts fetched and written; and pages that failed (the summary kept). */
  fullTexts: number;
  fullTextFailures: number;
  lastError: string | null;
  nextPollAt: number | null;
  /** Why the next poll is when it is (poll-schedule.ts's reason, or "standby" while another server polls). */
  nextPollReason: NextPoll['reason'] | 'standby' | null;
}

/** Emitted as 'polled' after each poll of a feed. */
export interface PollReport {
  url: string;
  outcome: PollResult['outcome'] | 'standby';
  newStories: number;
  error: string | null;
  delayMs: number;
}

export interface FeedPollerOptions {
  feeds: readonly FeedConfig[];
  news: NewsStorePort;
  /** Default: the import pipeline (import-feed.ts) against the store's topics and stories. */
  importFeed?: FeedImporter;
  /** NEWS_REFRESH_MINUTES in ms: the shortest interval between two polls of a feed. */
  refreshMs: number;
  /** NEWS_ALLOW_PRIVATE=1: feeds and pages on private addresses (the tests' local servers). */
  allowPrivate?: boolean;
  log: PollerLog;
  lease?: PollerLease;
  now?: () => number;
  random?: () => number;
  /** The fetchers (tests may count or slow them); default safeFetch and fetchFullText. */
  safeFetch?: typeof safeFetchOfServer;
  fetchFullText?: (url: string, options: FullTextOptions) => Promise<FullTextOutcome>;
}

const FEED_ACCEPT =
  'application/rss+xml, application/atom+xml, application/feed+json, application/rdf+xml;q=0.9, ' +
  'application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5';
const MAX_FEED_BYTES = 10 * 1024 * 1024;
const FEED_TIMEOUT_MS = 30_000;
/** A story page is tried this many times in all; then its summary stays. */
const FULL_TEXT_ATTEMPTS = 3;
/** Story pages fetched per poll of a feed at most (a new feed's first poll may list a hundred stories). */
const FULL_TEXTS_PER_POLL = 20;

interface FeedState {
  feed: FeedConfig;
  stats: FeedPollStats;
  etag: string | null;
  lastModified: string | null;
  errorCount: number;
  publishedTimes: number[];
  ttlMinutes: number | null;
  /** Stories of a fullText feed whose page is still to be read: the feed's version and the attempts so far. */
  pendingText: Map<string, { article: Article; attempts: number }>;
  timer: NodeJS.Timeout | null;
}

class FeedAnswerError extends Error {
  constructor(
    message: string,
    readonly retryAfter: string | null,
  ) {
    super(message);
  }
}

const ALWAYS_HELD: PollerLease = { held: true };

export class FeedPoller extends EventEmitter {
  private readonly states: FeedState[];
  private readonly running = new Set<Promise<void>>();
  private readonly controller = new AbortController();
  private stopped = false;

  constructor(private readonly options: FeedPollerOptions) {
    super();
    this.states = options.feeds.map((feed) => ({
      feed,
      stats: {
        url: feed.url,
        requests: 0,
        notModified: 0,
        errors: 0,
        newStories: 0,
        fullTexts: 0,
        fullTextFailures: 0,
        lastError: null,
        nextPollAt: null,
        nextPollReason: null,
      },
      etag: null,
      lastModified: null,
      errorCount: 0,
      publishedTimes: [],
      ttlMinutes: null,
      pendingText: new Map(),
      timer: null,
    }));
  }

  private get now(): number {
    return (this.options.now ?? Date.now)();
  }

  /** Polls every feed now, then each on its own schedule. */
  start(): void {
    for (const state of this.states) this.schedule(state, 0, null);
  }

  stats(): FeedPollStats[] {
    return this.states.map((state) => ({ ...state.stats }));
  }

  /** Stops the timers, cancels the requests in flight and waits for the polls under way to end. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.controller.abort();
    for (const state of this.states) if (state.timer) clearTimeout(state.timer);
    await Promise.allSettled([...this.running]);
  }

  private schedule(state: FeedState, delayMs: number, reason: FeedPollStats['nextPollReason']): void {
    if (this.stopped) return;
    state.stats.nextPollAt = this.now + delayMs;
    state.stats.nextPollReason = reason;
    state.timer = setTimeout(() => {
      state.timer = null;
      const run = this.poll(state).finally(() => this.running.delete(run));
      this.running.add(run);
    }, delayMs);
    state.timer.unref();
  }

  private async poll(state: FeedState): Promise<void> {
    const { options } = this;
    const { feed, stats } = state;
    if (!(options.lease ?? ALWAYS_HELD).held) {
      this.schedule(state, options.refreshMs, 'standby');
      this.emit('polled', {
        url: feed.url,
        outcome: 'standby',
        newStories: 0,
        error: null,
        delayMs: options.refreshMs,
      });
      return;
    }
    let result: PollResult;
    let newStories = 0;
    let failure: string | null = null;
    try {
      stats.requests++;
      const answer = await (options.safeFetch ?? safeFetchOfServer)(feed.url, {
        ...this.fetchRules(),
        accept: FEED_ACCEPT,
        maxBytes: MAX_FEED_BYTES,
        timeoutMs: FEED_TIMEOUT_MS,
        headers: {
          ...(state.etag ? { 'If-None-Match': state.etag } : {}),
          ...(state.lastModified ? { 'If-Modified-Since': state.lastModified } : {}),
        },
      });
      const headersOut = {
        cacheControl: answer.headers.get('cache-control'),
        retryAfter: answer.headers.get('retry-after'),
      };
      if (answer.status === 304) {
        stats.notModified++;
      } else if (answer.status !== 200) {
        throw new FeedAnswerError(`the feed answered ${answer.status}`, headersOut.retryAfter);
      } else {
        const imported = await (options.importFeed ?? this.importWithPipeline)({
          feed,
          url: answer.url,
          body: answer.body,
          contentType: answer.headers.get('content-type'),
        });
        newStories = await this.write(state, imported.batch);
        // Only once written: a failed write must make the next poll read the feed again, not get a 304.
        state.etag = answer.headers.get('etag');
        state.lastModified = answer.headers.get('last-modified');
        state.ttlMinutes = imported.ttlMinutes ?? null;
        state.publishedTimes = (imported.batch.articles ?? [])
          .filter((article) => !article.undated)
          .map((article) => Date.parse(article.publishedAt));
        stats.newStories += newStories;
      }
      if (feed.fullText) await this.readPendingTexts(state);
      state.errorCount = 0;
      result = {
        outcome: answer.status === 304 ? 'not_modified' : 'fresh',
        errorCount: 0,
        publishedTimes: state.publishedTimes,
        ttlMinutes: state.ttlMinutes,
        ...headersOut,
      };
    } catch (error) {
      if (this.stopped) return;
      failure = error instanceof Error ? error.message : String(error);
      state.errorCount++;
      stats.errors++;
      stats.lastError = failure;
      result = {
        outcome: 'failed',
        errorCount: state.errorCount,
        publishedTimes: state.publishedTimes,
        retryAfter: error instanceof FeedAnswerError ? error.retryAfter : null,
      };
    }
    if (this.stopped) return;
    const next = nextPoll(result, { now: this.now, floorMs: options.refreshMs, random: options.random ?? Math.random });
    if (failure !== null) {
      options.log.warn(
        `News feed ${feed.url}: ${failure} (${state.errorCount} in a row); trying again in ${describeDelay(next.delayMs)}`,
      );
    }
    this.schedule(state, next.delayMs, next.reason);
    const report: PollReport = {
      url: feed.url,
      outcome: result.outcome,
      newStories,
      error: failure,
      delayMs: next.delayMs,
    };
    this.emit('polled', report);
  }

  /** The import pipeline over this store: its topics for the categories, its stories for what changed. */
  private readonly importWithPipeline: FeedImporter = async ({ feed, url, body, contentType }) => {
    const { news } = this.options;
    const { url: _source, ...config } = feed;
    const topics = (await news.topics(null)).map(({ id, name }) => ({ id, name }));
    const imported = await importFeed({
      bytes: body,
      contentType: contentType ?? undefined,
      feedUrl: url,
      source: feed.url,
      config,
      topics,
      existing: (id) => news.article(id),
      now: this.now,
    });
    for (const warning of imported.report.warnings) this.options.log.warn(`News feed ${feed.url}: ${warning}`);
    return { batch: imported.batch };
  };

  private fetchRules(): Pick<SafeFetchOptions, 'allowPrivate' | 'signal'> {
    return { allowPrivate: this.options.allowPrivate ?? false, signal: this.controller.signal };
  }

  /**
   * Writes a feed's batch; returns how many stories were new. For a fullText feed, a stored story keeps the text read
   * from its page (the feed's version would put the summary back), and each new one is queued for its page.
   */
  private async write(state: FeedState, batch: NewsBatch): Promise<number> {
    const { news } = this.options;
    if (!state.feed.fullText) return (await news.upsert(batch)).inserted;
    const articles = batch.articles ?? [];
    const stored = await Promise.all(articles.map((article) => news.article(article.id)));
    const merged = articles.map((article, i) => {
      const before = stored[i];
      if (before && !state.pendingText.has(article.id)) return { ...article, pages: before.pages };
      return article;
    });
    const { inserted } = await news.upsert({ ...batch, articles: merged });
    articles.forEach((article, i) => {
      const pending = state.pendingText.get(article.id);
      if (pending) pending.article = article;
      else if (!stored[i] && article.url) state.pendingText.set(article.id, { article, attempts: 0 });
    });
    return inserted;
  }

  /** Reads the pages of a fullText feed's stories still waiting for them, and writes the texts found in one batch. */
  private async readPendingTexts(state: FeedState): Promise<void> {
    const { stats, pendingText } = state;
    const read = this.options.fetchFullText ?? fetchFullTextOfPage;
    const found: Article[] = [];
    for (const [id, pending] of [...pendingText].slice(0, FULL_TEXTS_PER_POLL)) {
      if (this.stopped) return;
      pending.attempts++;
      const outcome = await read(pending.article.url!, this.fetchRules());
      if (outcome.ok) {
        found.push({ ...pending.article, pages: outcome.pages });
        pendingText.delete(id);
        continue;
      }
      stats.fullTextFailures++;
      const last = pending.attempts >= FULL_TEXT_ATTEMPTS;
      if (last) pendingText.delete(id);
      this.options.log.warn(
        `News feed ${state.feed.url}: the text of ${pending.article.url} could not be read (${outcome.reason}); ` +
          (last ? 'keeping the summary' : 'keeping the summary and trying again on a later poll'),
      );
    }
    if (found.length === 0) return;
    await this.options.news.upsert({ articles: found });
    stats.fullTexts += found.length;
  }
}

const describeDelay = (ms: number) =>
  ms >= 3_600_000
    ? `${(ms / 3_600_000).toFixed(1)} h`
    : ms >= 60_000
      ? `${Math.round(ms / 60_000)} min`
      : `${ms / 1000} s`;
