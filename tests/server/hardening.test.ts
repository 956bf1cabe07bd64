// The production server process (`npm start`) against hostile clients and hostile data folders (issue 18): slow
// uploads, connection floods, shutdown with slow clients, special files in place of the data files, and what it
// logs. Each test runs its own server process on 127.0.0.1.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, renameSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import type { Socket } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { copyOfSampleData } from '../helpers/fixtures';
import { generatedDataDir } from '../helpers/generated-data';
import {
  openSocket,
  parseRawAnswer,
  readUntilClosed,
  spawnServer,
  startServer,
  stopServer,
  type ServerProcess,
} from './server-process';

let server: ServerProcess | undefined;
const sockets: Socket[] = [];
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy();
  await stopServer(server);
  server = undefined;
});

async function open(localAddress?: string) {
  const socket = await openSocket(server!.port, localAddress);
  sockets.push(socket);
  return socket;
}

/** Writes `text` a character every `everyMs` until the socket closes. */
function trickle(socket: Socket, text: string, everyMs: number) {
  let at = 0;
  const timer = setInterval(() => {
    if (socket.destroyed || !socket.writable) return clearInterval(timer);
    socket.write(text[at++ % text.length]!);
  }, everyMs);
  socket.once('close', () => clearInterval(timer));
}

const closedWithin = (socket: Socket, ms: number) =>
  Promise.race([
    readUntilClosed(socket),
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`still open after ${ms} ms`)), ms)),
  ]);

const mkfifo = (file: string) => expect(spawnSync('mkfifo', [file]).status).toBe(0);

