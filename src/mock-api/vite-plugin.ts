// Serves the mock API under /api from the dev and preview servers.
import path from 'node:path';
import type { Connect, Plugin } from 'vite';
import { startMockApi, type MockApi } from './api-core.ts';

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
    res.end(JSON.stringify(result.body));
  };
}

export function mockApiPlugin({ dataDir }: { dataDir: string }): Plugin {
  let api: MockApi | undefined;
  // Loaded lazily so `vite build` never needs the data; a malformed file stops the server with its message.
  // The feed is served as soon as the files are read; the search index follows in the background.
  const getApi = () => {
    api ??= startMockApi(path.resolve(dataDir)).api;
    return api;
  };
  return {
    name: 'news-mock-api',
    configureServer(server) {
      server.middlewares.use(mockApiMiddleware(getApi()));
    },
    configurePreviewServer(server) {
      server.middlewares.use(mockApiMiddleware(getApi()));
    },
  };
}
