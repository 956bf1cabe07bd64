// Server rendering's cost: the feed's page rendered by the production server (in-process, app.inject: no socket, so
// the render and its in-process API requests alone), then over HTTP on loopback, all sequential: time to the first
// byte of the page (its head, sent before the body), to its last byte, and a revalidation with the page's tag (a
// 304, answered without rendering).
//   npx tsx tests/bench/server-render.ts DIST_DIR DATA_DIR [RUNS]   (a client build with its manifest; prints the rows;
//   with DATABASE_URL set, the stories are that database's, loaded by `npm run db:load`, and DATA_DIR is not read)
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { MAX_WALK_PAGE, type FeedPosition } from '../../src/backend/ports.ts';
import { backendFromEnv } from '../../src/server/backend-from-env.ts';
import { serveBuild } from './serve-build.ts';
import { median, printTable, quantile, type Row } from './stats.ts';

export interface ServerRenderResult {
  render: number[];
  /** The process's CPU time per render (ms): the render's own cost, whatever else the machine is doing. */
  renderCpu: number[];
  ttfb: number[];
  full: number[];
  revalidation: number[];
  /** Revalidations answered 304 (a new minute makes a new tag: the next one is 200). */
  notModified: number;
  bytes: number;
}

export async function measureServerRender(
  server: FastifyInstance,
  url: string,
  runs = 200,
): Promise<ServerRenderResult> {
  const render: number[] = [];
  const renderCpu: number[] = [];
  const ttfb: number[] = [];
  const full: number[] = [];
  const revalidation: number[] = [];
  let notModified = 0;
  let bytes = 0;
  // Warm-up: the render's modules and the backend's first answers.
  for (let i = 0; i < 20; i++) await server.inject({ method: 'GET', url: '/' });
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const cpu = process.cpuUsage();
    const answer = await server.inject({ method: 'GET', url: '/' });
    render.push(performance.now() - started);
    const { user, system } = process.cpuUsage(cpu);
    renderCpu.push((user + system) / 1000);
    if (answer.statusCode !== 200) throw new Error(`the feed page answered ${answer.statusCode}`);
    bytes = answer.rawPayload.length;
  }
  let tag = '';
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const response = await fetch(`${url}/`, { headers: { 'accept-encoding': 'br' } });
    const reader = response.body!.getReader();
    await reader.read();
    ttfb.push(performance.now() - started);
    while (!(await reader.read()).done);
    full.push(performance.now() - started);
    tag = response.headers.get('etag') ?? '';
  }
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const response = await fetch(`${url}/`, { headers: { 'accept-encoding': 'br', 'if-none-match': tag } });
    await response.arrayBuffer();
    revalidation.push(performance.now() - started);
    if (response.status === 304) notModified++;
    else tag = response.headers.get('etag') ?? '';
  }
  return { render, renderCpu, ttfb, full, revalidation, notModified, bytes };
}

export const p95 = (values: readonly number[]) => quantile(values, 0.95);

const ms = (value: number) => `${Math.round(value * 10) / 10} ms`;
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

/** The rows of the bench for the feed's page as the server renders it (README: "Server rendering"). */
export async function serverRenderRows(
  server: FastifyInstance,
  url: string,
  label: string,
  count: number,
  runs = 200,
): Promise<Row[]> {
  const { render, renderCpu, ttfb, full, revalidation, notModified, bytes } = await measureServerRender(
    server,
    url,
    runs,
  );
  const renderGoal = count >= 100_000 ? 50 : 30;
  return [
    {
      measure: `server render of the feed, in-process, sequential (${label})`,
      goal: `p95 <= ${renderGoal} ms`,
      figure:
        `p95 ${ms(p95(render))}, median ${ms(median(render))} (CPU time p95 ${ms(p95(renderCpu))}, median ` +
        `${ms(median(renderCpu))}); ${kib(bytes)} page (uncompressed)`,
      ok: p95(render) <= renderGoal,
    },
    {
      measure: `time to first byte of the feed page, loopback HTTP, brotli, sequential (${label})`,
      goal: 'p95 <= 50 ms',
      figure: `p95 ${ms(p95(ttfb))}, median ${ms(median(ttfb))}; whole page p95 ${ms(p95(full))}, median ${ms(median(full))}`,
      ok: p95(ttfb) <= 50,
    },
    {
      measure: `revalidation of the feed page with its tag, loopback HTTP (${label})`,
      goal: '304 without rendering',
      figure: `p95 ${ms(p95(revalidation))}, median ${ms(median(revalidation))}; ${notModified} of ${runs} answered 304`,
      ok: null,
    },
  ];
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [distDir, dataDir, runs] = process.argv.slice(2);
  if (!distDir || !dataDir) throw new Error('usage: server-render.ts DIST_DIR DATA_DIR [RUNS]');
  const data = process.env.DATABASE_URL ? (await backendFromEnv()).backend : path.resolve(dataDir);
  const { server, url, backend } = await serveBuild(path.resolve(distDir), data);
  let count = 0;
  for (let after: FeedPosition | null = null; ;) {
    const page = await backend.news.feedPage({ topics: null, exclude: [], since: null, after, limit: MAX_WALK_PAGE });
    count += page.items.length;
    if (!page.next) break;
    after = page.next;
  }
  const label = `${Math.round(count / 1000)}k, ${backend.kind}`;
  printTable(
    `Server rendering (${count} stories)`,
    await serverRenderRows(server, url, label, count, Number(runs) || 200),
  );
  await server.close();
}
