// The PostgreSQL adapter's SearchPort: the embedded engine's search (README "Search") over the tables of migration
// 002-search. Each query word becomes the archive words standing for it (search-words.ts); the GIN index finds the
// stories holding every word, one query per typo tier (exact and prefix matches first, then closer look-alikes:
// search-plan.ts); `newest` lists them newest first. `relevance` ranks, per tier, the newest RANK_WINDOW matches
// with the embedded engine's BM25 (search-ranking.ts), then lists the tier's older matches newest first: ranking
// every match of a common word would read every story's vector. Snippets and summaries are read for the page's
// stories only. The statements are in search-queries.ts.
import type { Pool, PoolClient } from 'pg';
import { foldWord, queryTerms, tokenize, typoAllowance } from '../../contract/words.ts';
import type { SearchPageOutcome, SearchPageRequest, SearchPort } from '../ports.ts';
import { sourceFingerprint } from '../source-ids.ts';
import { RecentCache } from './search-cache.ts';
import {
  decodeSearchCursor,
  encodeSearchCursor,
  searchFingerprint,
  type Place,
  type SearchCursor,
} from './search-cursor.ts';
import { allOf, tiersOf, type Match, type Tier } from './search-plan.ts';
import { SEARCH_SETTINGS, SearchQueries, type Window } from './search-queries.ts';
import type { RankedStory, Totals } from './search-ranking.ts';
import { closeWords, expandQuery, type Expansion } from './search-words.ts';

export interface PostgresSearchOptions {
  /** The agency's time zone: search's day filters are its calendar days. */
  timeZone: string;
  /** Relevance ranks this many of the newest matches of each typo tier (README "Search" in PostgreSQL). */
  rankWindow?: number;
  /** From this many estimated matches, the count runs on a second connection beside the page. */
  countBesideFrom?: number;
  /** Where that second connection comes from when one is free at once (default: `db`). Not `db` behind its gate
   * (pool-gate.ts): a search holding a place while waiting for a second one could wait on searches doing the same. */
  spareConnections?: Pool;
}

/**
 * Newest matches ranked by relevance per tier: 25 pages of results. Ranking a window reads each of its stories'
 * vectors: over the 200 bench queries at 100,000 stories, p95 77 ms with 500 against 102 ms with 1000 (each
 * query's fastest of three, both sizes interleaved on this project's busy machine).
 */
const RANK_WINDOW = 500;
/** Corrections considered per word, and combinations tried, for "Did you mean" (as the embedded engine). */
const SUGGESTION_OPTIONS = 3;
const SUGGESTION_TRIES = 27;
/** A suggestion is only offered, never applied, so it may reach further than the typo rule. */
const suggestionAllowance = (word: string) => (word.length < 3 ? 0 : word.length < 7 ? 1 : 2);
/**
 * From about this many matches, counting them takes long enough (40 ms for the 92,000 of "con" at 100,000 stories)
 * to be worth a second connection, counting in the same snapshot while the first finds the page.
 */
const COUNT_BESIDE_FROM = 20_000;

/** The stories a page lists, each with the cursor that resumes after it. */
interface Entry {
  id: string;
  after: SearchCursor;
}

/** The pages of one search: the order of its matches from a cursor on. */
class SearchPages {
  /** Windows ranked so far, by tier. */
  private readonly windows = new Map<number, Window>();

  constructor(
    private readonly queries: SearchQueries,
    private readonly tiers: readonly Tier[],
    private readonly words: readonly (readonly Expansion[])[],
    private readonly rankWindow: number,
    /** Windows ranked by earlier requests of this search in this version of the tables, by `${key}${tier}`. */
    private readonly remembered: { cache: RecentCache<Window>; key: string },
  ) {}

