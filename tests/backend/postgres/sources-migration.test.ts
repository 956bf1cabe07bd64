// Migration 004 on a database written before it: stories stored with a source in their summary get their source id
// and name (made in JavaScript, as the upsert makes them), so GET /sources and the source filter see them at once.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sortNewestFirst } from '@/backend/feed-cursor';
import { migrate, MIGRATIONS } from '@/backend/postgres/migrations';
import { countWords } from '@/contract/words';
import { sampleData } from '../../helpers/fixtures';
import { insertTopics } from '../../helpers/insert-articles';
import { testApiOver } from '../../helpers/test-api';
import { createTestDatabase, postgresUnavailableReason, type TestDatabase } from '../../helpers/test-database';
import { readyBackend } from './postgres-test-backend';

const unavailable = await postgresUnavailableReason();

describe.skipIf(unavailable !== null)('PostgreSQL migration 004-sources', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase('news_sources_migration');
  });
  afterAll(async () => {
    await database?.drop();
  });

  it('files the stories stored before it under their sources', async () => {
    const before = MIGRATIONS.slice(
      0,
      MIGRATIONS.findIndex((m) => m.id === '004-sources'),
    );
    const pool = new pg.Pool({ connectionString: database.url });
    const articles = sortNewestFirst(sampleData.articles)
      .slice(0, 6)
      .map((article, i) => (i < 3 ? { ...article, source: { name: i === 0 ? 'ТАСС' : 'Deutsche Welle' } } : article));
    try {
      await migrate(pool, before);
      await insertTopics(pool, sampleData.topics);
      const rows = articles.map(({ pages, ...rest }) => ({
        id: rest.id,
        published_at: rest.publishedAt,
        topics: rest.topics,
        summary: { ...rest, pageCount: pages.length, wordCount: pages.flat().reduce((n, p) => n + countWords(p), 0) },
        pages,
      }));
      await pool.query(
        `INSERT INTO articles (id, published_at, topics, summary, pages)
         SELECT id, published_at, topics, summary, pages FROM jsonb_to_recordset($1::jsonb)
           AS r(id text, published_at timestamptz, topics text[], summary jsonb, pages jsonb)`,
        [JSON.stringify(rows)],
      );
    } finally {
      await pool.end();
    }

    const backend = await readyBackend(database.url);
    const api = await testApiOver(backend);
    try {
      expect(backend.log.lines.join('\n')).toContain('004-sources');
      expect((await api.get('/sources')).body).toEqual({
        sources: [
          { id: 'deutsche-welle', name: 'Deutsche Welle', count: 2 },
          { id: 'tass', name: 'ТАСС', count: 1 },
        ],
        unsourced: 3,
      });
      const page = (await api.get('/articles?sources=deutsche-welle,tass')).body as { items: { id: string }[] };
      expect(page.items.map((item) => item.id)).toEqual(articles.slice(0, 3).map((a) => a.id));
    } finally {
      await api.app.close();
      await backend.close();
    }
  });
});
