// The PostgreSQL backend under bad conditions: a database that is not there at start (a closed port, a database
// created later), one lost mid-run and back, and a migration that fails. It never crashes or leaves a rejection
// unhandled; the ports say BackendUnavailable (503 with Retry-After) until the database answers, then serve again.
import net from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { BackendUnavailable, type NewsChange } from '@/backend/ports';
import { migrate, MIGRATIONS } from '@/backend/postgres/migrations';
import { createPostgresBackend, type PostgresBackend } from '@/backend/postgres/postgres-backend';
import { sampleData } from '../../helpers/fixtures';
import { createTestDatabase, postgresUnavailableReason, type TestDatabase } from '../../helpers/test-database';
import { readyBackend, recordingLog } from './postgres-test-backend';

const unavailable = await postgresUnavailableReason();
const FAST_RETRY = { first: 50, max: 200 };
const everything = { topics: null, exclude: [], since: null, after: null, limit: 5 };
const BROKEN = { id: '900-broken', sql: 'CREATE TABLE half_done (x integer); SELECT 1 / 0;' };

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Every port answers BackendUnavailable with a Retry-After of at least a second (the topic ids too, unless read
 * before: they are kept between changes). */
async function expectUnavailable(backend: PostgresBackend, { topicIdsKept = false } = {}) {
  const calls = [
    backend.news.topics(null),
    ...(topicIdsKept ? [] : [backend.news.topicIds()]),
    backend.news.feedPage(everything),
    backend.news.article('any'),
    backend.news.neighbours('any', everything),
    backend.news.upsert({ topics: sampleData.topics }),
    backend.rates.day(null),
    backend.rates.history('USD', null, null),
    backend.search.search({ q: 'news', topics: null, from: null, to: null, sort: 'relevance', cursor: null, limit: 5 }),
  ];
  for (const outcome of await Promise.allSettled(calls)) {
    const error = outcome.status === 'rejected' ? (outcome.reason as unknown) : null;
    expect(error).toBeInstanceOf(BackendUnavailable);
    expect((error as BackendUnavailable).retryAfterSeconds).toBeGreaterThanOrEqual(1);
  }
}

const adminUrlOf = (url: string) => Object.assign(new URL(url), { pathname: '/postgres' }).toString();

async function asAdmin(url: string, ...statements: string[]) {
  const admin = new pg.Client({ connectionString: adminUrlOf(url) });
  await admin.connect();
  try {
    for (const statement of statements) await admin.query(statement);
  } finally {
    await admin.end();
  }
}

