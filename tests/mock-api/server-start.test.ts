// The servers' start at scale: the feed answers at once, search says it is warming up (503 + Retry-After) until
// its index is ready, and a built index is cached next to the data, keyed by the files' contents.
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync, cpSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockApi, type MockApi } from '@/mock-api/api-core';
import { mockApiMiddleware } from '@/mock-api/vite-plugin';
import { generatedDataDir } from '../helpers/generated-data';
import { mockApiHandler } from '../helpers/mock-api-handlers';
import { server } from '../helpers/msw-server';

const get = (api: MockApi, path: string, params: Record<string, string> = {}) =>
  api({ method: 'GET', path, query: new URLSearchParams(params) });

/** A private copy of a generated data set, so cache files never leak between tests. */
function copyOfData(articles = 400): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'news-start-'));
  cpSync(generatedDataDir(articles), dir, { recursive: true });
  return dir;
}

// A Node test (no jsdom setup file): the MSW server answers fetch here only while this file listens.
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

describe('starting the mock API on a data folder', { timeout: 30_000 }, () => {
  it('serves the feed at once and answers search with 503 search_warming_up and Retry-After until ready', async () => {
    const started = startMockApi(copyOfData(), { cacheDir: null });
    const warming = get(started.api, '/search', { q: 'government' });
    expect(warming.status).toBe(503);
    expect(warming.body).toMatchObject({ error: { code: 'search_warming_up', message: expect.any(String) } });
    expect(warming.headers?.['Retry-After']).toMatch(/^[1-9]\d*$/);
    expect(get(started.api, '/articles').status).toBe(200);
    expect(get(started.api, '/topics').status).toBe(200);
    expect(await started.search.ready).toBe('built');
    const ready = get(started.api, '/search', { q: 'government' });
    expect(ready.status).toBe(200);
    expect((ready.body as { total: number }).total).toBeGreaterThan(0);
  });

  it('passes Retry-After through the MSW handler and the Vite middleware', async () => {
    const started = startMockApi(copyOfData(), { cacheDir: null });
    server.use(mockApiHandler(() => started.api));
    const response = await fetch('http://localhost/api/search?q=government');
    expect(response.status).toBe(503);
    expect(response.headers.get('Retry-After')).toMatch(/^\d+$/);

    const headers: Record<string, string> = {};
    const res = { statusCode: 0, setHeader: (n: string, v: string) => (headers[n] = v), end: () => {} };
    mockApiMiddleware(started.api)({ url: '/api/search?q=government', method: 'GET' } as never, res as never, () => {});
    expect(res.statusCode).toBe(503);
    expect(headers['Retry-After']).toMatch(/^\d+$/);
    await started.search.ready;
  });

  it('reuses the cached index when the data is unchanged and rebuilds it when a file changes', async () => {
    const dir = copyOfData();
    const first = startMockApi(dir);
    expect(await first.search.ready).toBe('built');
    await first.search.cached;
    const cacheFiles = readdirSync(path.join(dir, '.cache'));
    expect(cacheFiles).toHaveLength(1);

    const second = startMockApi(dir);
    expect(await second.search.ready).toBe('cache');
    for (const q of ['government', 'sao paulo', 's', 'goverment']) {
      expect(get(second.api, '/search', { q, limit: '50' })).toEqual(get(first.api, '/search', { q, limit: '50' }));
    }

    const file = path.join(dir, 'articles.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"title":"', '"title":"Walrus '));
    const changed = startMockApi(dir);
    expect(await changed.search.ready).toBe('built');
    expect((get(changed.api, '/search', { q: 'walrus' }).body as { total: number }).total).toBe(1);
    await changed.search.cached;
    expect(readdirSync(path.join(dir, '.cache'))).not.toEqual(cacheFiles); // the old index is replaced
    expect(readdirSync(path.join(dir, '.cache'))).toHaveLength(1);
  });

  it('never trusts a damaged cache: says so, rebuilds it and finds what the first index found', async () => {
    const dir = copyOfData();
    const first = startMockApi(dir);
    await first.search.ready;
    await first.search.cached;
    const [cacheFile] = readdirSync(path.join(dir, '.cache'));
    const file = path.join(dir, '.cache', cacheFile!);
    const bytes = readFileSync(file);
    bytes.fill(0xff, bytes.length - 4096, bytes.length - 64); // the end of the arrays, as in the report
    writeFileSync(file, bytes);
    const errors: string[] = [];
    const second = startMockApi(dir, { log: { error: (message) => errors.push(message) } });
    expect(await second.search.ready).toBe('built');
    expect(errors).toEqual([expect.stringMatching(/search index cache is damaged \(its checksum does not match/)]);
    for (const q of ['government', 'bank', 'harbour works']) {
      expect(get(second.api, '/search', { q, limit: '50' })).toEqual(get(first.api, '/search', { q, limit: '50' }));
    }
    await second.search.cached;
    const third = startMockApi(dir, { log: { error: (message) => errors.push(message) } });
    expect(await third.search.ready).toBe('cache'); // the rebuilt index replaced the damaged one
    expect(errors).toHaveLength(1);
  });

  it('gives up a build when stopped (its data replaced), caching nothing', async () => {
    const dir = copyOfData();
    const started = startMockApi(dir);
    started.search.stop();
    expect(await started.search.ready).toBe('stopped');
    await started.search.cached;
    expect(existsSync(path.join(dir, '.cache'))).toBe(false);
    expect(get(started.api, '/search', { q: 'government' }).status).not.toBe(200);
  });

  it('runs without a cache when the cache folder cannot be made', async () => {
    const dir = copyOfData();
    const started = startMockApi(dir, { cacheDir: path.join(dir, 'topics.json', 'cache') });
    expect(await started.search.ready).toBe('built');
    await started.search.cached;
    expect(get(started.api, '/search', { q: 'government' }).status).toBe(200);
    expect(existsSync(path.join(dir, '.cache'))).toBe(false);
  });
});
