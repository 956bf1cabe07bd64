// The news store port over PostgreSQL: feed pages by keyset in the embedded store's exact order, topic counts from
// the per-day count table, articles and neighbours, and upserts that announce themselves to every server. Rows
// are checked against the contract as they are read: a malformed one (edited by hand, written by an old version)
// is left out and logged, and the page is filled from the rows after it, never failed.
import type { Pool, PoolClient } from 'pg';
import {
  articleSchema,
  articleSummarySchema,
  type Article,
  type ArticleSummary,
  type Topic,
} from '../../contract/news.ts';
import { NO_SOURCE_ID, type SourcesResponse } from '../../contract/sources.ts';
import { check, describeProblems } from '../../contract/validate.ts';
import { checkRecord, failRecord } from '../embedded/data-files.ts';
import { articleOverLimits } from '../embedded/data-limits.ts';
import type {
  FeedFilter,
  FeedPage,
  FeedPageRequest,
  FeedPosition,
  NewsBatch,
  NewsChange,
  NewsStorePort,
  Neighbours,
  UpsertResult,
} from '../ports.ts';
import { sourcesResponse } from '../source-ids.ts';
import type { BackendLog, DatabaseAvailability } from './database-availability.ts';
import { feedQuery, instantSql, msSql, sinceParam, type Direction } from './feed-sql.ts';
import { announceChange, isChange, upsertNews } from './news-upsert.ts';
import { inTransaction } from './transaction.ts';

const DAY_MS = 86_400_000;
const BATCH_SOURCE = 'articles';

/** A story of a batch checked as a data file's record is (the contract's schema and the data limits). */
function checkedArticle(record: Article, index: number): Article {
  const where = `record ${index} (id "${record.id}")`;
  const article = checkRecord(BATCH_SOURCE, where, record, articleSchema);
  const over = articleOverLimits(article, Date.now());
  if (over) failRecord(BATCH_SOURCE, where, ...over);
  return article;
}

/** A story may name as related only stories of its batch or stored already. */
async function refuseUnknownRelated(client: PoolClient, articles: readonly Article[]): Promise<void> {
  const inBatch = new Set(articles.map((article) => article.id));
  const named = [...new Set(articles.flatMap((article) => article.related ?? []))].filter((id) => !inBatch.has(id));
  if (named.length === 0) return;
  const { rows } = await client.query<{ id: string }>('SELECT id FROM articles WHERE id = ANY($1::text[])', [named]);
  const stored = new Set(rows.map((row) => row.id));
  articles.forEach((article, index) =>
    article.related?.forEach((id, i) => {
      if (!inBatch.has(id) && !stored.has(id)) {
        failRecord(BATCH_SOURCE, `record ${index} (id "${article.id}")`, `related[${i}]`, `unknown article "${id}"`);
      }
    }),
  );
}

interface FeedRow {
  id: string;
  time: number;
  summary: unknown;
}

interface Placed {
  summary: ArticleSummary;
  position: FeedPosition;
}

export interface NewsStoreContext {
  pool: Pool;
  availability: DatabaseAvailability;
  log: BackendLog;
  /** This backend instance's name in change notices. */
  source: string;
}

export class PostgresNewsStore implements NewsStorePort {
  private topicIdCache: ReadonlySet<string> | null = null;
  /** The source list, read once per change (the filter checks every request's source ids against it). */
  private sourceCache: { response: SourcesResponse; ids: ReadonlySet<string> } | null = null;
  private changes = 0;
  private readonly listeners = new Set<(change: NewsChange) => void>();
  private readonly loggedMalformed = new Set<string>();
  /** Rows left out because they failed the contract (each logged once). */
  malformedRows = 0;

  constructor(private readonly context: NewsStoreContext) {}

  private run<T>(query: () => Promise<T>): Promise<T> {
    return this.context.availability.run(query);
  }

