// Server rendering through the production server, without a browser: each route's HTML has its content and head,
// the status says what the page is, and caches are told what they may keep (README: "Server rendering").
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createEmbeddedBackendFromData } from '@/backend/embedded/embedded-backend';
import { sortNewestFirst } from '@/backend/feed-cursor';
import type { Backend } from '@/backend/ports';
import { createProductionServer } from '@/server/production-server';
import { choicesCookie } from '../helpers/choices-cookie';
import { articlesNewestFirst, sampleData, topicName } from '../helpers/fixtures';
import { distFolder } from './render-dist';

let server: FastifyInstance;
beforeAll(async () => {
  server = await createProductionServer({
    distDir: distFolder(),
    backend: await createEmbeddedBackendFromData(sampleData),
    serverRendering: true,
  });
});
afterAll(() => server.close());

const get = (url: string, headers: Record<string, string> = {}) => server.inject({ method: 'GET', url, headers });
const pageState = (html: string) => {
  const island = /<script type="application\/json" id="page-state">(.*?)<\/script>/s.exec(html)?.[1];
  return island === undefined ? null : (JSON.parse(island) as { queries: { queries: { queryKey: unknown[] }[] } });
};
const metaContent = (html: string, key: string) =>
  new RegExp(`<meta (?:name|property)="${key}" content="([^"]*)">`).exec(html)?.[1];

