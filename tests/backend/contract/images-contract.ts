// Photos on the wire, whatever stores them: every answer that carries a story (feed, article, neighbours, search)
// gives its photo the image proxy's signed path as `src` (a stored `src` never goes out), keeps the original URL,
// alt, credit and size, and the path answers with the photo.
import { describe, expect, it } from 'vitest';
import type { Article, StoryImage } from '@/contract/news';
import { articlesNewestFirst, sampleData } from '../../helpers/fixtures';
import { testApiOver } from '../../helpers/test-api';
import type { BackendFactory } from './contract-api';

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
const photo: StoryImage = {
  url: 'https://photos.example.com/harbour.jpg?w=800',
  alt: 'Cranes over the harbour at dawn',
  credit: 'Photo: Example Agency',
  width: 800,
  height: 533,
  src: '/api/images/stored/bogus',
};
const story: Article = {
  id: 'harbour-cranes-return',
  title: 'Harbour cranes return after the storm',
  lead: 'The port reopened on Friday.',
  publishedAt: '2026-11-28T08:00:00+03:00',
  topics: ['economy'],
  pages: [['Cranes were back at work at the harbour.']],
  source: { name: 'Example Agency', url: 'https://example.com/' },
  url: 'https://example.com/news/harbour-cranes-return',
  image: photo,
};

export function describeImagesContract(make: BackendFactory): void {
  describe('photos through the image proxy', () => {
    it('every answer carrying the story gives its photo a signed /api/images/ path, which serves the photo', async () => {
      const fetched: string[] = [];
      const images = {
        key: Buffer.from('a key for the contract tests, 32+ characters long'),
        fetchImage: async (url: string) => {
          fetched.push(url);
          return { status: 200, contentType: 'image/png', body: PNG };
        },
      };
      const backend = await make({ ...sampleData, articles: [...sampleData.articles, story] });
      const api = await testApiOver(backend, { images });
      try {
        const { src: _stored, ...original } = photo;
        const wire = { ...original, src: expect.stringMatching(/^\/api\/images\/[\w-]{43}\/[\w-]+$/) as string };
        const feed = (await api.get('/articles?limit=1')).body as { items: Article[] };
        expect(feed.items[0]).toMatchObject({ id: story.id, image: wire, source: story.source, url: story.url });
        const article = (await api.get(`/articles/${story.id}`)).body as Article;
        expect(article.image).toEqual(wire);
        const neighbours = (await api.get(`/articles/${articlesNewestFirst[0]!.id}/neighbours`)).body as {
          newer: Article;
        };
        expect(neighbours.newer).toMatchObject({ id: story.id, image: wire });
        const search = (await api.get('/search?q=cranes')).body as { items: Article[] };
        expect(search.items.find((item) => item.id === story.id)?.image).toEqual(wire);

        // The same photo, the same path, wherever it appears; the path serves it.
        expect(new Set([feed.items[0]!.image!.src, article.image!.src, neighbours.newer.image!.src]).size).toBe(1);
        const answer = await api.app.inject(article.image!.src!);
        expect(answer.statusCode).toBe(200);
        expect(answer.rawPayload).toEqual(PNG);
        expect(fetched).toEqual([photo.url]);
      } finally {
        await api.app.close();
        await backend.close();
      }
    });
  });
}
