// `npm run dev`: one Fastify with the API plugin and Vite's dev server (middleware mode) behind it. The API answers as
// in production, the page and modules come from Vite with hot reload over the same socket, every answer has the
// security headers that do not stop hot reload, an unreadable address is a 400, changed data files are served, and
// closing the server stops Vite and the data folder's watch.
import { readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import type { Logger } from 'vite';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createEmbeddedBackend, type EmbeddedBackend } from '@/backend/embedded/embedded-backend';
import type { Article } from '@/contract/news';
import { createDevServer, type DevServer } from '@/server/dev-server';
import { articlesNewestFirst, copyOfSampleData } from '../helpers/fixtures';
import { openSocket, parseRawAnswer, readUntilClosed } from './server-process';

const WAIT = { timeout: 15_000, interval: 20 };

/** Vite's logger, keeping what is said (the data folder's reloads go through it too). */
function recordingLogger(lines: string[]): Logger {
  const record = (message: string) => void lines.push(message);
  return {
    info: record,
    warn: record,
    warnOnce: record,
    error: record,
    clearScreen: () => {},
    hasErrorLogged: () => false,
    hasWarned: false,
  };
}

function appendStory(dir: string, id: string) {
  const file = path.join(dir, 'articles.json');
  const story: Article = {
    id,
    title: `Story ${id}`,
    lead: 'Just in.',
    publishedAt: '2026-11-28T09:15:00+03:00',
    topics: ['science'],
    pages: [['First paragraph.']],
  };
  writeFileSync(file, JSON.stringify([...(JSON.parse(readFileSync(file, 'utf8')) as Article[]), story]));
}

const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'x-frame-options': 'DENY',
};

