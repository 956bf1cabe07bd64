// The query parameters of the news API (README: "API contract"), as the server's HTTP plugin reads them: each
// parameter's schema turns the raw string into what the backend's ports take, or refuses it with the API's error
// code (the schema's `code` metadata) and a message that says what was wrong and what was received. An absent and an
// empty parameter mean the same; unknown parameters are ignored.
import * as v from 'valibot';
import { isDayKey } from './day-key.ts';
import { isIsoDateTime } from './news.ts';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './paging.ts';
import { isSearchSort, MAX_SEARCH_QUERY_LENGTH, SEARCH_SORTS, type SearchSort } from './search.ts';

/** The error code the API answers when the schema it marks refuses a value. */
const code = <T>(value: string) => v.metadata<T, { code: string }>({ code: value });

const text = v.optional(v.string(), '');

/** Each parameter once: which of two values was meant is anyone's guess (`limit=2&limit=abc`). */
export const singleValuedQuerySchema = v.pipe(
  v.record(v.string(), v.union([v.string(), v.array(v.string())])),
  v.check(
    (query) => !Object.values(query).some(Array.isArray),
    (issue) => {
      const key = Object.entries(issue.input).find(([, value]) => Array.isArray(value))?.[0];
      return `${key} is given more than once; give it once`;
    },
  ),
  code('repeated_parameter'),
);

/** A comma-separated list of ids, trimmed, without empty entries or repeats. */
const idList = (raw: string) => [
  ...new Set(
    raw
      .split(',')
      .map((id) => id.trim())
      .filter(Boolean),
  ),
];

/** `topics`: any of these topic ids; unknown ids are refused. Null (absent, empty, only commas): every topic. */
const topicsParam = (known: ReadonlySet<string>) =>
  v.pipe(
    text,
    v.transform(idList),
    v.check(
      (ids) => ids.every((id) => known.has(id)),
      (issue) => `Unknown topic: ${issue.input.filter((id) => !known.has(id)).join(', ')}`,
    ),
    v.transform((ids) => (ids.length === 0 ? null : ids)),
    code('unknown_topic'),
  );

/** `exclude`: none of these topic ids. Unknown ids are left out rather than refused: a mute may outlive its topic. */
const excludeParam = (known: ReadonlySet<string>) =>
  v.pipe(
    text,
    v.transform((raw) => idList(raw).filter((id) => known.has(id))),
  );

/** `sources`: stories from any of these sources (ids from GET /sources; `none`: stories without a source); unknown ids
 * are refused. Null (absent, empty, only commas): every source. */
const sourcesParam = (known: ReadonlySet<string>) =>
  v.pipe(
    text,
    v.transform(idList),
    v.check(
      (ids) => ids.every((id) => known.has(id)),
      (issue) =>
        `Unknown source: ${issue.input.filter((id) => !known.has(id)).join(', ')} (GET /api/sources lists them)`,
    ),
    v.transform((ids) => (ids.length === 0 ? null : ids)),
    code('unknown_source'),
  );

/** `excludeSources`: no story from these sources. Unknown ids are left out, as `exclude` does: a dropped source may
 * stop publishing. */
const excludeSourcesParam = (known: ReadonlySet<string>) =>
  v.pipe(
    text,
    v.transform((raw) => idList(raw).filter((id) => known.has(id))),
  );

/** The source filter of the feed, neighbours and search. */
const sourceFilterEntries = (known: ReadonlySet<string>) => ({
  sources: sourcesParam(known),
  excludeSources: excludeSourcesParam(known),
});

/** `since`: an ISO 8601 date-time with offset, as the instant in ms since the epoch; null when absent. */
const sinceParam = v.pipe(
  text,
  v.check(
    (raw) => raw === '' || isIsoDateTime(raw),
    (issue) =>
      `since must be a date and time with its offset, such as 2026-11-27T10:00:00.000+03:00 (a "+" written %2B), got "${issue.input}"`,
  ),
  v.transform((raw) => (raw === '' ? null : Date.parse(raw))),
  code('bad_since'),
);

/** `limit`: 1..MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE when absent. */
const limitParam = v.pipe(
  text,
  v.check(
    (raw) => raw === '' || (/^\d+$/.test(raw) && Number(raw) >= 1 && Number(raw) <= MAX_PAGE_SIZE),
    (issue) => `limit must be a whole number from 1 to ${MAX_PAGE_SIZE}, got "${issue.input}"`,
  ),
  v.transform((raw) => (raw === '' ? DEFAULT_PAGE_SIZE : Number(raw))),
  code('bad_limit'),
);

/** `cursor`: opaque; whoever made it reads it. Null when absent. */
const cursorParam = v.pipe(
  text,
  v.transform((raw) => (raw === '' ? null : raw)),
);

