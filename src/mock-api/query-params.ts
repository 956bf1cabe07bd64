// Readers of the query parameters the endpoints share. Each gives the value, or the 400 response that says what
// was wrong with it.
import { isDayKey } from '../contract/day-key.ts';
import { isIsoDateTime } from '../contract/news.ts';
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

const readIdList = (query: URLSearchParams, name: string) =>
  (query.get(name) ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** A comma-separated `topics` list; unknown ids are a 400. Null (absent, empty, only commas) means "all topics". */
export function readTopics(query: URLSearchParams, knownTopics: ReadonlySet<string>): string[] | null | ApiResponse {
  const ids = readIdList(query, 'topics');
  if (ids.length === 0) return null;
  const unknown = ids.filter((id) => !knownTopics.has(id));
  if (unknown.length > 0) return apiError(400, 'unknown_topic', `Unknown topic: ${unknown.join(', ')}`);
  return ids;
}

/**
 * A comma-separated `exclude` list of topic ids: the known ones. Unknown ids are ignored rather than refused, as a
 * reader's mute may outlive its topic.
 */
export function readExcludedTopics(query: URLSearchParams, knownTopics: ReadonlySet<string>): Set<string> {
  return new Set(readIdList(query, 'exclude').filter((id) => knownTopics.has(id)));
}

/** `since`: an ISO 8601 date-time with offset, as the instant in ms since the epoch; null when absent or empty. */
export function readSince(query: URLSearchParams): number | null | ApiResponse {
  const raw = query.get('since');
  if (raw === null || raw === '') return null;
  if (!isIsoDateTime(raw)) {
    return apiError(
      400,
      'bad_since',
      `since must be a date and time with its offset, such as 2026-11-27T10:00:00.000+03:00 (a "+" written %2B), got "${raw}"`,
    );
  }
  return Date.parse(raw);
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