describe.skipIf(unavailable !== null)(
  `PostgreSQL backend resilience${unavailable ? ` (skipped: ${unavailable})` : ''}`,
  () => {
    it('waits for a database on a closed port: a clear log line, backoff to its cap, 503 meanwhile, a clean close', async () => {
      const port = await closedPort();
      const log = recordingLog();
      const backend = await createPostgresBackend({
        url: `postgres://news:secret-password@127.0.0.1:${port}/news`,
        log,
        retryDelayMs: FAST_RETRY,
      });
      await vi.waitFor(() => expect(log.lines.length).toBeGreaterThanOrEqual(5), { timeout: 10_000, interval: 20 });
      await expectUnavailable(backend);
      expect(log.lines[0]).toMatch(
        new RegExp(
          `^error: PostgreSQL at 127\\.0\\.0\\.1:${port}/news cannot be reached \\(.*ECONNREFUSED.*\\); the API answers 503`,
        ),
      );
      expect(log.lines.join('\n')).not.toContain('secret-password');
      const waits = log.lines.map((line) => Number(/trying again in ([\d.]+) s$/.exec(line)?.[1]));
      expect(waits.slice(0, 5)).toEqual([0.05, 0.1, 0.2, 0.2, 0.2]);
      await backend.close();
      expect(await backend.ready).toBe(false);
    });

    it('serves once a database that did not exist at start is created', async () => {
      const database = await createTestDatabase();
      await database.drop();
      const log = recordingLog();
      const backend = await createPostgresBackend({ url: database.url, log, retryDelayMs: FAST_RETRY });
      try {
        await vi.waitFor(() => expect(log.lines[0]).toContain('does not exist'), { timeout: 10_000, interval: 20 });
        await expectUnavailable(backend);
        await asAdmin(database.url, `CREATE DATABASE ${database.name}`);
        expect(await backend.ready).toBe(true);
        expect(log.lines[log.lines.length - 1]).toMatch(/^info: PostgreSQL: connected to .*; migrated: 001-news/);
        expect(await backend.news.upsert({ topics: sampleData.topics, articles: sampleData.articles })).toMatchObject({
          inserted: sampleData.topics.length + sampleData.articles.length,
        });
        expect((await backend.news.feedPage(everything)).items).toHaveLength(5);
      } finally {
        await backend.close();
        await database.drop();
      }
    });

    describe('a database lost mid-run', () => {
      let database: TestDatabase;
      let backend: PostgresBackend & { log: { lines: string[] } };

      beforeAll(async () => {
        database = await createTestDatabase();
        backend = await readyBackend(database.url, { retryDelayMs: FAST_RETRY });
        await backend.news.upsert({ topics: sampleData.topics, articles: sampleData.articles.slice(1) });
        await vi.waitFor(() => expect(backend.listening).toBe(true));
      });
      afterAll(async () => {
        await backend?.close();
        await database?.drop();
      });

      it('answers 503 while it is gone, then serves again and hears other servers’ changes', async () => {
        const heard: NewsChange[] = [];
        backend.news.subscribe((change) => heard.push(change));
        // Every connection to it cut, and no new one let in: what a restart or a network loss looks like.
        await asAdmin(
          database.url,
          `ALTER DATABASE ${database.name} ALLOW_CONNECTIONS false`,
          // With a timeout, it returns once they are gone.
          `SELECT pg_terminate_backend(pid, 5000) FROM pg_stat_activity WHERE datname = '${database.name}'`,
        );
        await vi.waitFor(() => expect(backend.listening).toBe(false), { timeout: 10_000, interval: 20 });
        await expectUnavailable(backend, { topicIdsKept: true });
        expect(backend.log.lines.join('\n')).toContain('the connection listening for news changes is lost');

        await asAdmin(database.url, `ALTER DATABASE ${database.name} ALLOW_CONNECTIONS true`);
        expect((await backend.news.feedPage(everything)).items).toHaveLength(5);
        await vi.waitFor(() => expect(backend.listening).toBe(true), { timeout: 10_000, interval: 20 });
        // Changes made while it was not listening are caught up on: its subscribers hear the newest instant.
        const newestStored = Math.max(...sampleData.articles.slice(1).map((a) => Date.parse(a.publishedAt)));
        await vi.waitFor(() => expect(heard).toEqual([{ newest: newestStored }]));

        const other = await readyBackend(database.url);
        try {
          const before = heard.length;
          await other.news.upsert({ articles: [sampleData.articles[0]!] });
          await vi.waitFor(() => expect(heard.length).toBe(before + 1));
          expect((await backend.news.article(sampleData.articles[0]!.id))?.id).toBe(sampleData.articles[0]!.id);
        } finally {
          await other.close();
        }
      });
    });

    it('a failing migration leaves nothing of itself or of the migrations pending with it', async () => {
      const database = await createTestDatabase();
      const pool = new pg.Pool({ connectionString: database.url });
      const tables = async () =>
        (
          await pool.query<{ name: string }>(
            `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`,
          )
        ).rows.map((row) => row.name);
      const log = recordingLog();
      const backend = await createPostgresBackend({
        url: database.url,
        log,
        retryDelayMs: FAST_RETRY,
        migrations: [...MIGRATIONS, BROKEN],
      });
      try {
        await expect(migrate(pool, [...MIGRATIONS, BROKEN])).rejects.toThrow(
          'migration 900-broken failed, nothing was applied: division by zero',
        );
        expect(await tables()).toEqual([]);

        // A server whose schema cannot be prepared keeps answering 503, and says why.
        await vi.waitFor(() => expect(log.lines.length).toBeGreaterThan(1), { timeout: 10_000, interval: 20 });
        expect(log.lines[0]).toMatch(/cannot be prepared \(migration 900-broken failed.*division by zero\)/);
        await expectUnavailable(backend);

        expect((await migrate(pool)).applied).toEqual(MIGRATIONS.map((m) => m.id));
        const migrated = await tables();
        await expect(migrate(pool, [...MIGRATIONS, BROKEN])).rejects.toThrow('900-broken');
        expect(await tables()).toEqual(migrated);
        expect(migrated).not.toContain('half_done');
        const applied = await pool.query<{ id: string }>('SELECT id FROM schema_migrations ORDER BY id');
        expect(applied.rows.map((row) => row.id)).toEqual(MIGRATIONS.map((m) => m.id));
      } finally {
        await backend.close();
        await pool.end();
        await database.drop();
      }
    });
  },
);
