// The PostgreSQL search's own cursors: opaque (base64url JSON), each carrying a fingerprint of the search it belongs
// to, so a cursor of another query, filter, sort or typo setting is refused instead of paging through the wrong
// results. A place in the results is a typo tier and, within it: for relevance, a position in the tier's ranked
// window (whose bounds the cursor keeps, so stories arriving meanwhile do not shift it) or, past the window, the
// last story sent; for newest, the last story sent. Stories are placed by (microseconds, id).
import { createHash } from 'node:crypto';
import type { SearchRequest } from '../../contract/search.ts';
import { sourceFingerprint } from '../source-ids.ts';

export interface Place {
  /** Publication instant in microseconds since the epoch (PostgreSQL's precision). */
  micros: number;
  id: string;
}

export type SearchCursor =
  /** Relevance, inside the ranked window [top, bottom] of a tier (bottom null: the window is the whole tier). */
  | { kind: 'ranked'; tier: number; top: Place; bottom: Place | null; offset: number }
  /** Relevance past the window, or newest: the stories of the tier after `after` in newest-first order. */
  | { kind: 'older' | 'newest'; tier: number; after: Place };

/** Which search a cursor belongs to: the folded words, topics, sources, days, sort and typo setting. */
export function searchFingerprint(terms: readonly string[], request: SearchRequest): string {
  const { topics, from, to, sort, exact = false } = request;
  const canonical = JSON.stringify([
    'pg',
    terms,
    topics ? [...topics].sort() : null,
    from,
    to,
    sort,
    exact,
    ...sourceFingerprint(request),
  ]);
  return createHash('sha256').update(canonical).digest('base64url').slice(0, 16);
}

const placeFields = (place: Place | null) => (place ? [place.micros, place.id] : [null, null]);

export function encodeSearchCursor(fingerprint: string, cursor: SearchCursor): string {
  const fields =
    cursor.kind === 'ranked'
      ? ['r', fingerprint, cursor.tier, cursor.offset, ...placeFields(cursor.top), ...placeFields(cursor.bottom)]
      : [cursor.kind === 'older' ? 'o' : 'n', fingerprint, cursor.tier, ...placeFields(cursor.after)];
  return Buffer.from(JSON.stringify(fields), 'utf8').toString('base64url');
}

const isCount = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;

function placeOf(micros: unknown, id: unknown): Place | null {
  return Number.isSafeInteger(micros) && typeof id === 'string' ? { micros: micros as number, id } : null;
}

export type DecodedCursor = { fingerprint: string; cursor: SearchCursor } | null;

/** The cursor in `raw`, or null when it is not one of this adapter's. */
export function decodeSearchCursor(raw: string): DecodedCursor {
  if (!/^[A-Za-z0-9_-]{1,2000}$/.test(raw)) return null;
  let fields: unknown;
  try {
    fields = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (!Array.isArray(fields) || typeof fields[1] !== 'string' || !isCount(fields[2])) return null;
  const [kind, fingerprint, tier, ...rest] = fields as [unknown, string, number, ...unknown[]];
  if (kind === 'r' && rest.length === 5 && isCount(rest[0]) && rest[0] > 0) {
    const top = placeOf(rest[1], rest[2]);
    const bottom = placeOf(rest[3], rest[4]);
    const openEnded = rest[3] === null && rest[4] === null;
    if (!top || (!bottom && !openEnded)) return null;
    return { fingerprint, cursor: { kind: 'ranked', tier, offset: rest[0], top, bottom } };
  }
  if ((kind === 'o' || kind === 'n') && rest.length === 2) {
    const after = placeOf(rest[0], rest[1]);
    return after ? { fingerprint, cursor: { kind: kind === 'o' ? 'older' : 'newest', tier, after } } : null;
  }
  return null;
}
