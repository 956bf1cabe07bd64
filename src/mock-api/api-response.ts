// Transport-neutral request/response shapes: the Vite middleware and the MSW handlers both adapt to these.
export interface ApiRequest {
  method: string;
  /** Path below the API root, e.g. "/articles/abc". */
  path: string;
  query: URLSearchParams;
}

export interface ApiResponse {
  status: number;
  body: unknown;
  /** Extra response headers, e.g. Retry-After on a 503 while the search index warms up. */
  headers?: Record<string, string>;
}

type RouteHandler = (params: Record<string, string>, query: URLSearchParams) => ApiResponse;

export interface Route {
  method: 'GET';
  /** Pattern with ":name" segments, e.g. "/articles/:id". */
  pattern: string;
  handle: RouteHandler;
}

export const ok = (body: unknown): ApiResponse => ({ status: 200, body });

export const apiError = (status: number, code: string, message: string): ApiResponse => ({
  status,
  body: { error: { code, message } },
});

export const isResponse = (value: unknown): value is ApiResponse =>
  typeof value === 'object' && value !== null && 'status' in value && 'body' in value;
