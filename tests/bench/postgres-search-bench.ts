// The PostgreSQL search adapter's latency over the 200 bench queries (bench-queries.ts). Not part of npm test:
//   npm run gen:data -- --articles 100000 --out /tmp/gen100k
//   npx tsx tests/bench/load-generated-articles.ts /tmp/gen100k postgres://postgres@127.0.0.1:5432/news_100k
//   npx tsx tests/bench/postgres-search-bench.ts postgres://postgres@127.0.0.1:5432/news_100k [rounds] [rank window]
// The queries are drawn from the database's own stories. A second page is asked with the first page's cursor (its
// time is the second request's alone; the adapter may remember the first page's count and window, as it does for
// any reader paging on). One warm-up round, then `rounds` measured rounds (default 3); p50/p95/max of
// all measured requests and of each query's median and fastest run (on a shared machine, other work only
// adds time: the fastest is the nearest to an idle machine), for relevance and newest.
import { loadavg } from 'node:os';
import pg from 'pg';
import type { SearchPageRequest } from '../../src/backend/ports.ts';
import { createPostgresSearch } from '../../src/backend/postgres/postgres-search.ts';
import type { ArticleSummary } from '../../src/contract/news.ts';
import { benchQueries, percentile, round, type BenchQuery } from './bench-queries.ts';

const TIME_ZONE = 'Europe/Moscow';

function requestOf(query: BenchQuery): SearchPageRequest {
  return {
    q: query.q,
    topics: query.topics ?? null,
    from: query.from ?? null,
    to: query.to ?? null,
    sort: query.sort ?? 'relevance',
    cursor: null,
    limit: 20,
  };
}

const describe = (times: number[]) => {
  const sorted = [...times].sort((a, b) => a - b);
  return `p50 ${round(percentile(sorted, 0.5), 1)} ms, p95 ${round(percentile(sorted, 0.95), 1)} ms, max ${round(sorted[sorted.length - 1]!, 1)} ms (n=${sorted.length})`;
};

async function main() {
  const [url, roundsArg, windowArg] = process.argv.slice(2);
  if (!url) throw new Error('usage: postgres-search-bench.ts DATABASE_URL [rounds] [rank window]');
  const rounds = Number(roundsArg ?? 3);
  const rankWindow = windowArg ? Number(windowArg) : undefined;
  const db = new pg.Pool({ connectionString: url, max: 2 });
  const { rows } = await db.query<{ summary: ArticleSummary }>(
    'SELECT summary FROM articles ORDER BY published_at DESC, id',
  );
  const queries = benchQueries(rows.map((row) => row.summary));
  /** Per query, its sort and its measured times. */
  const load = loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
  const measured = queries.map((query) => ({ query, sort: query.sort ?? 'relevance', times: [] as number[] }));
  let found = 0;
  for (let round = 0; round <= rounds; round++) {
    // A new adapter each round: nothing it remembers (search-cache.ts) carries over from the round before.
    const search = createPostgresSearch(db, { timeZone: TIME_ZONE, rankWindow });
    for (const [i, query] of queries.entries()) {
      let request = requestOf(query);
      if (query.page === 2) {
        const first = await search.search(request);
        if (!first.ok) throw new Error(first.message);
        if (!first.nextCursor) continue;
        request = { ...request, cursor: first.nextCursor };
      }
      const started = performance.now();
      const outcome = await search.search(request);
      const ms = performance.now() - started;
      if (!outcome.ok) throw new Error(outcome.message);
      if (round === 0) {
        if (outcome.total > 0) found++;
        continue;
      }
      measured[i]!.times.push(ms);
    }
  }
  await db.end();
  console.log(
    `load average before and after: ${load} / ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  console.log(
    `${rows.length} stories, ${queries.length} queries (${found} find something), ${rounds} rounds, rank window ${rankWindow ?? 'default'}`,
  );
  const ofSort = (sort: string | null) => measured.filter((m) => m.times.length && (!sort || m.sort === sort));
  const median = (times: number[]) => [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
  for (const sort of [null, 'relevance', 'newest']) {
    const label = (sort ?? 'all').padEnd(9);
    console.log(`${label} every request: ${describe(ofSort(sort).flatMap((m) => m.times))}`);
    console.log(`${label} each query's median: ${describe(ofSort(sort).map((m) => median(m.times)))}`);
    console.log(`${label} each query's fastest: ${describe(ofSort(sort).map((m) => Math.min(...m.times)))}`);
  }
  console.log('slowest (median):');
  for (const m of ofSort(null)
    .sort((a, b) => median(b.times) - median(a.times))
    .slice(0, 10))
    console.log(`  ${round(median(m.times), 1)} ms ${JSON.stringify(m.query)}`);
}

await main();
