// Readers of the query parameters the endpoints share. Each gives the value, or the 400 response that says what
// was wrong with it.
import { isDayKey } from '../contract/day-key.ts';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../contract/paging.ts';
import { apiError, type ApiResponse } from './api-response.ts';

/** `limit`: 1..MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE when absent. */
export function readLimit(query: URLSearchParams): number | ApiResponse {
  const raw = query.get('limit');
  if (raw === null || raw === '') return DEFAULT_PAGE_SIZE;
  if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > MAX_PAGE_SIZE) {
    return apiError(400, 'bad_limit', `limit must be a whole number from 1 to ${MAX_PAGE_SIZE}, got "${raw}"`);
  }
  return Number(raw);
}

/** A comma-separated `topics` list; unknown ids are a 400. Null (absent, empty, only commas) means "all topics". */
export function readTopics(query: URLSearchParams, knownTopics: ReadonlySet<string>): string[] | null | ApiResponse {
  const ids = (query.get('topics') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (ids.length === 0) return null;
  const unknown = ids.filter((id) => !knownTopics.has(id));
  if (unknown.length > 0) return apiError(400, 'unknown_topic', `Unknown topic: ${unknown.join(', ')}`);
  return ids;
}

/** An optional calendar day written YYYY-MM-DD: null when absent. */
export function readDay(query: URLSearchParams, name: string): string | null | ApiResponse {
  const raw = query.get(name);
  if (raw === null || raw === '') return null;
  if (!isDayKey(raw)) {
    return apiError(400, 'bad_date', `${name} must be a calendar date written YYYY-MM-DD, got "${raw}"`);
  }
  return raw;
}

/** A parameter given twice (`limit=2&limit=abc`) is refused: which one was meant is anyone's guess. */
export function refuseRepeatedParameters(query: URLSearchParams): ApiResponse | null {
  const seen = new Set<string>();
  for (const key of query.keys()) {
    if (seen.has(key)) return apiError(400, 'repeated_parameter', `${key} is given more than once; give it once`);
    seen.add(key);
  }
  return null;
}
