// The feed's order in SQL, exactly as cursor.ts orders it in JavaScript: newest first by the instant to the
// millisecond, ties by id byte by byte (the id columns are COLLATE "C"). Instants travel as whole milliseconds
// since the epoch and become timestamptz by integer arithmetic, so year 0000 and any cursor a client sends map
// without a text round trip PostgreSQL could refuse.
import type { FeedFilter, FeedPosition } from '../ports.ts';

/** SQL for the timestamptz of the bigint parameter `$n` (ms since the epoch). */
export const instantSql = (n: number) => `('epoch'::timestamptz + $${n}::bigint * interval '1 millisecond')`;

/** SQL reading a timestamptz column back as ms since the epoch (a JavaScript number). */
export const msSql = (column: string) => `(extract(epoch FROM ${column}) * 1000)::float8`;

// Past every story (their years have four digits) yet inside timestamptz's range (4713 BC to 294276 AD).
const EARLIEST_MS = -200_000_000_000_000;
const LATEST_MS = 8_700_000_000_000_000;

/** A whole number of ms in timestamptz's range that compares with every stored instant as `ms` does. */
function clampMs(ms: number): number {
  return Math.min(LATEST_MS, Math.max(EARLIEST_MS, ms));
}

/** `since` as a parameter: stories published strictly after `ms`, i.e. after the whole ms at or below it. */
export const sinceParam = (ms: number) => String(clampMs(Math.floor(ms)));

/**
 * A client's cursor as a position that selects the same stories. A fraction of a ms (cursors are opaque, but any
 * number decodes) lies between two whole instants: every story at or before its floor comes after it, which
 * (floor, "") says, since ids are never empty. An id is cut at a NUL (text cannot hold one; no slug compares
 * differently with the cut id).
 */
function storedPosition({ time, id }: FeedPosition): { time: string; id: string } {
  const cut = id.indexOf('\0');
  const whole = Number.isInteger(time) ? time : Math.floor(time);
  return {
    time: String(clampMs(whole)),
    id: Number.isInteger(time) ? (cut === -1 ? id : id.slice(0, cut)) : '',
  };
}

export type Direction = 'older' | 'newer';

/**
 * SQL and parameters choosing the stories beyond `from` in `direction` (null: from the top), under `filter` and
 * `since`, in that direction's order, at most `count`. `published_at <= t` repeats the keyset bound in a form the
 * feed index can start its scan at.
 */
export function feedQuery(
  { topics, exclude, sources, excludeSources = [] }: FeedFilter,
  since: number | null,
  from: FeedPosition | null,
  direction: Direction,
  count: number,
): { text: string; values: unknown[] } {
  const values: unknown[] = [];
  const param = (value: unknown) => {
    values.push(value);
    return values.length;
  };
  const where: string[] = [];
  if (topics) where.push(`topics && $${param(topics)}::text[]`);
  if (exclude.length > 0) where.push(`NOT (topics && $${param(exclude)}::text[])`);
  // One source ("Only this") as a plain equality, so its pages are read from the source's own index in feed order.
  if (sources?.length === 1) where.push(`source_id = $${param(sources[0])}::text`);
  else if (sources) where.push(`source_id = ANY($${param(sources)}::text[])`);
  if (excludeSources.length > 0) where.push(`source_id <> ALL($${param(excludeSources)}::text[])`);
  if (since !== null) where.push(`published_at > ${instantSql(param(sinceParam(since)))}`);
  if (from) {
    const position = storedPosition(from);
    const at = instantSql(param(position.time));
    const id = `$${param(position.id)}::text`;
    where.push(
      direction === 'older'
        ? `published_at <= ${at} AND (published_at < ${at} OR id > ${id})`
        : `published_at >= ${at} AND (published_at > ${at} OR id < ${id})`,
    );
  }
  const order = direction === 'older' ? 'published_at DESC, id ASC' : 'published_at ASC, id DESC';
  const text = `SELECT id, ${msSql('published_at')} AS time, summary FROM articles
    ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY ${order} LIMIT $${param(count)}`;
  return { text, values };
}
