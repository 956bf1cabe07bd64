// Opaque cursors for /search pages. Each one carries a fingerprint of the search it belongs to, so a cursor
// from another query, filter or sort is refused instead of silently paging through the wrong results.
// Relevance pages resume at an offset (the index is built once, so the order never changes while the server
// runs); "newest" pages resume after the (time, id) of the last item sent, like the feed.
import { createHash } from 'node:crypto';

export type SearchSort = 'relevance' | 'newest';

export type SearchCursor =
  | { sort: 'relevance'; fingerprint: string; offset: number }
  | { sort: 'newest'; fingerprint: string; time: number; id: string };

export interface SearchIdentity {
  terms: readonly string[];
  topics: readonly string[] | null;
  from: string | null;
  to: string | null;
  sort: SearchSort;
}

export function searchFingerprint({ terms, topics, from, to, sort }: SearchIdentity): string {
  const canonical = JSON.stringify([terms, topics ? [...topics].sort() : null, from, to, sort]);
  return createHash('sha256').update(canonical).digest('base64url').slice(0, 16);
}

export function encodeSearchCursor(cursor: SearchCursor): string {
  const value =
    cursor.sort === 'relevance'
      ? ['r', cursor.fingerprint, cursor.offset]
      : ['n', cursor.fingerprint, cursor.time, cursor.id];
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

export function decodeSearchCursor(raw: string): SearchCursor | null {
  if (!/^[A-Za-z0-9_-]{1,400}$/.test(raw)) return null;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (!Array.isArray(value) || typeof value[1] !== 'string') return null;
  const [kind, fingerprint] = value as [unknown, string];
  if (kind === 'r' && value.length === 3) {
    const offset = value[2] as unknown;
    if (typeof offset !== 'number' || !Number.isSafeInteger(offset) || offset < 1) return null;
    return { sort: 'relevance', fingerprint, offset };
  }
  if (kind === 'n' && value.length === 4) {
    const [, , time, id] = value as unknown[];
    if (typeof time !== 'number' || !Number.isFinite(time) || typeof id !== 'string') return null;
    return { sort: 'newest', fingerprint, time, id };
  }
  return null;
}
