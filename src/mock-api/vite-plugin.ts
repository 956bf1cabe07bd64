// Serves the mock API under /api from the dev and preview servers.
import path from 'node:path';
import type { Connect, Plugin } from 'vite';
import { createMockApi, type MockApi } from './api-core.ts';
import { loadMockData } from './load-mock-data.ts';

const API_PREFIX = '/api';

function middleware(api: MockApi): Connect.NextHandleFunction {
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
    res.end(JSON.stringify(result.body));
  };
}

export function mockApiPlugin({ dataDir }: { dataDir: string }): Plugin {
  let api: MockApi | undefined;
  // Loaded lazily so `vite build` never needs the data; a malformed file stops the server with its message.
  const getApi = () => {
    if (!api) {
      const dir = path.resolve(dataDir);
      api = createMockApi(loadMockData(dir));
    }
    return api;
  };
  return {
    name: 'news-mock-api',
    configureServer(server) {
      server.middlewares.use(middleware(getApi()));
    },
    configurePreviewServer(server) {
      server.middlewares.use(middleware(getApi()));
    },
  };
}
