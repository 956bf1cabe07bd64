import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import * as v from 'valibot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmbeddedBackendFromData } from '@/backend/embedded/embedded-backend';
import { articleSchema, articleSummarySchema, topicsResponseSchema } from '@/contract/news';
import { rateHistoryResponseSchema, ratesResponseSchema } from '@/contract/rates';
import { searchResultSchema } from '@/contract/search';
import { createProductionServer } from '@/server/production-server';
import { sampleData } from '../helpers/fixtures';

const errorShape = v.object({ error: v.object({ code: v.pipe(v.string(), v.minLength(1)), message: v.string() }) });
const page = v.object({ items: v.array(articleSummarySchema), nextCursor: v.nullable(v.string()) });
const searchPage = v.object({
  items: v.array(searchResultSchema),
  total: v.number(),
  nextCursor: v.nullable(v.string()),
  suggestion: v.optional(v.nullable(v.string())),
});
/** The documented answer of each endpoint when it succeeds. */
function successShape(pathname: string): v.GenericSchema | null {
  if (pathname === '/api/topics') return topicsResponseSchema;
  if (pathname === '/api/articles') return page;
  if (/^\/api\/articles\/[^/]+$/.test(pathname)) return articleSchema;
  if (pathname === '/api/search') return searchPage;
  if (pathname === '/api/rates') return ratesResponseSchema;
  if (pathname === '/api/rates/history') return rateHistoryResponseSchema;
  return null;
}

const ENDPOINTS = ['/api/topics', '/api/articles', '/api/search', '/api/rates', '/api/rates/history'];

let server: FastifyInstance;
beforeAll(async () => {
  const dist = mkdtempSync(path.join(os.tmpdir(), 'dist-'));
  mkdirSync(path.join(dist, 'assets'));
  writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>app</title><div id="root"></div>');
  writeFileSync(path.join(dist, 'assets', 'app-abc123.js'), 'console.log(1);');
  server = await createProductionServer({ distDir: dist, backend: await createEmbeddedBackendFromData(sampleData) });
});
afterAll(() => server.close());

