// The PostgreSQL schema, as ordered migrations. Each runs once, in one transaction with the others pending, under
// an advisory lock: two servers starting together never migrate at once, and a migration that fails leaves
// nothing half-applied. Applied ids are kept in schema_migrations; a new migration is appended, never edited.
import type { Pool, PoolClient } from 'pg';

export interface Migration {
  /** "001-news": order and identity; never renamed once released. */
  id: string;
  sql: string;
}

/** Any constant shared by the app's servers: the lock that serialises migrations. */
const MIGRATION_LOCK = 4_715_001;

export const MIGRATIONS: readonly Migration[] = [
  {
    id: '001-news',
    // Ids compare byte by byte (COLLATE "C"), as the feed's order and keyset cursors do in JavaScript: a locale
    // collation would sort "a-b" and "ab" differently. The summary is the wire object the feed sends (publishedAt
    // keeps its source offset, which timestamptz would not); pages are the article's paragraphs per page.
    sql: `
      CREATE TABLE topics (
        id text COLLATE "C" PRIMARY KEY,
        name text NOT NULL,
        position integer NOT NULL
      );
      CREATE TABLE articles (
        id text COLLATE "C" PRIMARY KEY,
        published_at timestamptz NOT NULL,
        topics text[] NOT NULL,
        summary jsonb NOT NULL,
        pages jsonb NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX articles_feed_order ON articles (published_at DESC, id);
      CREATE INDEX articles_topics ON articles USING gin (topics);
      CREATE TABLE rate_sets (
        singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
        base text NOT NULL,
        source text NOT NULL,
        currencies jsonb NOT NULL
      );
      CREATE TABLE rate_days (
        day date PRIMARY KEY,
        rates jsonb NOT NULL
      );
    `,
  },
];

export interface MigrationReport {
  applied: string[];
}

/** Applies the migrations `db` has not seen, all in one transaction under the lock; returns which ran. */
export async function migrate(db: Pool, migrations: readonly Migration[] = MIGRATIONS): Promise<MigrationReport> {
  const client: PoolClient = await db.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (id text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const done = new Set(
      (await client.query<{ id: string }>('SELECT id FROM schema_migrations')).rows.map((row) => row.id),
    );
    const applied: string[] = [];
    for (const migration of migrations) {
      if (done.has(migration.id)) continue;
      try {
        await client.query(migration.sql);
      } catch (error) {
        throw new Error(`migration ${migration.id} failed, nothing was applied: ${(error as Error).message}`, {
          cause: error,
        });
      }
      await client.query('INSERT INTO schema_migrations (id) VALUES ($1)', [migration.id]);
      applied.push(migration.id);
    }
    await client.query('COMMIT');
    return { applied };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