describe('slow and greedy clients', () => {
  it('refuses a request body at once, in the error shape, and closes the connection instead of reading it', async () => {
    server = await startServer(copyOfSampleData());
    const requests = [
      'POST /api/articles HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000000\r\n\r\n',
      'GET /api/articles HTTP/1.1\r\nHost: x\r\nContent-Length: 1000000\r\n\r\n',
      'PUT / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n',
    ];
    const answers = await Promise.all(
      requests.map(async (head) => {
        const socket = await open();
        socket.write(head);
        trickle(socket, '{"a":1}', 100); // the body, a byte at a time, for as long as the server lets it
        return parseRawAnswer(await closedWithin(socket, 3000));
      }),
    );
    expect(answers.map((a) => a.status)).toEqual([405, 413, 405]);
    for (const answer of answers) {
      expect(JSON.parse(answer.body)).toEqual({ error: { code: expect.any(String), message: expect.any(String) } });
      expect(answer.headers['content-security-policy']).toContain("default-src 'self'");
    }
    expect((await fetch(`${server.origin}/api/topics`)).status).toBe(200);
  });

  it('stops within a few seconds of SIGTERM although slow and idle clients hold connections', async () => {
    server = await startServer(copyOfSampleData());
    for (let i = 0; i < 5; i++) {
      trickle(await open(), 'GET /api/topics HTTP/1.1\r\nHost: x\r\nX-Slow: ' + 'a'.repeat(100), 200);
      const idle = await open();
      idle.write('GET /api/topics HTTP/1.1\r\nHost: x\r\n\r\n'); // answered, then kept alive
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    const signalled = performance.now();
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(performance.now() - signalled).toBeLessThan(6000);
  });

  it('answers 503 to connections over the cap from one address, and serves other addresses meanwhile', async () => {
    server = await startServer(copyOfSampleData(), { MAX_CONNECTIONS_PER_ADDRESS: '5' });
    const held = await Promise.all(Array.from({ length: 5 }, () => open('127.0.0.2')));
    const refused = await open('127.0.0.2');
    const answer = parseRawAnswer(await closedWithin(refused, 3000));
    expect(answer.status).toBe(503);
    expect(answer.headers['retry-after']).toMatch(/^\d+$/);
    expect(JSON.parse(answer.body)).toMatchObject({ error: { code: 'too_many_connections' } });
    expect((await fetch(`${server.origin}/api/topics`)).status).toBe(200); // from 127.0.0.1

    for (const socket of held) socket.destroy();
    await new Promise((resolve) => setTimeout(resolve, 200));
    const again = await open('127.0.0.2');
    again.write('GET /api/topics HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    expect(parseRawAnswer(await closedWithin(again, 3000)).status).toBe(200);
  });

  it('sends the security headers on raw 400 and 431 answers, and reads an absolute-form request line as its path', async () => {
    server = await startServer(copyOfSampleData());
    const raw = async (request: string) => {
      const socket = await open();
      socket.write(request);
      return parseRawAnswer(await closedWithin(socket, 3000));
    };
    const broken = await raw('GET /api/topics HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n');
    const huge = await raw(`GET /api/topics?x=${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`);
    expect([broken.status, huge.status]).toEqual([400, 431]);
    for (const answer of [broken, huge]) {
      expect(answer.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(answer.headers['x-content-type-options']).toBe('nosniff');
      expect(answer.headers['x-frame-options']).toBe('DENY');
      expect(answer.headers['permissions-policy']).toContain('camera=()');
    }
    const absolute = await raw(
      'GET http://evil.example/api/topics?since= HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
    );
    expect(absolute.status).toBe(200);
    expect(JSON.parse(absolute.body)).toHaveProperty('topics');
  });
});

describe('HSTS', () => {
  it('is not sent over plain HTTP, and is sent when configured or when a trusted proxy says HTTPS', async () => {
    server = await startServer(copyOfSampleData());
    expect((await fetch(`${server.origin}/`)).headers.get('strict-transport-security')).toBeNull();
    await stopServer(server);

    server = await startServer(copyOfSampleData(), { TRUST_PROXY: '127.0.0.1' });
    const proxied = await fetch(`${server.origin}/`, { headers: { 'X-Forwarded-Proto': 'https' } });
    expect(proxied.headers.get('strict-transport-security')).toMatch(/^max-age=\d+/);
    expect((await fetch(`${server.origin}/`)).headers.get('strict-transport-security')).toBeNull();
    await stopServer(server);

    server = await startServer(copyOfSampleData(), { HSTS: 'true' });
    expect((await fetch(`${server.origin}/api/topics`)).headers.get('strict-transport-security')).toMatch(/^max-age=/);
  });
});

describe('special files in the data folder', () => {
  it('refuses to start on a FIFO or a link to /dev/zero in place of articles.json, naming the file and what it is', async () => {
    for (const [make, what] of [
      [(file: string) => mkfifo(file), /FIFO/],
      [(file: string) => symlinkSync('/dev/zero', file), /character device/],
    ] as const) {
      const dir = copyOfSampleData();
      unlinkSync(path.join(dir, 'articles.json'));
      make(path.join(dir, 'articles.json'));
      server = await spawnServer(dir);
      const code = await Promise.race([server.exited, new Promise((resolve) => setTimeout(resolve, 10_000, 'hung'))]);
      expect(code).toBe(1);
      expect(server.output()).toMatch(/articles\.json: is a /);
      expect(server.output()).toMatch(what);
      await stopServer(server);
    }
  });

  it('keeps serving files and the API when a FIFO or /dev/zero replaces a data file while it runs', async () => {
    const dir = copyOfSampleData();
    server = await startServer(dir);
    const fifo = path.join(dir, 'articles.json.new');
    mkfifo(fifo);
    renameSync(fifo, path.join(dir, 'articles.json'));
    await server.waitForOutput(/articles\.json: is a FIFO/);
    expect((await fetch(`${server.origin}/assets/app-abc123.js`)).status).toBe(200);
    expect((await fetch(`${server.origin}/api/articles?limit=1`)).status).toBe(200);

    symlinkSync('/dev/zero', path.join(dir, 'topics.json.new'));
    renameSync(path.join(dir, 'topics.json.new'), path.join(dir, 'topics.json'));
    await server.waitForOutput(/topics\.json: is a character device/);
    expect((await fetch(`${server.origin}/api/topics`)).status).toBe(200);
  });
});

describe('huge input', () => {
  const p99 = (times: number[]) => [...times].sort((a, b) => a - b)[Math.floor(times.length * 0.99)]!;

  it('keeps answering the feed while a large file in another layout is reloaded: no stall (p99 at most 2x before, plus 400 ms)', async () => {
    const dir = copyOfSampleData();
    server = await startServer(dir);
    // 6,000 articles pretty-printed (about 25 MB, not one record per line), written beforehand and renamed in.
    const prepared = path.join(mkdtempSync(path.join(os.tmpdir(), 'news-big-')), 'articles.json');
    const generated = JSON.parse(readFileSync(path.join(generatedDataDir(6000), 'articles.json'), 'utf8')) as unknown;
    writeFileSync(prepared, JSON.stringify(generated, null, 2));
    const times: number[] = [];
    let running = true;
    const client = async () => {
      while (running) {
        const started = performance.now();
        const response = await fetch(`${server!.origin}/api/articles?limit=20`);
        expect(response.status).toBe(200);
        await response.arrayBuffer();
        times.push(performance.now() - started);
      }
    };
    const clients = Array.from({ length: 6 }, client);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const before = times.splice(0);
    renameSync(prepared, path.join(dir, 'articles.json'));
    await server.waitForOutput(/data files reloaded \(6000 articles\)/, 60_000);
    await new Promise((resolve) => setTimeout(resolve, 500)); // the swap, and the search index build starting
    running = false;
    await Promise.all(clients);
    const during = times.splice(0);
    const summary = `p99 ${Math.round(p99(during))} ms over ${during.length} requests; before ${Math.round(p99(before))} ms`;
    // What this guards against: a reload that blocks the server (parsing the whole file at once) stalls every
    // client for seconds. The speed goal itself (p99 under 100 ms on a quiet machine) is not for a test that shares
    // two cores with the rest of the suite: measured against the same clients just before, with room for the
    // suite's own load.
    expect(p99(during), summary).toBeLessThan(2 * p99(before) + 400);
  }, 90_000);
});

describe('the access log', () => {
  const requestLines = (output: string, url: string) =>
    output.split('\n').filter((line) => line.includes(`"url":"${url}"`) || line.includes(`${url} `));

  it('writes one line per request, leaves asset requests out unless LOG_LEVEL=debug, and refuses an unknown level', async () => {
    server = await startServer(copyOfSampleData());
    await fetch(`${server.origin}/api/topics?logged=1`);
    await fetch(`${server.origin}/assets/app-abc123.js`);
    await server.waitForOutput(/logged=1/);
    await fetch(`${server.origin}/api/topics?last=1`); // the log is in order: once this is written, so are the others
    await server.waitForOutput(/last=1/);
    expect(requestLines(server.output(), '/api/topics?logged=1')).toEqual([
      expect.stringMatching(/"status":200.*"ms":/),
    ]);
    expect(requestLines(server.output(), '/assets/app-abc123.js')).toEqual([]);
    await stopServer(server);

    server = await startServer(copyOfSampleData(), { LOG_LEVEL: 'debug' });
    await fetch(`${server.origin}/assets/app-abc123.js`);
    await server.waitForOutput(/app-abc123\.js/);
    expect(requestLines(server.output(), '/assets/app-abc123.js')).toHaveLength(1);
    await stopServer(server);

    server = await spawnServer(copyOfSampleData(), { LOG_LEVEL: 'chatty' });
    expect(await server.exited).toBe(1);
    expect(server.output()).toMatch(/LOG_LEVEL must be one of .*info.*"chatty"/);
  });
});
