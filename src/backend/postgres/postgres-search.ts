// The PostgreSQL adapter's SearchPort: the embedded engine's search (README "Search") over the tables of migration
// 002-search. Each query word becomes the archive words standing for it (search-words.ts); the GIN index finds the
// stories holding every word, one query per typo tier (exact and prefix matches first, then closer look-alikes);
// `newest` walks them newest first. `relevance` ranks, per tier, the newest RANK_WINDOW matches with the embedded
// engine's BM25 (search-ranking.ts), then lists older matches of the tier newest first: ranking every match of a
// common word would read every story's vector. Snippets and summaries are read for the page's stories only.
//
// Every search runs in one read-only snapshot with sequential scans and plain index scans off: PostgreSQL's
// planner does not count the cost of reading a vector out of TOAST, and would otherwise read every story's vector
// (a seconds-long scan) where the GIN index answers in milliseconds. Plain index scans (a walk of the time index
// that reads vectors one by one) are switched on only where few stories must be read: a common word's newest page.
import type { Pool, PoolClient } from 'pg';
import type { ArticleSummary } from '../../contract/news.ts';
import { foldWord, queryTerms, tokenize, typoAllowance } from '../../contract/words.ts';
import type { SearchPageOutcome, SearchPageRequest, SearchPort } from '../ports.ts';
import {
  decodeSearchCursor,
  encodeSearchCursor,
  searchFingerprint,
  type Place,
  type SearchCursor,
} from './search-cursor.ts';
import { dayRange } from './search-days.ts';
import { searchBody } from './search-documents.ts';
import { rankStories, type RankedStory, type RankRow, type Totals } from './search-ranking.ts';
import { snippetOf } from './search-snippet.ts';
import { closeWords, expandQuery, type Expansion } from './search-words.ts';

export interface PostgresSearchOptions {
  /** The agency's time zone: search's day filters are its calendar days. */
  timeZone: string;
  /** Relevance ranks this many of the newest matches of each typo tier (README "Search" in PostgreSQL). */
  rankWindow?: number;
}

/** Newest matches ranked by relevance per tier: enough for any reader's paging, few enough to read fast. */
const RANK_WINDOW = 1000;
/** Corrections considered per word, and combinations tried, for "Did you mean" (as the embedded engine). */
const SUGGESTION_OPTIONS = 3;
const SUGGESTION_TRIES = 27;
/** A suggestion is only offered, never applied, so it may reach further than the typo rule. */
const suggestionAllowance = (word: string) => (word.length < 3 ? 0 : word.length < 7 ? 1 : 2);

/**
 * Microseconds of work per story, measured on this project's machine: reading a story's vector while walking the
 * time index, and placing one match found through the GIN index. They decide which of the two a page uses.
 */
const WALK_COST_PER_STORY = 25;
const BITMAP_COST_PER_MATCH = 1;
const BITMAP_COST_FIXED = 300;

const MICROS = '(extract(epoch FROM published_at) * 1000000)::bigint AS micros';
const instant = (param: string) => `(timestamptz 'epoch' + ${param}::float8 * interval '1 microsecond')`;

const lexeme = (word: string) => `'${word.replace(/['\\]/g, '$&$&')}'`;
/** A tsquery matching any of the words. */
const anyOf = (words: readonly string[]) => `(${words.map(lexeme).join(' | ')})`;

/**
 * What stories must hold: a tsquery, and when it is only "any of these words", the words. The GIN index reads a
 * long OR of words several times faster as one scan per word than as one tsquery (whose whole tree it evaluates
 * for every story any of the words leads to): 38 against 115 ms for the 50 completions of "con" at 100,000 stories.
 */
interface Match {
  query: string;
  anyWord?: readonly string[];
}

/** Stories holding, for each group, any of its words. */
function allOf(groups: readonly (readonly string[])[]): Match {
  return groups.length === 1
    ? { query: anyOf(groups[0]!), anyWord: groups[0]! }
    : { query: groups.map(anyOf).join(' & ') };
}

interface Tier {
  tier: number;
  /** The stories whose words' closest expansions add up to this tier. */
  match: Match;
}

/**
 * One query per typo tier. A word's expansions form groups by tier; a story's tier is the sum over the words of the
 * lowest group it holds, so each way of picking one group per word is "this group and none closer", and a tier's
 * query joins the picks that add up to it.
 */
