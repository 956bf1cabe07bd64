// `npm run db:load -- DIR` writes a generated data folder into PostgreSQL, and a second run changes nothing; the
// loaded archive then answers every feed page, count, article and neighbour as the embedded engine does over
// the same folder. A folder the embedded loader refuses is refused with the same message, and nothing is written.
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadNewsData, type NewsData } from '@/backend/embedded/news-data';
import type { FeedFilter } from '@/backend/ports';
import { loadDataFolder } from '@/backend/postgres/load-data-folder';
import type { PostgresBackend } from '@/backend/postgres/postgres-backend';
import { SAMPLE_DATA_DIR } from '../../helpers/fixtures';
import { generatedDataDir } from '../../helpers/generated-data';
import { createTestDatabase, postgresUnavailableReason, type TestDatabase } from '../../helpers/test-database';
import { embeddedReference, wirePage } from './embedded-reference';
import { readyBackend } from './postgres-test-backend';

const unavailable = await postgresUnavailableReason();
const ARTICLES = 2500;

function dbLoad(url: string, dir: string) {
  return promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/tools/db-load.ts', dir], {
    env: { ...process.env, DATABASE_URL: url },
  });
}

describe.skipIf(unavailable !== null)(
  `db:load and the loaded archive${unavailable ? ` (skipped: ${unavailable})` : ''}`,
  () => {
    let database: TestDatabase;
    let backend: PostgresBackend;
    let admin: pg.Client;
    let dir: string;
    let data: NewsData;
    const scratch: string[] = [];

    beforeAll(async () => {
      database = await createTestDatabase();
      dir = generatedDataDir(ARTICLES);
      data = loadNewsData(dir);
      admin = new pg.Client({ connectionString: database.url });
      await admin.connect();
    });
    afterAll(async () => {
      await backend?.close();
      await admin?.end();
      await database?.drop();
      for (const folder of scratch) rmSync(folder, { recursive: true, force: true });
    });

    it('loads a generated folder, and a second run finds everything unchanged', async () => {
      const days = data.rates!.days.length;
      const firstRun = await dbLoad(database.url, dir);
      expect(firstRun.stdout).toContain('migrated 001-news');
      expect(firstRun.stdout).toContain(`topics:   ${data.topics.length} inserted, 0 updated, 0 unchanged`);
      expect(firstRun.stdout).toContain(`articles: ${ARTICLES} inserted, 0 updated, 0 unchanged`);
      expect(firstRun.stdout).toContain(`rates:    ${days} inserted, 0 updated, 0 unchanged, 0 removed`);
      const secondRun = await dbLoad(database.url, dir);
      expect(secondRun.stdout).toContain('schema up to date');
      expect(secondRun.stdout).toContain(`topics:   0 inserted, 0 updated, ${data.topics.length} unchanged`);
      expect(secondRun.stdout).toContain(`articles: 0 inserted, 0 updated, ${ARTICLES} unchanged`);
      expect(secondRun.stdout).toContain(`rates:    0 inserted, 0 updated, ${days} unchanged, 0 removed`);
    });

    it('serves the loaded archive page by page exactly as the embedded engine serves the folder', async () => {
      backend = await readyBackend(database.url);
      const embedded = embeddedReference(data);
      const times = data.store.times;
      const filters: FeedFilter[] = [
        { topics: null, exclude: [] },
        { topics: ['sports'], exclude: [] },
        { topics: ['politics', 'defense'], exclude: [] },
        { topics: null, exclude: ['world', 'economy'] },
        { topics: ['world', 'science'], exclude: ['politics'] },
      ];
      for (const filter of filters) {
        for (const since of [null, times[ARTICLES >> 1]!]) {
          let after = null;
          do {
            const request = { ...filter, since, after, limit: 50 };
            const page = await backend.news.feedPage(request);
            expect(wirePage(page), JSON.stringify(request)).toEqual(embedded.feedPage(request));
            after = page.next;
          } while (after);
        }
      }
      for (const since of [null, times[0]! - 1, times[10]!, times[ARTICLES >> 1]! - 1, times[ARTICLES - 1]! - 1]) {
        expect(await backend.news.topics(since)).toEqual(embedded.topics(since));
      }
      for (let ordinal = 0; ordinal < ARTICLES; ordinal += 97) {
        const { id } = data.store.summaries[ordinal]!;
        expect(await backend.news.article(id)).toEqual(embedded.article(id));
        for (const filter of filters) {
          expect(await backend.news.neighbours(id, filter)).toEqual(embedded.neighbours(id, filter));
        }
      }
    });

    it.each([
      ['a record failing the schema', (records: Record<string, unknown>[]) => (records[7]!.title = ' ')],
      ['a record over a limit', (records: Record<string, unknown>[]) => (records[3]!.title = 'x'.repeat(301))],
      ['a duplicate id', (records: Record<string, unknown>[]) => (records[9]!.id = records[2]!.id)],
      ['an unknown topic', (records: Record<string, unknown>[]) => (records[5]!.topics = ['world', 'astrology'])],
      ['an unknown related story', (records: Record<string, unknown>[]) => (records[0]!.related = ['no-such-story'])],
    ])('refuses a folder with %s as the embedded loader does, writing nothing', async (_case, damage) => {
      const folder = mkdtempSync(path.join(os.tmpdir(), 'db-load-bad-'));
      scratch.push(folder);
      cpSync(SAMPLE_DATA_DIR, folder, { recursive: true });
      const records = JSON.parse(readFileSync(path.join(folder, 'articles.json'), 'utf8')) as Record<string, unknown>[];
      damage(records);
      writeFileSync(path.join(folder, 'articles.json'), `[\n${records.map((r) => JSON.stringify(r)).join(',\n')}\n]\n`);
      const pool = new pg.Pool({ connectionString: database.url, max: 1 });
      const before = await admin.query('SELECT count(*)::int AS n, max(updated_at) AS at FROM articles');
      try {
        const expected = (() => {
          try {
            loadNewsData(folder);
          } catch (error) {
            return (error as Error).message;
          }
          throw new Error('the embedded loader accepted the damaged folder');
        })();
        expect(expected).toMatch(/^articles\.json: record \d+ \(id "[^"]+"\), field "[^"]+": /);
        // The sample's topics are new to this database and come before the articles: they must not stay either.
        await expect(loadDataFolder(pool, folder, { batchSize: 2 })).rejects.toThrow(expected);
      } finally {
        await pool.end();
      }
      expect((await admin.query('SELECT count(*)::int AS n, max(updated_at) AS at FROM articles')).rows).toEqual(
        before.rows,
      );
      expect((await admin.query('SELECT count(*)::int AS n FROM topics')).rows[0].n).toBe(data.topics.length);
    });

    it('writes in batches, reporting progress, and counts what changed when the folder changes', async () => {
      const folder = mkdtempSync(path.join(os.tmpdir(), 'db-load-changed-'));
      scratch.push(folder);
      cpSync(SAMPLE_DATA_DIR, folder, { recursive: true });
      // The sample on its own (one of its ids is also a generated one).
      await admin.query('TRUNCATE articles, topics, rate_days, rate_sets CASCADE');
      const pool = new pg.Pool({ connectionString: database.url, max: 1 });
      try {
        const progress: number[] = [];
        const first = await loadDataFolder(pool, folder, { batchSize: 10, progress: (n) => progress.push(n) });
        const count = progress[progress.length - 1]!;
        expect(progress).toEqual([10, 20, 30, 40, count]);
        expect(first.articles).toEqual({ inserted: count, updated: 0, unchanged: 0 });
        const records = JSON.parse(readFileSync(path.join(folder, 'articles.json'), 'utf8')) as Record<
          string,
          unknown
        >[];
        records[4]!.lead = 'A lead written again.';
        writeFileSync(path.join(folder, 'articles.json'), JSON.stringify(records));
        const rates = JSON.parse(readFileSync(path.join(folder, 'rates.json'), 'utf8')) as { days: unknown[] };
        rates.days = rates.days.slice(0, -2);
        writeFileSync(path.join(folder, 'rates.json'), JSON.stringify(rates));
        const second = await loadDataFolder(pool, folder, { batchSize: 10 });
        expect(second.articles).toEqual({ inserted: 0, updated: 1, unchanged: count - 1 });
        expect(second.rateDays).toEqual({ inserted: 0, updated: 0, unchanged: rates.days.length, removed: 2 });
      } finally {
        await pool.end();
      }
    });
  },
);
