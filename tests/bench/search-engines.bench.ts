// Which search engine at 10k and 100k articles? Not part of npm test; run it on generated data sets:
//   npm run gen:data -- --articles 10000 --out /tmp/news-10k
//   npx tsx tests/bench/search-engines.bench.ts /tmp/news-10k [/tmp/news-100k ...]
// Each engine runs in its own child process (clean heap and RSS): build time, heap and RSS after a full GC, peak
// RSS, serialized size, and p50/p95/max over the 200 queries of bench-queries.ts. Every engine gets the same
// planned words (the archive words each query word stands for: itself, capped completions, typo candidates), so
// what is compared is the index, the AND/OR evaluation, scoring and filtering.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadNewsData, type NewsData } from '../../src/backend/embedded/news-data.ts';
import { buildSearchIndexNow } from '../../src/backend/embedded/search-index-build.ts';
import { expandWord } from '../../src/backend/embedded/search-match.ts';
import { vocabularyOf } from '../../src/backend/embedded/search-typos.ts';
import { queryTerms } from '../../src/contract/words.ts';
import { benchQueries, percentile, round, type BenchQuery } from './bench-queries.ts';
import { ENGINES, type PlannedQuery } from './search-engine-adapters.ts';

const SELF = fileURLToPath(import.meta.url);
const mb = (bytes: number) => Math.round(bytes / 1e6);
const gc = () => (globalThis as { gc?: () => void }).gc?.();

/** Agency days as epoch bounds (Europe/Moscow, UTC+3 all year). */
const dayStart = (day: string) => Date.parse(`${day}T00:00:00+03:00`);

function plan(data: NewsData): PlannedQuery[] {
  const index = buildSearchIndexNow(data.store);
  const context = { index, vocabulary: vocabularyOf(index) };
  return benchQueries(data.store.summaries).map((query: BenchQuery) => {
    const terms = queryTerms(query.q);
    return {
      query,
      words: terms.map((term, i) =>
        expandWord(context, term, i === terms.length - 1).map((e) => ({ ...e, text: index.terms[e.term]! })),
      ),
      fromTime: query.from ? dayStart(query.from) : -8.64e15,
      toTime: query.to ? dayStart(query.to) + 86_400_000 : 8.64e15,
    };
  });
}

async function runEngine(name: string, dataDir: string, planFile: string) {
  const engine = ENGINES[name]!;
  const data = loadNewsData(dataDir);
  const planned = JSON.parse(readFileSync(planFile, 'utf8')) as PlannedQuery[];
  gc();
  const heapBefore = process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
  const started = performance.now();
  const instance = await engine(data);
  const buildMs = performance.now() - started;
  // Large array buffers are released by a task after the GC: give it a moment before reading memory.
  gc();
  await new Promise((resolve) => setTimeout(resolve, 500));
  gc();
  const memory = process.memoryUsage();
  const serialized = await instance.serializedBytes();
  for (const q of planned.slice(0, 20)) await instance.search(q); // warm-up
  const times: number[] = [];
  const totals: number[] = [];
  for (const q of planned) {
    const t0 = performance.now();
    totals.push(await instance.search(q));
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return {
    engine: name,
    articles: data.store.size,
    buildS: round(buildMs / 1000, 1),
    heapMB: mb(memory.heapUsed + memory.arrayBuffers - heapBefore),
    rssMB: mb(memory.rss),
    peakRssMB: Math.round(process.resourceUsage().maxRSS / 1000),
    serializedMB: serialized === null ? null : mb(serialized),
    p50: round(percentile(times, 0.5)),
    p95: round(percentile(times, 0.95)),
    max: round(times[times.length - 1]!),
    matches: totals.reduce((a, b) => a + b, 0),
  };
}

async function main() {
  const args = process.argv.slice(2);
  if (args[0] === '--child') {
    console.log(JSON.stringify(await runEngine(args[1]!, args[2]!, args[3]!)));
    return;
  }
  const rows: unknown[] = [];
  for (const dataDir of args) {
    const planFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'engine-plan-')), 'plan.json');
    writeFileSync(planFile, JSON.stringify(plan(loadNewsData(dataDir))));
    // ENGINES=mini,flex (parts of engines' names) runs only the matching engines.
    const only = (process.env.ENGINES ?? '').split(',');
    for (const name of Object.keys(ENGINES).filter((n) => only.some((part) => n.includes(part)))) {
      try {
        const out = execFileSync(
          process.execPath,
          ['--expose-gc', '--max-old-space-size=12000', '--import', 'tsx', SELF, '--child', name, dataDir, planFile],
          { encoding: 'utf8', timeout: 20 * 60_000, stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 24 },
        );
        rows.push(JSON.parse(out.trim().split('\n').pop()!));
      } catch (error) {
        rows.push({ engine: name, dataDir, failed: (error as Error).message.split('\n')[0] });
      }
      console.error(JSON.stringify(rows[rows.length - 1]));
    }
  }
  console.log(JSON.stringify(rows, null, 2));
}

await main();
