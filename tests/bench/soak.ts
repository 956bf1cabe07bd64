// The soak row of the bench (issue 18): the production server as `npm start` runs it (src/server/start.ts built as
// `npm run build` builds it, in a process of its own, on 127.0.0.1, pages rendered on the server), under mixed load from autocannon, first alone, then for 60 s with slow and
// greedy clients beside it (trickled headers, trickled bodies, connections opened and left silent, from another
// loopback address as an attacker would be). Goals: no error for the normal clients, their p99 within 2x of the
// run without slow clients, and the server's RSS back within 10 % of where it was once they are gone.
//   npx tsx tests/bench/soak.ts DIST_DIR DATA_DIR [SECONDS]   (prints JSON)
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { freePort } from '../server/server-process';
import { buildForNode } from './render-build.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Where the slow clients come from: another loopback address, so the per-address cap meets them, not the readers. */
const ATTACKER = '127.0.0.2';
const SLOW_CLIENTS = 300;
const NORMAL_CONNECTIONS = 20;

/** The server process over `distDir` and `dataDir` (its access log goes nowhere: the load would be mostly log). */
async function startServer(distDir: string, dataDir: string) {
  const cwd = mkdtempSync(path.join(os.tmpdir(), 'soak-app-'));
  symlinkSync(distDir, path.join(cwd, 'dist'));
  const port = await freePort();
  // Built, not run by tsx: Node under tsx cannot load the page renderer from the sources (they import CSS).
  const serverDir = await buildForNode('src/server/start.ts', async (outDir) => outDir);
  const child = spawn(process.execPath, [path.join(serverDir, 'start.js')], {
    cwd,
    // As the README advises for a Linux host: with glibc's default, each thread that compresses keeps an arena of
    // its own, and the process's RSS held what they had freed (298 -> 424 MB over a 180 s soak, while the JS heap
    // after a full collection stayed at 90 MB); with two arenas it went back to 293 MB from 267 after 120 s.
    env: { MALLOC_ARENA_MAX: '2', ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const origin = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    if ((await fetch(`${origin}/api/search?q=the`).catch(() => null))?.ok) return { child, origin, cwd, serverDir };
    if (child.exitCode !== null) break;
    await sleep(100);
  }
  child.kill();
  rmSync(serverDir, { recursive: true, force: true });
  throw new Error('the server did not start');
}

/** Resident memory of the process, in MB. */
function rssMB(child: ChildProcess): number {
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]) / 1024);
}

/** Pages (the feed, with and without a reader's choices, an article, search, the converter), the feed's API, a topic
 * filter, search, topics and an asset, in turn on each connection. */
async function mixedRequests(distDir: string, origin: string): Promise<autocannon.Request[]> {
  const asset = readdirSync(path.join(distDir, 'assets')).find((name) => name.endsWith('.js'));
  const { items } = (await (await fetch(`${origin}/api/articles?limit=1`)).json()) as { items: { id: string }[] };
  // A reader who chose a topic and the dark theme (the cookie the app writes: stores/choices-cookie.ts).
  const choices = `an-choices=${encodeURIComponent(JSON.stringify({ t: ['world'], th: 'dark' }))}`;
  return [
    { path: '/' },
    { path: '/', headers: { cookie: choices, 'accept-encoding': 'br' } },
    { path: `/news/${items[0]!.id}`, headers: { 'accept-encoding': 'gzip' } },
    { path: '/search?q=government' },
    { path: '/converter' },
    { path: '/api/articles?limit=20' },
    { path: '/api/articles?topics=world,economy&limit=20' },
    { path: '/api/search?q=government' },
    { path: '/api/topics' },
    { path: `/assets/${asset}` },
    { path: '/api/search?q=bank&sort=newest' },
  ];
}

interface Load {
  requests: number;
  p99: number;
  /** Failed connections, time-outs and answers other than 2xx. */
  errors: number;
}

