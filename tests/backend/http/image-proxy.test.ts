// The image proxy's answers (src/backend/http/image-proxy.ts), through the API plugin, with the server's own
// fetcher against a photo host on 127.0.0.1: the photo relayed with a long cache life and an entity tag, and a clear
// error for a path it did not sign, a host that sends no raster image, a photo over the cap and a host that fails.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmbeddedBackendFromData } from '@/backend/embedded/embedded-backend';
import type { Article } from '@/contract/news';
import { imageFetcher } from '@/server/image-fetch';
import { sampleData } from '../../helpers/fixtures';
import { testApiOver, type TestApi } from '../../helpers/test-api';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const MAX_BYTES = 1000;

/** What the photo host answers at each path: status, type, body. */
const ROUTES: Record<string, [number, string, Buffer]> = {
  '/photo.png': [200, 'image/png', PNG],
  '/page.html': [200, 'text/html; charset=utf-8', Buffer.from('<!doctype html><p>Not a photo</p>')],
  '/drawing.svg': [200, 'image/svg+xml', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>')],
  '/huge.jpg': [200, 'image/jpeg', Buffer.alloc(MAX_BYTES + 500, 1)],
  '/gone.jpg': [404, 'text/plain', Buffer.from('Not found')],
};

let host: Server;
let hostUrl = '';
let closedUrl = '';
let api: TestApi;

/** A story whose photo is at `path` on the host. */
const storyWithPhoto = (path: string, n: number): Article => ({
  id: `photo-story-${n}`,
  title: `Photo story ${n}`,
  lead: '',
  publishedAt: `2026-11-28T0${n}:00:00+03:00`,
  topics: ['world'],
  pages: [['Text.']],
  image: { url: `${path.startsWith('http') ? '' : hostUrl}${path}` },
});

beforeAll(async () => {
  host = createServer((request, response) => {
    const [status, type, body] = ROUTES[request.url ?? ''] ?? [404, 'text/plain', Buffer.from('?')];
    response.writeHead(status, { 'Content-Type': type, 'Content-Length': body.length }).end(body);
  });
  await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
  hostUrl = `http://127.0.0.1:${(host.address() as AddressInfo).port}`;
  // A port nothing listens on: a host that does not answer.
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  closedUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/photo.png`;
  await new Promise((resolve) => closed.close(resolve));

  const paths = [...Object.keys(ROUTES), closedUrl];
  const articles = [...sampleData.articles, ...paths.map((path, i) => storyWithPhoto(path, i + 1))];
  const backend = await createEmbeddedBackendFromData({ ...sampleData, articles });
  const key = Buffer.from('the image proxy key of this test, long enough');
  api = await testApiOver(backend, {
    images: { key, fetchImage: imageFetcher({ allowPrivate: true }), maxBytes: MAX_BYTES },
  });
});

afterAll(async () => {
  await api?.app.close();
  await api?.backend.close();
  await new Promise((resolve) => host?.close(resolve));
});

/** The proxy path the API gives the photo at `url`. */
async function srcOf(url: string): Promise<string> {
  const { items } = (await api.get('/articles?limit=50')).body as { items: Article[] };
  const src = items.find((item) => item.image?.url === url)?.image?.src;
  if (!src) throw new Error(`no story with the photo ${url}`);
  return src;
}

const fetchSrc = (src: string, headers: Record<string, string> = {}) => api.app.inject({ url: src, headers });

describe('the image proxy', () => {
  it('relays a photo with its type, a long cache life and an entity tag; the tag revalidates to a 304', async () => {
    const src = await srcOf(`${hostUrl}/photo.png`);
    const answer = await fetchSrc(src);
    expect(answer.statusCode).toBe(200);
    expect(answer.rawPayload).toEqual(PNG);
    expect(answer.headers['content-type']).toBe('image/png');
    expect(answer.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
    const etag = String(answer.headers.etag);
    expect(etag).toMatch(/^"[\w-]+"$/);

    const again = await fetchSrc(src, { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    expect(again.headers.etag).toBe(etag);
  });

  it('refuses a path it did not sign: 403 bad_signature, never fetched', async () => {
    const src = await srcOf(`${hostUrl}/photo.png`);
    const [, , , signature, address] = src.split('/');
    const elsewhere = Buffer.from('http://169.254.169.254/latest/meta-data/').toString('base64url');
    const flipped = `${signature![0] === 'A' ? 'B' : 'A'}${signature!.slice(1)}`;
    for (const forged of [
      `/api/images/${signature}/${elsewhere}`,
      `/api/images/${flipped}/${address}`,
      `/api/images/${signature!.slice(0, 20)}/${address}`,
      `/api/images/not*base64/${address}`,
    ]) {
      const answer = await fetchSrc(forged);
      expect(answer.statusCode, forged).toBe(403);
      expect(answer.json()).toEqual({
        error: { code: 'bad_signature', message: 'This photo address is not one this server gave out' },
      });
      expect(answer.headers['cache-control']).toBe('no-store');
    }
  });

  it.each([
    ['an HTML page', '/page.html', 'text/html'],
    ['an SVG drawing', '/drawing.svg', 'image/svg+xml'],
  ])('refuses %s: 502 not_an_image', async (_what, path, type) => {
    const answer = await fetchSrc(await srcOf(`${hostUrl}${path}`));
    expect(answer.statusCode).toBe(502);
    expect(answer.json()).toEqual({
      error: { code: 'not_an_image', message: `The photo's host sent ${type}, not a raster image` },
    });
    expect(answer.headers['cache-control']).toBe('no-store');
  });

  it('refuses a photo over the size cap: 502 image_too_large', async () => {
    const answer = await fetchSrc(await srcOf(`${hostUrl}/huge.jpg`));
    expect(answer.statusCode).toBe(502);
    expect(answer.json()).toEqual({
      error: { code: 'image_too_large', message: `The photo is larger than ${MAX_BYTES} bytes` },
    });
  });

  it('answers a host that fails 502 image_unavailable, saying how', async () => {
    const missing = await fetchSrc(await srcOf(`${hostUrl}/gone.jpg`));
    expect(missing.statusCode).toBe(502);
    expect(missing.json()).toEqual({
      error: { code: 'image_unavailable', message: 'The photo could not be fetched: its host answered 404' },
    });
    const down = await fetchSrc(await srcOf(closedUrl));
    expect(down.statusCode).toBe(502);
    expect(down.json()).toEqual({
      error: { code: 'image_unavailable', message: 'The photo could not be fetched: its host did not answer' },
    });
    expect(down.headers['cache-control']).toBe('no-store');
  });

  it('without a proxy, photos go out without src and /api/images/ is not an endpoint', async () => {
    const src = await srcOf(`${hostUrl}/photo.png`);
    const plain = await testApiOver(api.backend);
    try {
      const { items } = (await plain.get('/articles?limit=50')).body as { items: Article[] };
      const photo = items.find((item) => item.image?.url === `${hostUrl}/photo.png`)?.image;
      expect(photo).toEqual({ url: `${hostUrl}/photo.png` });
      expect((await plain.app.inject(src)).statusCode).toBe(404);
    } finally {
      await plain.app.close();
    }
  });
});