describe('server-rendered pages', () => {
  it('the feed arrives with its first page of headlines, its data for hydration and a shared-cache policy', async () => {
    const response = await get('/');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    for (const story of articlesNewestFirst.slice(0, 20)) expect(response.body).toContain(story.id);
    expect(response.body).toContain('<title>All news — Agency News</title>');
    expect(response.headers['cache-control']).toBe('public, max-age=0, s-maxage=5, stale-while-revalidate=30');
    expect(response.headers.vary).toMatch(/Cookie/);
    expect(response.headers.etag).toMatch(/^W\/"/);
    const keys = pageState(response.body)!.queries.queries.map(({ queryKey }) => JSON.stringify(queryKey));
    expect(keys).toContain('["topics"]');
    expect(keys.some((key) => key.startsWith('["articles","feed"'))).toBe(true);
    // No style attributes (the CSP blocks them) and no inline code.
    expect(response.body).not.toMatch(/ style="/);
    expect(response.body).not.toMatch(/<script(?![^>]*(?:type="application\/(?:json|ld\+json)"|src=))/);
  });

  it('the page carries the API answers it was rendered from, as the API sends them, for the service worker', async () => {
    const state = pageState((await get('/')).body) as unknown as {
      answers: { path: string; body: unknown; contentType: string; date: string }[];
    };
    const paths = state.answers.map(({ path }) => path);
    expect(paths).toEqual(expect.arrayContaining(['/api/topics', '/api/articles?limit=20']));
    for (const answer of state.answers) {
      const direct = await get(answer.path, { accept: 'application/json' });
      expect(answer.body, answer.path).toEqual(direct.json());
      expect(answer.contentType).toBe(direct.headers['content-type']);
      expect(Number.isNaN(Date.parse(answer.date))).toBe(false);
    }
  });

  it('answers 304 to a revalidation with the same tag', async () => {
    // The page's relative times follow the minute: both requests in the same one, however slow the machine.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.parse('2026-11-28T12:00:30Z') });
    try {
      const first = await get('/');
      const again = await get('/', { 'if-none-match': first.headers.etag as string });
      expect(again.statusCode).toBe(304);
    } finally {
      vi.useRealTimers();
    }
  });

  it('renders a page again the same, with what it needed last time fetched before its first pass', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: Date.parse('2026-11-28T12:00:30Z') });
    // The data's fetch times differ from render to render; nothing else does.
    const same = (html: string) => html.replace(/"(?:dehydratedAt|dataUpdatedAt)":\d+/g, '');
    try {
      const story = articlesNewestFirst[5]!;
      for (const url of ['/?topics=world', `/news/${story.id}`, '/search?q=bank', '/converter']) {
        const first = await get(url);
        const again = await get(url);
        expect(again.statusCode, url).toBe(first.statusCode);
        expect(same(again.body), url).toBe(same(first.body));
      }
    } finally {
      vi.useRealTimers();
    }
  });

  it("renders the feed with the reader's topic filter and theme from their cookie, for them alone", async () => {
    const topic = sampleData.topics[0]!.id;
    const cookie = choicesCookie({ topics: [topic], theme: 'dark', textSize: 'large', zone: 'Europe/Paris' });
    const response = await get('/', { cookie });
    expect(response.statusCode).toBe(200);
    expect(response.body).toMatch(/<html[^>]* data-theme="dark" data-text-size="large"/);
    expect(response.headers['cache-control']).toBe('private, no-cache');
    const inTopic = articlesNewestFirst.filter((story) => story.topics.includes(topic));
    const outside = articlesNewestFirst.filter((story) => !story.topics.includes(topic));
    expect(response.body).toContain(inTopic[0]!.id);
    expect(response.body).not.toContain(`/news/${outside[0]!.id}"`);
  });

  it("renders the feed with the reader's source filter from their cookie", async () => {
    // Stories from two wires, alternating; the reader keeps only the second.
    const wired = sampleData.articles.map((story, index) => ({
      ...story,
      source: { name: index % 2 ? 'Wire Two' : 'Wire One' },
    }));
    const sourced = await createProductionServer({
      distDir: distFolder(),
      backend: await createEmbeddedBackendFromData({ ...sampleData, articles: wired }),
      serverRendering: true,
    });
    try {
      const cookie = choicesCookie({ sources: { keep: ['wire-two'], drop: [] } });
      const response = await sourced.inject({ method: 'GET', url: '/', headers: { cookie } });
      expect(response.statusCode).toBe(200);
      const newest = sortNewestFirst(wired);
      const kept = newest.filter((story) => story.source.name === 'Wire Two');
      const dropped = newest.filter((story) => story.source.name === 'Wire One');
      for (const story of kept.slice(0, 5)) expect(response.body).toContain(`/news/${story.id}"`);
      for (const story of dropped.slice(0, 5)) expect(response.body).not.toContain(`/news/${story.id}"`);
    } finally {
      await sourced.close();
    }
  });

  it('an article has its text, link-preview tags and NewsArticle data, and the view’s code and styles linked', async () => {
    const story = articlesNewestFirst[3]!;
    const response = await get(`/news/${story.id}`, { host: 'news.example' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain(story.pages[0]![0]!.slice(0, 40));
    expect(response.body).toContain(`<title>${story.title} — Agency News</title>`);
    expect(metaContent(response.body, 'og:type')).toBe('article');
    expect(metaContent(response.body, 'og:url')).toBe(`http://news.example/news/${story.id}`);
    expect(metaContent(response.body, 'article:published_time')).toBe(story.publishedAt);
    expect(metaContent(response.body, 'twitter:card')).toBe('summary');
    expect(response.body).toContain(`<link rel="canonical" href="http://news.example/news/${story.id}">`);
    const data = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(response.body)![1]!);
    expect(data).toMatchObject({
      '@type': 'NewsArticle',
      datePublished: story.publishedAt,
      dateModified: story.publishedAt,
    });
    expect(response.body).toContain('<link rel="stylesheet" href="/assets/article-page-3.css">');
    expect(response.body).toContain('<link rel="modulepreload" href="/assets/article-page-2.js">');
    expect(response.body).not.toContain('href="/assets/app-1.js"');
  });

  it('an unknown story and an unknown page answer 404 with the not-found page', async () => {
    for (const url of ['/news/no-such-story-999', '/no/such/page']) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(404);
      expect(response.body, url).toContain('Page not found');
      expect(metaContent(response.body, 'robots'), url).toBe('noindex');
    }
  });

  it('search results are rendered for q, and the page is kept out of search engines', async () => {
    const story = articlesNewestFirst[0]!;
    const word = story.title.split(' ').find((w) => w.length > 5)!;
    const response = await get(`/search?q=${encodeURIComponent(word)}`);
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain(`<title>Search: ${word} — Agency News</title>`);
    expect(metaContent(response.body, 'robots')).toBe('noindex');
    expect(response.body).toContain(story.id);
  });

  it('the converter arrives with its rates; Saved as its shell', async () => {
    const converter = await get('/converter');
    expect(converter.statusCode).toBe(200);
    expect(converter.body).toContain('<title>Currency converter — Agency News</title>');
    expect(converter.body).toContain('["rates"');
    const saved = await get('/saved');
    expect(saved.statusCode).toBe(200);
    expect(saved.body).toContain('<title>Saved — Agency News</title>');
  });

  it('PUBLIC_URL is the origin of absolute addresses', async () => {
    const own = await createProductionServer({
      distDir: distFolder(),
      backend: await createEmbeddedBackendFromData(sampleData),
      serverRendering: true,
      publicUrl: 'https://news.example.org/',
    });
    const response = await own.inject({ method: 'GET', url: '/?topics=x' });
    expect(metaContent(response.body, 'og:url')).toBe('https://news.example.org/?topics=x');
    await own.close();
  });

  it('a Host header that names no host answers 400, not a failed render', async () => {
    const hostile = await get('/', { host: 'evil.example/<script>' });
    expect([hostile.statusCode, hostile.json()]).toMatchObject([400, { error: { code: 'bad_host' } }]);
  });

  it('a backend that fails answers 503 with an error page, never the shell', async () => {
    const working = await createEmbeddedBackendFromData(sampleData);
    const failing: Backend = Object.assign(Object.create(working) as Backend, {
      news: Object.assign(Object.create(working.news) as Backend['news'], {
        feedPage: () => Promise.reject(new Error('database down')),
      }),
    });
    const own = await createProductionServer({ distDir: distFolder(), backend: failing, serverRendering: true });
    const response = await own.inject({ method: 'GET', url: '/' });
    expect(response.statusCode).toBe(503);
    expect(response.headers['retry-after']).toBe('5');
    expect(response.body).toContain('The news service is not answering');
    expect(response.body).not.toContain('id="page-state"');
    await own.close();
  });
});

describe('topic names', () => {
  it('are rendered in the feed', async () => {
    const response = await get('/');
    expect(response.body).toContain(topicName(articlesNewestFirst[0]!.topics[0]!));
  });
});