  /** A tier's window: a fresh one, or the one the cursor's bounds name (the fresh one while nothing changed). */
  private async window(tier: Tier, bounds: { top: Place; bottom: Place | null } | null) {
    const key = `${this.remembered.key}${tier.tier}`;
    let window = this.remembered.cache.get(key);
    const same = (a: Place | null, b: Place | null) => a?.id === b?.id && a?.micros === b?.micros;
    if (!window || (bounds && !(same(window.top, bounds.top) && same(window.bottom, bounds.bottom)))) {
      window = await this.queries.window(tier.match, this.words, this.rankWindow, bounds);
      if (!bounds) this.remembered.cache.set(key, window);
    }
    if (!this.windows.has(tier.tier)) this.windows.set(tier.tier, window);
    return window;
  }

  /** Relevance from the cursor on: per tier, the ranked window, then the older matches newest first. */
  async relevance(cursor: SearchCursor | null, want: number): Promise<Entry[]> {
    const entries: Entry[] = [];
    for (const tier of this.tiers) {
      if (cursor && tier.tier < cursor.tier) continue;
      const resume = cursor?.tier === tier.tier ? cursor : null;
      let after: Place;
      if (resume && resume.kind !== 'ranked') after = resume.after;
      else {
        const window = await this.window(tier, resume);
        const { top, bottom } = window;
        for (let i = resume?.offset ?? 0; i < window.ranked.length && entries.length < want; i++) {
          const after: SearchCursor = { kind: 'ranked', tier: tier.tier, top: top!, bottom, offset: i + 1 };
          entries.push({ id: window.ranked[i]!.id, after });
        }
        if (entries.length >= want) break;
        if (!bottom) continue; // the window held the whole tier
        after = bottom;
      }
      for (const place of await this.queries.newest(tier.match, after, want - entries.length)) {
        entries.push({ id: place.id, after: { kind: 'older', tier: tier.tier, after: place } });
      }
      if (entries.length >= want) break;
    }
    return entries;
  }

  /** Newest first from the cursor on, tier by tier. */
  async newest(cursor: SearchCursor | null, want: number): Promise<Entry[]> {
    const entries: Entry[] = [];
    for (const tier of this.tiers) {
      if (cursor && tier.tier < cursor.tier) continue;
      const after = cursor?.tier === tier.tier && cursor.kind !== 'ranked' ? cursor.after : null;
      for (const place of await this.queries.newest(tier.match, after, want - entries.length)) {
        entries.push({ id: place.id, after: { kind: 'newest', tier: tier.tier, after: place } });
      }
      if (entries.length >= want) break;
    }
    return entries;
  }

  /** The best result: the first by relevance of the lowest tier with a match. */
  async best(): Promise<RankedStory | null> {
    for (const tier of this.tiers) {
      const window = this.windows.get(tier.tier) ?? (await this.window(tier, null));
      if (window.ranked[0]) return window.ranked[0];
    }
    return null;
  }
}

/** "Did you mean": each word found nowhere replaced by one of its closest archive words, the fewest edits first. */
async function suggestion(
  queries: SearchQueries,
  client: PoolClient,
  terms: readonly string[],
  words: readonly (readonly Expansion[])[],
  known: readonly boolean[],
  typed: ReadonlyMap<string, string>,
): Promise<string | null> {
  const options: { text: string; distance: number; words: readonly Expansion[] }[][] = [];
  for (const [i, term] of terms.entries()) {
    if (known[i]) {
      options.push([{ text: typed.get(term) ?? term, distance: 0, words: words[i]! }]);
      continue;
    }
    const isLast = i === terms.length - 1;
    // A last word may be unfinished: its start may also be corrected, within the typo rule.
    const prefixMax = isLast && typoAllowance(term) > 0 ? 1 : null;
    const allowance = suggestionAllowance(term);
    const close = allowance > 0 ? await closeWords(client, term, allowance, SUGGESTION_OPTIONS, prefixMax) : [];
    options.push(
      close.map(({ word, documents, distance }) => ({
        text: word,
        distance,
        words: [{ word, documents, weight: 1, tier: 0 }],
      })),
    );
  }
  if (options.every((o) => o[0]?.distance === 0) || options.some((o) => o.length === 0)) return null;
  let combinations: number[][] = [[]];
  for (const choices of options) combinations = combinations.flatMap((c) => choices.map((_, k) => [...c, k]));
  const edits = (c: number[]) => c.reduce((sum, k, i) => sum + options[i]![k]!.distance, 0);
  combinations.sort((a, b) => edits(a) - edits(b));
  for (const combination of combinations.slice(0, SUGGESTION_TRIES)) {
    const chosen = combination.map((k, i) => options[i]![k]!);
    const match = allOf(
      chosen.map((c) => c.words),
      queries.totals.documents,
    );
    if (await queries.exists(match)) return chosen.map((c) => c.text).join(' ');
  }
  return null;
}

