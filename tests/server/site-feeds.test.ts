// The feeds and sitemaps as the production server serves them (site-feeds-plugin.ts registered beside the API):
// never the app's page, with the security headers and compression, at PUBLIC_URL's origin when it is set, else at
// the request's own (a proxy's X-Forwarded-* believed only under TRUST_PROXY), and PUBLIC_URL checked at start.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmbeddedBackendFromData } from '@/backend/embedded/embedded-backend';
import { createProductionServer, type ServerOptions } from '@/server/production-server';
import { publicUrlFromEnv } from '@/server/public-origin';
import { sampleData } from '../helpers/fixtures';
import { parseXml, textsOf } from '../helpers/xml';

const APP_PAGE = '<!doctype html><title>app</title><div id="root"></div>';
const ADDRESSES = ['/feed.xml', '/sitemap.xml', '/sitemaps/pages.xml', '/sitemaps/articles-1.xml', '/sitemap-news.xml'];

async function serverWith(options: Partial<ServerOptions> = {}): Promise<FastifyInstance> {
  const distDir = mkdtempSync(path.join(os.tmpdir(), 'dist-'));
  writeFileSync(path.join(distDir, 'index.html'), APP_PAGE);
  return createProductionServer({ distDir, backend: await createEmbeddedBackendFromData(sampleData), ...options });
}

/** The origin the feed's self link names, for a request with `headers`. */
async function feedOrigin(server: FastifyInstance, headers: Record<string, string>): Promise<string> {
  const answer = await server.inject({ url: '/feed.xml', headers });
  const self = parseXml(answer.body).getElementsByTagName('atom:link')[0]!.getAttribute('href')!;
  return self.replace(/\/feed\.xml$/, '');
}

describe('the feeds and sitemaps on the production server', () => {
  let server: FastifyInstance;
  beforeAll(async () => {
    server = await serverWith();
  });
  afterAll(() => server.close());

  it('answers each address itself, never with the app, with the security headers', async () => {
    for (const address of [...ADDRESSES, '/robots.txt']) {
      const answer = await server.inject(address);
      expect(answer.statusCode, address).toBe(200);
      expect(answer.body, address).not.toContain('<div id="root">');
      expect(answer.headers['content-security-policy'], address).toContain("default-src 'self'");
      expect(answer.headers['x-content-type-options'], address).toBe('nosniff');
      expect(answer.headers['cache-control'], address).toMatch(/^public, max-age=\d+$/);
    }
    const head = await server.inject({ method: 'HEAD', url: '/feed.xml' });
    expect([head.statusCode, head.headers['content-type'], head.body]).toEqual([
      200,
      'application/rss+xml; charset=utf-8',
      '',
    ]);
    const missing = await server.inject('/sitemaps/articles-9.xml');
    expect([missing.statusCode, missing.json()]).toEqual([
      404,
      { error: { code: 'not_found', message: 'No sitemap at /sitemaps/articles-9.xml' } },
    ]);
    expect((await server.inject({ method: 'POST', url: '/feed.xml' })).statusCode).toBe(405);
  });

  it('compresses the documents for clients that accept it', async () => {
    const answer = await server.inject({ url: '/feed.xml', headers: { 'accept-encoding': 'gzip' } });
    expect(answer.headers['content-encoding']).toBe('gzip');
  });

  it("writes addresses at the request's host, believing X-Forwarded-* only from a trusted proxy", async () => {
    expect(await feedOrigin(server, { host: 'reader.example.org:8080' })).toBe('http://reader.example.org:8080');
    const forwarded = { host: 'internal:4173', 'x-forwarded-proto': 'https', 'x-forwarded-host': 'news.example.org' };
    expect(await feedOrigin(server, forwarded)).toBe('http://internal:4173');
    const behindProxy = await serverWith({ trustProxy: true });
    try {
      expect(await feedOrigin(behindProxy, forwarded)).toBe('https://news.example.org');
    } finally {
      await behindProxy.close();
    }
    const hostile = await server.inject({ url: '/robots.txt', headers: { host: 'evil.example/<script>' } });
    expect([hostile.statusCode, hostile.json()]).toMatchObject([400, { error: { code: 'bad_host' } }]);
  });

  it('writes every address at PUBLIC_URL when it is set, whatever the Host', async () => {
    const configured = await serverWith({ publicUrl: 'https://news.example.com' });
    try {
      expect(await feedOrigin(configured, { host: 'reader.example.org' })).toBe('https://news.example.com');
      const index = await configured.inject({ url: '/sitemap.xml', headers: { host: 'evil.example/<script>' } });
      expect(textsOf(parseXml(index.body), 'loc')[0]).toBe('https://news.example.com/sitemaps/pages.xml');
      const robots = await configured.inject('/robots.txt');
      expect(robots.body).toContain('Sitemap: https://news.example.com/sitemap.xml\n');
    } finally {
      await configured.close();
    }
  });
});

describe('PUBLIC_URL', () => {
  it.each([
    ['https://news.example.com', 'https://news.example.com'],
    ['https://news.example.com/', 'https://news.example.com'],
    ['http://localhost:4173', 'http://localhost:4173'],
    [' https://News.Example.com:443/ ', 'https://news.example.com'],
  ])('%s is the origin %s', (raw, origin) => {
    expect(publicUrlFromEnv(raw)).toBe(origin);
  });

  it.each([undefined, '', '  '])('unset (%j) means the request decides', (raw) => {
    expect(publicUrlFromEnv(raw)).toBeNull();
  });

  it.each([
    'news.example.com',
    'ftp://news.example.com',
    'https://news.example.com/agency',
    'https://news.example.com/?edition=en',
    'https://news.example.com/#top',
    'https://editor:secret@news.example.com',
  ])('%s is refused, saying what is expected', (raw) => {
    expect(() => publicUrlFromEnv(raw)).toThrow(/^PUBLIC_URL must be an http\(s\) origin/);
  });
});
