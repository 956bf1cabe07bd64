// New stories arriving while a server runs: the production server's embedded backend watches its data folder, serves
// a valid change without a restart, keeps the old data (with the start's clear message) when a change cannot be
// served, and stops watching when the server closes.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { createEmbeddedBackend, type EmbeddedBackend } from '@/backend/embedded/embedded-backend';
import type { Article } from '@/contract/news';
import { createProductionServer } from '@/server/production-server';
import { copyOfSampleData } from '../helpers/fixtures';

const SETTLE_MS = 40;
const WAIT = { timeout: 15_000, interval: 20 };

function distDir(): string {
  const dist = mkdtempSync(path.join(os.tmpdir(), 'dist-live-'));
  mkdirSync(path.join(dist, 'assets'));
  writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>app</title><div id="root"></div>');
  return dist;
}

const readArticles = (dir: string) => JSON.parse(readFileSync(path.join(dir, 'articles.json'), 'utf8')) as Article[];

function breaking(id: string, publishedAt: string, title: string): Article {
  return { id, title, lead: 'Just in.', publishedAt, topics: ['science'], pages: [['First paragraph.']] };
}

/** The articles file with one more article, written in place (truncate and write, as most programs do). */
function appendInPlace(dir: string, article: Article) {
  writeFileSync(path.join(dir, 'articles.json'), JSON.stringify([...readArticles(dir), article], null, 2));
}

/** The articles file replaced the way many editors save: a new file renamed over the old one. */
function appendByRename(dir: string, article: Article) {
  const temporary = path.join(dir, '.articles.json.swp');
  writeFileSync(temporary, JSON.stringify([...readArticles(dir), article]));
  renameSync(temporary, path.join(dir, 'articles.json'));
}

type Page = { items: { id: string; publishedAt: string }[]; nextCursor: string | null };

let server: FastifyInstance | undefined;
let backend: EmbeddedBackend | undefined;
let messages: string[] = [];
afterEach(async () => {
  await server?.close();
  await backend?.close();
  server = undefined;
  backend = undefined;
  messages = [];
});

async function startServer(dir: string) {
  const started = await createEmbeddedBackend({
    dataDir: dir,
    cacheDir: null,
    settleMs: SETTLE_MS,
    log: { info: (m) => messages.push(`info: ${m}`), error: (m) => messages.push(`error: ${m}`) },
  });
  backend = started;
  server = await createProductionServer({ distDir: distDir(), backend: started, onClose: () => started.close() });
  await server.listen({ port: 0, host: '127.0.0.1' });
  const address = server.server.address();
  if (!address || typeof address === 'string') throw new Error('the server has no port');
  const base = `http://127.0.0.1:${address.port}/api`;
  return async <T>(pathAndQuery: string) => {
    const response = await fetch(`${base}${pathAndQuery}`);
    return { status: response.status, body: (await response.json()) as T };
  };
}

/**
 * A second backend over the same folder, still watching and slower to settle than the one under test: once it has
 * read a change, a watcher that was still open would have read it too.
 */
async function watchingWitness(dir: string, settleMs: number) {
  const witness = await createEmbeddedBackend({
    dataDir: dir,
    cacheDir: null,
    settleMs,
    log: { info: () => {}, error: () => {} },
  });
  onTestFinished(() => witness.close());
  return {
    reloaded: (id: string) => vi.waitFor(async () => expect(await witness.news.article(id)).not.toBeNull(), WAIT),
  };
}

const newestFirstIds = (articles: Article[]) =>
  [...articles].sort((a, b) => Date.parse(b.publishedAt) - Date.parse(a.publishedAt)).map((a) => a.id);

