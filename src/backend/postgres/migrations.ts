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
  {
    id: '003-topic-counts',
    // Stories per topic and UTC day (days since the epoch), kept by statement triggers in the same transaction as
    // the write, so /topics sums a few thousand rows instead of counting the archive; `since` adds the stories of
    // its own day, found through the feed index. A story naming a topic twice counts once.
    sql: `
      CREATE TABLE topic_day_counts (
        topic text COLLATE "C" NOT NULL,
        day integer NOT NULL,
        stories integer NOT NULL,
        PRIMARY KEY (topic, day)
      );
      CREATE FUNCTION news_day(at timestamptz) RETURNS integer IMMUTABLE LANGUAGE sql
        AS $$ SELECT floor(extract(epoch FROM at) / 86400)::integer $$;
      CREATE FUNCTION count_topic_days() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        changes text := CASE TG_OP
          WHEN 'INSERT' THEN 'SELECT published_at, topics, 1 AS delta FROM new_rows'
          WHEN 'DELETE' THEN 'SELECT published_at, topics, -1 AS delta FROM old_rows'
          ELSE 'SELECT published_at, topics, 1 AS delta FROM new_rows
                UNION ALL SELECT published_at, topics, -1 FROM old_rows'
        END;
      BEGIN
        -- In (topic, day) order, so two writers lock the rows they share in the same order.
        EXECUTE format($sql$
          INSERT INTO topic_day_counts AS c (topic, day, stories)
          SELECT t.topic, news_day(d.published_at), sum(d.delta)
          FROM (%s) AS d, LATERAL (SELECT DISTINCT unnest(d.topics)) AS t(topic)
          GROUP BY 1, 2 HAVING sum(d.delta) <> 0 ORDER BY 1, 2
          ON CONFLICT (topic, day) DO UPDATE SET stories = c.stories + EXCLUDED.stories
        $sql$, changes);
        RETURN NULL;
      END $$;
      CREATE FUNCTION clear_topic_day_counts() RETURNS trigger LANGUAGE plpgsql
        AS $$ BEGIN DELETE FROM topic_day_counts; RETURN NULL; END $$;
      CREATE TRIGGER articles_counted_insert AFTER INSERT ON articles REFERENCING NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION count_topic_days();
      CREATE TRIGGER articles_counted_update AFTER UPDATE ON articles
        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION count_topic_days();
      CREATE TRIGGER articles_counted_delete AFTER DELETE ON articles REFERENCING OLD TABLE AS old_rows
        FOR EACH STATEMENT EXECUTE FUNCTION count_topic_days();
      CREATE TRIGGER articles_counted_truncate AFTER TRUNCATE ON articles
        FOR EACH STATEMENT EXECUTE FUNCTION clear_topic_day_counts();
      INSERT INTO topic_day_counts (topic, day, stories)
        SELECT t.topic, news_day(a.published_at), count(*)
        FROM articles AS a, LATERAL (SELECT DISTINCT unnest(a.topics)) AS t(topic) GROUP BY 1, 2;
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
