// The candidates of search-engines.bench.ts, each set up as well as this project's rules allow: same fields and
// boosts (title 4, lead 2, body 1), same folding, AND of words with each word's planned archive words OR-ed,
// topic and day filters, relevance or newest order, 20 per page (a second page = offset 20).
import { create, insert, save, search as oramaSearch, type AnyOrama } from '@orama/orama';
import flexsearch from 'flexsearch';
import MiniSearch from 'minisearch';
import type { NewsData } from '../../src/backend/embedded/news-data.ts';
import { createSearchCore } from '../../src/backend/embedded/search-core.ts';
import { decodeSearchCursor } from '../../src/backend/embedded/search-cursor.ts';
import { buildSearchIndexNow } from '../../src/backend/embedded/search-index-build.ts';
import { serializeIndex } from '../../src/backend/embedded/search-index.ts';
import type { Expansion } from '../../src/backend/embedded/search-match.ts';
import { bestFirst } from '../../src/backend/embedded/top-k.ts';
import { createFolder } from '../../src/backend/embedded/word-scanner.ts';
import { tokenize } from '../../src/contract/words.ts';
import type { BenchQuery } from './bench-queries.ts';

export interface PlannedQuery {
  query: BenchQuery;
  words: (Expansion & { text: string })[][];
  fromTime: number;
  toTime: number;
}

interface EngineInstance {
  /** Runs the query (the page it asks for) and returns the total number of matches. */
  search(planned: PlannedQuery): number | Promise<number>;
  serializedBytes(): Promise<number | null>;
}

const BOOST = { title: 4, lead: 2, body: 1 };
const PAGE = 20;

function* documents(data: NewsData) {
  const { store } = data;
  for (let d = 0; d < store.size; d++) {
    const { title, lead, topics } = store.summaries[d]!;
    yield { id: d, title, lead, body: store.bodyBytes(d).toString('utf8'), topics, time: store.times[d]! };
  }
}

const accepts = (data: NewsData, { query, fromTime, toTime }: PlannedQuery, d: number) =>
  data.store.times[d]! >= fromTime &&
  data.store.times[d]! < toTime &&
  (!query.topics || data.store.summaries[d]!.topics.some((t) => query.topics!.includes(t)));

/** The requested page from scored matches: (tier, score desc, newest) or newest first. */
function pageOf(matches: Map<number, { score: number; tier: number }>, query: BenchQuery): number[] {
  const docs = [...matches.keys()];
  const offset = query.page === 2 ? PAGE : 0;
  const compare =
    query.sort === 'newest'
      ? (a: number, b: number) => docs[a]! - docs[b]!
      : (a: number, b: number) => {
          const x = matches.get(docs[a]!)!;
          const y = matches.get(docs[b]!)!;
          return x.tier - y.tier || y.score - x.score || docs[a]! - docs[b]!;
        };
  return bestFirst(docs.length, offset + PAGE, compare).slice(offset);
}

/** Tier of a match from the archive words it matched: for each query word, its best (lowest) tier. */
function tierOf(planned: PlannedQuery, matchedTerms: Iterable<string>): number {
  const matched = new Set(matchedTerms);
  return planned.words.reduce(
    (sum, word) => sum + Math.min(...word.filter((e) => matched.has(e.text)).map((e) => e.tier), 9),
    0,
  );
}

async function minisearchEngine(data: NewsData): Promise<EngineInstance> {
  const fold = createFolder();
  const index = new MiniSearch({
    fields: ['title', 'lead', 'body'],
    storeFields: [],
    tokenize: (text) => tokenize(text),
    processTerm: (term) => fold(term) || null,
  });
  for (const { id, title, lead, body } of documents(data)) index.add({ id, title, lead, body });
  return {
    search(planned) {
      if (planned.words.some((w) => w.length === 0)) return 0;
      const query = {
        combineWith: 'AND',
        queries: planned.words.map((w) => ({ combineWith: 'OR', queries: w.map((e) => e.text) })),
      };
      const results = index.search(query as never, {
        boost: BOOST,
        filter: (r) => accepts(data, planned, r.id as number),
      });
      const matches = new Map(results.map((r) => [r.id as number, { score: r.score, tier: tierOf(planned, r.terms) }]));
      pageOf(matches, planned.query);
      return matches.size;
    },
    serializedBytes: async () => Buffer.byteLength(JSON.stringify(index)),
  };
}