function tiersOf(words: readonly (readonly Expansion[])[]): Tier[] {
  const groups = words.map((expansions) => {
    const byTier = new Map<number, string[]>();
    for (const { word, tier } of expansions) byTier.set(tier, [...(byTier.get(tier) ?? []), word]);
    return [...byTier].sort(([a], [b]) => a - b);
  });
  let picks: { tier: number; parts: string[] }[] = [{ tier: 0, parts: [] }];
  for (const wordGroups of groups) {
    picks = picks.flatMap((pick) =>
      wordGroups.map(([tier, group], g) => {
        const closer = wordGroups.slice(0, g).flatMap(([, words]) => words);
        const part = closer.length ? `(${anyOf(group)} & !${anyOf(closer)})` : anyOf(group);
        return { tier: pick.tier + tier, parts: [...pick.parts, part] };
      }),
    );
  }
  // One pick (no word with look-alikes of several distances): the plain query, which the index reads best.
  if (picks.length === 1) return [{ tier: picks[0]!.tier, match: allOf(words.map((w) => w.map((e) => e.word))) }];
  const byTier = new Map<number, string[]>();
  for (const { tier, parts } of picks) byTier.set(tier, [...(byTier.get(tier) ?? []), parts.join(' & ')]);
  return [...byTier]
    .sort(([a], [b]) => a - b)
    .map(([tier, queries]) => ({ tier, match: { query: queries.map((q) => `(${q})`).join(' | ') } }));
}

/** The stories a page lists, each with the cursor that resumes after it. */
interface Entry {
  id: string;
  after: SearchCursor;
}

interface Window {
  ranked: RankedStory[];
  top: Place | null;
  bottom: Place | null;
}

/** One search, inside its transaction. */
class SearchRun {
  private readonly windows = new Map<number, Window>();
  private readonly from: Date | null;
  private readonly before: Date | null;
  private totals: Totals = { documents: 0, titleWords: 0, leadWords: 0, bodyWords: 0 };

  constructor(
    private readonly client: PoolClient,
    private readonly request: SearchPageRequest,
    private readonly rankWindow: number,
    timeZone: string,
  ) {
    ({ from: this.from, before: this.before } = dayRange(request.from, request.to, timeZone));
  }

  /** The topic and day filters, as conditions to append. */
  private filters(arg: (value: unknown) => string): string {
    const filters: string[] = [];
    if (this.request.topics) filters.push(`topics && ${arg(this.request.topics)}::text[]`);
    if (this.from) filters.push(`published_at >= ${arg(this.from)}`);
    if (this.before) filters.push(`published_at < ${arg(this.before)}`);
    return filters.map((filter) => ` AND ${filter}`).join('');
  }

  /**
   * The stories matching `query` that pass the filters, found through the GIN index alone: OFFSET 0 keeps the
   * filters out of the scan, where the planner (blind to what reading a vector costs) would otherwise rather
   * list a topic's or a date range's stories through their indexes and read the vector of every one of them.
   */
  private matching(arg: (value: unknown) => string, match: Match): string {
    const condition = match.anyWord
      ? `vector @@ ANY(${arg(match.anyWord.map(lexeme))}::tsquery[])`
      : `vector @@ ${arg(match.query)}::tsquery`;
    return `(SELECT * FROM search_documents WHERE ${condition} OFFSET 0) AS d WHERE true${this.filters(arg)}`;
  }

  /** Runs the statement `sql` writes, each value it passes to `arg` becoming a parameter. */
  private query<Row extends object>(sql: (arg: (value: unknown) => string) => string) {
    const params: unknown[] = [];
    const text = sql((value) => {
      params.push(value);
      return `$${params.length}`;
    });
    return this.client.query<Row>(text, params).then((result) => result.rows);
  }

  async count(match: Match): Promise<number> {
    const [row] = await this.query<{
      total: number;
      documents: string;
      title_words: string;
      lead_words: string;
      body_words: string;
    }>(
      (arg) => `SELECT (SELECT count(*)::integer FROM ${this.matching(arg, match)}) AS total,
                documents, title_words, lead_words, body_words FROM search_totals`,
    );
    this.totals = {
      documents: Number(row!.documents),
      titleWords: Number(row!.title_words),
      leadWords: Number(row!.lead_words),
      bodyWords: Number(row!.body_words),
    };
    return row!.total;
  }

  async exists(match: Match): Promise<boolean> {
    const [row] = await this.query<{ found: boolean }>(
      (arg) => `SELECT EXISTS (SELECT 1 FROM ${this.matching(arg, match)}) AS found`,
    );
    return row!.found;
  }

