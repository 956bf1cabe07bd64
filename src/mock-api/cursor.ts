// Opaque keyset cursor: the position (time, id) of the last item sent. Newer articles arriving
// later sort before that position, so they never shift or repeat the pages that follow.
export interface CursorPosition {
  time: number;
  id: string;
}

/** The one cursor codec of the API: a JSON array in base64url, so cursors stay opaque and URL-safe. */
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

export function encodeCursor(position: CursorPosition): string {
  return encodeToken([position.time, position.id]);
}

export function decodeCursor(cursor: string): CursorPosition | null {
  const value = decodeToken(cursor);
  if (!value || value.length !== 2) return null;
  const [time, id] = value;
  return isFiniteNumber(time) && typeof id === 'string' ? { time, id } : null;
}

/** Newest first; ties broken by id so the order is total and stable. */
export function compareNewestFirst(a: CursorPosition, b: CursorPosition): number {
  return b.time - a.time || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** A copy of `items` sorted with compareNewestFirst. */
export function sortByNewest<T>(items: readonly T[], position: (item: T) => CursorPosition): T[] {
  const positions = new Map(items.map((item) => [item, position(item)]));
  return [...items].sort((a, b) => compareNewestFirst(positions.get(a)!, positions.get(b)!));
}
