// GET /search (issue 4): full-text search over the articles, with topic, date and sort filters and cursor paging.
import { isSearchSort, MAX_SEARCH_QUERY_LENGTH, SEARCH_SORTS, type SearchSort } from '../contract/search.ts';
import { apiError, isResponse, ok, type ApiResponse, type Route } from './api-response.ts';
import type { MockData } from './load-mock-data.ts';
import { readDay, readLimit, readTopics } from './query-params.ts';
import { createSearchCore } from './search-core.ts';
import { decodeSearchCursor } from './search-cursor.ts';
import { agencyTimeZoneFromEnv } from './search-time.ts';

function readQuery(query: URLSearchParams): string | ApiResponse {
  const raw = query.get('q');
  if (raw === null) return apiError(400, 'bad_query', 'q is required: the words to search for');
  const q = raw.trim();
  if (q.length === 0) return apiError(400, 'bad_query', 'q must not be empty: give at least one word to search for');
  if (q.length > MAX_SEARCH_QUERY_LENGTH) {
    return apiError(
      400,
      'bad_query',
      `q is too long: ${q.length} characters after trimming, at most ${MAX_SEARCH_QUERY_LENGTH} are allowed`,
    );
  }
  return q;
}

function readSort(query: URLSearchParams): SearchSort | ApiResponse {
  const raw = query.get('sort');
  if (raw === null || raw === '') return 'relevance';
  if (isSearchSort(raw)) return raw;
  return apiError(400, 'bad_sort', `sort must be ${SEARCH_SORTS.map((s) => `"${s}"`).join(' or ')}, got "${raw}"`);
}

export function searchRoutes(data: MockData, { timeZone = agencyTimeZoneFromEnv() } = {}): Route[] {
  // Built once, when the server starts.
  const core = createSearchCore(data.articles, timeZone);
  const topicIds = new Set(data.topics.map((t) => t.id));

  return [
    {
      method: 'GET',
      pattern: '/search',
      handle: (_params, query) => {
        const q = readQuery(query);
        if (isResponse(q)) return q;
        const topics = readTopics(query, topicIds);
        if (isResponse(topics)) return topics;
        const from = readDay(query, 'from');
        if (isResponse(from)) return from;
        const to = readDay(query, 'to');
        if (isResponse(to)) return to;
        if (from && to && from > to) {
          return apiError(400, 'bad_date_range', `from (${from}) is after to (${to}); the range would be empty`);
        }
        const sort = readSort(query);
        if (isResponse(sort)) return sort;
        const limit = readLimit(query);
        if (isResponse(limit)) return limit;
        const rawCursor = query.get('cursor');
        const cursor = rawCursor ? decodeSearchCursor(rawCursor) : null;
        if (rawCursor && !cursor) {
          return apiError(400, 'bad_cursor', 'The cursor is not valid; start again from the first page');
        }

        const outcome = core.search({ q, topics, from, to, sort, cursor, limit });
        if (!outcome.ok) return apiError(400, 'bad_cursor', outcome.message);
        return ok({ items: outcome.items, total: outcome.total, nextCursor: outcome.nextCursor });
      },
    },
  ];
}