/** A calendar day written YYYY-MM-DD; null when absent. */
const dayParam = (name: string) =>
  v.pipe(
    text,
    v.check(
      (raw) => raw === '' || isDayKey(raw),
      (issue) => `${name} must be a calendar date written YYYY-MM-DD, got "${issue.input}"`,
    ),
    v.transform((raw) => (raw === '' ? null : raw)),
    code('bad_date'),
  );

/** GET /topics */
export const topicsQuerySchema = v.object({ since: sinceParam });

/** GET /articles (checked in this order: the first problem is the one answered). */
export const feedQuerySchema = (knownTopics: ReadonlySet<string>, knownSources: ReadonlySet<string>) =>
  v.object({
    topics: topicsParam(knownTopics),
    exclude: excludeParam(knownTopics),
    ...sourceFilterEntries(knownSources),
    since: sinceParam,
    limit: limitParam,
    cursor: cursorParam,
  });

/** GET /feed.xml (the site's RSS feed, not the API): only the topic filter. */
export const siteFeedQuerySchema = (knownTopics: ReadonlySet<string>) => v.object({ topics: topicsParam(knownTopics) });

/** GET /articles/:id/neighbours: the feed's filter. */
export const neighboursQuerySchema = (knownTopics: ReadonlySet<string>, knownSources: ReadonlySet<string>) =>
  v.object({
    topics: topicsParam(knownTopics),
    exclude: excludeParam(knownTopics),
    ...sourceFilterEntries(knownSources),
  });

/** GET /search */
export const searchQuerySchema = (knownTopics: ReadonlySet<string>, knownSources: ReadonlySet<string>) =>
  v.pipe(
    v.object({
      q: v.pipe(
        v.optional(v.nullable(v.string()), null),
        v.check((raw) => raw !== null, 'q is required: the words to search for'),
        v.transform((raw) => (raw ?? '').trim()),
        v.check((q) => q.length > 0, 'q must not be empty: give at least one word to search for'),
        v.check(
          (q) => q.length <= MAX_SEARCH_QUERY_LENGTH,
          (issue) =>
            `q is too long: ${issue.input.length} characters after trimming, at most ${MAX_SEARCH_QUERY_LENGTH} are allowed`,
        ),
        code('bad_query'),
      ),
      topics: topicsParam(knownTopics),
      ...sourceFilterEntries(knownSources),
      from: dayParam('from'),
      to: dayParam('to'),
      sort: v.pipe(
        text,
        v.check(
          (raw) => raw === '' || isSearchSort(raw),
          (issue) => `sort must be ${SEARCH_SORTS.map((s) => `"${s}"`).join(' or ')}, got "${issue.input}"`,
        ),
        v.transform((raw): SearchSort => (raw === '' ? 'relevance' : (raw as SearchSort))),
        code('bad_sort'),
      ),
      /** `typos=off`: only the words as typed, no look-alikes. */
      typos: v.pipe(
        text,
        v.check(
          (raw) => raw === '' || raw === 'on' || raw === 'off',
          (issue) => `typos must be "on" or "off", got "${issue.input}"`,
        ),
        code('bad_typos'),
      ),
      limit: limitParam,
      cursor: cursorParam,
    }),
    v.check(
      ({ from, to }) => !(from && to && from > to),
      (issue) => `from (${issue.input.from}) is after to (${issue.input.to}); the range would be empty`,
    ),
    code('bad_date_range'),
  );

/** GET /rates */
export const ratesQuerySchema = v.object({ date: dayParam('date') });

/** GET /rates/history */
export const rateHistoryQuerySchema = v.pipe(
  v.object({
    code: v.pipe(
      text,
      v.transform((raw) => raw.trim()),
      v.check((currency) => currency !== '', 'code is required, e.g. code=USD'),
      code('missing_code'),
    ),
    from: dayParam('from'),
    to: dayParam('to'),
  }),
  v.check(
    ({ from, to }) => !(from !== null && to !== null && from > to),
    (issue) => `from (${issue.input.from}) must not be later than to (${issue.input.to})`,
  ),
  code('bad_range'),
);

/** The API's answer to the first problem valibot found in a query: the refused parameter's code, and the message. */
export function queryError(schema: v.GenericSchema, issues: readonly v.BaseIssue<unknown>[]) {
  const [issue] = issues;
  const key = issue?.path?.[0]?.key;
  const entries = (schema as { entries?: Record<string, v.GenericSchema> }).entries;
  const refused = typeof key === 'string' && entries?.[key] ? entries[key] : schema;
  const { code: errorCode } = v.getMetadata(refused) as { code?: string };
  return { code: errorCode ?? 'bad_request', message: issue?.message ?? 'The query could not be read' };
}
