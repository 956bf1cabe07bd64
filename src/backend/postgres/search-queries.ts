// The statements of one search, inside its read-only transaction (postgres-search.ts): counting the matches,
// listing them newest first, ranking a tier's window, and reading the page's stories.
//
// The transaction runs with sequential and plain index scans off: PostgreSQL's planner does not count the cost
// of reading a vector out of TOAST, and would otherwise read every story's vector (a seconds-long scan) where the
// GIN index answers in milliseconds. A walk of the time index (plain index scans on, bitmap scans off) reads
// vectors one by one, so it is chosen only where the matches are common enough that few reads fill the page, and
// it is given a budget of reads: a walk that falls short hands over to the GIN index.
import type { ClientBase } from 'pg';
import type { ArticleSummary } from '../../contract/news.ts';
import type { SearchRequest } from '../../contract/search.ts';
import type { Place } from './search-cursor.ts';
import { dayRange } from './search-days.ts';
import { searchBody } from './search-documents.ts';
import type { Match } from './search-plan.ts';
import { rankStories, type RankedStory, type RankRow, type Totals } from './search-ranking.ts';
import { snippetOf } from './search-snippet.ts';
import type { Expansion } from './search-words.ts';

/**
 * Microseconds of work per story, measured on this project's machine: reading a story's vector while walking the
 * time index, and placing one match found through the GIN index. They decide which of the two a read uses.
 */
const WALK_COST_PER_STORY = 12;
const BITMAP_COST_PER_MATCH = 1;
const BITMAP_COST_FIXED = 300;
/** A walk may read this many times the stories the estimate says it needs before it hands over. */
const WALK_BUDGET = 3;

/** The settings of every search transaction (see above); parallel workers would only compete on a busy server. */
export const SEARCH_SETTINGS =
  'SET LOCAL enable_seqscan = off; SET LOCAL enable_indexscan = off; SET LOCAL jit = off; ' +
  // Room to count 100,000 matches beside their sort (newest) without spilling to disk.
  "SET LOCAL max_parallel_workers_per_gather = 0; SET LOCAL work_mem = '16MB'";

const MICROS = '(extract(epoch FROM published_at) * 1000000)::bigint AS micros';
const instant = (param: string) => `(timestamptz 'epoch' + ${param}::float8 * interval '1 microsecond')`;

type Arg = (value: unknown) => string;

export interface Window {
  /** The window's stories by relevance. */
  ranked: RankedStory[];
  /** Its newest and oldest story; bottom null: the window holds every match. */
  top: Place | null;
  bottom: Place | null;
}

export class SearchQueries {
  private readonly from: Date | null;
  private readonly before: Date | null;
  /** Match counts found on the way, by tsquery: a first page read through the GIN index counts its matches. */
  readonly counted = new Map<string, number>();

  constructor(
    private readonly client: ClientBase,
    private readonly request: SearchRequest,
    readonly totals: Totals,
    timeZone: string,
  ) {
    ({ from: this.from, before: this.before } = dayRange(request.from, request.to, timeZone));
  }

  /** The topic, source and day filters, as conditions to append. */
  private filters(arg: Arg): string {
    const filters: string[] = [];
    const { topics, sources, excludeSources = [] } = this.request;
    if (topics) filters.push(`topics && ${arg(topics)}::text[]`);
    if (sources) filters.push(`source_id = ANY(${arg(sources)}::text[])`);
    if (excludeSources.length > 0) filters.push(`source_id <> ALL(${arg(excludeSources)}::text[])`);
    if (this.from) filters.push(`published_at >= ${arg(this.from)}`);
    if (this.before) filters.push(`published_at < ${arg(this.before)}`);
    return filters.map((filter) => ` AND ${filter}`).join('');
  }

  /**
   * The stories matching `match` that pass the filters, found through the GIN index alone: OFFSET 0 keeps the
   * filters out of the scan, where the planner would rather list a topic's or a date range's stories through
   * their indexes and read the vector of every one of them (5 s for one topic query at 100,000 stories).
   */
  private matching(arg: Arg, match: Match): string {
    const condition = match.anyWord
      ? `vector @@ ANY(${arg(match.anyWord)}::tsquery[])`
      : `vector @@ ${arg(match.query)}::tsquery`;
    return `(SELECT * FROM search_documents WHERE ${condition} OFFSET 0) AS d WHERE true${this.filters(arg)}`;
  }

  /** Runs the statement `sql` writes, each value it passes to `arg` becoming a parameter. */
  private async query<Row extends object>(sql: (arg: Arg) => string, client = this.client): Promise<Row[]> {
    const params: unknown[] = [];
    const text = sql((value) => {
      params.push(value);
      return `$${params.length}`;
    });
    return (await client.query<Row>(text, params)).rows;
  }

  /**
   * How many stories match, or with `match` null, pass the filters (on `client`: another connection in the same
   * snapshot may count meanwhile).
   */
  async count(match: Match | null, client = this.client): Promise<number> {
    const known = match && this.counted.get(match.query);
    if (known !== undefined && known !== null) return known;
    const [row] = await this.query<{ total: number }>(
      (arg) =>
        `SELECT count(*)::integer AS total
         FROM ${match ? this.matching(arg, match) : `search_documents WHERE true${this.filters(arg)}`}`,
      client,
    );
    return row!.total;
  }

  async exists(match: Match): Promise<boolean> {
    const [row] = await this.query<{ found: boolean }>(
      (arg) => `SELECT EXISTS (SELECT 1 FROM ${this.matching(arg, match)}) AS found`,
    );
    return row!.found;
  }

