// The production server as `npm start` runs it (src/server/start.ts in a process of its own), over a temporary
// build folder and data folder, for tests of what only a real process shows: slow clients, connection caps,
// signals, special files that block a read, the access log on stdout.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Socket, connect } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const START = path.resolve('src/server/start.ts');
const TSX = pathToFileURL(path.resolve('node_modules/tsx/dist/loader.mjs')).href;

/** A folder holding a minimal dist/ (the server's cwd). */
function appFolder(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'news-process-app-'));
  mkdirSync(path.join(dir, 'dist', 'assets'), { recursive: true });
  writeFileSync(path.join(dir, 'dist', 'index.html'), '<!doctype html><title>app</title><div id="root"></div>');
  writeFileSync(path.join(dir, 'dist', 'assets', 'app-abc123.js'), 'console.log(1);');
  return dir;
}

/** A port nothing listens on now (the server process is told it: it cannot report one back before it listens). */
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  if (!address || typeof address === 'string') throw new Error('no free port');
  return address.port;
}

export interface ServerProcess {
  child: ChildProcess;
  port: number;
  origin: string;
  /** Everything the process wrote so far (stdout and stderr). */
  output(): string;
  exited: Promise<number | null>;
  /** Resolves when the output matches `pattern` (rejects if the process ends first). */
  waitForOutput(pattern: RegExp, timeoutMs?: number): Promise<void>;
}

/** Spawns the server; it may still be starting (or failing to start) when this resolves. */
export async function spawnServer(dataDir: string, env: Record<string, string> = {}): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', TSX, START], {
    cwd: appFolder(),
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const listeners = new Set<() => void>();
  for (const stream of [child.stdout!, child.stderr!]) {
    stream.setEncoding('utf8');
    stream.on('data', (text: string) => {
      output += text;
      for (const listener of listeners) listener();
    });
  }
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    port,
    origin: `http://127.0.0.1:${port}`,
    output: () => output,
    exited,
    waitForOutput: (pattern, timeoutMs = 20_000) =>
      new Promise<void>((resolve, reject) => {
        const check = () => {
          if (!pattern.test(output)) return;
          clearTimeout(timer);
          listeners.delete(check);
          resolve();
        };
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(new Error(`no ${pattern} in the server's output within ${timeoutMs} ms:\n${output}`));
        }, timeoutMs);
        listeners.add(check);
        void exited.then((code) => {
          if (!pattern.test(output)) {
            clearTimeout(timer);
            reject(new Error(`the server exited (${code}) without ${pattern}:\n${output}`));
          }
        });
        check();
      }),
  };
}

/** Spawns the server and waits until it serves. */
export async function startServer(dataDir: string, env: Record<string, string> = {}): Promise<ServerProcess> {
  const server = await spawnServer(dataDir, env);
  await server.waitForOutput(/Agency News is serving/);
  return server;
}

export function stopServer(server: ServerProcess | undefined): Promise<unknown> {
  if (!server || server.child.exitCode !== null || server.child.signalCode !== null) return Promise.resolve();
  server.child.kill('SIGKILL');
  return server.exited;
}

/** A raw connection to the server (optionally from another loopback address, as another client would be). */
export function openSocket(port: number, localAddress = '127.0.0.1'): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ port, host: '127.0.0.1', localAddress }, () => resolve(socket));
    socket.once('error', reject);
  });
}

/** What the server sends on `socket` until it closes the connection (resolves with it then). */
export function readUntilClosed(socket: Socket): Promise<string> {
  return new Promise((resolve) => {
    let text = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (text += chunk));
    socket.on('error', () => {});
    socket.once('close', () => resolve(text));
  });
}

/** The status line, headers and JSON body of a raw HTTP answer. */
export function parseRawAnswer(text: string) {
  const [head = '', body = ''] = text.split('\r\n\r\n');
  const [statusLine = '', ...headerLines] = head.split('\r\n');
  const headers = Object.fromEntries(
    headerLines.map((line) => [
      line.slice(0, line.indexOf(':')).toLowerCase(),
      line.slice(line.indexOf(':') + 1).trim(),
    ]),
  );
  return { status: Number(statusLine.split(' ')[1]), headers, body };
}
