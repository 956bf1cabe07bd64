// What the live tests share: a local feed server that changes its feed, answers 304, fails on request and serves a
// story page with navigation and asides around the article; the two stores to poll into; waiting for a poll.
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createEmbeddedBackend } from '@/backend/embedded/embedded-backend';
import type { FeedPoller, PollReport } from '@/backend/news-feeds/feed-poller';
import type { Backend } from '@/backend/ports';
import { createPostgresBackend } from '@/backend/postgres/postgres-backend';
import { createTestDatabase } from './test-database';

const storyPage = readFileSync(new URL('../fixtures/news-live/story-page.html', import.meta.url), 'utf8');

/** One item of a test feed. */
export interface FeedItem {
  guid: string;
  title: string;
  /** Published this long before the poll's now. */
  minutesAgo: number;
  /** The story's page: a story page on the feed server unless given. */
  link: string;
  description: string;
}

/** What one feed of the server answers now. */
interface FeedScript {
  /** The items the feed lists, as RSS 2.0. */
  stories: FeedItem[];
  /** Answer this status instead (500, 429...), with these headers. */
  failWith?: { status: number; headers?: Record<string, string> };
  /** Answer a body no importer can read. */
  malformed?: boolean;
  ttlMinutes?: number;
}

export interface FeedServer {
  base: string;
  /** Each feed's script, by path ("/a.xml"); change it between polls. */
  feeds: Map<string, FeedScript>;
  /** Requests per path, and how many carried If-None-Match. */
  hits: Map<string, { requests: number; conditional: number }>;
  close(): Promise<void>;
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The feed as RSS 2.0 (dates fixed when the item was made, so an unchanged feed reads the same). */
const body = (script: FeedScript) =>
  `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Live Test Agency</title><link>https://agency.example/</link>
<description>Test feed</description>${script.ttlMinutes ? `<ttl>${script.ttlMinutes}</ttl>` : ''}
${script.stories
  .map(
    (item) => `<item><guid isPermaLink="false">${escapeXml(item.guid)}</guid><title>${escapeXml(item.title)}</title>
<link>${escapeXml(item.link)}</link><pubDate>${new Date(datedAt.get(item.guid)!).toUTCString()}</pubDate>
<category>World</category><description>${escapeXml(item.description)}</description></item>`,
  )
  .join('\n')}
</channel></rss>`;
/** Each item's date, fixed when it is made. */
const datedAt = new Map<string, number>();
const etagOf = (text: string) => `"${createHash('sha256').update(text).digest('base64url').slice(0, 16)}"`;

export async function startFeedServer(): Promise<FeedServer> {
  const feeds = new Map<string, FeedScript>();
  const hits = new Map<string, { requests: number; conditional: number }>();
  const server = http.createServer((request, response) => {
    const url = request.url ?? '/';
    const hit = hits.get(url) ?? { requests: 0, conditional: 0 };
    hits.set(url, hit);
    hit.requests++;
    if (request.headers['if-none-match']) hit.conditional++;
    if (url.startsWith('/story/')) {
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(storyPage);
      return;
    }
    const script = feeds.get(url);
    if (!script) return void response.writeHead(404).end('no such feed');
    if (script.failWith) return void response.writeHead(script.failWith.status, script.failWith.headers).end('failed');
    if (script.malformed) {
      const page = '<!doctype html><html><body><h1>Service unavailable</h1></body></html>';
      return void response.writeHead(200, { 'Content-Type': 'text/html' }).end(page);
    }
    const text = body(script);
    const etag = etagOf(text);
    if (request.headers['if-none-match'] === etag) return void response.writeHead(304, { ETag: etag }).end();
    response.writeHead(200, { 'Content-Type': 'application/rss+xml; charset=utf-8', ETag: etag }).end(text);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    feeds,
    hits,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

let serial = 0;
/** An item published `minutesAgo` before now (whole seconds, as RSS dates are), its page on `server`. */
export function liveStory(server: FeedServer, minutesAgo: number, over: Partial<FeedItem> = {}): FeedItem {
  serial++;
  const item = {
    guid: `live-${serial}`,
    title: `Live story ${serial}`,
    minutesAgo,
    link: `${server.base}/story/${serial}`,
    description: `A summary from the feed about story ${serial}.`,
    ...over,
  };
  datedAt.set(item.guid, Math.floor((Date.now() - minutesAgo * 60_000) / 1000) * 1000);
  return item;
}

/** The next 'polled' report of `poller` that `matches`. */
export function nextReport(poller: FeedPoller, matches: (report: PollReport) => boolean): Promise<PollReport> {
  return new Promise((resolve) => {
    const listen = (report: PollReport) => {
      if (!matches(report)) return;
      poller.off('polled', listen);
      resolve(report);
    };
    poller.on('polled', listen);
  });
}

const quiet = { info: () => {}, warn: () => {}, error: () => {} };

/** An empty embedded store over a data folder of its own (the sample topics, no stories). */
export async function emptyEmbeddedStore(): Promise<Backend> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'news-live-'));
  writeFileSync(path.join(dir, 'topics.json'), readFileSync('mock-data/topics.json'));
  writeFileSync(path.join(dir, 'articles.json'), '[]\n');
  return createEmbeddedBackend({ dataDir: dir, cacheDir: null, watch: false, log: quiet });
}

/** An empty PostgreSQL store in a database of its own (the sample topics, no stories), dropped on close. */
export async function emptyPostgresStore(): Promise<Backend & { url: string }> {
  const database = await createTestDatabase('news_live');
  const backend = await createPostgresBackend({ url: database.url, log: quiet });
  if (!(await backend.ready)) throw new Error(`PostgreSQL at ${database.name} did not become ready`);
  await backend.news.upsert({ topics: JSON.parse(readFileSync('mock-data/topics.json', 'utf8')) });
  return Object.assign(Object.create(backend) as typeof backend, {
    url: database.url,
    async close() {
      await backend.close();
      await database.drop();
    },
  });
}
