// GET /search (issue 4): full-text search over the articles, with topic, date and sort filters and cursor paging.
import { isSearchSort, MAX_SEARCH_QUERY_LENGTH, SEARCH_SORTS, type SearchSort } from '../contract/search.ts';
import { apiError, isResponse, ok, type ApiResponse, type Route } from './api-response.ts';
import type { NewsData } from './load-mock-data.ts';
import { readDay, readLimit, readTopics } from './query-params.ts';
import { decodeSearchCursor } from './search-cursor.ts';
import type { SearchService } from './search-service.ts';

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

export function searchRoutes(data: NewsData, search: SearchService): Route[] {
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
        const typos = query.get('typos');
        if (typos !== null && typos !== '' && typos !== 'on' && typos !== 'off') {
          return apiError(400, 'bad_typos', `typos must be "on" or "off", got "${typos}"`);
        }
        const exact = typos === 'off';
        const limit = readLimit(query);
        if (isResponse(limit)) return limit;
        const rawCursor = query.get('cursor');
        const cursor = rawCursor ? decodeSearchCursor(rawCursor) : null;
        if (rawCursor && !cursor) {
          return apiError(400, 'bad_cursor', 'The cursor is not valid; start again from the first page');
        }

        const state = search.state();
        if (state.status === 'warming') {
          return {
            ...apiError(503, 'search_warming_up', 'The search index is still being built; try again shortly'),
            headers: { 'Retry-After': String(state.retryAfterSeconds) },
          };
        }
        if (state.status === 'failed')
          return apiError(500, 'search_failed', `The search index failed: ${state.message}`);
        const { ok: done, ...outcome } = state.core.search({ q, topics, from, to, sort, exact, cursor, limit });
        if (!done) return apiError(400, 'bad_cursor', (outcome as { message: string }).message);
        return ok(outcome);
      },
    },
  ];
}