describe('the production server under hostile input', () => {
  it('never answers 5xx, and always in a documented shape, whatever the method, path and query', async () => {
    const segment = fc.oneof(
      fc.constantFrom('api', 'articles', 'search', 'topics', 'rates', 'history', 'assets', 'news', '..', '%2e%2e'),
      fc.stringMatching(/^[\w%.~-]{0,12}$/),
      fc.string({ unit: 'grapheme', maxLength: 8 }).map(encodeURIComponent),
    );
    const key = fc.constantFrom(
      'q',
      'topics',
      'exclude',
      'since',
      'limit',
      'cursor',
      'from',
      'to',
      'sort',
      'date',
      'code',
      'x',
    );
    const value = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 30 }),
      fc.constantFrom(
        '',
        ',,,',
        '20',
        '0',
        '-1',
        '51',
        'abc',
        'newest',
        '2026-02-30',
        '2026-11-20',
        '2026-11-20T10:00:00+03:00',
        '2026-11-20T10:00:00.999Z',
        'world,no-such-topic',
        'USD',
        'a'.repeat(300),
      ),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'),
        fc.oneof(
          { weight: 3, arbitrary: fc.constantFrom(...ENDPOINTS).map((e) => e.split('/').slice(1)) },
          { weight: 1, arbitrary: fc.tuple(fc.constant('api/articles'), segment) },
          { weight: 2, arbitrary: fc.array(segment, { minLength: 0, maxLength: 4 }) },
        ),
        fc.array(fc.tuple(key, value), { maxLength: 5 }),
        async (method, segments: string[], pairs) => {
          const query = new URLSearchParams(pairs).toString();
          const url = `/${segments.join('/')}${query ? `?${query}` : ''}`;
          const response = await server.inject({ method: method as 'GET', url });
          expect(response.statusCode, `${method} ${url}`).toBeLessThan(500);
          if (method === 'HEAD' || response.statusCode === 204) return;
          const type = String(response.headers['content-type'] ?? '');
          if (type.startsWith('text/html')) {
            expect(response.statusCode, `${method} ${url}`).toBe(200); // a page of the app
            return;
          }
          if (!type.startsWith('application/json')) return; // a static file
          const body = response.json() as unknown;
          // As the server sees the address: dot segments resolved ("/api/articles/." is /api/articles/), and the API
          // ignores a trailing slash.
          const pathname = new URL(`http://localhost${url}`).pathname.replace(/(.)\/+$/, '$1');
          const shape = response.statusCode === 200 ? successShape(pathname) : errorShape;
          expect(shape, `${method} ${url} answered ${response.statusCode}`).not.toBeNull();
          expect(v.safeParse(shape!, body).success, `${method} ${url}: ${response.body.slice(0, 200)}`).toBe(true);
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('refuses repeated parameters, treats "topics=,,," as every topic and caps what it was asked', async () => {
    const repeated = await server.inject('/api/articles?limit=2&limit=abc');
    expect(repeated.statusCode).toBe(400);
    expect(repeated.json()).toMatchObject({ error: { code: 'repeated_parameter' } });
    const commas = await server.inject('/api/articles?topics=,,,&limit=3');
    expect(commas.statusCode).toBe(200);
    expect((commas.json() as { items: unknown[] }).items).toHaveLength(3);
  });
});

describe('the query string (issue 18)', () => {
  it('reads the whole query: a "?" after the first is part of a value', async () => {
    const one = await server.inject('/api/articles?x=?&limit=1');
    expect((one.json() as { items: unknown[] }).items).toHaveLength(1);
    const repeated = await server.inject('/api/articles?limit=1&x=?&limit=2');
    expect(repeated.json()).toMatchObject({ error: { code: 'repeated_parameter' } });
    const sort = await server.inject('/api/search?q=why?&sort=bogus');
    expect(sort.statusCode).toBe(400);
    expect(sort.json()).toMatchObject({ error: { code: 'bad_sort' } });
  });
});

describe('error shapes and headers (issue 18)', () => {
  it('answers a failure 500 with a request id of its own, unique across requests', async () => {
    const backend = await createEmbeddedBackendFromData(sampleData);
    const dist = mkdtempSync(path.join(os.tmpdir(), 'dist-'));
    writeFileSync(path.join(dist, 'index.html'), '<!doctype html>');
    const app = await createProductionServer({
      distDir: dist,
      backend: { ...backend, news: { ...backend.news, topics: () => Promise.reject(new Error('no disk')) } },
    });
    const ids: (string | undefined)[] = [];
    for (let i = 0; i < 2; i++) {
      const response = await app.inject('/api/topics');
      expect(response.statusCode).toBe(500);
      const { error } = response.json() as { error: { code: string; message: string } };
      expect(error.code).toBe('internal');
      ids.push(/^Something went wrong \(request ([\w-]{12})\)$/.exec(error.message)?.[1]);
    }
    expect(ids[0]).toBeDefined();
    expect(ids[0]).not.toBe(ids[1]);
    await app.close();
  });

  it("answers a body sent to the API in the error shape, never with Fastify's own", async () => {
    for (const method of ['GET', 'POST', 'DELETE'] as const) {
      const response = await server.inject({
        method,
        url: '/api/articles',
        payload: '<x/>',
        headers: { 'content-type': 'application/xml' },
      });
      expect(response.statusCode, method).toBe(method === 'GET' ? 413 : 405);
      expect(v.safeParse(errorShape, response.json()).success, response.body).toBe(true);
      expect(response.headers.connection).toBe('close');
    }
  });

  it('ignores a malformed Range and a Range made conditional by a weak tag, and answers 416 in the error shape', async () => {
    const file = '/assets/app-abc123.js';
    for (const range of ['bytes=abc', 'bytes=1-2-3', 'chars=0-1']) {
      const response = await server.inject({ url: file, headers: { range } });
      expect(response.statusCode, range).toBe(200);
      expect(response.body).toBe('console.log(1);');
    }
    const partial = await server.inject({ url: file, headers: { range: 'bytes=0-6' } });
    expect([partial.statusCode, partial.body]).toEqual([206, 'console']);
    const etag = String(partial.headers.etag);
    const conditional = await server.inject({ url: file, headers: { range: 'bytes=0-6', 'if-range': etag } });
    expect(conditional.statusCode).toBe(200);
    const unsatisfiable = await server.inject({ url: file, headers: { range: 'bytes=9999-' } });
    expect(unsatisfiable.statusCode).toBe(416);
    expect(unsatisfiable.json()).toMatchObject({ error: { code: 'range_not_satisfiable' } });
  });

  it('sends the security headers on an address that cannot be decoded, and Permissions-Policy everywhere', async () => {
    for (const url of ['/x%ZZ.html', '/', '/api/topics', '/assets/app-abc123.js']) {
      const response = await server.inject(url);
      expect(response.headers['content-security-policy'], url).toContain("default-src 'self'");
      expect(response.headers['x-content-type-options'], url).toBe('nosniff');
      expect(response.headers['x-frame-options'], url).toBe('DENY');
      expect(response.headers['permissions-policy'], url).toContain('geolocation=()');
      expect(response.headers['strict-transport-security'], url).toBeUndefined();
    }
  });

  it('tags the page fallback so a revalidation costs a 304', async () => {
    const first = await server.inject('/feed/somewhere');
    expect(first.headers.etag).toMatch(/^W\/".+"$/);
    const again = await server.inject({ url: '/', headers: { 'if-none-match': String(first.headers.etag) } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
  });
});

describe('a production server for an API elsewhere', () => {
  it('serves the app only: /api is a 404 that says so, and the API origin is allowed to connect and serve photos (its image proxy)', async () => {
    const dist = mkdtempSync(path.join(os.tmpdir(), 'dist-'));
    writeFileSync(path.join(dist, 'index.html'), '<!doctype html>');
    const app = await createProductionServer({ distDir: dist, backend: null, apiOrigin: 'https://api.example' });
    for (const url of ['/api', '/api/topics', '/api/articles/x']) {
      const response = await app.inject(url);
      expect(response.statusCode, url).toBe(404);
      expect(response.json()).toEqual({ error: { code: 'not_found', message: 'This server does not answer the API' } });
    }
    const page = await app.inject('/news/a-story');
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-security-policy']).toContain("connect-src 'self' https://api.example");
    expect(page.headers['content-security-policy']).toContain("img-src 'self' data: https://api.example");
    await app.close();
  });
});
