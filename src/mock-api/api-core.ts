// The mock API's request handling, written once: the dev/preview servers and the test MSW handlers call it.
import path from 'node:path';
import { apiError, type ApiRequest, type ApiResponse, type Route } from './api-response.ts';
import { loadNewsData, prepareNewsData, type MockData, type NewsData } from './load-mock-data.ts';
import { newsRoutes } from './news-routes.ts';
import { refuseRepeatedParameters } from './query-params.ts';
import { ratesRoutes } from './rates-routes.ts';
import { searchRoutes } from './search-routes.ts';
import { searchInBackground, searchNow, type CacheLog, type SearchService } from './search-service.ts';
import { agencyTimeZoneFromEnv } from './search-time.ts';

export type MockApi = (request: ApiRequest) => ApiResponse;

const ALLOWED_METHODS = 'GET, HEAD, OPTIONS';

function matchPattern(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/');
  const got = path.replace(/\/+$/, '').split('/');
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    if (want[i]!.startsWith(':')) {
      try {
        params[want[i]!.slice(1)] = decodeURIComponent(got[i]!);
      } catch {
        return null;
      }
    } else if (want[i] !== got[i]) return null;
  }
  return params;
}

/**
 * The API over data in memory (`MockData`, e.g. tests) or loaded by the server (`NewsData`). Without a `search`
 * service the index is built at once, which suits small data; servers use startMockApi.
 */
export function createMockApi(input: MockData | NewsData, options: { search?: SearchService } = {}): MockApi {
  const data = 'store' in input ? input : prepareNewsData(input);
  const search = options.search ?? searchNow(data, agencyTimeZoneFromEnv());
  const routes: Route[] = [...newsRoutes(data), ...searchRoutes(data, search), ...ratesRoutes(data.rates)];
  return ({ method, path, query }) => {
    const candidates = routes
      .map((route) => ({ route, params: matchPattern(route.pattern, path) }))
      .filter((c) => c.params !== null);
    if (candidates.length === 0) return apiError(404, 'not_found', `No API endpoint at ${path}`);
    // The API is read-only: HEAD is a GET without the body, OPTIONS says what is allowed.
    if (method === 'OPTIONS') return { status: 204, body: null, headers: { Allow: ALLOWED_METHODS } };
    const match = candidates.find((c) => c.route.method === (method === 'HEAD' ? 'GET' : method));
    if (!match) {
      return {
        ...apiError(405, 'method_not_allowed', `${method} is not allowed on ${path}; the API is read-only`),
        headers: { Allow: ALLOWED_METHODS },
      };
    }
    const repeated = refuseRepeatedParameters(query);
    if (repeated) return repeated;
    try {
      return match.route.handle(match.params!, query);
    } catch (error) {
      return apiError(500, 'internal', `The mock API failed: ${(error as Error).message}`);
    }
  };
}

export interface StartedMockApi {
  api: MockApi;
  data: NewsData;
  search: SearchService;
}

/** Loaded data served: the feed at once, search once its index is read from `cacheDir` or built in the background. */
export function serveNewsData(data: NewsData, cacheDir: string | null, log?: CacheLog): StartedMockApi {
  const search = searchInBackground(data, agencyTimeZoneFromEnv(), cacheDir, log);
  return { api: createMockApi(data, { search }), data, search };
}

/**
 * What the servers run: the data files of `dir` loaded and checked (the feed is served from then on) and the
 * search index read from `cacheDir` (default: `dir/.cache`; null for none) or built in the background.
 */
export function startMockApi(
  dir: string,
  { cacheDir, log }: { cacheDir?: string | null; log?: CacheLog } = {},
): StartedMockApi {
  return serveNewsData(loadNewsData(dir), cacheDirOf(dir, cacheDir), log);
}

export const cacheDirOf = (dir: string, cacheDir: string | null | undefined) =>
  cacheDir === undefined ? path.join(dir, '.cache') : cacheDir;