  topics(since: number | null): Promise<Topic[]> {
    return this.run(async () => {
      // Whole days after `since` from the count table, plus the stories of its own day that follow it.
      const sinceDay = since === null ? null : Math.floor(Number(sinceParam(since)) / DAY_MS);
      const counts =
        sinceDay === null
          ? 'SELECT topic, stories FROM topic_day_counts'
          : `SELECT topic, stories FROM topic_day_counts WHERE day > $1
             UNION ALL
             SELECT t.topic, 1 FROM articles AS a, LATERAL (SELECT DISTINCT unnest(a.topics)) AS t(topic)
             WHERE a.published_at > ${instantSql(2)} AND a.published_at < ${instantSql(3)}`;
      const { rows } = await this.context.pool.query<Topic>(
        `SELECT topics.id, topics.name, coalesce(counted.stories, 0)::int AS count
         FROM topics LEFT JOIN (SELECT topic, sum(stories) AS stories FROM (${counts}) AS c GROUP BY topic) AS counted
           ON counted.topic = topics.id
         ORDER BY topics.position, topics.id`,
        sinceDay === null ? [] : [sinceDay, sinceParam(since!), String((sinceDay + 1) * DAY_MS)],
      );
      return rows;
    });
  }

  topicIds(): Promise<ReadonlySet<string>> {
    return this.run(async () => (this.topicIdCache ??= await this.loadTopicIds()));
  }

  private async loadTopicIds(): Promise<ReadonlySet<string>> {
    const { rows } = await this.context.pool.query<{ id: string }>('SELECT id FROM topics');
    return new Set(rows.map((row) => row.id));
  }

  sources(): Promise<SourcesResponse> {
    return this.run(async () => (await this.sourceList()).response);
  }

  sourceIds(): Promise<ReadonlySet<string>> {
    return this.run(async () => (await this.sourceList()).ids);
  }

  private async sourceList() {
    if (this.sourceCache) return this.sourceCache;
    const seen = this.changes;
    // Each source's name is its newest story's, read through the (source_id, published_at, id) index.
    const { rows } = await this.context.pool.query<{ id: string; count: number; name: string | null }>(
      `SELECT c.source_id AS id, c.stories AS count, newest.name
       FROM source_counts AS c LEFT JOIN LATERAL (
         SELECT source_name AS name FROM articles AS a
         WHERE a.source_id = c.source_id ORDER BY a.published_at DESC, a.id LIMIT 1
       ) AS newest ON c.source_id <> $1
       WHERE c.stories > 0`,
      [NO_SOURCE_ID],
    );
    const named = rows.filter((row) => row.id !== NO_SOURCE_ID && row.name);
    const list = {
      response: sourcesResponse(
        named.map(({ id, count, name }) => ({ id, name: name!, count })),
        rows.find((row) => row.id === NO_SOURCE_ID)?.count ?? 0,
      ),
      ids: new Set([NO_SOURCE_ID, ...named.map((row) => row.id)]),
    };
    // A change while this was read makes it stale: the next request reads it again.
    if (seen === this.changes) this.sourceCache = list;
    return list;
  }

  /** The summary a row holds when it passes the contract; else null, logged the first time. */
  private summaryOf(row: FeedRow): ArticleSummary | null {
    const checked = check(articleSummarySchema, row.summary);
    if (checked.ok) return checked.value;
    this.noteMalformed(row.id, describeProblems(checked.problems));
    return null;
  }

  private noteMalformed(id: string, problems: string): void {
    this.malformedRows++;
    if (this.loggedMalformed.has(id)) return;
    this.loggedMalformed.add(id);
    this.context.log.warn(`PostgreSQL: the stored article "${id}" is malformed and left out (${problems})`);
  }