describe('a server over a data folder that changes', () => {
  it('serves an article appended in place: first in the feed, in since results and in topic counts', async () => {
    const dir = copyOfSampleData();
    const get = await startServer(dir);
    const before = await get<Page>('/articles?limit=1');
    const newest = before.body.items[0]!;
    // The client's poll: the newest shown story's time minus 1 ms.
    const since = encodeURIComponent(new Date(Date.parse(newest.publishedAt) - 1).toISOString());
    expect((await get<Page>(`/articles?since=${since}`)).body.items.map((i) => i.id)).toEqual([newest.id]);

    appendInPlace(dir, breaking('walrus-census-completed', '2026-11-28T09:15:00+03:00', 'Walrus census completed'));
    await vi.waitFor(async () => {
      expect((await get<Page>('/articles?limit=1')).body.items[0]!.id).toBe('walrus-census-completed');
    }, WAIT);
    expect((await get<Page>(`/articles?since=${since}`)).body.items.map((i) => i.id)).toEqual([
      'walrus-census-completed',
      newest.id,
    ]);
    const exact = encodeURIComponent(newest.publishedAt);
    const { body } = await get<{ topics: { id: string; count: number }[] }>(`/topics?since=${exact}`);
    expect(body.topics.filter((t) => t.count > 0)).toEqual([expect.objectContaining({ id: 'science', count: 1 })]);
    expect((await get<{ title: string }>('/articles/walrus-census-completed')).body.title).toBe(
      'Walrus census completed',
    );
    expect(messages).toEqual([expect.stringMatching(/^info: .*data files reloaded \(46 articles\)$/)]);

    // Search may say it is warming up while its index is rebuilt, then finds the new story.
    await vi.waitFor(async () => {
      const search = await get<{ items: { id: string }[] }>('/search?q=walrus');
      expect(search.status).toBe(200);
      expect(search.body.items.map((i) => i.id)).toEqual(['walrus-census-completed']);
    }, WAIT);
  });

  it('serves a file an editor replaced by renaming a new one over it', async () => {
    const dir = copyOfSampleData();
    const get = await startServer(dir);
    appendByRename(dir, breaking('renamed-in-place', '2026-11-29T06:00:00Z', 'Saved by renaming'));
    await vi.waitFor(async () => {
      expect((await get<Page>('/articles?limit=1')).body.items[0]!.id).toBe('renamed-in-place');
    }, WAIT);
    // The watch survives the replacement: a second save is seen too.
    appendByRename(dir, breaking('renamed-again', '2026-11-29T07:00:00Z', 'Saved by renaming again'));
    await vi.waitFor(async () => {
      expect((await get<Page>('/articles?limit=2')).body.items.map((i) => i.id)).toEqual([
        'renamed-again',
        'renamed-in-place',
      ]);
    }, WAIT);
  });

  it('keeps serving the old data when the change cannot be served, saying what is wrong without a stack trace', async () => {
    const dir = copyOfSampleData();
    const get = await startServer(dir);
    const all = async () => {
      const { body } = await get<Page>('/articles?limit=50');
      return body.items.map((i) => i.id);
    };
    const original = readArticles(dir);
    expect(await all()).toEqual(newestFirstIds(original));

    const broken = [...original, { ...breaking('bad-topic', '2026-11-28T10:00:00Z', 'Bad'), topics: ['astrology'] }];
    writeFileSync(path.join(dir, 'articles.json'), JSON.stringify(broken));
    await vi.waitFor(() => expect(messages).toHaveLength(1), WAIT);
    expect(messages[0]).toMatch(/^error: .*previous data stays in use/);
    expect(messages[0]).toMatch(
      /articles\.json: record 45 \(id "bad-topic"\), field "topics\[0\]": unknown topic "astrology"/,
    );
    expect(messages[0]).not.toMatch(/^\s+at /m);
    expect(await all()).toEqual(newestFirstIds(original));

    writeFileSync(path.join(dir, 'articles.json'), '[{"id": "half-writ');
    await vi.waitFor(() => expect(messages).toHaveLength(2), WAIT);
    expect(messages[1]).toMatch(/articles\.json: is not valid JSON/);
    expect(await all()).toEqual(newestFirstIds(original));

    // Fixed: served again.
    writeFileSync(
      path.join(dir, 'articles.json'),
      JSON.stringify([...original, breaking('fixed', '2026-11-28T11:00:00Z', 'Fixed')]),
    );
    await vi.waitFor(async () => expect((await all())[0]).toBe('fixed'), WAIT);
  });

  it('reuses the search index when only the rates changed', async () => {
    const dir = copyOfSampleData();
    const get = await startServer(dir);
    const search = backend!.currentSearch();
    await search.ready;
    const rates = JSON.parse(readFileSync(path.join(dir, 'rates.json'), 'utf8')) as { source: string };
    writeFileSync(path.join(dir, 'rates.json'), JSON.stringify({ ...rates, source: 'Changed source' }));
    await vi.waitFor(async () => {
      expect((await get<{ source: string }>('/rates')).body.source).toBe('Changed source');
    }, WAIT);
    expect(backend!.currentSearch()).toBe(search);
    expect((await get('/search?q=government')).status).toBe(200);
  });

  it('notices the folder moved away and a new one made in its place, says so, and serves its later edits', async () => {
    const parent = mkdtempSync(path.join(os.tmpdir(), 'news-parent-'));
    const dir = path.join(parent, 'data');
    renameSync(copyOfSampleData(), dir);
    const get = await startServer(dir);
    renameSync(dir, path.join(parent, 'data-old'));
    await vi.waitFor(() => expect(messages.join('\n')).toMatch(/data folder is gone/), WAIT);
    expect((await get<Page>('/articles?limit=1')).status).toBe(200); // the data read last, meanwhile

    mkdirSync(dir);
    for (const name of ['topics.json', 'articles.json', 'rates.json'])
      cpSync(path.join(parent, 'data-old', name), path.join(dir, name));
    await vi.waitFor(() => expect(messages.join('\n')).toMatch(/data folder is back/), WAIT);
    appendInPlace(dir, breaking('after-the-move', '2026-11-29T06:00:00Z', 'Edited after the move'));
    await vi.waitFor(async () => {
      expect((await get<Page>('/articles?limit=1')).body.items[0]!.id).toBe('after-the-move');
    }, WAIT);
  });

  it('stops watching when the server closes', async () => {
    const dir = copyOfSampleData();
    await startServer(dir);
    await server!.close();
    server = undefined;
    const witness = await watchingWitness(dir, SETTLE_MS * 5);
    appendInPlace(dir, breaking('after-close', '2026-11-30T00:00:00Z', 'Too late'));
    await witness.reloaded('after-close');
    expect(messages).toEqual([]);
    expect(await backend!.news.article('after-close')).toBeNull();
  });
});
