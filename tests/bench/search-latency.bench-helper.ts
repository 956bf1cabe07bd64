// Search API latency on the sample data, in-process through the same core the servers use.
// Builds the index once (as a server start does), then times a few hundred varied queries.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createMockApi } from '../../src/mock-api/api-core.ts';
import { loadMockData } from '../../src/mock-api/load-mock-data.ts';

const DEFAULT_DATA_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../mock-data');

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
}

/** Queries built from the data itself: whole words, prefixes while typing, typos, accents, filters, sorts, pages. */
function varietyOfQueries(titles: string[], topicIds: string[]): URLSearchParams[] {
  const words = [...new Set(titles.flatMap((t) => t.split(/[^\p{L}\p{N}]+/u)).filter((w) => w.length >= 4))];
  const fixed = ['satellite', 'key rate', 'central bank', 'grain', 'zurich', 'sao paulo', 'skoda plzen', 'cafe'];
  const queries: URLSearchParams[] = [];
  for (let i = 0; queries.length < 400; i++) {
    const word = words[i % words.length]!;
    const other = words[(i * 7 + 3) % words.length]!;
    const variants: Record<string, string>[] = [
      { q: word },
      { q: word.slice(0, Math.max(2, Math.ceil(word.length / 2))) },
      { q: `${fixed[i % fixed.length]}` },
      { q: word.length >= 6 ? `${word.slice(0, 2)}${word.slice(3)}` : word, sort: 'newest' },
      { q: `${other} ${word.slice(0, 3)}`, topics: topicIds.slice(0, 1 + (i % 3)).join(',') },
      { q: fixed[(i + 3) % fixed.length]!, from: '2026-11-21', to: '2026-11-26', limit: '5' },
    ];
    queries.push(new URLSearchParams(variants[i % variants.length]));
  }
  return queries;
}

export async function measureSearchLatency(
  dataDir = process.env.MOCK_DATA_DIR || DEFAULT_DATA_DIR,
): Promise<{ median: number; p95: number; count: number; indexBuildMs: number }> {
  const data = loadMockData(dataDir);
  const t0 = performance.now();
  const api = createMockApi(data);
  const indexBuildMs = performance.now() - t0;
  const queries = varietyOfQueries(
    data.articles.map((a) => a.title),
    data.topics.map((t) => t.id),
  );
  const run = (query: URLSearchParams) => api({ method: 'GET', path: '/search', query });
  for (const query of queries.slice(0, 20)) run(query); // warm-up

  const times: number[] = [];
  for (const query of queries) {
    const start = performance.now();
    const response = run(query);
    times.push(performance.now() - start);
    if (response.status !== 200) throw new Error(`search ${query} answered ${response.status}`);
    // Follow one cursor now and then, so paging is timed too.
    const next = (response.body as { nextCursor: string | null }).nextCursor;
    if (next && times.length % 10 === 0) {
      const paged = new URLSearchParams(query);
      paged.set('cursor', next);
      const pageStart = performance.now();
      run(paged);
      times.push(performance.now() - pageStart);
    }
  }
  times.sort((a, b) => a - b);
  const round = (ms: number) => Math.round(ms * 1000) / 1000;
  return {
    median: round(percentile(times, 0.5)),
    p95: round(percentile(times, 0.95)),
    count: times.length,
    indexBuildMs: round(indexBuildMs),
  };
}