  /** Up to `count` well-formed stories beyond `from` in `direction`: rows that fail the contract are skipped and
   * their places filled from the rows that follow. */
  private async walk(
    filter: FeedFilter,
    since: number | null,
    from: FeedPosition | null,
    direction: Direction,
    count: number,
  ): Promise<Placed[]> {
    const found: Placed[] = [];
    let position = from;
    for (;;) {
      const wanted = count - found.length;
      const { rows } = await this.context.pool.query<FeedRow>(feedQuery(filter, since, position, direction, wanted));
      for (const row of rows) {
        const summary = this.summaryOf(row);
        if (summary) found.push({ summary, position: { time: row.time, id: row.id } });
      }
      const last = rows[rows.length - 1];
      if (rows.length < wanted || found.length >= count || !last) return found;
      position = { time: last.time, id: last.id };
    }
  }

  feedPage({ since, after, limit, ...filter }: FeedPageRequest): Promise<FeedPage> {
    return this.run(async () => {
      // One more than asked for says whether another page follows.
      const found = await this.walk(filter, since, after, 'older', limit + 1);
      const items = found.slice(0, limit);
      return {
        items: items.map((item) => item.summary),
        next: found.length > limit ? items[items.length - 1]!.position : null,
      };
    });
  }

  article(id: string): Promise<Article | null> {
    return this.run(async () => {
      const { rows } = await this.context.pool.query<{ summary: unknown; pages: unknown }>(
        'SELECT summary, pages FROM articles WHERE id = $1',
        [id],
      );
      const row = rows[0];
      if (!row) return null;
      const summary = this.summaryOf({ id, time: 0, summary: row.summary });
      if (!summary) return null;
      const { pageCount: _pages, wordCount: _words, ...fields } = summary;
      const article = check(articleSchema, { ...fields, pages: row.pages });
      if (article.ok) return article.value;
      this.noteMalformed(id, describeProblems(article.problems));
      return null;
    });
  }

  neighbours(id: string, filter: FeedFilter): Promise<Neighbours | null> {
    return this.run(async () => {
      const { rows } = await this.context.pool.query<{ time: number }>(
        `SELECT ${msSql('published_at')} AS time FROM articles WHERE id = $1`,
        [id],
      );
      if (!rows[0]) return null;
      const at = { time: rows[0].time, id };
      const [newer] = await this.walk(filter, null, at, 'newer', 1);
      const [older] = await this.walk(filter, null, at, 'older', 1);
      return { newer: newer?.summary ?? null, older: older?.summary ?? null };
    });
  }

  upsert(batch: NewsBatch): Promise<UpsertResult> {
    return this.run(async () => {
      let newest: number | null = null;
      const articles = (batch.articles ?? []).map(checkedArticle);
      const result = await inTransaction(this.context.pool, async (client) => {
        await refuseUnknownRelated(client, articles);
        const written = await upsertNews(client, { ...batch, articles });
        if (isChange(written)) newest = await announceChange(client, this.context.source);
        return written;
      });
      if (isChange(result)) await this.changed({ newest });
      return result;
    });
  }

  /** After a change here or in another server: the topic ids read again, then every subscriber told. */
  async changed(change: NewsChange): Promise<void> {
    this.changes++;
    this.sourceCache = null;
    try {
      this.topicIdCache = await this.loadTopicIds();
    } catch (error) {
      // Read again on the next request instead.
      this.topicIdCache = null;
      this.context.log.warn(`PostgreSQL: the topic ids could not be read again (${(error as Error).message})`);
    }
    for (const listener of this.listeners) {
      try {
        listener(change);
      } catch (error) {
        this.context.log.error(`A news change listener failed: ${(error as Error).message}`);
      }
    }
  }

  /** The newest story's instant, for subscribers that may have missed changes (the listening connection was lost). */
  async newest(): Promise<number | null> {
    const { rows } = await this.context.pool.query<{ newest: number | null }>(
      `SELECT ${msSql('max(published_at)')} AS newest FROM articles`,
    );
    return rows[0]!.newest;
  }

  subscribe(listener: (change: NewsChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