  /**
   * Whether `limit` matches are found quicker by walking the time index, reading each story's vector, than through
   * the GIN index and a sort of all `matches` (when known): only when matches are common enough for few reads.
   */
  private walks(limit: number, matches: number | null): boolean {
    if (matches === null) return false;
    const reads = (limit * this.totals.documents) / Math.max(1, matches);
    return reads * WALK_COST_PER_STORY < matches * BITMAP_COST_PER_MATCH + BITMAP_COST_FIXED;
  }

  /** Runs `read` with plain index scans on instead of bitmap scans: a walk of the time index. */
  private async walking<T>(read: () => Promise<T>): Promise<T> {
    await this.client.query('SET LOCAL enable_indexscan = on; SET LOCAL enable_bitmapscan = off');
    try {
      return await read();
    } finally {
      await this.client.query('SET LOCAL enable_indexscan = off; SET LOCAL enable_bitmapscan = on');
    }
  }

  /** Up to `limit` matches older than `after`, newest first. */
  async newest(match: Match, after: Place | null, limit: number, matches: number | null): Promise<Place[]> {
    const walk = this.walks(limit, matches);
    const read = () =>
      this.query<{ id: string; micros: string }>((arg) => {
        const older = after
          ? ` AND (published_at < ${instant(arg(after.micros))} OR (published_at = ${instant(arg(after.micros))} AND id > ${arg(after.id)}))`
          : '';
        const stories = walk
          ? `search_documents WHERE vector @@ ${arg(match.query)}::tsquery${this.filters(arg)}`
          : this.matching(arg, match);
        return `SELECT id, ${MICROS} FROM ${stories}${older} ORDER BY published_at DESC, id LIMIT ${arg(limit)}`;
      });
    const rows = walk ? await this.walking(read) : await read();
    return rows.map((row) => ({ id: row.id, micros: Number(row.micros) }));
  }

  /**
   * Tier and score of stories: their field lengths and the query's `words` each holds (its vector with those words
   * marked D, the rest filtered away), read from `from`, which names the marked vector `marked`.
   */
  private async rankRows(from: (arg: (value: unknown) => string, marked: string) => string, words: readonly string[]) {
    const rows = await this.query<RankRow & { micros: string }>((arg) => {
      const marked = `setweight(vector, 'D', ${arg(words)}::text[])`;
      return `SELECT id, ${MICROS}, title_words AS "titleWords", lead_words AS "leadWords", body_words AS "bodyWords",
                ts_filter(marked, '{d}')::text AS hits
              FROM ${from(arg, marked)}`;
    });
    return rows.map((row) => ({ ...row, micros: Number(row.micros) }));
  }

  /**
   * The ranked window of a tier: its newest `rankWindow` matches by relevance, or, resuming from a cursor, the
   * matches between the window's first and last story as they were.
   */
  async window(
    tier: Tier,
    words: readonly (readonly Expansion[])[],
    matches: number | null,
    bounds: { top: Place; bottom: Place | null } | null,
  ): Promise<Window> {
    const all = [...new Set(words.flat().map((e) => e.word))];
    let rows: RankRow[];
    let top: Place | null;
    let bottom: Place | null;
    if (bounds) {
      ({ top, bottom } = bounds);
      rows = await this.rankRows((arg, marked) => {
        const [t, b] = [bounds.top, bounds.bottom];
        const notNewer = `(published_at < ${instant(arg(t.micros))} OR (published_at = ${instant(arg(t.micros))} AND id >= ${arg(t.id)}))`;
        const notOlder = b
          ? ` AND (published_at > ${instant(arg(b.micros))} OR (published_at = ${instant(arg(b.micros))} AND id <= ${arg(b.id)}))`
          : '';
        return `(SELECT *, ${marked} AS marked FROM ${this.matching(arg, tier.match)} AND ${notNewer}${notOlder}) AS w`;
      }, all);
    } else if (this.walks(this.rankWindow, matches)) {
      // Walk the time index reading each story's vector once: marked in the ordered scan, tested and filtered above.
      rows = await this.walking(() =>
        this.rankRows(
          (arg, marked) =>
            `(SELECT *, ${marked} AS marked FROM search_documents WHERE true${this.filters(arg)}
              ORDER BY published_at DESC, id OFFSET 0) AS w
             WHERE marked @@ ${arg(tier.match.query)}::tsquery LIMIT ${arg(this.rankWindow)}`,
          all,
        ),
      );
      top = rows[0] ?? null;
      bottom = rows.length === this.rankWindow ? rows[rows.length - 1]! : null;
    } else {
      const newest = await this.newest(tier.match, null, this.rankWindow, null);
      top = newest[0] ?? null;
      bottom = newest.length === this.rankWindow ? newest[newest.length - 1]! : null;
      rows = newest.length
        ? await this.rankRows(
            (arg, marked) =>
              `(SELECT *, ${marked} AS marked FROM search_documents WHERE id = ANY(${arg(newest.map((p) => p.id))}::text[])) AS w`,
            all,
          )
        : [];
    }
    const window = { ranked: rankStories(rows, words, this.totals), top, bottom };
    if (!this.windows.has(tier.tier)) this.windows.set(tier.tier, window);
    return window;
  }

