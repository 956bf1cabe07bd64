// MSW handlers that answer every /api request with the same core the dev and preview servers use.
import path from 'node:path';
import { http, HttpResponse } from 'msw';
import { createMockApi, type MockApi } from '@/mock-api/api-core';
import { loadMockData } from '@/mock-api/load-mock-data';

export const MOCK_DATA_DIR = path.resolve(__dirname, '../../mock-data');

// Loaded when this module is imported, on the real clock: the loader refuses stories dated more than a day ahead of
// its clock, and a test that mocks Date.now (a save "on November 21") must not make the sample's later stories future.
const defaultApi: MockApi = createMockApi(loadMockData(MOCK_DATA_DIR));
export function getDefaultMockApi(): MockApi {
  return defaultApi;
}

export function mockApiHandler(api: () => MockApi = getDefaultMockApi) {
  return http.all('*/api/*', ({ request }) => {
    const url = new URL(request.url);
    const result = api()({
      method: request.method,
      path: url.pathname.replace(/^.*?\/api(?=\/)/, ''),
      query: url.searchParams,
    });
    return HttpResponse.json(result.body as Record<string, unknown>, {
      status: result.status,
      headers: result.headers,
    });
  });
}
