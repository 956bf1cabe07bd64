// Serves the mock API under /api from the dev and preview servers.
import type { EventEmitter } from 'node:events';
import type { IncomingMessage } from 'node:http';
import path from 'node:path';
import type { Connect, Logger, Plugin } from 'vite';
import type { MockApi } from './api-core.ts';
import { startLiveMockApi, type LiveMockApi } from './live-mock-api.ts';
import { MockDataError } from './mock-data-error.ts';

const API_PREFIX = '/api';

/** Connect middleware answering /api/* with the mock API (also usable with a bare node:http server). */
export function mockApiMiddleware(api: MockApi): Connect.NextHandleFunction {
  return (req, res, next) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname !== API_PREFIX && !url.pathname.startsWith(`${API_PREFIX}/`)) return next();
    const result = api({
      method: req.method ?? 'GET',
      path: url.pathname.slice(API_PREFIX.length) || '/',
      query: url.searchParams,
    });
    res.statusCode = result.status;
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.setHeader('Cache-Control', 'no-store');
    for (const [name, value] of Object.entries(result.headers ?? {})) res.setHeader(name, value);
    res.end(result.status === 204 ? undefined : JSON.stringify(result.body));
  };
}

/** Where a request whose address cannot be read is sent, so the guard below answers it. */
const UNREADABLE = '/__unreadable-address';

// The results are used, or the config bundler drops these calls as side-effect free and nothing is checked.
const readable = (url: string) => {
  try {
    return decodeURI(url) !== '' && new URL(url, 'http://localhost').pathname !== '';
  } catch {
    return false;
  }
};

/**
 * Vite's servers (connect) parse each address before any middleware runs, and an unreadable one (an undecodable
 * path, or an absolute request target such as `http://[::1`) throws there and ends the process. Renaming it before
 * connect sees it lets the guard answer 400 instead.
 */
function renameUnreadableAddresses(httpServer: EventEmitter | null): void {
  httpServer?.prependListener('request', (req: IncomingMessage) => {
    if (!readable(req.url ?? '/')) req.url = UNREADABLE;
  });
}

/**
 * First in line on the dev and preview servers: a 400 for unreadable addresses, and the security headers that do not
 * stop hot reload (the Content-Security-Policy is the production server's: Vite's dev client runs inline code).
 */
function guardMiddleware(): Connect.NextHandleFunction {
  return (req, res, next) => {
    if (req.url === UNREADABLE) {
      res.statusCode = 400;
      res.setHeader('Content-Type', 'application/json; charset=utf-8');
      res.end(JSON.stringify({ error: { code: 'bad_request', message: 'The address could not be read.' } }));
      return;
    }
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'strict-origin-when-cross-origin');
    res.setHeader('X-Frame-Options', 'DENY');
    next();
  };
}

export function mockApiPlugin({ dataDir }: { dataDir: string }): Plugin {
  let live: LiveMockApi | undefined;
  // Loaded lazily so `vite build` never needs the data; a malformed file stops the server with its message.
  // The feed is served as soon as the files are read; the search index follows in the background. Changed
  // files are read again while the server runs, until it closes.
  const getApi = (httpServer: EventEmitter | null, logger: Logger): MockApi => {
    try {
      live ??= startLiveMockApi(path.resolve(dataDir), {
        log: { info: (m) => logger.info(m, { timestamp: true }), error: (m) => logger.error(m, { timestamp: true }) },
      });
    } catch (error) {
      // The message names the file, the record and the field; a stack trace would only bury it.
      if (!(error instanceof MockDataError)) throw error;
      console.error(`\n${error.message}\n`);
      process.exit(1);
    }
    const started = live;
    httpServer?.once('close', () => {
      started.close();
      if (live === started) live = undefined;
    });
    return started.api;
  };
  return {
    name: 'news-mock-api',
    configureServer(server) {
      renameUnreadableAddresses(server.httpServer);
      server.middlewares.use(guardMiddleware());
      server.middlewares.use(mockApiMiddleware(getApi(server.httpServer, server.config.logger)));
    },
    configurePreviewServer(server) {
      renameUnreadableAddresses(server.httpServer);
      server.middlewares.use(guardMiddleware());
      server.middlewares.use(mockApiMiddleware(getApi(server.httpServer, server.config.logger)));
    },
  };
}