  /** The relevance order from the cursor on: per tier, the ranked window, then the older matches newest first. */
  async relevance(
    tiers: readonly Tier[],
    words: readonly (readonly Expansion[])[],
    total: number,
    cursor: SearchCursor | null,
  ) {
    const want = this.request.limit + 1;
    const entries: Entry[] = [];
    for (const tier of tiers) {
      if (cursor && tier.tier < cursor.tier) continue;
      const resume = cursor?.tier === tier.tier ? cursor : null;
      const matches = tiers.length === 1 ? total : null;
      let after: Place;
      if (resume?.kind === 'older' || resume?.kind === 'newest') after = resume.after;
      else {
        const window = await this.window(tier, words, matches, resume?.kind === 'ranked' ? resume : null);
        const { top, bottom } = window;
        const offset = resume?.kind === 'ranked' ? resume.offset : 0;
        for (let i = offset; i < window.ranked.length && entries.length < want; i++) {
          entries.push({
            id: window.ranked[i]!.id,
            after: { kind: 'ranked', tier: tier.tier, top: top!, bottom, offset: i + 1 },
          });
        }
        if (entries.length >= want) break;
        if (!bottom) continue; // the window held the whole tier
        after = bottom;
      }
      for (const place of await this.newest(tier.match, after, want - entries.length, null)) {
        entries.push({ id: place.id, after: { kind: 'older', tier: tier.tier, after: place } });
      }
      if (entries.length >= want) break;
    }
    return entries;
  }

  /** The newest-first order from the cursor on: tier by tier. */
  async newestFirst(tiers: readonly Tier[], total: number, cursor: SearchCursor | null) {
    const want = this.request.limit + 1;
    const entries: Entry[] = [];
    for (const tier of tiers) {
      if (cursor && tier.tier < cursor.tier) continue;
      const after = cursor?.tier === tier.tier && cursor.kind !== 'ranked' ? cursor.after : null;
      const matches = tiers.length === 1 ? total : null;
      for (const place of await this.newest(tier.match, after, want - entries.length, matches)) {
        entries.push({ id: place.id, after: { kind: 'newest', tier: tier.tier, after: place } });
      }
      if (entries.length >= want) break;
    }
    return entries;
  }

  /** The best result: the first of the lowest tier with a match, by relevance. */
  async best(tiers: readonly Tier[], words: readonly (readonly Expansion[])[]): Promise<RankedStory | null> {
    for (const tier of tiers) {
      const window = this.windows.get(tier.tier) ?? (await this.window(tier, words, null, null));
      if (window.ranked[0]) return window.ranked[0];
    }
    return null;
  }

  /** The page's summaries with their snippets, in the page's order. */
  async items(ids: readonly string[], words: ReadonlySet<string>) {
    const rows = await this.query<{ id: string; summary: ArticleSummary; pages: string[][] }>(
      (arg) => `SELECT id, summary, pages FROM articles WHERE id = ANY(${arg(ids)}::text[])`,
    );
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.flatMap((id) => {
      const row = byId.get(id);
      return row ? [{ ...row.summary, snippet: snippetOf(searchBody(row.pages), words) }] : [];
    });
  }
}

