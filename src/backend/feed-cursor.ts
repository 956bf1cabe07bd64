// The feed's order and its opaque keyset cursor, shared by the HTTP plugin (which turns a FeedPosition into the
// `cursor` parameter and back) and the adapters (which order and page by it). A cursor is the position (time, id) of
// the last item sent: newer articles arriving later sort before it, so they never shift or repeat the pages after it.
import type { Article } from '../contract/news.ts';
import type { FeedPosition } from './ports.ts';

/** The one token codec of the API: a JSON array in base64url, so cursors stay opaque and URL-safe. */
export function encodeToken(fields: readonly unknown[]): string {
  return Buffer.from(JSON.stringify(fields), 'utf8').toString('base64url');
}

/** The array a token holds, or null when it is not one of ours (malformed, too long, not an array). */
export function decodeToken(raw: string): unknown[] | null {
  if (!/^[A-Za-z0-9_-]{1,400}$/.test(raw)) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
    return Array.isArray(value) ? value : null;
  } catch {
    return null;
  }
}

export const isFiniteNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

export function encodeFeedCursor(position: FeedPosition): string {
  return encodeToken([position.time, position.id]);
}

/** The position a feed cursor holds, or null when it is not a feed cursor. */
export function decodeFeedCursor(cursor: string): FeedPosition | null {
  const value = decodeToken(cursor);
  if (!value || value.length !== 2) return null;
  const [time, id] = value;
  return isFiniteNumber(time) && typeof id === 'string' ? { time, id } : null;
}

/** Newest first; ties broken by id (compared as UTF-16 code units) so the order is total and stable. */
export function compareNewestFirst(a: FeedPosition, b: FeedPosition): number {
  return b.time - a.time || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** A copy of the articles in the feed's order. */
export function sortNewestFirst<T extends Pick<Article, 'publishedAt' | 'id'>>(articles: readonly T[]): T[] {
  const positions = new Map(articles.map((a) => [a, { time: Date.parse(a.publishedAt), id: a.id }]));
  return [...articles].sort((a, b) => compareNewestFirst(positions.get(a)!, positions.get(b)!));
}
