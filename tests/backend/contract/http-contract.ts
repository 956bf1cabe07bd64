// The rules every endpoint follows (README: "API contract"), whatever backend answers: read-only methods, 404 for
// what is not an endpoint, repeated parameters refused, the whole query read, nothing cached.
import { describe, expect, it } from 'vitest';
import { sampleData } from '../../helpers/fixtures';
import { sharedApi, type BackendFactory } from './contract-api';

const ENDPOINTS = [
  '/topics',
  '/articles',
  `/articles/${sampleData.articles[0]!.id}`,
  `/articles/${sampleData.articles[0]!.id}/neighbours`,
  '/search?q=grain',
  '/rates',
  '/rates/history?code=USD',
];

export function describeHttpContract(make: BackendFactory): void {
  describe('HTTP rules of every endpoint', () => {
    const api = sharedApi(make, () => sampleData);

    it.each(ENDPOINTS)('%s: GET answers, HEAD answers the same without a body, never cached', async (url) => {
      const get = await api().get(url);
      expect(get.status).toBe(200);
      expect(get.headers['content-type']).toMatch(/^application\/json/);
      expect(get.headers['cache-control']).toBe('no-store');
      const head = await api().request({ method: 'HEAD', url });
      expect([head.status, head.body, head.headers['cache-control']]).toEqual([200, null, 'no-store']);
    });

    it.each(ENDPOINTS)('%s: OPTIONS says what is allowed, other methods are a 405', async (url) => {
      const options = await api().request({ method: 'OPTIONS', url });
      expect([options.status, options.body, options.headers.allow]).toEqual([204, null, 'GET, HEAD, OPTIONS']);
      for (const method of ['POST', 'PUT', 'PATCH', 'DELETE'] as const) {
        const refused = await api().request({ method, url });
        expect(refused.status, method).toBe(405);
        expect(refused.headers.allow).toBe('GET, HEAD, OPTIONS');
        expect(refused.headers['cache-control']).toBe('no-store');
        expect(refused.body).toMatchObject({
          error: { code: 'method_not_allowed', message: expect.stringMatching(new RegExp(`^${method} .*read-only`)) },
        });
      }
    });

    it('answers 404 not_found for what is not an endpoint, whatever the method', async () => {
      for (const url of ['', '/', '/nothing-here', '/articles/x/y/z', '/rates/history/more']) {
        for (const method of ['GET', 'POST', 'OPTIONS'] as const) {
          const answer = await api().request({ method, url });
          expect(answer.status, `${method} ${url}`).toBe(404);
          expect(answer.body).toMatchObject({ error: { code: 'not_found' } });
          expect(answer.headers['cache-control']).toBe('no-store');
        }
      }
    });

    it('ignores a trailing slash', async () => {
      expect((await api().get('/topics/')).body).toEqual((await api().get('/topics')).body);
      expect((await api().get('/articles/?limit=2')).body).toEqual((await api().get('/articles?limit=2')).body);
    });

    it.each([
      ['/articles?limit=2&limit=abc', 'limit'],
      ['/articles?since=2026-11-20T00:00:00Z&since=2026-11-21T00:00:00Z', 'since'],
      ['/articles?exclude=world&exclude=sports', 'exclude'],
      ['/search?q=grain&q=satellite', 'q'],
      [`/articles/${sampleData.articles[0]!.id}?x=1&x=2`, 'x'],
    ])('%s is a 400 repeated_parameter naming it', async (url, name) => {
      const { status, body } = await api().get(url);
      expect(status).toBe(400);
      expect(body).toEqual({
        error: { code: 'repeated_parameter', message: `${name} is given more than once; give it once` },
      });
    });

    it('reads the whole query: a "?" after the first is part of a value; unknown parameters are ignored', async () => {
      expect(((await api().get('/articles?x=?&limit=1')).body as { items: unknown[] }).items).toHaveLength(1);
      expect((await api().get('/articles?limit=1&x=?&limit=2')).body).toMatchObject({
        error: { code: 'repeated_parameter' },
      });
      expect((await api().get('/search?q=why?&sort=bogus')).body).toMatchObject({ error: { code: 'bad_sort' } });
    });
  });
}