async function load(origin: string, requests: autocannon.Request[], seconds: number): Promise<Load> {
  const result = await autocannon({ url: origin, connections: NORMAL_CONNECTIONS, duration: seconds, requests });
  return {
    requests: result.requests.total,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

/** One slow client, again and again until `until`: each time a new connection that trickles, holds or floods. */
async function slowClient(port: number, kind: number, until: number, counts: Record<string, number>) {
  while (Date.now() < until) {
    const socket = await new Promise<Socket | null>((resolve) => {
      const s = connect({ port, host: '127.0.0.1', localAddress: ATTACKER }, () => resolve(s));
      s.once('error', () => resolve(null));
    });
    if (!socket) {
      counts.failedToConnect!++;
      await sleep(200);
      continue;
    }
    socket.on('error', () => {});
    let answer = '';
    socket.on('data', (chunk: Buffer) => (answer ||= chunk.toString('latin1', 0, 12)));
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    let timer: NodeJS.Timeout | undefined;
    if (kind === 0) {
      // Headers a line a second: cut by the headers timeout.
      socket.write('GET /api/topics HTTP/1.1\r\nHost: x\r\n');
      timer = setInterval(() => socket.writable && socket.write('X-Slow: 1\r\n'), 1000);
    } else if (kind === 1) {
      // A body a byte every 100 ms: refused before it is read.
      socket.write('POST /api/articles HTTP/1.1\r\nHost: x\r\nContent-Length: 1000000\r\n\r\n');
      timer = setInterval(() => socket.writable && socket.write('x'), 100);
    }
    // kind 2: connects and says nothing.
    const stop = setTimeout(() => socket.destroy(), Math.max(0, until - Date.now()));
    await closed;
    clearInterval(timer);
    clearTimeout(stop);
    const status = /^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? (Date.now() >= until ? 'open at the end' : 'no answer');
    counts[status] = (counts[status] ?? 0) + 1;
  }
}

export interface SoakResult {
  alone: Load;
  loaded: Load;
  /** How the slow clients' connections ended: by status answered, or still open when the soak ended. */
  slowClientEndings: Record<string, number>;
  rssBefore: number;
  rssUnderLoadSamples: number[];
  rssUnderLoad: number;
  rssAfter: number;
  seconds: number;
}

export async function soak(distDir: string, dataDir: string, seconds = 60): Promise<SoakResult> {
  const { child, origin, cwd, serverDir } = await startServer(distDir, dataDir);
  try {
    const requests = await mixedRequests(distDir, origin);
    await load(origin, requests, 5); // warm-up
    const alone = await load(origin, requests, 20);
    await sleep(2000);
    const rssBefore = rssMB(child);
    const counts: Record<string, number> = { failedToConnect: 0 };
    const until = Date.now() + seconds * 1000;
    const port = Number(new URL(origin).port);
    const slow = Promise.all(Array.from({ length: SLOW_CLIENTS }, (_, i) => slowClient(port, i % 3, until, counts)));
    await sleep(1000); // the slow clients in place first
    // The process's memory every 5 s under load: a leak keeps growing, the heap and caches filling up level off.
    const rssUnderLoadSamples: number[] = [];
    const sampler = setInterval(() => rssUnderLoadSamples.push(rssMB(child)), 5000);
    const loaded = await load(origin, requests, seconds - 2);
    clearInterval(sampler);
    await slow;
    const rssUnderLoad = rssMB(child);
    await sleep(5000);
    const rssAfter = rssMB(child);
    return {
      alone,
      loaded,
      slowClientEndings: counts,
      rssBefore,
      rssUnderLoadSamples,
      rssUnderLoad,
      rssAfter,
      seconds,
    };
  } finally {
    child.kill();
    rmSync(cwd, { recursive: true, force: true });
    rmSync(serverDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [distDir, dataDir, seconds] = process.argv.slice(2);
  if (!distDir || !dataDir) throw new Error('usage: soak.ts DIST_DIR DATA_DIR [SECONDS]');
  console.log(JSON.stringify(await soak(path.resolve(distDir), path.resolve(dataDir), Number(seconds) || 60), null, 2));
}
