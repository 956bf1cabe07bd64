// Query latencies of the PostgreSQL news store over a loaded archive (`npm run db:load` first), through the port
// (pool, SQL, row checks; no HTTP): each query kind run many times over varied arguments, p50 and p95 printed.
//   DATABASE_URL=postgres://… npx tsx tests/bench/postgres-bench.ts [RUNS]
import type { FeedPageRequest, FeedPosition } from '../../src/backend/ports.ts';
import { createPostgresBackend } from '../../src/backend/postgres/postgres-backend.ts';
import { printTable, quantile, type Row } from './stats.ts';

const RUNS = Number(process.argv[2] ?? 200);
const url = process.env.DATABASE_URL;
if (!url) throw new Error('usage: DATABASE_URL=postgres://… npx tsx tests/bench/postgres-bench.ts [RUNS]');

const backend = await createPostgresBackend({ url, log: { info() {}, warn: console.warn, error: console.error } });
if (!(await backend.ready)) throw new Error('the database did not answer');
const { news } = backend;
const topicIds = [...(await news.topicIds())];
const all = { topics: null, exclude: [] as string[], since: null, after: null, limit: 20 };
const first = await news.feedPage({ ...all, limit: 1 });
const newest = first.next!.time;
const pick = <T>(list: readonly T[], i: number) => list[i % list.length]!;

/** Positions deep in the feed (every 500th story), found by walking it once in pages of 50. */
const deep: FeedPosition[] = [];
for (let after: FeedPosition | null = null, n = 0; n < 400; n++) {
  const page: Awaited<ReturnType<typeof news.feedPage>> = await news.feedPage({ ...all, after, limit: 50 });
  if (!page.next) break;
  if (n % 10 === 9) deep.push(page.next);
  after = page.next;
}
const ids = (await news.feedPage({ ...all, limit: 50 })).items.map((item) => item.id);

const kinds: [string, (i: number) => Promise<unknown>][] = [
  ['feed, first page', () => news.feedPage(all)],
  ['feed, one topic', (i) => news.feedPage({ ...all, topics: [pick(topicIds, i)] })],
  ['feed, two topics', (i) => news.feedPage({ ...all, topics: [pick(topicIds, i), pick(topicIds, i + 3)] })],
  ['feed, deep cursor', (i) => news.feedPage({ ...all, after: pick(deep, i) })],
  ['feed, topic + deep cursor', (i) => news.feedPage({ ...all, topics: [pick(topicIds, i)], after: pick(deep, i) })],
  ['feed, exclude two topics', (i) => news.feedPage({ ...all, exclude: [pick(topicIds, i), pick(topicIds, i + 1)] })],
  [
    'feed, since an hour ago',
    (i) => news.feedPage({ ...all, since: newest - 3_600_000 - i * 1000 } satisfies FeedPageRequest),
  ],
  ['feed, excluding every topic (walks the archive)', () => news.feedPage({ ...all, exclude: topicIds })],
  ['topics', () => news.topics(null)],
  ['topics, since a day ago', (i) => news.topics(newest - 86_400_000 - i * 60_000)],
  ['topics, since 200 days ago', (i) => news.topics(newest - 200 * 86_400_000 - i * 60_000)],
  ['article', (i) => news.article(pick(ids, i))],
  ['neighbours, one topic', (i) => news.neighbours(pick(ids, i), { topics: [pick(topicIds, i)], exclude: [] })],
];

const rows: Row[] = [];
for (const [measure, run] of kinds) {
  const runs = measure.includes('every topic') ? Math.min(RUNS, 20) : RUNS;
  for (let i = 0; i < 5; i++) await run(i);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await run(i);
    times.push(performance.now() - started);
  }
  const ms = (q: number) => quantile(times, q).toFixed(1);
  rows.push({ measure, goal: '', figure: `p50 ${ms(0.5)} ms, p95 ${ms(0.95)} ms (n=${runs})`, ok: null });
}
printTable(`PostgreSQL news store, ${backend.kind}`, rows);
await backend.close();