describe('the dev server', { timeout: 30_000 }, () => {
  const dataDir = copyOfSampleData();
  const logged: string[] = [];
  let dev: DevServer;
  let port = 0;

  beforeAll(async () => {
    dev = await createDevServer({
      makeBackend: (log) => createEmbeddedBackend({ dataDir, cacheDir: null, settleMs: 40, log }),
      vite: { customLogger: recordingLogger(logged), server: { watch: null } },
    });
    await dev.app.listen({ port: 0, host: '127.0.0.1' });
    port = (dev.app.server.address() as { port: number }).port;
  });
  afterAll(() => dev.app.close());

  it('answers the API through the plugin, with the security headers', async () => {
    const topics = await dev.app.inject('/api/topics');
    expect(topics.statusCode).toBe(200);
    expect(topics.headers).toMatchObject({ 'cache-control': 'no-store', ...SECURITY_HEADERS });
    expect(topics.json()).toHaveProperty('topics');
    const unknown = await dev.app.inject('/api/nothing-here');
    expect([unknown.statusCode, unknown.json()]).toEqual([
      404,
      { error: { code: 'not_found', message: 'No API endpoint at /nothing-here' } },
    ]);
    expect((await dev.app.inject({ method: 'POST', url: '/api/topics' })).statusCode).toBe(405);
  });

  it('serves the page and the modules from Vite, with the security headers', async () => {
    const page = await dev.app.inject('/news/some-story');
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.body).toContain('/@vite/client');
    expect(page.headers).toMatchObject(SECURITY_HEADERS);
    const module = await dev.app.inject('/src/contract/paging.ts');
    expect(module.statusCode).toBe(200);
    expect(module.headers['content-type']).toMatch(/javascript/);
    expect(module.body).toContain('MAX_PAGE_SIZE');
  });

  it("answers the feeds and sitemaps itself (not with the page), at the request's origin", async () => {
    for (const [address, type] of [
      ['/feed.xml', 'application/rss+xml; charset=utf-8'],
      ['/sitemap.xml', 'application/xml; charset=utf-8'],
      ['/sitemap-news.xml', 'application/xml; charset=utf-8'],
      ['/robots.txt', 'text/plain; charset=utf-8'],
    ]) {
      const answer = await dev.app.inject({ url: address!, headers: { host: 'dev.example.test:5173' } });
      expect([answer.statusCode, answer.headers['content-type']], address).toEqual([200, type]);
      expect(answer.headers).toMatchObject(SECURITY_HEADERS);
      expect(answer.body).not.toContain('/@vite/client');
    }
    const feed = await dev.app.inject({ url: '/feed.xml', headers: { host: 'dev.example.test:5173' } });
    expect(feed.body).toContain('<atom:link href="http://dev.example.test:5173/feed.xml" rel="self"');
  });

  it('takes hot reload connections on its own socket', async () => {
    const status = await new Promise<number | undefined>((resolve, reject) => {
      const upgrade = request({
        port,
        host: '127.0.0.1',
        path: '/',
        headers: {
          Connection: 'Upgrade',
          Upgrade: 'websocket',
          'Sec-WebSocket-Version': '13',
          'Sec-WebSocket-Key': Buffer.from('a test key 16 by').toString('base64'),
          'Sec-WebSocket-Protocol': 'vite-hmr',
        },
      });
      upgrade.on('upgrade', (response, socket) => {
        socket.destroy();
        resolve(response.statusCode);
      });
      upgrade.on('response', (response) => resolve(response.statusCode));
      upgrade.on('error', reject);
      upgrade.end();
    });
    expect(status).toBe(101);
  });

  it('answers unreadable addresses 400 with the security headers, and keeps serving', async () => {
    const bad = await dev.app.inject('/x%ZZ.html');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: { code: 'bad_request' } });
    expect(bad.headers).toMatchObject(SECURITY_HEADERS);
    for (const target of ['http://[::1', '/news/%E0%A4%A']) {
      const socket = await openSocket(port);
      socket.write(`GET ${target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
      const answer = parseRawAnswer(await readUntilClosed(socket));
      expect(answer.status, target).toBe(400);
      expect(JSON.parse(answer.body)).toMatchObject({ error: { code: 'bad_request' } });
    }
    expect((await dev.app.inject('/api/topics')).statusCode).toBe(200);
  });

  it('serves changed data files, saying so in its log', async () => {
    appendStory(dataDir, 'seen-by-dev');
    await vi.waitFor(async () => {
      const { items } = (await dev.app.inject('/api/articles?limit=1')).json() as { items: { id: string }[] };
      expect(items[0]!.id).toBe('seen-by-dev');
    }, WAIT);
    expect(logged).toContainEqual(expect.stringMatching(/data files reloaded \(46 articles\)/));
  });
});

describe('the dev server rendering pages', { timeout: 30_000 }, () => {
  it('answers the feed with its title and headlines, rendered through Vite as `npm start` renders them', async () => {
    const dataDir = copyOfSampleData();
    const dev = await createDevServer({
      makeBackend: (log) => createEmbeddedBackend({ dataDir, cacheDir: null, watch: false, log }),
      vite: { logLevel: 'silent', server: { watch: null } },
      serverRendering: true,
    });
    try {
      await dev.app.listen({ port: 0, host: '127.0.0.1' });
      const { port } = dev.app.server.address() as { port: number };
      const response = await fetch(`http://127.0.0.1:${port}/`, { headers: { accept: 'text/html' } });
      expect(response.status).toBe(200);
      const html = await response.text();
      expect(html).toContain('<title>All news — Agency News</title>');
      for (const story of articlesNewestFirst.slice(0, 3)) expect(html).toContain(`/news/${story.id}"`);
      expect(html).toContain('id="page-state"');
      // Vite's own client still comes with the page (hot reload).
      expect(html).toContain('/@vite/client');
    } finally {
      await dev.app.close();
    }
  });
});

describe('the dev server with a data file it cannot serve', () => {
  it('does not start, naming the file, record and field', async () => {
    const dataDir = copyOfSampleData();
    writeFileSync(path.join(dataDir, 'articles.json'), '[{"id": "Bad Id!"}]');
    await expect(
      createDevServer({
        makeBackend: (log) => createEmbeddedBackend({ dataDir, cacheDir: null, watch: false, log }),
        vite: { logLevel: 'silent', server: { watch: null } },
      }),
    ).rejects.toThrow(/articles\.json: record 0 \(id "Bad Id!"\), field "id"/);
  });
});

describe('closing the dev server', () => {
  it('stops watching the data folder', async () => {
    const dataDir = copyOfSampleData();
    let backend: EmbeddedBackend | undefined;
    const dev = await createDevServer({
      makeBackend: async (log) =>
        (backend = await createEmbeddedBackend({ dataDir, cacheDir: null, settleMs: 40, log })),
      vite: { logLevel: 'silent', server: { watch: null } },
    });
    await dev.app.close();
    // A witness over the same folder, slower to settle: once it has read the change, an open watch would have too.
    const witness = await createEmbeddedBackend({ dataDir, cacheDir: null, settleMs: 200, log: recordingLogger([]) });
    appendStory(dataDir, 'after-close');
    await vi.waitFor(async () => expect(await witness.news.article('after-close')).not.toBeNull(), WAIT);
    await witness.close();
    expect(await backend!.news.article('after-close')).toBeNull();
  });
});
