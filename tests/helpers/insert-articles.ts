// Stories written straight into the 001 tables with plain INSERTs (and made searchable), for the PostgreSQL search
// tests and the search bench's loader until the adapter's own upsert exists: the summary is the wire object the
// feed sends.
import type { ClientBase, Pool } from 'pg';
import { indexForSearch } from '@/backend/postgres/search-documents';
import type { Article, ArticleSummary, TopicRecord } from '@/contract/news';
import { countWords } from '@/contract/words';

/** The feed's summary of an article: everything but the pages, plus the page and word counts. */
function summaryOf(article: Article): ArticleSummary {
  const { pages, ...rest } = article;
  const wordCount = pages.flat().reduce((sum, paragraph) => sum + countWords(paragraph), 0);
  return { ...rest, pageCount: pages.length, wordCount };
}

export async function insertTopics(db: Pool | ClientBase, topics: readonly TopicRecord[]): Promise<void> {
  await db.query(
    `INSERT INTO topics (id, name, position)
     SELECT id, name, position - 1 FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS t(id, name, position)`,
    [topics.map((t) => t.id), topics.map((t) => t.name)],
  );
}

/** Inserts the articles and indexes them for search, in one transaction (callers batch a large archive). */
export async function insertArticles(db: Pool, articles: readonly Article[]): Promise<void> {
  const client = await db.connect();
  try {
    await client.query('BEGIN');
    await insertArticleRows(client, articles);
    await indexForSearch(client, articles);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}

async function insertArticleRows(db: ClientBase, articles: readonly Article[]): Promise<void> {
  const rows = articles.map((article) => ({
    id: article.id,
    published_at: article.publishedAt,
    topics: article.topics,
    summary: summaryOf(article),
    pages: article.pages,
  }));
  await db.query(
    `INSERT INTO articles (id, published_at, topics, summary, pages)
     SELECT id, published_at, topics, summary, pages
     FROM jsonb_to_recordset($1::jsonb) AS r(id text, published_at timestamptz, topics text[], summary jsonb, pages jsonb)`,
    [JSON.stringify(rows)],
  );
}
