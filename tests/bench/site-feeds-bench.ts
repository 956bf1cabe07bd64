// Times of the site's feeds and sitemaps (README: "Feeds and sitemaps") over a data folder, through the production
// server over loopback HTTP, gzip accepted as a browser or crawler would: "cold" is the first request of each address
// on a new server over the loaded data (no sitemap walk kept yet), "warm" the median of the next 10.
//   npx tsx tests/bench/site-feeds-bench.ts DATA_DIR [--postgres DATABASE_URL]   (prints a table)
import { mkdtempSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import Fastify from 'fastify';
import { createEmbeddedBackend } from '../../src/backend/embedded/embedded-backend.ts';
import { siteFeedsPlugin } from '../../src/backend/http/site-feeds-plugin.ts';
import type { Backend } from '../../src/backend/ports.ts';
import { createPostgresBackend } from '../../src/backend/postgres/postgres-backend.ts';
import { createProductionServer } from '../../src/server/production-server.ts';
import { describeRuns } from './stats.ts';

const WARM_RUNS = 10;
const quiet = { info: () => {}, warn: () => {}, error: () => {} };

async function openBackend(dataDir: string, databaseUrl: string | undefined): Promise<Backend> {
  if (databaseUrl) {
    const backend = await createPostgresBackend({ url: databaseUrl, log: quiet });
    if (!(await backend.ready)) throw new Error('PostgreSQL did not become ready');
    return backend;
  }
  const backend = await createEmbeddedBackend({ dataDir, watch: false, log: quiet });
  // Measured once search is ready, as a server runs most of its life (its index build would share the CPU).
  await backend.currentSearch().ready;
  return backend;
}

/** A GET as sent (node:http: fetch would decompress), until the last byte of the answer. */
function timedGet(url: string, gzip = true): Promise<{ ms: number; bytes: number; gzipBytes: number; status: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    get(url, { headers: { 'accept-encoding': gzip ? 'gzip' : 'identity' } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () => {
        const ms = performance.now() - started;
        const body = Buffer.concat(chunks);
        const gzipped = response.headers['content-encoding'] === 'gzip';
        const bytes = gzipped ? gunzipSync(body).length : body.length;
        resolve({ ms, status: response.statusCode ?? 0, gzipBytes: body.length, bytes });
      });
    }).on('error', reject);
  });
}

/** The news sitemap when the newest stories are minutes old (a generated archive ends on a fixed day, so the
 * server's own clock finds none): the plugin alone, in this process, its clock at the newest story. */
async function newsSitemapAtItsBusiest(backend: Backend) {
  const [newest] = (await backend.news.feedPage({ topics: null, exclude: [], since: null, after: null, limit: 1 }))
    .items;
  if (!newest) return;
  const app = Fastify();
  const now = () => Date.parse(newest.publishedAt);
  await app.register(siteFeedsPlugin, { backend, originOf: () => 'https://news.example.com', now });
  const runs = [];
  let answer = await app.inject('/sitemap-news.xml');
  for (let run = 0; run < WARM_RUNS; run++) {
    const started = performance.now();
    answer = await app.inject('/sitemap-news.xml');
    runs.push(performance.now() - started);
  }
  const stories = answer.body.split('<url>').length - 1;
  console.log(
    `\n/sitemap-news.xml with the clock at the newest story: ${stories} stories, ${Math.round(answer.body.length / 1024)} KB, ${describeRuns(runs)} (plugin alone, no HTTP)`,
  );
  await app.close();
}

async function main() {
  const [dataDir, flag, databaseUrl] = process.argv.slice(2);
  if (!dataDir) throw new Error('usage: site-feeds-bench.ts DATA_DIR [--postgres DATABASE_URL]');
  const distDir = mkdtempSync(path.join(os.tmpdir(), 'dist-'));
  writeFileSync(path.join(distDir, 'index.html'), '<!doctype html><title>bench</title>');
  const loadStarted = performance.now();
  const backend = await openBackend(dataDir, flag === '--postgres' ? databaseUrl : undefined);
  console.log(`${backend.kind} backend ready in ${Math.round(performance.now() - loadStarted)} ms`);
  const addresses: [string, boolean][] = [
    ['/feed.xml', true],
    ['/feed.xml?topics=science,economy', true],
    ['/sitemap.xml', true],
    ['/sitemaps/articles-1.xml', true],
    ['/sitemaps/articles-2.xml', true],
    // The same without compression: how much of a sitemap's time is gzip's.
    ['/sitemaps/articles-1.xml', false],
    ['/sitemap-news.xml', true],
    ['/robots.txt', true],
  ];
  const rows = [];
  for (const [address, gzip] of addresses) {
    // A server of its own: its sitemap walk is not kept from an earlier address.
    const server = await createProductionServer({ distDir, backend });
    await server.listen({ port: 0, host: '127.0.0.1' });
    const { port } = server.server.address() as { port: number };
    const url = `http://127.0.0.1:${port}${address}`;
    const cold = await timedGet(url, gzip);
    const warm = [];
    for (let run = 0; run < WARM_RUNS; run++) warm.push((await timedGet(url, gzip)).ms);
    await server.close();
    const size = `${Math.round(cold.bytes / 1024)} KB (${Math.round(cold.gzipBytes / 1024)} KB gzip)`;
    rows.push(
      `| \`${address}\`${gzip ? '' : ' (no gzip)'} | ${cold.status} | ${size} | ${Math.round(cold.ms)} ms | ${describeRuns(warm)} |`,
    );
  }
  console.log(`\nSite feeds and sitemaps over ${dataDir} (${backend.kind})\n`);
  console.log('| address | status | size | cold | warm (median, min–max) |');
  console.log('| --- | --- | --- | --- | --- |');
  for (const row of rows) console.log(row);
  await newsSitemapAtItsBusiest(backend);
  await backend.close();
}

await main();
