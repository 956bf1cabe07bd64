// The PostgreSQL schema, as ordered migrations. Each runs once, in one transaction with the others pending, under
// an advisory lock: two servers starting together never migrate at once, and a migration that fails leaves
// nothing half-applied. Applied ids are kept in schema_migrations; a new migration is appended, never edited.
import type { Pool, PoolClient } from 'pg';
import { sourceIdOfName } from '../source-ids.ts';

export interface Migration {
  /** "001-news": order and identity; never renamed once released. */
  id: string;
  sql: string;
  /** Work SQL cannot do (values computed in JavaScript), run after `sql` in the same transaction. */
  after?: (client: PoolClient) => Promise<void>;
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
    id: '002-search',
    // Search (postgres-search.ts). The words of a story are cut and folded in JavaScript with the contract's own
    // rules (search-documents.ts), so they match the embedded engine's; the vector holds each folded word with
    // one position per occurrence, its range naming the field (title 1-4096, lead 4097-8192, body from 8193),
    // which ranking reads back. search_words (each word with the number of stories holding it) and
    // search_totals (field lengths for BM25, and a version search's caches go by) follow every change of
    // search_documents through the triggers below, whoever writes it; the trigram index finds look-alikes of
    // misspelt words. pg_trgm is a trusted extension: the database's owner may create it.
    sql: `
      CREATE EXTENSION IF NOT EXISTS pg_trgm;
      CREATE TABLE search_documents (
        id text COLLATE "C" PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
        published_at timestamptz NOT NULL,
        topics text[] NOT NULL,
        vector tsvector NOT NULL,
        title_words integer NOT NULL,
        lead_words integer NOT NULL,
        body_words integer NOT NULL
      );
      CREATE INDEX search_documents_words ON search_documents USING gin (vector);
      CREATE INDEX search_documents_order ON search_documents (published_at DESC, id);
      CREATE TABLE search_words (
        word text COLLATE "C" NOT NULL,
        documents integer NOT NULL,
        PRIMARY KEY (word) INCLUDE (documents)
      );
      CREATE INDEX search_words_trigrams ON search_words USING gin (word gin_trgm_ops);
      CREATE INDEX search_words_unused ON search_words (word) WHERE documents <= 0;
      CREATE TABLE search_totals (
        singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
        documents bigint NOT NULL,
        title_words bigint NOT NULL,
        lead_words bigint NOT NULL,
        body_words bigint NOT NULL,
        version bigint NOT NULL
      );
      INSERT INTO search_totals VALUES (true, 0, 0, 0, 0, 0);

      -- Counts the words and lengths of the rows a statement added and removed (an update does both). Writers
      -- take one lock, in a fixed order before any word's row, so concurrent imports wait instead of deadlocking.
      CREATE FUNCTION search_documents_counted() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        nothing constant text := '(SELECT * FROM search_documents WHERE false)';
      BEGIN
        PERFORM pg_advisory_xact_lock(4715002);
        EXECUTE format($sql$
          WITH changed AS (
            SELECT vector, title_words, lead_words, body_words, 1 AS sign FROM %1$s AS added
            UNION ALL
            SELECT vector, title_words, lead_words, body_words, -1 FROM %2$s AS removed
          ), totals AS (
            UPDATE search_totals SET
              documents = documents + (SELECT coalesce(sum(sign), 0) FROM changed),
              title_words = title_words + (SELECT coalesce(sum(sign * title_words), 0) FROM changed),
              lead_words = lead_words + (SELECT coalesce(sum(sign * lead_words), 0) FROM changed),
              body_words = body_words + (SELECT coalesce(sum(sign * body_words), 0) FROM changed),
              version = version + 1
          )
          INSERT INTO search_words AS known (word, documents)
          SELECT word, sum(sign) FROM changed, unnest(tsvector_to_array(vector)) AS word
          GROUP BY word HAVING sum(sign) <> 0 ORDER BY word
          ON CONFLICT (word) DO UPDATE SET documents = known.documents + excluded.documents
        $sql$,
          CASE WHEN TG_OP = 'DELETE' THEN nothing ELSE 'added' END,
          CASE WHEN TG_OP = 'INSERT' THEN nothing ELSE 'removed' END);
        DELETE FROM search_words WHERE documents <= 0;
        RETURN NULL;
      END $$;
      CREATE TRIGGER search_documents_inserted AFTER INSERT ON search_documents
        REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION search_documents_counted();
      CREATE TRIGGER search_documents_updated AFTER UPDATE ON search_documents
        REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION search_documents_counted();
      CREATE TRIGGER search_documents_deleted AFTER DELETE ON search_documents
        REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION search_documents_counted();
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
  {
    id: '004-sources',
    // Each story's source id (src/backend/source-ids.ts: a slug of the source's name, made in JavaScript, 'none'
    // without a source) and name, beside the feed's order in an index of their own, so one source's pages are read
    // by keyset like the feed's; search documents carry the id for the search's source filter. Stories per source
    // are kept by statement triggers, as the topic counts are. Stories stored before this migration get their ids
    // from their summaries (`fileStoredSources`).
    sql: `
      ALTER TABLE articles ADD COLUMN source_id text COLLATE "C" NOT NULL DEFAULT 'none',
        ADD COLUMN source_name text;
      CREATE INDEX articles_source_order ON articles (source_id, published_at DESC, id);
      ALTER TABLE search_documents ADD COLUMN source_id text COLLATE "C" NOT NULL DEFAULT 'none';
      CREATE TABLE source_counts (
        source_id text COLLATE "C" PRIMARY KEY,
        stories integer NOT NULL
      );
      CREATE FUNCTION count_sources() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        changes text := CASE TG_OP
          WHEN 'INSERT' THEN 'SELECT source_id, 1 AS delta FROM new_rows'
          WHEN 'DELETE' THEN 'SELECT source_id, -1 AS delta FROM old_rows'
          ELSE 'SELECT source_id, 1 AS delta FROM new_rows UNION ALL SELECT source_id, -1 FROM old_rows'
        END;
      BEGIN
        -- In id order, so two writers lock the rows they share in the same order.
        EXECUTE format($sql$
          INSERT INTO source_counts AS c (source_id, stories)
          SELECT source_id, sum(delta) FROM (%s) AS d GROUP BY 1 HAVING sum(delta) <> 0 ORDER BY 1
          ON CONFLICT (source_id) DO UPDATE SET stories = c.stories + EXCLUDED.stories
        $sql$, changes);
        RETURN NULL;
      END $$;
      CREATE FUNCTION clear_source_counts() RETURNS trigger LANGUAGE plpgsql
        AS $$ BEGIN DELETE FROM source_counts; RETURN NULL; END $$;
      CREATE TRIGGER articles_sources_insert AFTER INSERT ON articles REFERENCING NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION count_sources();
      CREATE TRIGGER articles_sources_update AFTER UPDATE ON articles
        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION count_sources();
      CREATE TRIGGER articles_sources_delete AFTER DELETE ON articles REFERENCING OLD TABLE AS old_rows
        FOR EACH STATEMENT EXECUTE FUNCTION count_sources();
      CREATE TRIGGER articles_sources_truncate AFTER TRUNCATE ON articles
        FOR EACH STATEMENT EXECUTE FUNCTION clear_source_counts();
      INSERT INTO source_counts (source_id, stories) SELECT source_id, count(*) FROM articles GROUP BY 1;
    `,
    after: fileStoredSources,
  },
];

/** Migration 004: the source id and name of every stored story that has a source, from its summary. */
async function fileStoredSources(client: PoolClient): Promise<void> {
  const { rows } = await client.query<{ id: string; name: string }>(
    `SELECT id, summary->'source'->>'name' AS name FROM articles
     WHERE jsonb_typeof(summary->'source'->'name') = 'string' AND btrim(summary->'source'->>'name') <> ''`,
  );
  if (rows.length === 0) return;
  const filed = rows.map(({ id, name }) => ({ id, name, source: sourceIdOfName(name) }));
  await client.query(
    `UPDATE articles AS a SET source_id = f.source, source_name = f.name
     FROM jsonb_to_recordset($1::jsonb) AS f(id text, name text, source text) WHERE a.id = f.id`,
    [JSON.stringify(filed)],
  );
  await client.query(
    `UPDATE search_documents AS d SET source_id = a.source_id FROM articles AS a
     WHERE a.id = d.id AND d.source_id IS DISTINCT FROM a.source_id`,
  );
}

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
        await migration.after?.(client);
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
