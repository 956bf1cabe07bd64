// Writing to the PostgreSQL news store: upsert counts and idempotence, topics appended, counts kept in step,
// atomic refusals, the change notice reaching another server, malformed stored rows left out without failing a
// page, and the feed order to the millisecond with ties, as the embedded engine orders them.
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FeedFilter, NewsChange } from '@/backend/ports';
import { upsertNews } from '@/backend/postgres/news-upsert';
import type { PostgresBackend } from '@/backend/postgres/postgres-backend';
import { inTransaction } from '@/backend/postgres/transaction';
import type { Article, TopicRecord } from '@/contract/news';
import { sampleData } from '../../helpers/fixtures';
import { createTestDatabase, postgresUnavailableReason, type TestDatabase } from '../../helpers/test-database';
import { embeddedReference, wirePage } from './embedded-reference';
import { readyBackend } from './postgres-test-backend';

const unavailable = await postgresUnavailableReason();
const FIRST_UTC = Date.parse('0000-01-01T00:00:00Z');
const LAST_UTC = Date.parse('9999-12-31T23:59:59.999Z');

const [first, second, third] = sampleData.articles;
const story = (id: string, publishedAt: string, topics: string[] = ['world']): Article => ({
  ...first!,
  id,
  publishedAt,
  topics,
  related: [],
});

/** Compares every page (sizes 1 and 3), every topic count and every story's neighbours with the embedded engine. */
async function expectSameAsEmbedded(backend: PostgresBackend, topics: TopicRecord[], articles: Article[]) {
  const embedded = embeddedReference({ topics, articles });
  const filters: FeedFilter[] = [
    { topics: null, exclude: [] },
    { topics: ['world'], exclude: [] },
    { topics: null, exclude: ['world'] },
  ];
  for (const filter of filters) {
    for (const limit of [1, 3]) {
      let after = null;
      do {
        const request = { ...filter, since: null, after, limit };
        const page = await backend.news.feedPage(request);
        expect(wirePage(page), JSON.stringify(request)).toEqual(embedded.feedPage(request));
        after = page.next;
      } while (after);
    }
    for (const article of articles) {
      expect(await backend.news.neighbours(article.id, filter)).toEqual(embedded.neighbours(article.id, filter));
    }
  }
  for (const article of articles) {
    const time = Date.parse(article.publishedAt);
    // `since` as the reference is asked it: a UTC date-time with a four-digit year.
    for (const since of [time - 1, time, time + 1].filter((t) => t >= FIRST_UTC && t <= LAST_UTC)) {
      expect(await backend.news.topics(since), String(since)).toEqual(embedded.topics(since));
    }
  }
  expect(await backend.news.topics(null)).toEqual(embedded.topics(null));
}

/** The next change a backend's subscribers hear of. */
const nextChange = (backend: PostgresBackend) =>
  new Promise<NewsChange>((resolve) => {
    const stop = backend.news.subscribe((change) => {
      stop();
      resolve(change);
    });
  });

