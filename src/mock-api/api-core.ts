// The mock API's request handling, written once: the dev/preview servers and the test MSW handlers call it.
import { apiError, type ApiRequest, type ApiResponse, type Route } from './api-response.ts';
import type { MockData } from './load-mock-data.ts';
import { newsRoutes } from './news-routes.ts';
import { ratesRoutes } from './rates-routes.ts';
import { searchRoutes } from './search-routes.ts';

export type MockApi = (request: ApiRequest) => ApiResponse;

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

export function createMockApi(data: MockData): MockApi {
  const routes: Route[] = [...newsRoutes(data), ...searchRoutes(data), ...ratesRoutes(data)];
  return ({ method, path, query }) => {
    const candidates = routes
      .map((route) => ({ route, params: matchPattern(route.pattern, path) }))
      .filter((c) => c.params !== null);
    if (candidates.length === 0) return apiError(404, 'not_found', `No API endpoint at ${path}`);
    const match = candidates.find((c) => c.route.method === method);
    if (!match) return apiError(405, 'method_not_allowed', `${method} is not allowed on ${path}`);
    try {
      return match.route.handle(match.params!, query);
    } catch (error) {
      return apiError(500, 'internal', `The mock API failed: ${(error as Error).message}`);
    }
  };
}
