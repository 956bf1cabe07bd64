// The embedded backend's start at scale: the feed answers at once, search says it is warming up (503 + Retry-After)
// until its index is ready, and a built index is cached next to the data, keyed by the files' contents.
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createEmbeddedBackend, type EmbeddedBackendOptions } from '@/backend/embedded/embedded-backend';
import { apiHandler } from '../../helpers/api-handler';
import { generatedDataDir } from '../../helpers/generated-data';
import { server } from '../../helpers/msw-server';
import { testApiOver, type TestApi } from '../../helpers/test-api';

/** A private copy of a generated data set, so cache files never leak between tests. */
function copyOfData(articles = 400): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'news-start-'));
  cpSync(generatedDataDir(articles), dir, { recursive: true });
  return dir;
}

const opened: TestApi[] = [];
async function open(dataDir: string, options: Partial<EmbeddedBackendOptions> = {}) {
  const api = await testApiOver(await createEmbeddedBackend({ dataDir, watch: false, ...options }));
  opened.push(api);
  return api;
}
afterEach(async () => {
  for (const api of opened.splice(0)) await api.backend.close();
});

const searchOf = async (api: TestApi, q: string) => (await api.get('/search', { q, limit: '50' })).body;

// A Node test (no jsdom setup file): the MSW server answers fetch here only while this file listens.
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

describe('the embedded backend on a data folder', { timeout: 30_000 }, () => {
  it('serves the feed at once and answers search with 503 search_warming_up and Retry-After until ready', async () => {
    const api = await open(copyOfData(), { cacheDir: null });
    const warming = await api.get('/search', { q: 'government' });
    expect(warming.status).toBe(503);
    expect(warming.body).toEqual({ error: { code: 'search_warming_up', message: expect.any(String) } });
    expect(warming.headers['retry-after']).toMatch(/^[1-9]\d*$/);
    expect(warming.headers['cache-control']).toBe('no-store');
    expect((await api.get('/articles')).status).toBe(200);
    expect((await api.get('/topics')).status).toBe(200);
    expect(await api.backend.currentSearch().ready).toBe('built');
    const ready = await api.get('/search', { q: 'government' });
    expect(ready.status).toBe(200);
    expect((ready.body as { total: number }).total).toBeGreaterThan(0);
  });

  it('passes Retry-After through the MSW handler the jsdom tests use', async () => {
    const api = await open(copyOfData(), { cacheDir: null });
    server.use(apiHandler(() => api));
    const response = await fetch('http://localhost/api/search?q=government');
    expect(response.status).toBe(503);
    expect(response.headers.get('Retry-After')).toMatch(/^\d+$/);
    expect(await response.json()).toMatchObject({ error: { code: 'search_warming_up' } });
    await api.backend.currentSearch().ready;
  });

  it('reuses the cached index when the data is unchanged and rebuilds it when a file changes', async () => {
    const dir = copyOfData();
    const first = await open(dir);
    expect(await first.backend.currentSearch().ready).toBe('built');
    await first.backend.currentSearch().cached;
    const cacheFiles = readdirSync(path.join(dir, '.cache'));
    expect(cacheFiles).toHaveLength(1);

    const second = await open(dir);
    expect(await second.backend.currentSearch().ready).toBe('cache');
    for (const q of ['government', 'sao paulo', 's', 'goverment']) {
      expect(await searchOf(second, q)).toEqual(await searchOf(first, q));
    }

    const file = path.join(dir, 'articles.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"title":"', '"title":"Walrus '));
    const changed = await open(dir);
    expect(await changed.backend.currentSearch().ready).toBe('built');
    expect((await searchOf(changed, 'walrus')) as { total: number }).toMatchObject({ total: 1 });
    await changed.backend.currentSearch().cached;
    expect(readdirSync(path.join(dir, '.cache'))).not.toEqual(cacheFiles); // the old index is replaced
    expect(readdirSync(path.join(dir, '.cache'))).toHaveLength(1);
  });

  it('never trusts a damaged cache: says so, rebuilds it and finds what the first index found', async () => {
    const dir = copyOfData();
    const first = await open(dir);
    await first.backend.currentSearch().ready;
    await first.backend.currentSearch().cached;
    const [cacheFile] = readdirSync(path.join(dir, '.cache'));
    const file = path.join(dir, '.cache', cacheFile!);
    const bytes = readFileSync(file);
    bytes.fill(0xff, bytes.length - 4096, bytes.length - 64); // the end of the arrays, as in the report
    writeFileSync(file, bytes);
    const errors: string[] = [];
    const log = { info: () => {}, error: (message: string) => errors.push(message) };
    const second = await open(dir, { log });
    expect(await second.backend.currentSearch().ready).toBe('built');
    expect(errors).toEqual([expect.stringMatching(/search index cache is damaged \(its checksum does not match/)]);
    for (const q of ['government', 'bank', 'harbour works']) {
      expect(await searchOf(second, q)).toEqual(await searchOf(first, q));
    }
    await second.backend.currentSearch().cached;
    const third = await open(dir, { log });
    expect(await third.backend.currentSearch().ready).toBe('cache'); // the rebuilt index replaced the damaged one
    expect(errors).toHaveLength(1);
  });

  it('gives up a build when closed, caching nothing', async () => {
    const dir = copyOfData();
    const api = await open(dir);
    await api.backend.close();
    expect(await api.backend.currentSearch().ready).toBe('stopped');
    await api.backend.currentSearch().cached;
    expect(existsSync(path.join(dir, '.cache'))).toBe(false);
    expect((await api.get('/search', { q: 'government' })).status).toBe(503);
  });

  it('runs without a cache when the cache folder cannot be made', async () => {
    const dir = copyOfData();
    const api = await open(dir, { cacheDir: path.join(dir, 'topics.json', 'cache') });
    expect(await api.backend.currentSearch().ready).toBe('built');
    await api.backend.currentSearch().cached;
    expect((await api.get('/search', { q: 'government' })).status).toBe(200);
    expect(existsSync(path.join(dir, '.cache'))).toBe(false);
  });
});