/**
 * The query as the results read it when a word matched only through look-alikes ("goverment" -> "government"):
 * each such word becomes the closest look-alike the best result holds; null when every word matched as typed.
 */
function correctedQuery(
  terms: readonly string[],
  words: readonly (readonly Expansion[])[],
  typed: ReadonlyMap<string, string>,
  best: RankedStory | null,
): string {
  return terms
    .map((term, i) => {
      const expansions = words[i]!;
      if (expansions[0]!.tier === 0) return typed.get(term) ?? term;
      const found = best && expansions.filter((e) => best.holds.has(e.word)).sort((a, b) => a.tier - b.tier)[0];
      return found ? found.word : (typed.get(term) ?? term);
    })
    .join(' ');
}

/** Whether the pool can lend a second connection at once: one is idle or may be opened, and nobody waits. */
function hasSpareConnection(db: Pool): boolean {
  return db.waitingCount === 0 && (db.idleCount > 0 || db.totalCount < (db.options.max ?? 10));
}

/** Counts the matches on a second connection, in the snapshot of `client`'s transaction. */
async function countBeside(db: Pool, client: PoolClient, queries: SearchQueries, match: Match | null): Promise<number> {
  const { rows } = await client.query<{ snapshot: string }>('SELECT pg_export_snapshot() AS snapshot');
  const snapshot = rows[0]!.snapshot;
  if (!/^[0-9A-F-]+$/i.test(snapshot)) throw new Error(`unexpected snapshot id ${snapshot}`);
  const other = await db.connect();
  try {
    await other.query(
      `BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; SET TRANSACTION SNAPSHOT '${snapshot}'; ${SEARCH_SETTINGS}`,
    );
    const total = await queries.count(match, other);
    await other.query('COMMIT');
    return total;
  } catch (error) {
    await other.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    other.release();
  }
}

const badCursor = (message: string): SearchPageOutcome => ({ ok: false, code: 'bad_cursor', message });

interface TotalsRow {
  documents: string;
  title_words: string;
  lead_words: string;
  body_words: string;
  version: string;
}

/** Remembered counts and ranked windows (search-cache.ts): a window holds up to RANK_WINDOW stories. */
const REMEMBERED_COUNTS = 1000;
const REMEMBERED_WINDOWS = 50;

