// GET /search (issue 4). Owned by the search work.
import type { Route } from './api-response.ts';
import type { MockData } from './load-mock-data.ts';

export function searchRoutes(_data: MockData): Route[] {
  return [];
}
