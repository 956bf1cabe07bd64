// Opaque keyset cursor: the position (time, id) of the last item sent. Newer articles arriving
// later sort before that position, so they never shift or repeat the pages that follow.
export interface CursorPosition {
  time: number;
  id: string;
}

export function encodeCursor(position: CursorPosition): string {
  return Buffer.from(JSON.stringify([position.time, position.id]), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): CursorPosition | null {
  try {
    if (!/^[A-Za-z0-9_-]+$/.test(cursor)) return null;
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!Array.isArray(value) || value.length !== 2) return null;
    const [time, id] = value as unknown[];
    if (typeof time !== 'number' || !Number.isFinite(time) || typeof id !== 'string') return null;
    return { time, id };
  } catch {
    return null;
  }
}

/** Newest first; ties broken by id so the order is total and stable. */
export function compareNewestFirst(a: CursorPosition, b: CursorPosition): number {
  return b.time - a.time || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export interface PageOf<T> {
  items: T[];
  nextCursor: string | null;
}

/** One page after `cursor` from a list already sorted with compareNewestFirst. */
export function pageAfter<T>(
  sorted: readonly T[],
  position: (item: T) => CursorPosition,
  cursor: CursorPosition | null,
  limit: number,
): PageOf<T> {
  const start = cursor ? sorted.findIndex((item) => compareNewestFirst(position(item), cursor) > 0) : 0;
  const from = start === -1 ? sorted.length : start;
  const items = sorted.slice(from, from + limit);
  const hasMore = from + limit < sorted.length;
  return { items, nextCursor: hasMore && items.length ? encodeCursor(position(items[items.length - 1]!)) : null };
}