export function createPostgresSearch(db: Pool, options: PostgresSearchOptions): SearchPort {
  const rankWindow = options.rankWindow ?? RANK_WINDOW;
  const countBesideFrom = options.countBesideFrom ?? COUNT_BESIDE_FROM;
  const spare = options.spareConnections ?? db;
  const counts = new RecentCache<number>(REMEMBERED_COUNTS);
  const windows = new RecentCache<Window>(REMEMBERED_WINDOWS);

  async function run(client: PoolClient, request: SearchPageRequest, terms: string[], cursor: SearchCursor | null) {
    const { q, sort, limit } = request;
    // One snapshot for every statement, and the archive's totals (BM25's averages, the estimates' base).
    const results = (await client.query(
      `BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; ${SEARCH_SETTINGS};
       SELECT documents, title_words, lead_words, body_words, version FROM search_totals`,
    )) as unknown as { rows: TotalsRow[] }[];
    const row = results[results.length - 1]!.rows[0]!;
    const totals: Totals = {
      documents: Number(row.documents),
      titleWords: Number(row.title_words),
      leadWords: Number(row.lead_words),
      bodyWords: Number(row.body_words),
    };
    const queries = new SearchQueries(client, request, totals, options.timeZone);
    const { expansions: words, known } = await expandQuery(client, terms, !request.exact);
    const typed = new Map(tokenize(q).map((token) => [foldWord(token), token] as const));
    const noSuggestion = async (): Promise<SearchPageOutcome> => ({
      ok: true,
      items: [],
      total: 0,
      nextCursor: null,
      suggestion: await suggestion(queries, client, terms, words, known, typed),
    });
    if (words.some((w) => w.length === 0)) return noSuggestion();

    const all = allOf(words, totals.documents);
    // What is remembered holds for this version of the tables, these filters and these words.
    const key = JSON.stringify([
      row.version,
      request.topics,
      request.from,
      request.to,
      terms,
      !!request.exact,
      ...sourceFingerprint(request),
    ]);
    let total = counts.get(`${key}${all.query}`);
    // A word one of whose expansions is in every story restricts nothing: the count leaves it out ("a" stands for
    // "and", "a", ...: counting the 100,000 stories they cover took 90 ms), and with no word left, counts the
    // stories the filters let through, or all of them.
    const restricting = words.filter((w) => !w.some((e) => e.documents >= totals.documents));
    const counting =
      restricting.length === words.length ? all : restricting.length ? allOf(restricting, totals.documents) : null;
    const unfiltered = !request.topics && !request.from && !request.to && sourceFingerprint(request).length === 0;
    if (total === undefined && !counting && unfiltered) total = totals.documents;
    let counted: Promise<number> | null = null;
    const estimate = counting ? counting.estimate : totals.documents;
    if (total === undefined && estimate !== null && estimate >= countBesideFrom && hasSpareConnection(spare)) {
      counted = countBeside(spare, client, queries, counting);
      counted.catch(() => {}); // awaited below; an early failure of the page must not leave it unhandled
    }
    const tiers = tiersOf(words, totals.documents);
    const pages = new SearchPages(queries, tiers, words, rankWindow, { cache: windows, key });
    const entries =
      sort === 'relevance' ? await pages.relevance(cursor, limit + 1) : await pages.newest(cursor, limit + 1);
    // Else counted on the way to the page (a first page read through the GIN index), or now.
    total ??= queries.counted.get(all.query) ?? (counted ? await counted : await queries.count(counting));
    counts.set(`${key}${all.query}`, total);
    if (total === 0) return noSuggestion();
    const page = entries.slice(0, limit);
    const nextCursor =
      entries.length > limit
        ? encodeSearchCursor(searchFingerprint(terms, request), page[page.length - 1]!.after)
        : null;
    const corrected = words.some((w) => w[0]!.tier > 0)
      ? correctedQuery(terms, words, typed, await pages.best())
      : null;
    const matched = new Set(words.flat().map((e) => e.word));
    const items = await queries.items(
      page.map((e) => e.id),
      matched,
    );
    return { ok: true, items, total, nextCursor, corrected } satisfies SearchPageOutcome;
  }

  return {
    async search(request) {
      const terms = queryTerms(request.q);
      let cursor: SearchCursor | null = null;
      if (request.cursor !== null) {
        const decoded = decodeSearchCursor(request.cursor);
        if (!decoded) return badCursor('The cursor is not valid; start again from the first page');
        const sameSort = (decoded.cursor.kind === 'newest') === (request.sort === 'newest');
        if (decoded.fingerprint !== searchFingerprint(terms, request) || !sameSort) {
          return badCursor('The cursor belongs to a different search; start again from the first page');
        }
        cursor = decoded.cursor;
      }
      if (terms.length === 0) return { ok: true, items: [], total: 0, nextCursor: null, suggestion: null };
      const client = await db.connect();
      try {
        const outcome = await run(client, request, terms, cursor);
        await client.query('COMMIT');
        return outcome;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
  };
}