/** "Did you mean": each word found nowhere replaced by one of its closest archive words, the fewest edits first. */
async function suggestion(
  run: SearchRun,
  client: PoolClient,
  terms: readonly string[],
  words: readonly (readonly Expansion[])[],
  known: readonly boolean[],
  typed: ReadonlyMap<string, string>,
): Promise<string | null> {
  const options: { text: string; distance: number; words: string[] }[][] = [];
  for (const [i, term] of terms.entries()) {
    if (known[i]) {
      options.push([{ text: typed.get(term) ?? term, distance: 0, words: words[i]!.map((e) => e.word) }]);
      continue;
    }
    const isLast = i === terms.length - 1;
    // A last word may be unfinished: its start may also be corrected, within the typo rule.
    const prefixMax = isLast && typoAllowance(term) > 0 ? 1 : null;
    const allowance = suggestionAllowance(term);
    const close = allowance > 0 ? await closeWords(client, term, allowance, SUGGESTION_OPTIONS, prefixMax) : [];
    options.push(close.map(({ word, distance }) => ({ text: word, distance, words: [word] })));
  }
  if (options.every((o) => o[0]?.distance === 0) || options.some((o) => o.length === 0)) return null;
  let combinations: number[][] = [[]];
  for (const choices of options) combinations = combinations.flatMap((c) => choices.map((_, k) => [...c, k]));
  const edits = (c: number[]) => c.reduce((sum, k, i) => sum + options[i]![k]!.distance, 0);
  combinations.sort((a, b) => edits(a) - edits(b));
  for (const combination of combinations.slice(0, SUGGESTION_TRIES)) {
    const chosen = combination.map((k, i) => options[i]![k]!);
    if (await run.exists(allOf(chosen.map((c) => c.words)))) return chosen.map((c) => c.text).join(' ');
  }
  return null;
}

const badCursor = (message: string): SearchPageOutcome => ({ ok: false, code: 'bad_cursor', message });

export function createPostgresSearch(db: Pool, options: PostgresSearchOptions): SearchPort {
  const rankWindow = options.rankWindow ?? RANK_WINDOW;
  return {
    async search(request) {
      const { q, sort, limit } = request;
      const terms = queryTerms(q);
      const fingerprint = searchFingerprint(terms, request);
      let cursor: SearchCursor | null = null;
      if (request.cursor !== null) {
        const decoded = decodeSearchCursor(request.cursor);
        if (!decoded) return badCursor('The cursor is not valid; start again from the first page');
        if (decoded.fingerprint !== fingerprint || (decoded.cursor.kind === 'newest') !== (sort === 'newest')) {
          return badCursor('The cursor belongs to a different search; start again from the first page');
        }
        cursor = decoded.cursor;
      }
      if (terms.length === 0) return { ok: true, items: [], total: 0, nextCursor: null, suggestion: null };

      const client = await db.connect();
      try {
        await client.query(
          'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; SET LOCAL enable_seqscan = off; SET LOCAL enable_indexscan = off; SET LOCAL jit = off; SET LOCAL max_parallel_workers_per_gather = 0',
        );
        const run = new SearchRun(client, request, rankWindow, options.timeZone);
        const { expansions: words, known } = await expandQuery(client, terms, !request.exact);
        const typed = new Map(tokenize(q).map((token) => [foldWord(token), token] as const));
        const total = words.some((w) => w.length === 0)
          ? 0
          : await run.count(allOf(words.map((w) => w.map((e) => e.word))));
        let outcome: SearchPageOutcome;
        if (total === 0) {
          outcome = {
            ok: true,
            items: [],
            total: 0,
            nextCursor: null,
            suggestion: await suggestion(run, client, terms, words, known, typed),
          };
        } else {
          const tiers = tiersOf(words);
          const entries =
            sort === 'relevance'
              ? await run.relevance(tiers, words, total, cursor)
              : await run.newestFirst(tiers, total, cursor);
          const page = entries.slice(0, limit);
          const nextCursor =
            entries.length > limit ? encodeSearchCursor(fingerprint, page[page.length - 1]!.after) : null;
          let corrected: string | null = null;
          if (words.some((w) => w[0] && w[0].tier > 0)) {
            const best = await run.best(tiers, words);
            corrected = terms
              .map((term, i) => {
                const expansions = words[i]!;
                if (expansions[0]!.tier === 0) return typed.get(term) ?? term;
                const found =
                  best && expansions.filter((e) => best.holds.has(e.word)).sort((a, b) => a.tier - b.tier)[0];
                return found ? found.word : (typed.get(term) ?? term);
              })
              .join(' ');
          }
          const matched = new Set(words.flat().map((e) => e.word));
          outcome = {
            ok: true,
            items: await run.items(
              page.map((e) => e.id),
              matched,
            ),
            total,
            nextCursor,
            corrected,
          };
        }
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
