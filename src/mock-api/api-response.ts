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
}

export type RouteHandler = (params: Record<string, string>, query: URLSearchParams) => ApiResponse;

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

/** Reads `limit` (1..max, default when absent); returns an error response when malformed. */
export function readLimit(query: URLSearchParams, fallback = 20, max = 50): number | ApiResponse {
  const raw = query.get('limit');
  if (raw === null || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > max) {
    return apiError(400, 'bad_limit', `limit must be a whole number from 1 to ${max}, got "${raw}"`);
  }
  return Number(raw);
}

/** Reads a comma-separated `topics` list; unknown ids are a 400. Null means "all topics". */
export function readTopics(query: URLSearchParams, knownTopics: ReadonlySet<string>): string[] | null | ApiResponse {
  const raw = query.get('topics');
  if (raw === null || raw.trim() === '') return null;
  const ids = raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = ids.filter((id) => !knownTopics.has(id));
  if (unknown.length > 0) return apiError(400, 'unknown_topic', `Unknown topic: ${unknown.join(', ')}`);
  return ids;
}

export const isResponse = (value: unknown): value is ApiResponse =>
  typeof value === 'object' && value !== null && 'status' in value && 'body' in value;
