// Opaque cursors for /search pages. Each one carries a fingerprint of the search it belongs to, so a cursor
// from another query, filter or sort is refused instead of silently paging through the wrong results.
// Relevance pages resume at an offset (the index is built once, so the order never changes while the server
// runs); "newest" pages resume after the (typo tier, time, id) of the last item sent, like the feed.
import { createHash } from 'node:crypto';
import type { SearchSort } from '../../contract/search.ts';
import { decodeToken, encodeToken, isFiniteNumber } from '../feed-cursor.ts';
import type { SourceFilter } from '../ports.ts';
import { sourceFingerprint } from '../source-ids.ts';

export type SearchCursor =
  | { sort: 'relevance'; fingerprint: string; offset: number }
  | { sort: 'newest'; fingerprint: string; tier: number; time: number; id: string };

export interface SearchIdentity extends SourceFilter {
  terms: readonly string[];
  topics: readonly string[] | null;
  from: string | null;
  to: string | null;
  sort: SearchSort;
  exact: boolean;
}

export function searchFingerprint(identity: SearchIdentity): string {
  const { terms, topics, from, to, sort, exact } = identity;
  // An exact search keeps the fingerprint it always had with typos allowed, plus a mark; a source filter adds its own.
  const canonical = JSON.stringify([
    terms,
    topics ? [...topics].sort() : null,
    from,
    to,
    sort,
    ...(exact ? [1] : []),
    ...sourceFingerprint(identity),
  ]);
  return createHash('sha256').update(canonical).digest('base64url').slice(0, 16);
}

export function encodeSearchCursor(cursor: SearchCursor): string {
  return encodeToken(
    cursor.sort === 'relevance'
      ? ['r', cursor.fingerprint, cursor.offset]
      : ['n', cursor.fingerprint, cursor.time, cursor.id, cursor.tier],
  );
}

export function decodeSearchCursor(raw: string): SearchCursor | null {
  const value = decodeToken(raw);
  if (!value || typeof value[1] !== 'string') return null;
  const [kind, fingerprint, ...rest] = value as [unknown, string, ...unknown[]];
  if (kind === 'r' && rest.length === 1) {
    const [offset] = rest;
    if (typeof offset !== 'number' || !Number.isSafeInteger(offset) || offset < 1) return null;
    return { sort: 'relevance', fingerprint, offset };
  }
  if (kind === 'n' && rest.length === 3) {
    const [time, id, tier] = rest;
    return isFiniteNumber(time) && typeof id === 'string' && Number.isSafeInteger(tier) && (tier as number) >= 0
      ? { sort: 'newest', fingerprint, tier: tier as number, time, id }
      : null;
  }
  return null;
}
