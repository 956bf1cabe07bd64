// The contract of the writing ports (what importers use; the HTTP API itself is read-only): `news.upsert` stores
// topics and stories (new ones added, changed ones replaced, equal ones left, all or nothing; its counts cover every
// record of the batch, topics and stories alike), tells subscribers when something changed, and is served at once;
// `rates.replace` swaps the rates, or refuses a file it could not serve.
import { describe, expect, it, vi } from 'vitest';
import type { NewsChange } from '@/backend/ports';
import type { Article } from '@/contract/news';
import type { RatesFile } from '@/contract/rates';
import { articlesNewestFirst, sampleData } from '../../helpers/fixtures';
import type { TestApi } from '../../helpers/test-api';
import { withApi, type BackendFactory } from './contract-api';

type Page = { items: { id: string; title: string }[]; nextCursor: string | null };
type TopicsBody = { topics: { id: string; name: string; count: number }[] };

const newest = articlesNewestFirst[0]!;
const walrus: Article = {
  id: 'walrus-census-completed',
  title: 'Walrus census completed on the northern coast',
  lead: 'Counters finished their survey.',
  publishedAt: '2026-11-28T09:15:00+03:00',
  topics: ['science', 'wildlife'],
  pages: [['The walrus census took three weeks.', 'Numbers are up on last year.']],
};
const wildlife = { id: 'wildlife', name: 'Wildlife' };

const feedIds = async (api: TestApi, query = 'limit=50') =>
  ((await api.get(`/articles?${query}`)).body as Page).items.map((item) => item.id);

/** Search answers once the backend has taken in what was written (an index may be rebuilt meanwhile: 503). */
const searchSettled = (api: TestApi, q: string) =>
  vi.waitFor(
    async () => {
      const answer = await api.get('/search', { q });
      expect(answer.status).toBe(200);
      return answer.body as { items: { id: string }[]; total: number };
    },
    { timeout: 15_000, interval: 20 },
  );

export function describeWritesContract(make: BackendFactory): void {
  describe('news.upsert and subscribe', () => {
    it('stores new topics and stories, serves them at once and tells subscribers', async () => {
      await withApi(make, sampleData, async (api) => {
        const changes: NewsChange[] = [];
        api.backend.news.subscribe((change) => changes.push(change));
        const result = await api.backend.news.upsert({ topics: [wildlife], articles: [walrus] });
        expect(result).toEqual({ inserted: 2, updated: 0, unchanged: 0 });
        expect(changes).toEqual([{ newest: Date.parse(walrus.publishedAt) }]);

        expect((await feedIds(api, 'limit=2')).slice(0, 2)).toEqual([walrus.id, newest.id]);
        expect((await api.get(`/articles/${walrus.id}`)).body).toEqual(walrus);
        const { topics } = (await api.get('/topics')).body as TopicsBody;
        expect(topics.map((t) => t.id)).toEqual([...sampleData.topics.map((t) => t.id), 'wildlife']); // added last
        expect(topics.at(-1)).toEqual({ ...wildlife, count: 1 });
        expect(await feedIds(api, 'topics=wildlife')).toEqual([walrus.id]);
        expect((await searchSettled(api, 'walrus')).items.map((i) => i.id)).toEqual([walrus.id]);
      });
    });

    it('replaces a changed story in place, leaves an equal one alone, and counts each', async () => {
      await withApi(make, sampleData, async (api) => {
        const [changed, equal] = [articlesNewestFirst[3]!, articlesNewestFirst[4]!];
        const before = await feedIds(api);
        // The same fields in another order are the same story.
        const reordered = Object.fromEntries(Object.entries(equal).reverse()) as Article;
        const edited = { ...changed, title: `${changed.title} (updated)` };
        const result = await api.backend.news.upsert({ articles: [edited, reordered] });
        expect(result).toEqual({ inserted: 0, updated: 1, unchanged: 1 });
        expect((await api.get(`/articles/${changed.id}`)).body).toEqual(edited);
        expect(await feedIds(api)).toEqual(before); // same time, same place
        expect((await searchSettled(api, 'updated')).items.map((i) => i.id)).toContain(changed.id);
      });
    });

    it('tells nobody when nothing changed, and no longer tells a subscriber that left', async () => {
      await withApi(make, sampleData, async (api) => {
        const listener = vi.fn();
        const unsubscribe = api.backend.news.subscribe(listener);
        expect(await api.backend.news.upsert({ topics: [sampleData.topics[0]!], articles: [newest] })).toEqual({
          inserted: 0,
          updated: 0,
          unchanged: 2,
        });
        expect(listener).not.toHaveBeenCalled();
        unsubscribe();
        await api.backend.news.upsert({ topics: [wildlife] });
        expect(listener).not.toHaveBeenCalled();
        expect(((await api.get('/topics')).body as TopicsBody).topics.at(-1)).toEqual({ ...wildlife, count: 0 });
      });
    });

    it.each([
      ['a story of a topic that does not exist', { ...walrus, topics: ['astrology'] }, /astrology/],
      ['a story related to one that does not exist', { ...walrus, topics: ['science'], related: ['ghost'] }, /ghost/],
      ['a story without pages', { ...walrus, topics: ['science'], pages: [] }, /pages/],
    ])('refuses a batch with %s, storing none of it', async (_label, bad, message) => {
      await withApi(make, sampleData, async (api) => {
        const before = await feedIds(api);
        const good = { ...walrus, id: 'good-story', topics: ['science'] };
        await expect(api.backend.news.upsert({ articles: [good, bad as Article] })).rejects.toThrow(message);
        expect(await feedIds(api)).toEqual(before);
        expect((await api.get('/articles/good-story')).status).toBe(404);
      });
    });
  });

  describe('rates.replace', () => {
    const file: RatesFile = {
      base: 'EUR',
      source: 'Replaced in a test',
      currencies: [{ code: 'USD', name: 'US Dollar', nominal: 1 }],
      days: [
        { date: '2026-03-02', values: { USD: 0.92 } },
        { date: '2026-03-03', values: { USD: 0.93 } },
      ],
    };

    it('serves the new rates at once', async () => {
      await withApi(make, sampleData, async (api) => {
        await api.backend.rates.replace(file);
        expect((await api.get('/rates')).body).toEqual({
          base: 'EUR',
          date: '2026-03-03',
          source: 'Replaced in a test',
          currencies: [{ code: 'USD', name: 'US Dollar', nominal: 1, value: 0.93 }],
        });
        expect((await api.get('/rates/history?code=USD')).body).toMatchObject({ points: [{}, {}] });
      });
    });

    it('refuses a file it could not serve, keeping the rates it had', async () => {
      await withApi(make, sampleData, async (api) => {
        const before = (await api.get('/rates')).body;
        const unknown = { ...file, days: [{ date: '2026-03-02', values: { GBP: 1.1 } }] };
        await expect(api.backend.rates.replace(unknown)).rejects.toThrow(/GBP/);
        expect((await api.get('/rates')).body).toEqual(before);
      });
    });
  });
}
