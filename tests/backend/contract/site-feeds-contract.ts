// The site's own feeds and sitemaps over any adapter (site-feeds-plugin.ts): each document read back by a strict XML
// parser (and the RSS feed by feedsmith, as a feed reader would), with the stories, order, addresses and dates the
// backend holds; hostile titles stay text; the archive is split into sitemaps of a given size, and a new story is in
// them at once.
import Fastify, { type FastifyInstance } from 'fastify';
import { parseRssFeed } from 'feedsmith';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImageProxyOptions } from '@/backend/http/image-proxy';
import { siteFeedsPlugin, type SiteFeedsOptions } from '@/backend/http/site-feeds-plugin';
import type { Backend } from '@/backend/ports';
import type { Article } from '@/contract/news';
import { publicOrigin } from '@/server/public-origin';
import { sampleData, topicName } from '../../helpers/fixtures';
import { parseXml, textsOf } from '../../helpers/xml';
import type { BackendFactory, ContractData } from './contract-api';

const ORIGIN = 'http://news.test';
const images: ImageProxyOptions = {
  key: Buffer.from('a key for the site feed tests, 32+ characters long'),
  fetchImage: async () => ({ status: 200, contentType: 'image/png', body: new Uint8Array() }),
};

/** A story whose text would break XML written carelessly: markup, ampersands, CDATA ends, a control character. */
const hostile: Article = {
  id: 'bonds-and-yields',
  title: 'Bonds & <b>yields</b> ]]> fall ]]> again\u0007 today',
  lead: 'Traders said "sell" & ]]><script>alert(1)</script> ran',
  publishedAt: '2026-11-28T09:00:00+03:00',
  topics: ['economy', 'politics'],
  pages: [['Markets moved.']],
  image: { url: 'https://photos.example.com/bonds.png?w=800&h=600', alt: 'A trading floor' },
};
const text = (raw: string) => raw.replaceAll('\u0007', '');

const data = (): ContractData => ({ ...sampleData, articles: [...sampleData.articles, hostile] });
const newestFirst = (articles: readonly Article[]) =>
  [...articles].sort((a, b) => Date.parse(b.publishedAt) - Date.parse(a.publishedAt) || (a.id < b.id ? -1 : 1));

async function siteOver(backend: Backend, options: Partial<SiteFeedsOptions> = {}): Promise<FastifyInstance> {
  const app = Fastify();
  await app.register(siteFeedsPlugin, { backend, originOf: (request) => publicOrigin(request, ORIGIN), ...options });
  return app;
}

