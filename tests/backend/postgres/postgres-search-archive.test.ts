// The PostgreSQL search on a generated archive (thousands of real words and names): typo tiers and "Did you mean"
// as the embedded engine answers them, relevance ranked over a small window (as over the newest 500 matches of a
// large archive), cursors that hold while stories arrive, and the vocabulary kept in step with every change.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agencyTimeZoneFromEnv } from '@/backend/agency-time-zone';
import { readDataFolder } from '@/backend/embedded/news-data';
import type { SearchPort } from '@/backend/ports';
import { createPostgresSearch } from '@/backend/postgres/postgres-search';
import { indexForSearch } from '@/backend/postgres/search-documents';
import type { Article } from '@/contract/news';
import { generatedDataDir } from '../../helpers/generated-data';
import { insertArticles } from '../../helpers/insert-articles';
import { postgresUnavailableReason } from '../../helpers/test-database';
import { searchPair, type SearchPair, type SearchParams } from './search-helpers';

const unavailable = await postgresUnavailableReason();
const data = readDataFolder(generatedDataDir(1200, 5));
/** Small enough that common words overflow it, as the newest 500 do at 100,000 stories. */
const WINDOW = 12;

describe.skipIf(unavailable)(
  `PostgreSQL search on a generated archive${unavailable ? ` (skipped: ${unavailable})` : ''}`,
  () => {
    let pair: SearchPair;
    let windowed: SearchPort;
    beforeAll(async () => {
      // A window as large as the archive ranks every match, as the embedded engine does; `windowed` ranks few.
      pair = await searchPair(data, { rankWindow: data.articles.length });
      windowed = createPostgresSearch(pair.db, { timeZone: agencyTimeZoneFromEnv(), rankWindow: WINDOW });
    }, 60_000);
    afterAll(async () => {
      await pair?.close();
    });

    async function answer(params: SearchParams, search: SearchPort = pair.search, cursor: string | null = null) {
      const outcome = await search.search({
        q: params.q,
        topics: params.topics?.split(',') ?? null,
        from: params.from ?? null,
        to: params.to ?? null,
        sort: params.sort ?? 'relevance',
        exact: params.typos === 'off',
        cursor,
        limit: Number(params.limit ?? 20),
      });
      if (!outcome.ok) throw new Error(outcome.message);
      return outcome;
    }

    async function readAll(params: SearchParams, search: SearchPort) {
      const ids: string[] = [];
      let cursor: string | null = null;
      do {
        const page = await answer(params, search, cursor);
        ids.push(...page.items.map((item) => item.id));
        cursor = page.nextCursor;
      } while (cursor && ids.length <= data.articles.length);
      return ids;
    }

    it.each(['relevance', 'newest'] as const)(
      'lists typo tiers as the embedded engine does (sort %s)',
      async (sort) => {
        for (const q of ['goverment', 'recieve', 'satelite', 'politican', 'central goverment']) {
          const [embedded, postgres] = await pair.readAll({ q, sort, limit: '50' });
          expect(embedded.length, q).toBeGreaterThan(0);
          expect(postgres, q).toEqual(embedded);
          const { corrected, total } = await answer({ q, sort });
          expect({ corrected, total }, q).toEqual({
            corrected: pair.embedded({ q, sort }).corrected,
            total: embedded.length,
          });
        }
      },
    );

    it.each<SearchParams>([
      { q: 'govrment' },
      { q: 'ecomony' },
      { q: 'bnk' },
      { q: 'central bnk' },
      { q: 'govrment', topics: 'politics', from: '2026-11-01' },
      { q: 'goverment', typos: 'off' },
    ])('offers the embedded engine\'s "Did you mean" for $q', async (params) => {
      const embedded = pair.embedded(params);
      const postgres = await answer(params);
      expect(embedded.suggestion).toBeTruthy();
      expect({ total: postgres.total, suggestion: postgres.suggestion }).toEqual({
        total: embedded.total,
        suggestion: embedded.suggestion,
      });
    });

    it.each(['police', 'minister s', 'government'])(
      'ranks the newest %s matches by relevance, then lists older ones newest first, every match once',
      async (q) => {
        const newestFirst = (await pair.readAll({ q, sort: 'newest', limit: '50' }))[0];
        const byRelevance = (await pair.readAll({ q, limit: '50' }))[0];
        expect(newestFirst.length).toBeGreaterThan(3 * WINDOW);
        const window = new Set(newestFirst.slice(0, WINDOW));
        const expected = [...byRelevance.filter((id) => window.has(id)), ...newestFirst.slice(WINDOW)];
        expect(await readAll({ q, limit: '5' }, windowed)).toEqual(expected);
        expect((await answer({ q }, windowed)).total).toBe(newestFirst.length);
      },
    );

    it('ranks the window of a word in nearly every story (read by walking the time index) the same way', async () => {
      const newestFirst = pair.embedded({ q: 'said', sort: 'newest', limit: '50' }).items.map((item) => item.id);
      const byRelevance = (await pair.readAll({ q: 'said', limit: '50' }))[0];
      const window = new Set(newestFirst.slice(0, WINDOW));
      const expected = [...byRelevance.filter((id) => window.has(id)), ...newestFirst.slice(WINDOW, 30)];
      const first = await answer({ q: 'said', limit: '20' }, windowed);
      const second = await answer({ q: 'said', limit: '10' }, windowed, first.nextCursor);
      expect([...first.items, ...second.items].map((item) => item.id)).toEqual(expected);
      expect(first.total).toBe(byRelevance.length);
    });

    it('gives the same answers when it counts on a second connection beside the page', async () => {
      const beside = createPostgresSearch(pair.db, { timeZone: agencyTimeZoneFromEnv(), countBesideFrom: 0 });
      for (const params of [
        { q: 'government' },
        { q: 'goverment', sort: 'newest' as const },
        { q: 'the', topics: 'politics', from: '2026-10-01' },
        { q: 'government zzzzzz' },
      ]) {
        const { nextCursor: _cursor, ...embedded } = pair.embedded(params);
        const { nextCursor, ok: _ok, ...postgres } = await answer(params, beside);
        expect({ ...postgres, more: nextCursor !== null }, params.q).toEqual(embedded);
      }
      expect(pair.db.totalCount).toBe(2);
    });

    it('keeps exact matches before look-alikes across windows: every "government" story before any farther one', async () => {
      const ids = await readAll({ q: 'goverment', limit: '7' }, windowed);
      const embedded = (await pair.readAll({ q: 'goverment', limit: '50' }))[0];
      expect(new Set(ids)).toEqual(new Set(embedded));
      expect(ids).toHaveLength(embedded.length);
      const government = new Set((await pair.readAll({ q: 'government', limit: '50' }))[0]);
      const firstOther = ids.findIndex((id) => !government.has(id));
      expect(firstOther).toBe(government.size);
    });

    it('resumes a search where it stopped while new stories arrive', async () => {
      const first = await answer({ q: 'government', limit: '8' }, windowed);
      const newest = await answer({ q: 'government', sort: 'newest', limit: '8' });
      const template = data.articles.find((a) => a.id === first.items[0]!.id)!;
      const arrivals: Article[] = [1, 2].map((n) => ({
        ...template,
        id: `arrival-${n}`,
        title: `Government arrival ${n}`,
        publishedAt: '2026-11-27T23:59:00+03:00',
      }));
      await insertArticles(pair.db, arrivals);
      const rest = async (cursor: string | null, sort: 'relevance' | 'newest') => {
        const ids: string[] = [];
        while (cursor) {
          const page = await answer(
            { q: 'government', sort, limit: '8' },
            sort === 'relevance' ? windowed : pair.search,
            cursor,
          );
          ids.push(...page.items.map((item) => item.id));
          cursor = page.nextCursor;
        }
        return ids;
      };
      const before = (await pair.readAll({ q: 'government', limit: '50' }))[0];
      for (const [page, sort] of [
        [first, 'relevance'],
        [newest, 'newest'],
      ] as const) {
        const ids = [...page.items.map((item) => item.id), ...(await rest(page.nextCursor, sort))];
        expect(new Set(ids).size, sort).toBe(ids.length);
        expect(new Set(ids), sort).toEqual(new Set(before));
      }
      // What was remembered of the search before the stories arrived is not served after.
      const after = await answer({ q: 'government' });
      expect(after.items.map((item) => item.id)).toContain('arrival-1');
      expect(after.total).toBe(before.length + arrivals.length);
    });

    it('keeps the vocabulary and the totals in step with every insert, update and delete', async () => {
      const recount = async () => {
        const { rows: words } = await pair.db.query<{ word: string; documents: number }>(
          `SELECT word, documents FROM search_words ORDER BY word`,
        );
        const { rows: expected } = await pair.db.query<{ word: string; documents: number }>(
          `SELECT word, count(*)::integer AS documents FROM search_documents, unnest(tsvector_to_array(vector)) AS word
         GROUP BY word ORDER BY word`,
        );
        const { rows: totals } = await pair.db.query(
          `SELECT documents::integer, title_words::integer, lead_words::integer, body_words::integer FROM search_totals`,
        );
        const { rows: sums } = await pair.db.query(
          `SELECT count(*)::integer AS documents, sum(title_words)::integer AS title_words,
           sum(lead_words)::integer AS lead_words, sum(body_words)::integer AS body_words FROM search_documents`,
        );
        expect(words).toEqual(expected);
        expect(totals).toEqual(sums);
        return words.length;
      };
      const vocabulary = await recount();
      const story = data.articles[3]!;
      const client = await pair.db.connect();
      try {
        await client.query('BEGIN');
        await client.query(`UPDATE articles SET pages = $2 WHERE id = $1`, [
          story.id,
          JSON.stringify([['Zyxwvut qwerty.']]),
        ]);
        await indexForSearch(client, [{ ...story, title: 'Zyxwvut', pages: [['Zyxwvut qwerty.']] }]);
        await client.query('COMMIT');
      } finally {
        client.release();
      }
      await recount();
      expect((await answer({ q: 'zyxwvut' })).items.map((item) => item.id)).toEqual([story.id]);
      await pair.db.query(`DELETE FROM articles WHERE id = $1`, [story.id]);
      expect(await recount()).toBeLessThan(vocabulary + 2);
      expect((await answer({ q: 'zyxwvut' })).total).toBe(0);
    });
  },
);
