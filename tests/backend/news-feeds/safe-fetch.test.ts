// The server's fetcher against local servers: what it refuses (other schemes, private addresses by name or number,
// redirects to them), what it sends and returns, its limits (size, time, redirects) and one request per host.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { BROWSER_USER_AGENT, safeFetch, SafeFetchError } from '@/backend/news-feeds/safe-fetch';

type Handler = (request: http.IncomingMessage, response: http.ServerResponse) => void;
const servers: http.Server[] = [];

async function serve(handler: Handler, host = '127.0.0.1'): Promise<string> {
  const server = http.createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  return `http://${host}:${(server.address() as AddressInfo).port}`;
}

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

const feed = { accept: 'application/rss+xml' };
const local = { ...feed, allowPrivate: true };

async function refusal(promise: Promise<unknown>): Promise<SafeFetchError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SafeFetchError);
  return error as SafeFetchError;
}

describe('safeFetch', () => {
  it('refuses schemes other than http(s) and URLs with credentials', async () => {
    expect((await refusal(safeFetch('file:///etc/passwd', local))).reason).toBe('bad_url');
    expect((await refusal(safeFetch('ftp://example.com/feed', local))).reason).toBe('bad_url');
    expect((await refusal(safeFetch('not a url', local))).reason).toBe('bad_url');
    expect((await refusal(safeFetch('http://user:pw@example.com/', local))).reason).toBe('bad_url');
  });

  it('refuses private, loopback, link-local, CGNAT and mapped addresses written in the URL', async () => {
    const hits: string[] = [];
    const base = await serve((request, response) => {
      hits.push(request.url ?? '');
      response.end('secret');
    });
    const port = new URL(base).port;
    for (const host of [
      '127.0.0.1',
      '10.0.0.1',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '224.0.0.1',
      '0.0.0.0',
      '[::1]',
      '[fd00::1]',
      '[fe80::1]',
      '[::ffff:127.0.0.1]',
    ]) {
      const error = await refusal(safeFetch(`http://${host}:${port}/`, feed));
      expect(error.reason, host).toBe('forbidden_address');
    }
    expect(hits).toEqual([]);
  });

  it('refuses a host name that resolves to a loopback address (checked at connect time)', async () => {
    const base = await serve((_request, response) => response.end('secret'));
    const error = await refusal(safeFetch(`http://localhost:${new URL(base).port}/`, feed));
    expect(error.reason).toBe('forbidden_address');
    expect(error.message).toMatch(/localhost resolves to a loopback address/);
  });

  it('sends a browser-like User-Agent, the Accept asked for and conditional headers; returns caching headers', async () => {
    let seen: http.IncomingHttpHeaders = {};
    const base = await serve((request, response) => {
      seen = request.headers;
      if (request.headers['if-none-match'] === '"v1"') {
        response.writeHead(304, { ETag: '"v1"' }).end();
        return;
      }
      response
        .writeHead(200, {
          'Content-Type': 'application/rss+xml',
          ETag: '"v1"',
          'Last-Modified': 'Sat, 05 Dec 2026 10:00:00 GMT',
          'Cache-Control': 'max-age=600',
        })
        .end('<rss/>');
    });
    const first = await safeFetch(`${base}/feed.xml#top`, local);
    expect(seen['user-agent']).toBe(BROWSER_USER_AGENT);
    expect(seen.accept).toBe('application/rss+xml');
    expect(first).toMatchObject({ url: `${base}/feed.xml`, status: 200 });
    expect(new TextDecoder().decode(first.body)).toBe('<rss/>');
    expect(first.headers.get('etag')).toBe('"v1"');
    expect(first.headers.get('last-modified')).toBe('Sat, 05 Dec 2026 10:00:00 GMT');
    expect(first.headers.get('cache-control')).toBe('max-age=600');

    const second = await safeFetch(`${base}/feed.xml`, { ...local, headers: { 'If-None-Match': '"v1"' } });
    expect(second.status).toBe(304);
    expect(second.body.length).toBe(0);
  });

  it('decompresses gzip answers', async () => {
    const base = await serve((_request, response) => {
      response.writeHead(200, { 'Content-Encoding': 'gzip' }).end(gzipSync('<feed>zipped</feed>'));
    });
    const { body } = await safeFetch(base, local);
    expect(new TextDecoder().decode(body)).toBe('<feed>zipped</feed>');
  });

  it('follows redirects, up to five, and reports the final URL and a Retry-After', async () => {
    const base = await serve((request, response) => {
      const step = Number(request.url!.slice(1));
      if (step < 5) response.writeHead(302, { Location: `/${step + 1}` }).end();
      else response.writeHead(503, { 'Retry-After': '120' }).end('busy');
    });
    const answer = await safeFetch(`${base}/0`, local);
    expect(answer).toMatchObject({ url: `${base}/5`, status: 503 });
    expect(answer.headers.get('retry-after')).toBe('120');
    const error = await refusal(safeFetch(`${base}/-1`, local));
    expect(error.reason).toBe('too_many_redirects');
  });

  it('checks every redirect again: a redirect to a private address or another scheme is refused', async () => {
    const inside = await serve((_request, response) => response.end('secret'), '127.0.0.1');
    const insidePort = new URL(inside).port;
    let target = '';
    // The first hop is allowed by address (as a public host would be); where it points is checked again.
    const outside = await serve(
      (_request, response) => response.writeHead(301, { Location: target }).end(),
      '127.0.0.2',
    );
    const rules = { ...feed, allowedAddresses: ['127.0.0.2'] };
    for (const [to, reason] of [
      [`http://127.0.0.1:${insidePort}/`, 'forbidden_address'],
      [`http://localhost:${insidePort}/`, 'forbidden_address'],
      ['file:///etc/passwd', 'bad_url'],
    ] as const) {
      target = to;
      expect((await refusal(safeFetch(outside, rules))).reason, to).toBe(reason);
    }
  });

  it('refuses an answer over the size cap, declared or not', async () => {
    const big = 'x'.repeat(4096);
    const base = await serve((request, response) => {
      if (request.url === '/declared') response.writeHead(200, { 'Content-Length': big.length }).end(big);
      else {
        response.write(big.slice(0, 2048));
        response.end(big.slice(2048));
      }
    });
    expect((await refusal(safeFetch(`${base}/declared`, { ...local, maxBytes: 1024 }))).reason).toBe('too_large');
    expect((await refusal(safeFetch(`${base}/chunked`, { ...local, maxBytes: 1024 }))).reason).toBe('too_large');
    expect((await safeFetch(`${base}/chunked`, { ...local, maxBytes: 4096 })).body.length).toBe(4096);
  });

  it('gives up on a host that does not answer in time', async () => {
    const base = await serve(() => {});
    const error = await refusal(safeFetch(base, { ...local, timeoutMs: 200 }));
    expect(error.reason).toBe('timeout');
  });

  it('sends one request per host at a time, in order', async () => {
    let open = 0;
    let most = 0;
    const order: string[] = [];
    const base = await serve((request, response) => {
      open++;
      most = Math.max(most, open);
      order.push(request.url!);
      setTimeout(() => {
        open--;
        response.end(request.url);
      }, 30);
    });
    const answers = await Promise.all(['/a', '/b', '/c', '/d'].map((p) => safeFetch(base + p, local)));
    expect(answers.map((a) => new TextDecoder().decode(a.body))).toEqual(['/a', '/b', '/c', '/d']);
    expect(order).toEqual(['/a', '/b', '/c', '/d']);
    expect(most).toBe(1);
  });

  it('stops when its signal is aborted', async () => {
    const base = await serve(() => {});
    const controller = new AbortController();
    const pending = safeFetch(base, { ...local, signal: controller.signal });
    controller.abort();
    expect((await refusal(pending)).reason).toBe('aborted');
  });
});