  /**
   * How many stories a walk of the time index may read to find `limit` matches, when a walk is quicker than
   * finding every match through the GIN index and sorting them; else null.
   */
  private walkBudget(limit: number, match: Match): number | null {
    if (match.estimate === null) return null;
    const reads = (limit * this.totals.documents) / Math.max(1, match.estimate);
    const walks = reads * WALK_COST_PER_STORY < match.estimate * BITMAP_COST_PER_MATCH + BITMAP_COST_FIXED;
    return walks ? Math.ceil(reads * WALK_BUDGET) + 50 : null;
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

  private olderThan(arg: Arg, after: Place | null): string {
    if (!after) return '';
    const at = instant(arg(after.micros));
    return ` AND (published_at < ${at} OR (published_at = ${at} AND id > ${arg(after.id)}))`;
  }

  /** Up to `limit` matches older than `after`, newest first. */
  async newest(match: Match, after: Place | null, limit: number): Promise<Place[]> {
    const budget = this.walkBudget(limit, match);
    let rows: { id: string; micros: string; total?: number }[] | null = null;
    if (budget !== null) {
      rows = await this.walking(() =>
        this.query(
          (arg) =>
            `SELECT id, ${MICROS} FROM (
               SELECT id, published_at, vector FROM search_documents WHERE true${this.filters(arg)}${this.olderThan(arg, after)}
               ORDER BY published_at DESC, id LIMIT ${arg(budget)}) AS w
             WHERE vector @@ ${arg(match.query)}::tsquery ORDER BY published_at DESC, id LIMIT ${arg(limit)}`,
        ),
      );
    }
    if (!rows || rows.length < limit) {
      // A first page counts every match on the way (its sort reads them all anyway), sparing a second scan.
      const counting = after === null;
      rows = await this.query<{ id: string; micros: string; total?: number }>(
        (arg) =>
          `SELECT id, ${MICROS}${counting ? ', count(*) OVER ()::integer AS total' : ''}
           FROM ${this.matching(arg, match)}${this.olderThan(arg, after)}
           ORDER BY published_at DESC, id LIMIT ${arg(limit)}`,
      );
      if (counting) this.counted.set(match.query, rows[0]?.total ?? 0);
    }
    return rows.map((row) => ({ id: row.id, micros: Number(row.micros) }));
  }

  /**
   * Field lengths and the query's `words` each story holds (its vector with those words marked D, the rest
   * filtered away), from `source`, which names the marked vector `marked`.
   */
  private async rankRows(source: (arg: Arg, marked: string) => string, words: readonly string[]) {
    const rows = await this.query<RankRow & { micros: string }>((arg) => {
      const marked = `setweight(vector, 'D', ${arg(words)}::text[])`;
      return `SELECT id, ${MICROS}, title_words AS "titleWords", lead_words AS "leadWords", body_words AS "bodyWords",
                ts_filter(marked, '{d}')::text AS hits
              FROM ${source(arg, marked)}`;
    });
    return rows.map((row) => ({ ...row, micros: Number(row.micros) }));
  }

  /**
   * The ranked window of a tier: its newest `size` matches by relevance, or, resuming from a cursor, the matches
   * between the window's first and last story as they were.
   */
  async window(
    match: Match,
    words: readonly (readonly Expansion[])[],
    size: number,
    bounds: { top: Place; bottom: Place | null } | null,
  ): Promise<Window> {
    const all = [...new Set(words.flat().map((e) => e.word))];
    const rank = (rows: RankRow[], top: Place | null, bottom: Place | null) => ({
      ranked: rankStories(rows, words, this.totals),
      top,
      bottom,
    });
    if (bounds) {
      const rows = await this.rankRows((arg, marked) => {
        const { top, bottom } = bounds;
        const newest = instant(arg(top.micros));
        const notNewer = ` AND (published_at < ${newest} OR (published_at = ${newest} AND id >= ${arg(top.id)}))`;
        const oldest = bottom && instant(arg(bottom.micros));
        const notOlder = bottom
          ? ` AND (published_at > ${oldest} OR (published_at = ${oldest} AND id <= ${arg(bottom.id)}))`
          : '';
        return `(SELECT *, ${marked} AS marked FROM ${this.matching(arg, match)}${notNewer}${notOlder}) AS w`;
      }, all);
      return rank(rows, bounds.top, bounds.bottom);
    }
    const budget = this.walkBudget(size, match);
    if (budget !== null) {
      // Each story's vector is read once: marked in the ordered scan, then tested and filtered.
      const rows = await this.walking(() =>
        this.rankRows(
          (arg, marked) =>
            `(SELECT *, ${marked} AS marked FROM search_documents WHERE true${this.filters(arg)}
              ORDER BY published_at DESC, id LIMIT ${arg(budget)}) AS w
             WHERE marked @@ ${arg(match.query)}::tsquery ORDER BY published_at DESC, id LIMIT ${arg(size)}`,
          all,
        ),
      );
      if (rows.length === size) return rank(rows, rows[0]!, rows[size - 1]!);
    }
    const newest = await this.newest({ ...match, estimate: null }, null, size);
    if (newest.length === 0) return rank([], null, null);
    const rows = await this.rankRows(
      (arg, marked) =>
        `(SELECT *, ${marked} AS marked FROM search_documents WHERE id = ANY(${arg(newest.map((p) => p.id))}::text[])) AS w`,
      all,
    );
    return rank(rows, newest[0]!, newest.length === size ? newest[size - 1]! : null);
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
