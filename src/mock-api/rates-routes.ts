// GET /rates, /rates/history (issue 5). Owned by the converter work.
import type { Route } from './api-response.ts';
import type { MockData } from './load-mock-data.ts';

export function ratesRoutes(_data: MockData): Route[] {
  return [];
}
