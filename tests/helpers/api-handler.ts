// The MSW handler of the jsdom tests: every /api request the app makes is answered by the HTTP plugin over an
// in-memory embedded backend (the sample data unless a test gives its own), as the servers answer it.
import { http, HttpResponse } from 'msw';
import { sampleData } from './fixtures';
import { testApiFor, type TestApi } from './test-api';

// Started when this module is imported, on the real clock: the data is checked as a data folder would be, which
// refuses stories dated more than a day ahead of its clock, and a test that mocks Date.now (a save "on November 21")
// must not make the sample's later stories future.
const sampleApi = testApiFor(sampleData);

/** The API over the sample data, shared by the tests of a file (they only read it). */
export function sampleTestApi(): Promise<TestApi> {
  return sampleApi;
}

export function apiHandler(api: () => TestApi | Promise<TestApi> = sampleTestApi) {
  return http.all('*/api/*', async ({ request }) => {
    const url = new URL(request.url);
    const { app } = await api();
    const answer = await app.inject({
      method: request.method as 'GET',
      url: `${url.pathname.replace(/^.*?(?=\/api\/)/, '')}${url.search}`,
    });
    const headers = Object.entries(answer.headers).flatMap(([name, value]) =>
      typeof value === 'string' && name !== 'content-length' && name !== 'connection' ? [[name, value]] : [],
    ) as [string, string][];
    const empty = answer.statusCode === 204 || request.method === 'HEAD';
    return new HttpResponse(empty ? null : answer.body, { status: answer.statusCode, headers });
  });
}
