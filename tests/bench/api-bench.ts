// API figures for the bench at scale, measured against a real server process (start time and memory are
// process-level): time from spawning the process until the feed answers, until search is ready (cold, then warm
// from the disk cache), feed latency while the index builds, steady and peak RSS, search latency over the 200
// queries of bench-queries.ts, and the feed's topic filter, deep cursor pages and topics.
//   npx tsx tests/bench/api-bench.ts DATA_DIR [--postgres]   (prints JSON)
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { ArticleSummary } from '../../src/contract/news.ts';
import { benchQueries, percentile, round, type BenchQuery } from './bench-queries.ts';

const SERVER = path.join(path.dirname(fileURLToPath(import.meta.url)), 'api-bench-server.ts');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Server {
  child: ChildProcess;
  base: string;
  spawnedAt: number;
}

async function startServer(dataDir: string, cacheDir: string, env: Record<string, string> = {}): Promise<Server> {
  const spawnedAt = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', SERVER, dataDir, cacheDir], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, ...env },
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout!.once('data', (chunk: Buffer) => resolve((JSON.parse(chunk.toString()) as { port: number }).port));
    child.once('exit', (code) => reject(new Error(`the API server exited (${code})`)));
  });
  return { child, base: `http://127.0.0.1:${port}/api`, spawnedAt };
}

async function timed(url: string): Promise<{ ms: number; status: number; body: unknown }> {
  const t0 = performance.now();
  const response = await fetch(url);
  const body: unknown = await response.json();
  return { ms: performance.now() - t0, status: response.status, body };
}

/** Memory of the server process from /proc: current and peak resident set, in MB. */
function memoryOf(child: ChildProcess) {
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
  return { rssMB: Math.round(kb('VmRSS') / 1000), peakMB: Math.round(kb('VmHWM') / 1000) };
}

const stats = (times: number[]) => {
  const sorted = [...times].sort((a, b) => a - b);
  return {
    median: round(percentile(sorted, 0.5)),
    p95: round(percentile(sorted, 0.95)),
    max: round(sorted[sorted.length - 1] ?? NaN),
    count: sorted.length,
  };
};

/** Until the feed answers, then until search stops answering 503: timing the feed meanwhile. */
async function waitForReady(server: Server) {
  while (!(await fetch(`${server.base}/articles?limit=20`).catch(() => null))?.ok) await sleep(10);
  const feedMs = performance.now() - server.spawnedAt;
  const feedDuringBuild: number[] = [];
  for (let i = 0; ; i++) {
    const search = await timed(`${server.base}/search?q=government`);
    if (search.status === 200) return { feedMs, searchMs: performance.now() - server.spawnedAt, feedDuringBuild };
    if (search.status !== 503) throw new Error(`search answered ${search.status}`);
    feedDuringBuild.push(
      (await timed(`${server.base}/articles?topics=${i % 2 ? 'politics,sports' : 'world'}&limit=20`)).ms,
    );
    await sleep(20);
  }
}

function searchParamsOf(query: BenchQuery): URLSearchParams {
  const params = new URLSearchParams({ q: query.q });
  if (query.topics) params.set('topics', query.topics.join(','));
  if (query.from) params.set('from', query.from);
  if (query.to) params.set('to', query.to);
  if (query.sort) params.set('sort', query.sort);
  return params;
}

async function searchLatencies(base: string, summaries: ArticleSummary[]) {
  const times: number[] = [];
  for (const query of benchQueries(summaries)) {
    const params = searchParamsOf(query);
    let result = await timed(`${base}/search?${params}`);
    const next = (result.body as { nextCursor?: string | null }).nextCursor;
    if (query.page === 2 && next) {
      params.set('cursor', next);
      result = await timed(`${base}/search?${params}`);
    }
    if (result.status !== 200) throw new Error(`search ${params} answered ${result.status}`);
    times.push(result.ms);
  }
  return stats(times);
}

async function feedLatencies(base: string) {
  const topicSets = ['politics', 'economy,world', 'science,defense,emergencies', 'sports', 'society,pressreview'];
  const withTopics: number[] = [];
  for (let i = 0; i < 100; i++)
    withTopics.push((await timed(`${base}/articles?topics=${topicSets[i % 5]}&limit=20`)).ms);
  // Page 200 of the feed (and of a topic), reached by following cursors, then asked for again and again.
  const deepCursors: string[] = [];
  for (const filter of ['', '&topics=world']) {
    let cursor: string | null = null;
    for (let page = 1; page < 200; page++) {
      const { body } = await timed(`${base}/articles?limit=20${filter}${cursor ? `&cursor=${cursor}` : ''}`);
      cursor = (body as { nextCursor: string | null }).nextCursor;
      if (!cursor) break;
    }
    if (cursor) deepCursors.push(`${base}/articles?limit=20${filter}&cursor=${cursor}`);
  }
  const deep: number[] = [];
  for (let i = 0; i < 100 && deepCursors.length; i++) deep.push((await timed(deepCursors[i % deepCursors.length]!)).ms);
  const topics: number[] = [];
  for (let i = 0; i < 100; i++) topics.push((await timed(`${base}/topics`)).ms);
  return { articlesWithTopics: stats(withTopics), deepPage200: stats(deep), topics: stats(topics) };
}

