// Writing topics and stories inside a caller's transaction (the port's upsert: one per call; db:load: one for the
// whole folder): new ones inserted, changed ones replaced, equal ones left alone and counted as such. The topic
// counts follow by themselves (statement triggers of migration 003), and a change is announced on NEWS_CHANNEL at
// commit, so every server sharing the database learns of it.
import type { PoolClient } from 'pg';
import type { Article, ArticleSummary, TopicRecord } from '../../contract/news.ts';
import { countWords } from '../../contract/words.ts';
import type { NewsBatch, UpsertResult } from '../ports.ts';
import { sourceIdOf } from '../source-ids.ts';
import { msSql } from './feed-sql.ts';
import { indexForSearch } from './search-documents.ts';

/** The LISTEN/NOTIFY channel; the payload is a NewsNotice. */
export const NEWS_CHANNEL = 'news_changes';

export interface NewsNotice {
  newest: number | null;
  /** Which backend instance wrote the change (it tells its own subscribers itself). */
  source: string;
}

/** What the feed sends for an article: its fields but the pages, with the page count and the words of every
 * paragraph (countWords, which the embedded store's counts equal). */
function summaryOf(article: Article): ArticleSummary {
  const { pages, ...rest } = article;
  let wordCount = 0;
  for (const page of pages) for (const paragraph of page) wordCount += countWords(paragraph);
  return { ...rest, pageCount: pages.length, wordCount };
}

export const emptyResult = (): UpsertResult => ({ inserted: 0, updated: 0, unchanged: 0 });

export function addResults(total: UpsertResult, more: UpsertResult): UpsertResult {
  return {
    inserted: total.inserted + more.inserted,
    updated: total.updated + more.updated,
    unchanged: total.unchanged + more.unchanged,
  };
}

function refuseDuplicates(kind: string, ids: readonly string[]): void {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) throw new Error(`The batch holds the ${kind} "${id}" twice`);
    seen.add(id);
  }
}

/** New topics go after the others, in the batch's order; a known topic may change its name, never its place. */
async function upsertTopics(client: PoolClient, topics: readonly TopicRecord[]): Promise<UpsertResult> {
  if (topics.length === 0) return emptyResult();
  refuseDuplicates(
    'topic',
    topics.map((topic) => topic.id),
  );
  // Two writers appending at once would hand out the same positions.
  await client.query('LOCK TABLE topics IN SHARE ROW EXCLUSIVE MODE');
  const input = JSON.stringify(topics.map(({ id, name }, ord) => ({ id, name, ord })));
  const { rows } = await client.query<{ inserted: number; updated: number }>(
    `WITH input AS (SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(id text, name text, ord integer)),
       renamed AS (UPDATE topics SET name = input.name FROM input
                   WHERE topics.id = input.id AND topics.name <> input.name RETURNING topics.id),
       added AS (INSERT INTO topics (id, name, position)
                 SELECT id, name, (SELECT coalesce(max(position), -1) FROM topics) + row_number() OVER (ORDER BY ord)
                 FROM input WHERE NOT EXISTS (SELECT 1 FROM topics WHERE topics.id = input.id) RETURNING id)
     SELECT (SELECT count(*) FROM added)::int AS inserted, (SELECT count(*) FROM renamed)::int AS updated`,
    [input],
  );
  const { inserted, updated } = rows[0]!;
  return { inserted, updated, unchanged: topics.length - inserted - updated };
}

async function refuseUnknownTopics(client: PoolClient, articles: readonly Article[]): Promise<void> {
  const named = [...new Set(articles.flatMap((article) => article.topics))];
  const { rows } = await client.query<{ id: string }>(
    'SELECT id FROM unnest($1::text[]) AS named(id) WHERE NOT EXISTS (SELECT 1 FROM topics WHERE topics.id = named.id)',
    [named],
  );
  if (rows.length > 0) {
    const unknown = rows[0]!.id;
    const article = articles.find((a) => a.topics.includes(unknown))!;
    throw new Error(`The article "${article.id}" names the unknown topic "${unknown}"`);
  }
}

/** Stories handed to the search index at a time. Each statement rewrites every vocabulary row its words touch, and
 * inside db:load's one transaction the old row versions pile up: fewer, larger statements keep that in bounds
 * (100,000 stories loaded in 190 s with 500, in 127 s with 2,500). */
const SEARCH_BATCH = 2500;

async function upsertArticles(client: PoolClient, articles: readonly Article[]): Promise<UpsertResult> {
  if (articles.length === 0) return emptyResult();
  refuseDuplicates(
    'article',
    articles.map((article) => article.id),
  );
  await refuseUnknownTopics(client, articles);
  const input = JSON.stringify(
    articles.map((article) => ({
      id: article.id,
      published_ms: Date.parse(article.publishedAt),
      topics: article.topics,
      source_id: sourceIdOf(article),
      source_name: article.source?.name ?? null,
      summary: summaryOf(article),
      pages: article.pages,
    })),
  );
  // xmax is 0 on a row this statement inserted; a row left alone is not returned.
  const { rows } = await client.query<{ id: string; inserted: boolean }>(
    `INSERT INTO articles AS a (id, published_at, topics, source_id, source_name, summary, pages)
     SELECT id, 'epoch'::timestamptz + published_ms * interval '1 millisecond', topics, source_id, source_name,
       summary, pages
     FROM jsonb_to_recordset($1::jsonb)
       AS r(id text, published_ms bigint, topics text[], source_id text, source_name text, summary jsonb, pages jsonb)
     ON CONFLICT (id) DO UPDATE SET published_at = EXCLUDED.published_at, topics = EXCLUDED.topics,
       source_id = EXCLUDED.source_id, source_name = EXCLUDED.source_name,
       summary = EXCLUDED.summary, pages = EXCLUDED.pages, updated_at = now()
     WHERE (a.published_at, a.topics, a.summary, a.pages)
       IS DISTINCT FROM (EXCLUDED.published_at, EXCLUDED.topics, EXCLUDED.summary, EXCLUDED.pages)
     RETURNING a.id, (a.xmax = 0) AS inserted`,
    [input],
  );
  // The stories written (new or changed) become searchable in the same transaction.
  const written = new Set(rows.map((row) => row.id));
  const changed = articles.filter((article) => written.has(article.id));
  for (let start = 0; start < changed.length; start += SEARCH_BATCH) {
    await indexForSearch(client, changed.slice(start, start + SEARCH_BATCH));
  }
  const inserted = rows.filter((row) => row.inserted).length;
  return { inserted, updated: rows.length - inserted, unchanged: articles.length - rows.length };
}

/** Writes `batch` in the caller's open transaction: topics first (an article may name a new one). Throws on a
 * batch naming an id twice or an article naming a topic that is neither stored nor in the batch. */
export async function upsertNews(client: PoolClient, batch: NewsBatch): Promise<UpsertResult> {
  const topics = await upsertTopics(client, batch.topics ?? []);
  return addResults(topics, await upsertArticles(client, batch.articles ?? []));
}

export const isChange = (result: UpsertResult) => result.inserted + result.updated > 0;

/** Queues the change notice, sent when the caller's transaction commits; returns the newest instant it carries. */
export async function announceChange(client: PoolClient, source: string): Promise<number | null> {
  const { rows } = await client.query<{ newest: number | null }>(
    `SELECT newest, pg_notify($1, json_build_object('newest', newest, 'source', $2::text)::text)
     FROM (SELECT ${msSql('max(published_at)')} AS newest FROM articles) AS latest`,
    [NEWS_CHANNEL, source],
  );
  return rows[0]!.newest;
}
