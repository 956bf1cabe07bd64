// The PostgreSQL search over the sample data, asked the same as the embedded engine: the same stories in the same
// order, the same totals, snippets, corrections and paging, for a spread of representative queries.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleData } from '../../helpers/fixtures';
import { postgresUnavailableReason } from '../../helpers/test-database';
import { searchPair, type SearchPair, type SearchParams } from './search-helpers';

const unavailable = await postgresUnavailableReason();

describe.skipIf(unavailable)(
  `PostgreSQL search on the sample data${unavailable ? ` (skipped: ${unavailable})` : ''}`,
  () => {
    let pair: SearchPair;
    beforeAll(async () => {
      pair = await searchPair(sampleData);
    });
    afterAll(async () => {
      await pair?.close();
    });

    async function expectSameAnswer(params: SearchParams) {
      const { nextCursor: _cursor, ...embedded } = pair.embedded(params);
      const outcome = await pair.postgres(params);
      if (!outcome.ok) throw new Error(outcome.message);
      const { ok: _ok, nextCursor, ...postgres } = outcome;
      expect({ ...postgres, more: nextCursor !== null }, JSON.stringify(params)).toEqual(embedded);
      return embedded;
    }

    it.each<SearchParams>([
      { q: 'satellite' },
      { q: 'key rate' },
      { q: 'central bank' },
      { q: 'grain' },
      { q: 'moscow', limit: '50' },
      { q: 'satellite orbit' },
      { q: 'orbit sat' },
      { q: 'the', limit: '50' },
      { q: 's' },
      { q: 'go' },
      { q: 'gov' },
    ])('answers $q as the embedded engine does: items, snippets, total', async (params) => {
      const answer = await expectSameAnswer(params);
      expect(answer.total).toBeGreaterThan(0);
    });

    it.each<SearchParams>([
      { q: 'satel' },
      { q: 'Zürich' },
      { q: 'ZURICH' },
      { q: 'zu\u0308rich' },
      { q: 'sao paulo' },
      { q: 'PLZEŇ Škoda' },
      { q: "cote d'ivoire" },
      { q: 'cafe' },
    ])('ignores case and accents and completes the last word: $q', async (params) => {
      const answer = await expectSameAnswer(params);
      expect(answer.total).toBeGreaterThan(0);
    });

    it.each<SearchParams>([
      { q: 'satelite' },
      { q: 'centrl bank' },
      { q: 'sattelite launch' },
      { q: 'goverment' },
      { q: 'goverment', sort: 'newest' },
    ])('forgives typos in words found nowhere and says what it searched: $q', async (params) => {
      const answer = await expectSameAnswer(params);
      expect(answer.total).toBeGreaterThan(0);
      expect(answer.corrected).toBeTruthy();
    });

    it('searches only the words as typed with typos off', async () => {
      const answer = await expectSameAnswer({ q: 'satelite', typos: 'off' });
      expect(answer.total).toBe(0);
      expect(answer.suggestion).toBe('satellite');
    });

    it.each<SearchParams>([{ q: 'satlite' }, { q: 'orbit satlite' }, { q: 'bnk' }])(
      'offers "Did you mean" for $q as the embedded engine does',
      async (params) => {
        const answer = await expectSameAnswer(params);
        expect(answer.total).toBe(0);
        expect(answer.suggestion).toBeTruthy();
      },
    );

    it.each<SearchParams>([
      { q: 'xqzvw' },
      { q: '!!!' },
      { q: 'zzzzzzzzzz' },
      { q: 'satellite grain orbit' },
      { q: 'satlite', topics: 'sports' },
    ])('finds nothing for $q (topics $topics) and offers nothing', async (params) => {
      const answer = await expectSameAnswer(params);
      expect(answer.total).toBe(0);
      expect(answer.suggestion).toBeNull();
    });

    it('filters by topics and by agency days inside the query, with either sort', async () => {
      const topic = sampleData.articles[0]!.topics[0]!;
      const day = sampleData.articles[0]!.publishedAt.slice(0, 10);
      for (const sort of ['relevance', 'newest'] as const) {
        expect((await expectSameAnswer({ q: 'the', topics: topic, sort })).total).toBeGreaterThan(0);
        expect((await expectSameAnswer({ q: 'the', from: day, to: day, sort })).total).toBeGreaterThan(0);
        await expectSameAnswer({ q: 'the', topics: topic, from: day, sort });
        await expectSameAnswer({ q: 'bank', to: day, sort });
      }
    });

    it.each(['relevance', 'newest'] as const)('pages through every match by cursor (sort %s)', async (sort) => {
      for (const q of ['the', 's', 'bank', 'goverment']) {
        const [embedded, postgres] = await pair.readAll({ q, sort, limit: '7' });
        expect(new Set(postgres).size, q).toBe(postgres.length);
        expect(postgres, q).toEqual(embedded);
      }
    });

    it('refuses a cursor of another search, and one that is not a cursor', async () => {
      const page = await pair.postgres({ q: 'the', limit: '5' });
      if (!page.ok || !page.nextCursor) throw new Error('expected a second page');
      for (const other of [
        { q: 'bank' },
        { q: 'the', sort: 'newest' as const },
        { q: 'the', topics: 'politics' },
        { q: 'the', typos: 'off' as const },
      ]) {
        expect(await pair.postgres({ ...other, limit: '5' }, page.nextCursor)).toMatchObject({
          ok: false,
          code: 'bad_cursor',
        });
      }
      const embeddedCursor = pair.embedded({ q: 'the', limit: '5' }).nextCursor!;
      for (const cursor of ['nonsense', embeddedCursor, Buffer.from('["r","x",0]').toString('base64url')]) {
        expect(await pair.postgres({ q: 'the', limit: '5' }, cursor)).toMatchObject({ ok: false, code: 'bad_cursor' });
      }
      expect(await pair.postgres({ q: 'the', limit: '5' }, page.nextCursor)).toMatchObject({ ok: true });
    });
  },
);
