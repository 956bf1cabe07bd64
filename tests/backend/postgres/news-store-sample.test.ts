// The PostgreSQL news store answers every read exactly as the embedded engine does on the sample data: topic
// counts (with since), feed pages walked to the end by cursor under every kind of filter, articles, neighbours.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeedFilter } from '@/backend/ports';
import type { PostgresBackend } from '@/backend/postgres/postgres-backend';
import { articlesNewestFirst, sampleData } from '../../helpers/fixtures';
import { createTestDatabase, postgresUnavailableReason, type TestDatabase } from '../../helpers/test-database';
import { embeddedReference, wirePage } from './embedded-reference';
import { readyBackend } from './postgres-test-backend';

const unavailable = await postgresUnavailableReason();
const embedded = embeddedReference(sampleData);
const topicIds = sampleData.topics.map((topic) => topic.id);
const times = [...new Set(articlesNewestFirst.map((a) => Date.parse(a.publishedAt)))];

const filters: FeedFilter[] = [
  { topics: null, exclude: [] },
  ...topicIds.map((id) => ({ topics: [id], exclude: [] })),
  ...topicIds.map((id) => ({ topics: null, exclude: [id] })),
  { topics: ['politics', 'sports'], exclude: [] },
  { topics: ['politics', 'world', 'society'], exclude: ['economy'] },
  { topics: ['world'], exclude: ['world'] },
  { topics: null, exclude: topicIds },
];
/** Every kind of filter, on a few topics (every story is compared under each). */
const neighbourFilters = [filters[0]!, filters[1]!, filters[topicIds.length + 2]!, ...filters.slice(-4)];
const sinces = [null, times[0]!, times[0]! - 1, times[9]!, times[20]! - 1, times[times.length - 1]! - 1];

describe.skipIf(unavailable !== null)(
  `PostgreSQL news store on the sample data${unavailable ? ` (skipped: ${unavailable})` : ''}`,
  () => {
    let database: TestDatabase;
    let backend: PostgresBackend;

    beforeAll(async () => {
      database = await createTestDatabase();
      backend = await readyBackend(database.url);
      const result = await backend.news.upsert({ topics: sampleData.topics, articles: sampleData.articles });
      expect(result).toEqual({
        inserted: sampleData.topics.length + sampleData.articles.length,
        updated: 0,
        unchanged: 0,
      });
    });
    afterAll(async () => {
      await backend?.close();
      await database?.drop();
    });

    it('knows the topic ids', async () => {
      expect([...(await backend.news.topicIds())].sort()).toEqual([...topicIds].sort());
    });

    it('counts the stories of each topic, in the topics’ order, in all and after each since', async () => {
      for (const since of [
        null,
        ...times,
        ...times.map((t) => t - 1),
        times[0]! + 1,
        Date.parse('2000-01-01T00:00Z'),
      ]) {
        expect(await backend.news.topics(since), String(since)).toEqual(embedded.topics(since));
      }
    });

    it('pages through the feed exactly as the embedded engine, under every filter, since and page size', async () => {
      let pages = 0;
      for (const filter of filters) {
        for (const since of sinces) {
          // Pages of one story where a page boundary falls between every two of them; larger pages elsewhere.
          for (const limit of filter === filters[0] ? [1, 4, 50] : [4, 50]) {
            let after = null;
            do {
              const request = { ...filter, since, after, limit };
              const page = await backend.news.feedPage(request);
              expect(wirePage(page), JSON.stringify(request)).toEqual(embedded.feedPage(request));
              after = page.next;
              pages++;
            } while (after);
          }
        }
      }
      expect(pages).toBeGreaterThan(filters.length * sinces.length * 2);
    });

    it('resumes after any cursor, a story’s own or one between stories', async () => {
      const filter = { topics: null, exclude: [] };
      for (const time of times) {
        for (const after of [
          { time, id: '' },
          { time, id: 'm' },
          { time, id: 'zzzz' },
          { time: time + 0.5, id: 'x' },
          { time: time - 0.25, id: 'a\u0000b' },
        ]) {
          const request = { ...filter, since: null, after, limit: 3 };
          expect(wirePage(await backend.news.feedPage(request)), JSON.stringify(after)).toEqual(
            embedded.feedPage(request),
          );
        }
      }
      for (const after of [
        { time: 1e300, id: 'a' },
        { time: -1e300, id: 'a' },
      ]) {
        const request = { ...filter, since: null, after, limit: 2 };
        expect(wirePage(await backend.news.feedPage(request))).toEqual(embedded.feedPage(request));
      }
    });

    it('gives every article whole, and null for an unknown id', async () => {
      for (const article of sampleData.articles) {
        expect(await backend.news.article(article.id)).toEqual(embedded.article(article.id));
      }
      expect(await backend.news.article('no-such-story')).toBeNull();
    });

    it('gives each story’s neighbours under every filter, even where the filter leaves the story out', async () => {
      for (const article of sampleData.articles) {
        for (const filter of neighbourFilters) {
          expect(await backend.news.neighbours(article.id, filter), `${article.id} ${JSON.stringify(filter)}`).toEqual(
            embedded.neighbours(article.id, filter),
          );
        }
      }
      expect(await backend.news.neighbours('no-such-story', filters[0]!)).toBeNull();
    });
  },
);
