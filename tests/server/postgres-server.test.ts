// `DATABASE_URL=… npm start`: the production server process over PostgreSQL. Two servers on one database answer
// the same pages, a story written through one is served by the other, and a database that does not answer makes
// the API say 503 with Retry-After while the server stays up.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresBackend, type PostgresBackend } from '@/backend/postgres/postgres-backend';
import { sampleData } from '../helpers/fixtures';
import { createTestDatabase, postgresUnavailableReason, type TestDatabase } from '../helpers/test-database';
import { freePort, startServer, stopServer, type ServerProcess } from './server-process';

const unavailable = await postgresUnavailableReason();
const quiet = { info: () => {}, warn: () => {}, error: () => {} };
const json = async (url: string) => {
  const response = await fetch(url);
  return { status: response.status, retryAfter: response.headers.get('retry-after'), body: await response.json() };
};

describe.skipIf(unavailable !== null)(
  `npm start on PostgreSQL${unavailable ? ` (skipped: ${unavailable})` : ''}`,
  () => {
    let database: TestDatabase;
    let writer: PostgresBackend;
    const servers: ServerProcess[] = [];

    beforeAll(async () => {
      database = await createTestDatabase('news_server');
      writer = await createPostgresBackend({ url: database.url, log: quiet });
      await writer.ready;
      await writer.news.upsert({ topics: sampleData.topics, articles: sampleData.articles });
      if (sampleData.rates) await writer.rates.replace(sampleData.rates);
      for (let i = 0; i < 2; i++)
        servers.push(await startServer('/nonexistent-data-dir', { DATABASE_URL: database.url }));
      // A server listens before its database is ready (it answers 503 until then): on a busy machine, later.
      await Promise.all(servers.map((server) => server.waitForOutput(/PostgreSQL: connected/)));
    });
    afterAll(async () => {
      await Promise.all(servers.map((server) => stopServer(server)));
      await writer?.close();
      await database?.drop();
    });

    it('serves the same pages from both servers, and says which database it serves', async () => {
      expect(servers[0]!.output()).toMatch(/serving .*PostgreSQL at 127\.0\.0\.1:5432\/news_server_/);
      for (const address of ['/api/topics', '/api/articles?limit=5&topics=politics', '/api/search?q=inflation']) {
        const [first, second] = await Promise.all(servers.map((server) => json(`${server.origin}${address}`)));
        expect(first!.status, address).toBe(200);
        expect(second, `${address}: ${JSON.stringify(second)}`).toEqual(first);
      }
    });

    it('serves a story written through the ports from every server', async () => {
      const story = { ...sampleData.articles[0]!, id: 'written-elsewhere', related: undefined };
      story.publishedAt = new Date(Date.now() - 60_000).toISOString();
      await writer.news.upsert({ articles: [story] });
      for (const server of servers) {
        const { body } = await json(`${server.origin}/api/articles?limit=1`);
        expect(body.items[0].id).toBe('written-elsewhere');
        const found = (await json(`${server.origin}/api/search?q=${encodeURIComponent(story.title)}`)).body;
        expect(found.items.map((item: { id: string }) => item.id)).toContain('written-elsewhere');
      }
    });

    it('answers 503 with Retry-After while the database does not answer, and keeps running', async () => {
      const server = await startServer('/nonexistent-data-dir', {
        DATABASE_URL: `postgres://postgres@127.0.0.1:${await freePort()}/none`,
      });
      try {
        const answer = await json(`${server.origin}/api/articles`);
        expect(answer.status).toBe(503);
        expect(Number(answer.retryAfter)).toBeGreaterThan(0);
        expect(answer.body.error.code).toBe('backend_unavailable');
        await server.waitForOutput(/cannot be reached/);
        expect(server.child.exitCode).toBeNull();
      } finally {
        await stopServer(server);
      }
    });
  },
);
