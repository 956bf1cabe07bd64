// How a server-rendered page is sent (README: "Server rendering"): its head before the rest, in document order,
// compressed as a stream; a revalidation answered 304 without rendering while nothing it depends on has changed.
import { request } from 'node:http';
import { Readable } from 'node:stream';
import { brotliDecompressSync, createBrotliDecompress, createGunzip, gunzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createEmbeddedBackendFromData } from '@/backend/embedded/embedded-backend';
import type { Backend } from '@/backend/ports';
import type { Article } from '@/contract/news';
import { pageStream, type PageEncoding } from '@/server/page-rendering';
import { createProductionServer } from '@/server/production-server';
import { choicesCookie } from '../helpers/choices-cookie';
import { articlesNewestFirst, sampleData } from '../helpers/fixtures';
import { distFolder } from './render-dist';

describe('a page stream', () => {
  const decoders = {
    br: createBrotliDecompress,
    gzip: createGunzip,
  };
  for (const encoding of ['br', 'gzip', null] satisfies PageEncoding[]) {
    it(`sends the head and each part React has given at once, before the end (${encoding ?? 'identity'})`, async () => {
      const body = new Readable({ read() {} });
      const stream = pageStream(
        { start: '<html><head></head><body><div id="root">', body, end: '</div></html>' },
        encoding,
      );
      const decoded = encoding ? stream.pipe(decoders[encoding]()) : stream;
      let text = '';
      decoded.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      const ended = new Promise((resolve) => decoded.once('end', resolve));
      await vi.waitFor(() => expect(text).toBe('<html><head></head><body><div id="root">'));
      body.push('<header>Agency News</header>');
      await vi.waitFor(() => expect(text).toContain('<header>Agency News</header>'));
      body.push('<main>the rest</main>');
      body.push(null);
      await ended;
      expect(text).toBe(
        '<html><head></head><body><div id="root"><header>Agency News</header><main>the rest</main></div></html>',
      );
    });
  }
});

let server: FastifyInstance;
let backend: Backend;
let renders = 0;
beforeAll(async () => {
  backend = await createEmbeddedBackendFromData(sampleData);
  server = await createProductionServer({
    distDir: distFolder(),
    backend,
    serverRendering: true,
    // Counts renders, to see that a revalidation needs none.
    loadRenderer: async () => {
      const module = await import('@/server/render-page');
      return {
        ...module,
        createPageRenderer: (options) => {
          const render = module.createPageRenderer(options);
          return (page) => {
            renders++;
            return render(page);
          };
        },
      };
    },
  });
  await server.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(() => server.close());

const get = (url: string, headers: Record<string, string> = {}) => server.inject({ method: 'GET', url, headers });

describe('a rendered page over HTTP', () => {
  it('comes in document order: head, header, headlines, page state, end', async () => {
    const { port } = server.server.address() as { port: number };
    const html = await new Promise<string>((resolve, reject) => {
      request({ port, host: '127.0.0.1', path: '/', headers: { accept: 'text/html' } }, (response) => {
        expect(response.headers['transfer-encoding']).toBe('chunked');
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
        response.on('end', () => resolve(text));
      })
        .on('error', reject)
        .end();
    });
    const order = [
      '<head>',
      '<title>All news — Agency News</title>',
      '</head>',
      '<div id="root">',
      '<header',
      articlesNewestFirst[0]!.title,
      articlesNewestFirst[19]!.title,
      'id="page-state"',
      '</html>',
    ].map((part) => html.indexOf(part.replace(/&/g, '&amp;')));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('is compressed with brotli or gzip as accepted, the same page either way', async () => {
    // The page's relative times follow the minute: the three in the same one.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.parse('2026-11-28T12:00:30Z') });
    const [plain, br, gzip] = await Promise.all([
      get('/'),
      get('/', { 'accept-encoding': 'gzip, br' }),
      get('/', { 'accept-encoding': 'gzip' }),
    ]).finally(() => vi.useRealTimers());
    expect([br.headers['content-encoding'], gzip.headers['content-encoding']]).toEqual(['br', 'gzip']);
    expect(plain.headers['content-encoding']).toBeUndefined();
    // The data's fetch times differ from render to render; nothing else does.
    const same = (html: string) => html.replace(/"(?:dehydratedAt|dataUpdatedAt)":\d+/g, '');
    expect(same(brotliDecompressSync(br.rawPayload).toString('utf8'))).toBe(same(plain.body));
    expect(same(gunzipSync(gzip.rawPayload).toString('utf8'))).toBe(same(plain.body));
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3);
  });

  it('answers HEAD with the headers of the page and no body', async () => {
    const head = await server.inject({ method: 'HEAD', url: '/' });
    expect(head.statusCode).toBe(200);
    expect(head.headers['content-type']).toMatch(/^text\/html/);
    expect(head.headers.etag).toMatch(/^W\/"/);
    expect(head.body).toBe('');
    const missing = await server.inject({ method: 'HEAD', url: '/news/no-such-story-999' });
    expect(missing.statusCode).toBe(404);
    // A 304 stands for a 200: a not-found page is not revalidated.
    expect(missing.headers.etag).toBeUndefined();
  });
});

describe('revalidation', () => {
  // The page's relative times follow the minute: every request in the same one, however slow the machine.
  beforeEach(() => void vi.useFakeTimers({ toFake: ['Date'], now: Date.parse('2026-11-28T12:00:30Z') }));
  afterEach(() => void vi.useRealTimers());

  it('answers 304 without rendering while nothing the page depends on has changed', async () => {
    const first = await get('/');
    const tag = first.headers.etag as string;
    const before = renders;
    const again = await get('/', { 'if-none-match': tag });
    expect(again.statusCode).toBe(304);
    expect(again.headers).toMatchObject({ etag: tag, vary: 'Cookie, Accept-Encoding' });
    expect(again.headers['cache-control']).toMatch(/s-maxage/);
    expect(renders).toBe(before);
  });

  it('renders again for another reader’s choices, a new minute, or a new story', async () => {
    const tag = (await get('/')).headers.etag as string;
    const cookie = choicesCookie({ theme: 'dark' });
    const theirs = await get('/', { 'if-none-match': tag, cookie });
    expect(theirs.statusCode).toBe(200);
    expect(theirs.headers.etag).not.toBe(tag);

    vi.setSystemTime(Date.parse('2026-11-28T12:01:05Z'));
    const later = await get('/', { 'if-none-match': tag });
    expect(later.statusCode).toBe(200);

    const now = later.headers.etag as string;
    expect((await get('/', { 'if-none-match': now })).statusCode).toBe(304);
    const story: Article = {
      id: 'just-in-streaming',
      title: 'A story that has just come in',
      lead: 'Just in.',
      publishedAt: '2026-11-28T12:00:50Z',
      topics: [sampleData.topics[0]!.id],
      pages: [['First paragraph.']],
    };
    await backend.news.upsert({ articles: [story] });
    const changed = await get('/', { 'if-none-match': now });
    expect(changed.statusCode).toBe(200);
    expect(changed.body).toContain(story.title);
    expect(changed.headers.etag).not.toBe(now);
  });
});