describe.skipIf(unavailable !== null)(
  `PostgreSQL news store writes${unavailable ? ` (skipped: ${unavailable})` : ''}`,
  () => {
    let database: TestDatabase;
    let backend: PostgresBackend & { log: { lines: string[] } };
    let admin: pg.Client;

    beforeAll(async () => {
      database = await createTestDatabase();
      backend = await readyBackend(database.url);
      admin = new pg.Client({ connectionString: database.url });
      await admin.connect();
    });
    beforeEach(async () => {
      await admin.query('TRUNCATE articles, topics CASCADE');
      await backend.news.upsert({ topics: sampleData.topics });
    });
    afterAll(async () => {
      await admin?.end();
      await backend?.close();
      await database?.drop();
    });

    it('orders by the instant to the millisecond whatever the offset, ties by id, from year 0000 to 9999', async () => {
      const articles = [
        story('tie-b', '2026-03-01T10:00:00+03:00'),
        story('tie-a', '2026-03-01T07:00:00Z', ['politics']),
        story('tie-c', '2026-03-01T07:00:00.000+00:00', ['world', 'politics']),
        story('ms-later', '2026-03-01T07:00:00.001Z'),
        story('sub-ms', '2026-03-01T07:00:00.0009Z', ['sports']),
        story('ms-before', '2026-03-01T06:59:59.999Z'),
        story('ancient', '0000-01-01T00:00:00Z'),
        story('far-future', '9999-12-31T23:59:59.999-12:00', ['politics']),
        story('day-end', '2026-03-01T23:59:59.999Z'),
        story('day-start', '2026-03-02T00:00:00Z'),
      ];
      // Written below the port: its data limits refuse a story dated more than a day ahead, another writer may not.
      const pool = new pg.Pool({ connectionString: database.url, max: 1 });
      try {
        await inTransaction(pool, (client) => upsertNews(client, { articles }));
      } finally {
        await pool.end();
      }
      await expectSameAsEmbedded(backend, sampleData.topics, articles);
    });

    it('counts inserted, updated and unchanged; a second identical upsert changes nothing', async () => {
      expect(await backend.news.upsert({ articles: sampleData.articles })).toEqual({
        inserted: sampleData.articles.length,
        updated: 0,
        unchanged: 0,
      });
      expect(await backend.news.upsert({ topics: sampleData.topics, articles: sampleData.articles })).toEqual({
        inserted: 0,
        updated: 0,
        unchanged: sampleData.topics.length + sampleData.articles.length,
      });
      const retitled = { ...first!, title: `${first!.title} (updated)` };
      const retopiced = { ...second!, topics: ['sports'] };
      const fresh = story('a-fresh-story', '2026-11-27T12:00:00+03:00', ['weather']);
      const weather = { id: 'weather', name: 'Weather' };
      const renamed = { ...sampleData.topics[0]!, name: 'Renamed' };
      const result = await backend.news.upsert({
        topics: [renamed, weather],
        articles: [retitled, retopiced, fresh, third!],
      });
      expect(result).toEqual({ inserted: 2, updated: 3, unchanged: 1 });
      expect(await backend.news.article(first!.id)).toMatchObject({ title: retitled.title });

      // The new topic comes last; counts follow the stories that moved.
      const topics = [renamed, ...sampleData.topics.slice(1), weather];
      const articles = sampleData.articles.map((a) =>
        a.id === first!.id ? retitled : a.id === second!.id ? retopiced : a,
      );
      await expectSameAsEmbedded(backend, topics, [...articles, fresh]);
    });

    it('refuses a batch naming an id twice or an unknown topic, and writes none of it', async () => {
      await expect(
        backend.news.upsert({ topics: [{ id: 'new-topic', name: 'New' }], articles: [first!, first!] }),
      ).rejects.toThrow(`"${first!.id}" twice`);
      await expect(
        backend.news.upsert({ articles: [first!, story('astrology-story', '2026-01-01T00:00:00Z', ['astrology'])] }),
      ).rejects.toThrow('unknown topic "astrology"');
      await expect(backend.news.upsert({ topics: [sampleData.topics[0]!, sampleData.topics[0]!] })).rejects.toThrow(
        'twice',
      );
      expect(await backend.news.article(first!.id)).toBeNull();
      expect((await backend.news.topicIds()).has('new-topic')).toBe(false);
    });

    it('tells another server’s subscribers of a change, with the newest instant, and it knows the new topics', async () => {
      const other = await readyBackend(database.url);
      try {
        // Ready to serve comes before its LISTEN is in place (a notice sent before that is not for it to hear).
        await vi.waitFor(() => expect(other.listening).toBe(true), { timeout: 10_000 });
        const { related: _stories, ...alone } = second!; // its related stories are not stored here
        // Its notice reaches the other server on its own connection, at its own time: wait for it, so the
        // notice awaited next is the one for the new story.
        const heardAlone = nextChange(other);
        await backend.news.upsert({ articles: [alone] });
        expect(await heardAlone).toEqual({ newest: Date.parse(alone.publishedAt) });
        expect(await other.news.topicIds()).toEqual(await backend.news.topicIds());
        const heardThere = nextChange(other);
        const heardHere: NewsChange[] = [];
        const stop = backend.news.subscribe((change) => heardHere.push(change));
        const fresh = story('breaking', '2026-12-01T09:30:00.250+03:00', ['volcanoes']);
        await backend.news.upsert({ topics: [{ id: 'volcanoes', name: 'Volcanoes' }], articles: [fresh] });
        const newest = Date.parse(fresh.publishedAt);
        expect(await heardThere).toEqual({ newest });
        expect((await other.news.topicIds()).has('volcanoes')).toBe(true);
        // Its own subscribers hear it once, from the writer itself, not again through the database.
        const unchanged = await backend.news.upsert({ articles: [fresh] });
        expect(unchanged.unchanged).toBe(1);
        expect(heardHere).toEqual([{ newest }]);
        stop();
      } finally {
        await other.close();
      }
    });

    it('leaves a malformed stored story out of pages, neighbours and the article, logged once, pages kept full', async () => {
      await backend.news.upsert({ articles: sampleData.articles });
      const broken = sampleData.articles[3]!;
      await admin.query(`UPDATE articles SET summary = summary - 'title' WHERE id = $1`, [broken.id]);
      expect(await backend.news.article(broken.id)).toBeNull();
      const rest = sampleData.articles.filter((a) => a.id !== broken.id);
      const embedded = embeddedReference({ ...sampleData, articles: rest });
      for (const limit of [1, 2, 5]) {
        let after = null;
        do {
          const request = { topics: null, exclude: [], since: null, after, limit };
          const page = await backend.news.feedPage(request);
          expect(wirePage(page)).toEqual(embedded.feedPage(request));
          after = page.next;
        } while (after);
      }
      for (const article of rest) {
        expect(await backend.news.neighbours(article.id, { topics: null, exclude: [] })).toEqual(
          embedded.neighbours(article.id, { topics: null, exclude: [] }),
        );
      }
      const warnings = backend.log.lines.filter((line) => line.includes(`"${broken.id}" is malformed`));
      expect(warnings).toEqual([expect.stringContaining('title')]);
      expect(backend.news.malformedRows).toBeGreaterThan(3);
    });
  },
);
