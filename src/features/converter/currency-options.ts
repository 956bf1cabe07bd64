// Which currencies a picker offers for what the reader typed, and how each is labelled.
import type { RateEntry } from './money';

const normalize = (text: string) => text.toLowerCase().replace(/\s+/g, ' ').trim();

/** Favourites first, then matches on the code's start, then the rest; each group by code. */
export function filterCurrencies(
  currencies: readonly RateEntry[],
  favourites: readonly string[],
  query: string,
): RateEntry[] {
  const q = normalize(query);
  const rank = (c: RateEntry) => {
    const code = c.code.toLowerCase();
    if (!q) return 0;
    if (code === q) return 0;
    if (code.startsWith(q)) return 1;
    if (
      normalize(c.name)
        .split(' ')
        .some((word) => word.startsWith(q))
    )
      return 2;
    if (code.includes(q) || normalize(c.name).includes(q)) return 3;
    return -1;
  };
  return currencies
    .map((c) => ({ c, r: rank(c), fav: favourites.includes(c.code) ? 0 : 1 }))
    .filter((x) => x.r >= 0)
    .sort((a, b) => a.fav - b.fav || a.r - b.r || a.c.code.localeCompare(b.c.code))
    .map((x) => x.c);
}

export const currencyLabel = (c: RateEntry) => `${c.code} — ${c.name}`;