export async function benchApi(dataDir: string) {
  const cacheDir = mkdtempSync(path.join(os.tmpdir(), 'api-bench-cache-'));
  const cold = await startServer(dataDir, cacheDir);
  try {
    const coldReady = await waitForReady(cold);
    const summaries: ArticleSummary[] = [];
    for (let cursor: string | null = null; summaries.length < 2000;) {
      const page = (await timed(`${cold.base}/articles?limit=50${cursor ? `&cursor=${cursor}` : ''}`)).body as {
        items: ArticleSummary[];
        nextCursor: string | null;
      };
      summaries.push(...page.items);
      if (!(cursor = page.nextCursor)) break;
    }
    const atReady = memoryOf(cold.child);
    const search = await searchLatencies(cold.base, summaries);
    const feed = await feedLatencies(cold.base);
    await sleep(1000);
    const steady = memoryOf(cold.child);
    // The index is written to the cache in the background once built; the warm start needs it there.
    while (!readdirSync(cacheDir).some((name) => name.endsWith('.bin'))) await sleep(100);
    cold.child.kill();
    const warm = await startServer(dataDir, cacheDir);
    const warmReady = await waitForReady(warm);
    warm.child.kill();
    return {
      dataDir,
      startToFeedMs: Math.round(coldReady.feedMs),
      searchReadyColdMs: Math.round(coldReady.searchMs),
      startToFeedWarmMs: Math.round(warmReady.feedMs),
      searchReadyWarmMs: Math.round(warmReady.searchMs),
      feedDuringIndexBuild: stats(coldReady.feedDuringBuild),
      // Right when search turns ready the build's scratch arrays may not be released yet.
      rssAtSearchReadyMB: atReady.rssMB,
      /** After the 200 searches and 300 feed requests, and a second's pause. */
      rssSteadyMB: steady.rssMB,
      rssPeakMB: steady.peakMB,
      search,
      ...feed,
    };
  } finally {
    cold.child.kill();
    rmSync(cacheDir, { recursive: true, force: true });
  }
}

/** The first 2,000 summaries of the feed: what the bench queries are made from. */
async function feedSummaries(base: string): Promise<ArticleSummary[]> {
  const summaries: ArticleSummary[] = [];
  for (let cursor: string | null = null; summaries.length < 2000;) {
    const page = (await timed(`${base}/articles?limit=50${cursor ? `&cursor=${cursor}` : ''}`)).body as {
      items: ArticleSummary[];
      nextCursor: string | null;
    };
    summaries.push(...page.items);
    if (!(cursor = page.nextCursor)) break;
  }
  return summaries;
}

/**
 * The same figures over PostgreSQL: `db:load` of the folder into a new database (`adminUrl`'s server), then an API
 * process on DATABASE_URL: start to feed served (no index to build), the searches and feed requests, its RSS; and
 * two such processes asked the same 200 searches and feed pages, which must answer alike.
 */
export async function benchPostgresApi(dataDir: string, adminUrl: string) {
  const name = `news_bench_${process.pid}`;
  const admin = new URL(adminUrl);
  const run = async (sql: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await run(`CREATE DATABASE ${name}`);
  admin.pathname = `/${name}`;
  const url = admin.toString();
  try {
    const t0 = performance.now();
    const load = spawnSync('npm', ['run', '--silent', 'db:load', '--', dataDir], {
      env: { ...process.env, DATABASE_URL: url },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    if (load.status !== 0) throw new Error('db:load failed');
    const loadMs = performance.now() - t0;
    const servers = [await startServer(dataDir, '', { DATABASE_URL: url }), null as Server | null];
    try {
      const ready = await waitForReady(servers[0]!);
      servers[1] = await startServer(dataDir, '', { DATABASE_URL: url });
      await waitForReady(servers[1]);
      const base = servers[0]!.base;
      const summaries = await feedSummaries(base);
      const search = await searchLatencies(base, summaries);
      const feed = await feedLatencies(base);
      const steady = memoryOf(servers[0]!.child);
      // Both servers under load at once, asked the same things: the answers must be the same.
      const addresses = benchQueries(summaries).map((query) => `/search?${searchParamsOf(query)}`);
      addresses.push('/topics', '/articles?limit=20', '/articles?limit=20&topics=world');
      let differing = 0;
      const examples: string[] = [];
      await Promise.all(
        addresses.map(async (address) => {
          const [a, b] = await Promise.all(servers.map((server) => timed(`${server!.base}${address}`)));
          if (JSON.stringify(a!.body) !== JSON.stringify(b!.body)) {
            differing++;
            if (examples.length < 3) examples.push(`${address}: ${a!.status} vs ${b!.status}`);
          }
        }),
      );
      return {
        loadMs: Math.round(loadMs),
        startToFeedMs: Math.round(ready.feedMs),
        rssSteadyMB: steady.rssMB,
        rssPeakMB: steady.peakMB,
        search,
        ...feed,
        twoServers: { compared: addresses.length, differing, examples },
      };
    } finally {
      for (const server of servers) server?.child.kill();
    }
  } finally {
    await run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = path.resolve(process.argv[2] ?? 'mock-data');
  const adminUrl = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  const result = process.argv.includes('--postgres') ? await benchPostgresApi(dir, adminUrl) : await benchApi(dir);
  console.log(JSON.stringify(result, null, 2));
}