export function describeSiteFeedsContract(make: BackendFactory): void {
  describe("the site's feeds and sitemaps", () => {
    const stories = newestFirst(data().articles);
    let backend: Backend;
    let site: FastifyInstance;
    beforeAll(async () => {
      backend = await make(data());
      // The newest story is 2 hours old: the news sitemap's two days reach back to Nov 26, 09:00 (+03:00).
      const now = () => Date.parse(hostile.publishedAt) + 2 * 60 * 60 * 1000;
      site = await siteOver(backend, { images, storiesPerSitemap: 20, now });
    });
    afterAll(async () => {
      await site?.close();
      await backend?.close();
    });

    it('/feed.xml is RSS 2.0 of the latest stories with their links, dates, leads, topics and photos', async () => {
      const answer = await site.inject('/feed.xml');
      expect(answer.statusCode).toBe(200);
      expect(answer.headers['content-type']).toBe('application/rss+xml; charset=utf-8');
      expect(answer.headers['cache-control']).toMatch(/^public, max-age=\d+$/);
      const document = parseXml(answer.body);
      const channel = document.getElementsByTagName('channel')[0]!;
      expect(textsOf(channel, 'title')[0]).toBe('Agency News');
      const self = channel.getElementsByTagName('atom:link')[0]!;
      expect([self.getAttribute('rel'), self.getAttribute('href')]).toEqual(['self', `${ORIGIN}/feed.xml`]);

      const items = [...document.getElementsByTagName('item')];
      expect(items).toHaveLength(Math.min(50, stories.length));
      items.forEach((item, index) => {
        const story = stories[index]!;
        expect(textsOf(item, 'title')).toEqual([text(story.title)]);
        expect(textsOf(item, 'link')).toEqual([`${ORIGIN}/news/${story.id}`]);
        expect(textsOf(item, 'guid')).toEqual([`${ORIGIN}/news/${story.id}`]);
        expect(textsOf(item, 'description')).toEqual([story.lead]);
        expect(textsOf(item, 'pubDate')).toEqual([new Date(story.publishedAt).toUTCString()]);
        expect(textsOf(item, 'category')).toEqual(story.topics.map(topicName));
        expect(item.getElementsByTagName('enclosure')).toHaveLength(story.image ? 1 : 0);
      });

      // The photo goes out at the image proxy's signed address on this origin, never the original's.
      const enclosure = items[0]!.getElementsByTagName('enclosure')[0]!;
      expect(enclosure.getAttribute('url')).toMatch(new RegExp(`^${ORIGIN}/api/images/[\\w-]{43}/[\\w-]+$`));
      expect(enclosure.getAttribute('type')).toBe('image/png');

      // A feed reader reads the same.
      const feed = parseRssFeed(answer.body);
      expect(feed.items?.map((item) => item.title)).toEqual(items.map((_, i) => text(stories[i]!.title)));
    });

    it('/feed.xml?topics= keeps the stories of those topics and names them; an unknown topic is a 400', async () => {
      const answer = await site.inject('/feed.xml?topics=science,economy');
      expect(answer.statusCode).toBe(200);
      const document = parseXml(answer.body);
      const wanted = stories.filter((s) => s.topics.some((t) => t === 'science' || t === 'economy'));
      expect(textsOf(document, 'guid')).toEqual(wanted.slice(0, 50).map((s) => `${ORIGIN}/news/${s.id}`));
      expect(textsOf(document, 'title')[0]).toBe(`Agency News: ${topicName('science')}, ${topicName('economy')}`);
      const self = document.getElementsByTagName('atom:link')[0]!;
      expect(self.getAttribute('href')).toBe(`${ORIGIN}/feed.xml?topics=science,economy`);

      const unknown = await site.inject('/feed.xml?topics=science,no-such-topic');
      expect(unknown.statusCode).toBe(400);
      expect(unknown.json()).toEqual({ error: { code: 'unknown_topic', message: 'Unknown topic: no-such-topic' } });
      const malformed = await site.inject('/feed.xml?topics=%3Cb%3E');
      expect(malformed.statusCode).toBe(400);
      expect(malformed.json()).toMatchObject({ error: { code: 'unknown_topic' } });
      const twice = await site.inject('/feed.xml?topics=science&topics=economy');
      expect(twice.statusCode).toBe(400);
      expect(twice.json()).toMatchObject({ error: { code: 'repeated_parameter' } });
    });

    it('each document has a tag, and a client that has it gets a 304', async () => {
      for (const address of ['/feed.xml', '/sitemap.xml', '/sitemaps/articles-1.xml', '/sitemap-news.xml']) {
        const first = await site.inject(address);
        expect(first.headers.etag, address).toMatch(/^W\/"[\w-]+"$/);
        expect((await site.inject(address)).headers.etag, address).toBe(first.headers.etag);
        const again = await site.inject({ url: address, headers: { 'if-none-match': String(first.headers.etag) } });
        expect(again.statusCode, address).toBe(304);
        expect(again.body).toBe('');
      }
    });

    it('/sitemap.xml indexes the pages and the archive split into sitemaps of the given size', async () => {
      const index = parseXml((await site.inject('/sitemap.xml')).body);
      const files = Math.ceil(stories.length / 20);
      expect(textsOf(index, 'loc')).toEqual([
        `${ORIGIN}/sitemaps/pages.xml`,
        ...Array.from({ length: files }, (_, i) => `${ORIGIN}/sitemaps/articles-${i + 1}.xml`),
      ]);
      // Each article sitemap's newest story dates it.
      expect(textsOf(index, 'lastmod')).toEqual(Array.from({ length: files }, (_, i) => stories[i * 20]!.publishedAt));

      const listed: string[] = [];
      for (let n = 1; n <= files; n++) {
        const answer = await site.inject(`/sitemaps/articles-${n}.xml`);
        expect(answer.headers['content-type']).toBe('application/xml; charset=utf-8');
        const urls = [...parseXml(answer.body).getElementsByTagName('url')];
        expect(urls.length).toBeLessThanOrEqual(20);
        for (const url of urls) {
          const [loc] = textsOf(url, 'loc');
          const story = stories[listed.length]!;
          expect([loc, textsOf(url, 'lastmod')[0]]).toEqual([`${ORIGIN}/news/${story.id}`, story.publishedAt]);
          listed.push(loc!);
        }
      }
      expect(listed).toHaveLength(stories.length);
      expect((await site.inject(`/sitemaps/articles-${files + 1}.xml`)).statusCode).toBe(404);
      expect((await site.inject('/sitemaps/articles-0.xml')).statusCode).toBe(404);
      expect((await site.inject('/sitemaps/other.xml')).statusCode).toBe(404);

      const pages = parseXml((await site.inject('/sitemaps/pages.xml')).body);
      expect(textsOf(pages, 'loc')).toEqual([`${ORIGIN}/`, `${ORIGIN}/converter`]);
    });

    it('/sitemap-news.xml lists the last two days as Google News asks, titles as text', async () => {
      const answer = await site.inject('/sitemap-news.xml');
      expect(answer.statusCode).toBe(200);
      const document = parseXml(answer.body);
      const since = Date.parse(hostile.publishedAt) + 2 * 60 * 60 * 1000 - 2 * 24 * 60 * 60 * 1000;
      const recent = stories.filter((s) => Date.parse(s.publishedAt) > since);
      expect(recent.length).toBeGreaterThan(1);
      expect(recent.length).toBeLessThan(stories.length);
      expect(textsOf(document, 'loc')).toEqual(recent.map((s) => `${ORIGIN}/news/${s.id}`));
      expect(textsOf(document, 'news:title')).toEqual(recent.map((s) => text(s.title)));
      expect(textsOf(document, 'news:publication_date')).toEqual(recent.map((s) => s.publishedAt));
      expect(new Set(textsOf(document, 'news:name'))).toEqual(new Set(['Agency News']));
      expect(new Set(textsOf(document, 'news:language'))).toEqual(new Set(['en']));
    });

    it('/robots.txt allows all but search and the API, and names the sitemaps', async () => {
      const answer = await site.inject('/robots.txt');
      expect(answer.headers['content-type']).toBe('text/plain; charset=utf-8');
      expect(answer.body.split('\n')).toEqual([
        'User-agent: *',
        'Allow: /',
        'Disallow: /search',
        'Disallow: /api/',
        '',
        `Sitemap: ${ORIGIN}/sitemap.xml`,
        `Sitemap: ${ORIGIN}/sitemap-news.xml`,
        '',
      ]);
    });

    it('a story written after the sitemaps were read is in them at once', async () => {
      const writable = await make(data());
      const app = await siteOver(writable, { storiesPerSitemap: 20 });
      try {
        const before = textsOf(parseXml((await app.inject('/sitemap.xml')).body), 'loc');
        const firstBefore = textsOf(parseXml((await app.inject('/sitemaps/articles-1.xml')).body), 'loc');
        expect(firstBefore[0]).toBe(`${ORIGIN}/news/${stories[0]!.id}`);
        const story: Article = {
          ...hostile,
          id: 'later-story',
          title: 'Later',
          publishedAt: '2026-11-28T10:00:00+03:00',
        };
        await writable.news.upsert({ articles: [story] });
        const first = textsOf(parseXml((await app.inject('/sitemaps/articles-1.xml')).body), 'loc');
        expect(first[0]).toBe(`${ORIGIN}/news/later-story`);
        const after = textsOf(parseXml((await app.inject('/sitemap.xml')).body), 'loc');
        expect(after.length).toBe(before.length + (stories.length % 20 === 0 ? 1 : 0));
        const last = textsOf(parseXml((await app.inject(`/sitemaps/articles-${after.length - 1}.xml`)).body), 'loc');
        expect(last.at(-1)).toBe(`${ORIGIN}/news/${stories.at(-1)!.id}`);
      } finally {
        await app.close();
        await writable.close();
      }
    });
  });
}
