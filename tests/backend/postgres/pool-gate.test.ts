// The queue in front of PostgreSQL's connection pool: a burst larger than the pool waits its turn instead of failing
// after pg's 5 s connect timeout; only a wait past the gate's own limit is a 503 that says the database is busy.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BackendUnavailable } from '@/backend/ports';
import { PoolGate } from '@/backend/postgres/pool-gate';
import type { PostgresBackend } from '@/backend/postgres/postgres-backend';
import { sampleData } from '../../helpers/fixtures';
import { createTestDatabase, postgresUnavailableReason, type TestDatabase } from '../../helpers/test-database';
import { readyBackend } from './postgres-test-backend';

describe('PoolGate', () => {
  it('lets `size` callers in at once and the others in the order they came, as places are given back', async () => {
    const gate = new PoolGate(2, 10_000);
    const order: number[] = [];
    const leaves = await Promise.all([gate.enter(), gate.enter()]);
    const waiting = [3, 4, 5].map((n) => gate.enter().then((leave) => (order.push(n), leave)));
    leaves[1]!();
    leaves[1]!(); // giving a place back twice frees it once
    const third = await waiting[0]!;
    expect(order).toEqual([3]);
    leaves[0]!();
    third();
    const rest = await Promise.all(waiting.slice(1));
    expect(order).toEqual([3, 4, 5]);
    for (const leave of rest) leave();
    // Every place is free again: two callers get in at once.
    await Promise.all([gate.enter(), gate.enter()]);
  });

  it('tells a caller who waited past its limit that the database is busy, and keeps the queue going', async () => {
    const gate = new PoolGate(1, 50);
    const leave = await gate.enter();
    const error = await gate.enter().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackendUnavailable);
    expect((error as BackendUnavailable).message).toBe('The news database is busy; try again shortly');
    expect((error as BackendUnavailable).retryAfterSeconds).toBe(1);
    const next = gate.enter();
    leave();
    (await next)();
  });
});

const unavailable = await postgresUnavailableReason();

describe.skipIf(unavailable !== null)('a burst of requests on a small pool', () => {
  let database: TestDatabase;
  let backend: PostgresBackend;
  beforeAll(async () => {
    database = await createTestDatabase('pool_gate');
    // pg's own wait for a free connection is bounded by the connect timeout: 200 ms here, far below the burst's time.
    backend = await readyBackend(database.url, { poolSize: 3, connectTimeoutMs: 200 });
    await backend.news.upsert({ topics: sampleData.topics, articles: sampleData.articles });
  });
  afterAll(async () => {
    await backend?.close();
    await database?.drop();
  });

  it('answers all 200 requests made at once over 3 connections, none refused', async () => {
    const everything = { topics: null, exclude: [], since: null, after: null, limit: 20 } as const;
    const answers = await Promise.allSettled(
      Array.from({ length: 200 }, (_, i) =>
        i % 2 === 0
          ? backend.news.feedPage(everything)
          : backend.search.search({
              q: 'grain',
              topics: null,
              from: null,
              to: null,
              sort: 'relevance',
              cursor: null,
              limit: 10,
            }),
      ),
    );
    expect(answers.filter((answer) => answer.status === 'rejected')).toEqual([]);
  });
});
