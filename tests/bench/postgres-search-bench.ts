// The PostgreSQL search adapter's latency over the 200 bench queries (bench-queries.ts). Not part of npm test:
//   npm run gen:data -- --articles 100000 --out /tmp/gen100k
//   npx tsx tests/bench/load-generated-articles.ts /tmp/gen100k postgres://postgres@127.0.0.1:5432/news_100k
//   npx tsx tests/bench/postgres-search-bench.ts postgres://postgres@127.0.0.1:5432/news_100k [rounds]
// The queries are drawn from the database's own stories. A second page is asked with the first page's cursor (its
// time is the second request's alone). One warm-up round, then `rounds` measured rounds (default 3); p50/p95/max of
// all measured requests, for relevance and newest, and the slowest queries.
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
  const [url, roundsArg] = process.argv.slice(2);
  if (!url) throw new Error('usage: postgres-search-bench.ts DATABASE_URL [rounds]');
  const rounds = Number(roundsArg ?? 3);
  const db = new pg.Pool({ connectionString: url, max: 2 });
  const { rows } = await db.query<{ summary: ArticleSummary }>(
    'SELECT summary FROM articles ORDER BY published_at DESC, id',
  );
  const queries = benchQueries(rows.map((row) => row.summary));
  const search = createPostgresSearch(db, { timeZone: TIME_ZONE });
  const times = { relevance: [] as number[], newest: [] as number[] };
  const slowest: [number, string][] = [];
  let found = 0;
  for (let round = 0; round <= rounds; round++) {
    for (const query of queries) {
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
      times[request.sort].push(ms);
      slowest.push([ms, JSON.stringify(query)]);
    }
  }
  await db.end();
  console.log(`${rows.length} stories, ${queries.length} queries (${found} find something), ${rounds} rounds`);
  console.log(`all:       ${describe([...times.relevance, ...times.newest])}`);
  console.log(`relevance: ${describe(times.relevance)}`);
  console.log(`newest:    ${describe(times.newest)}`);
  console.log('slowest:');
  for (const [ms, query] of slowest.sort((a, b) => b[0] - a[0]).slice(0, 8))
    console.log(`  ${round(ms, 1)} ms ${query}`);
}

await main();