async function flexsearchEngine(data: NewsData): Promise<EngineInstance> {
  const fold = createFolder();
  const fields = ['title', 'lead', 'body'] as const;
  const index = new flexsearch.Document({
    document: { id: 'id', index: [...fields], tag: ['topics'] },
    tokenize: 'strict',
    encode: (text: string) => tokenize(text).map(fold).filter(Boolean),
  } as never);
  for (const doc of documents(data)) index.add(doc as never);
  const everything = data.store.size;
  return {
    search(planned) {
      let matches: Map<number, { score: number; tier: number }> | null = null;
      for (const word of planned.words) {
        const found = new Map<number, { score: number; tier: number }>();
        for (const e of word) {
          const options = {
            limit: everything,
            ...(planned.query.topics ? { tag: { topics: planned.query.topics } } : {}),
          };
          for (const { field, result } of index.search(e.text, options as never) as {
            field: keyof typeof BOOST;
            result: number[];
          }[]) {
            result.forEach((d, rank) => {
              if (!accepts(data, planned, d) || (matches && !matches.has(d))) return;
              const score = ((BOOST[field] ?? 1) * e.weight) / (1 + rank / 100);
              const seen = found.get(d);
              if (!seen || e.tier < seen.tier || (e.tier === seen.tier && score > seen.score))
                found.set(d, { score, tier: e.tier });
            });
          }
        }
        if (matches)
          for (const [d, m] of found)
            found.set(d, { score: m.score + matches.get(d)!.score, tier: m.tier + matches.get(d)!.tier });
        matches = found;
      }
      pageOf(matches ?? new Map(), planned.query);
      return matches?.size ?? 0;
    },
    async serializedBytes() {
      let bytes = 0;
      await index.export((_key: string, value: string) => {
        bytes += value ? Buffer.byteLength(value) : 0;
      });
      return bytes;
    },
  };
}

async function oramaEngine(data: NewsData): Promise<EngineInstance> {
  const fold = createFolder();
  const db: AnyOrama = create({
    schema: { title: 'string', lead: 'string', body: 'string', topics: 'enum[]', time: 'number' } as const,
    components: {
      tokenizer: {
        language: 'english',
        normalizationCache: new Map(),
        tokenize: (text: string) => tokenize(text).map(fold).filter(Boolean),
      },
    },
  } as never);
  for (const doc of documents(data)) await insert(db, { ...doc, id: String(doc.id) } as never);
  return {
    // Orama takes a query string: its own prefix matching on every word and Levenshtein tolerance stand in for
    // the planned words (it has no per-word OR); filters and sort are its `where` and `sortBy`.
    async search({ query, words, fromTime, toTime }) {
      const tolerance = Math.max(0, ...words.flat().map((e) => e.tier));
      const where: Record<string, unknown> = {};
      if (query.topics) where.topics = { containsAny: query.topics };
      if (query.from || query.to) where.time = { between: [Math.max(0, fromTime), Math.min(8.64e15, toTime)] };
      const result = await oramaSearch(db, {
        term: query.q,
        properties: ['title', 'lead', 'body'],
        boost: BOOST,
        threshold: 0,
        tolerance,
        where,
        limit: PAGE,
        offset: query.page === 2 ? PAGE : 0,
        ...(query.sort === 'newest' ? { sortBy: { property: 'time', order: 'DESC' } } : {}),
      } as never);
      return (result as { count: number }).count;
    },
    async serializedBytes() {
      try {
        return Buffer.byteLength(JSON.stringify(await save(db)));
      } catch {
        return null; // larger than a JavaScript string can hold
      }
    },
  };
}

async function flatIndexEngine(data: NewsData): Promise<EngineInstance> {
  const index = buildSearchIndexNow(data.store);
  const core = createSearchCore(data.store, data.topics, index, 'Europe/Moscow');
  const newestCursors = new Map<string, string | null>();
  const request = (query: BenchQuery) => ({
    q: query.q,
    topics: query.topics ?? null,
    from: query.from ?? null,
    to: query.to ?? null,
    sort: query.sort ?? ('relevance' as const),
    limit: PAGE,
  });
  return {
    search({ query }) {
      let cursor = null;
      if (query.page === 2) {
        // The second page's cursor, as a client would hold it (worked out once, outside the timing when warm).
        const key = JSON.stringify(query);
        if (!newestCursors.has(key)) {
          const first = core.search({ ...request(query), cursor: null });
          newestCursors.set(key, first.ok ? first.nextCursor : null);
        }
        const raw = newestCursors.get(key);
        if (!raw) return 0;
        cursor = decodeSearchCursor(raw);
      }
      const outcome = core.search({ ...request(query), cursor });
      return outcome.ok ? outcome.total : 0;
    },
    serializedBytes: async () => serializeIndex(index, 'bench').reduce((sum, part) => sum + part.length, 0),
  };
}

export const ENGINES: Record<string, (data: NewsData) => Promise<EngineInstance>> = {
  'flat index (chosen)': flatIndexEngine,
  'minisearch 7.2 tuned': minisearchEngine,
  'flexsearch 0.8.212': flexsearchEngine,
  'orama 3.1.18': oramaEngine,
};
