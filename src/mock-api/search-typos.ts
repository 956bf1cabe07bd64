// Words of the archive close to a word that appears nowhere: the typo candidates of a search and the corrections
// behind "Did you mean …?". Distances are plain Levenshtein, as in src/contract/words.ts (isTypoOf).
import { documentFrequency, type SearchIndex } from './search-index.ts';

let previousRow = new Int32Array(64);
let currentRow = new Int32Array(64);

/** Levenshtein distance of a and b, or max + 1 as soon as it must exceed max (reuses two rows: no garbage). */
export function boundedDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (b.length + 1 > previousRow.length) {
    previousRow = new Int32Array(b.length * 2 + 2);
    currentRow = new Int32Array(b.length * 2 + 2);
  }
  let previous = previousRow;
  let current = currentRow;
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let best = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (ca === b.charCodeAt(j - 1) ? 0 : 1);
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution);
      current[j] = value;
      if (value < best) best = value;
    }
    if (best > max) return max + 1;
    [previous, current] = [current, previous];
  }
  return previous[b.length]!;
}

export interface CloseWord {
  term: number;
  distance: number;
}

/** Vocabulary numbers grouped by word length, so a typo search reads only words of a possible length. */
export function termsByLength(index: SearchIndex): Map<number, Uint32Array> {
  const groups = new Map<number, number[]>();
  index.terms.forEach((term, t) => {
    const group = groups.get(term.length);
    if (group) group.push(t);
    else groups.set(term.length, [t]);
  });
  return new Map([...groups].map(([length, terms]) => [length, Uint32Array.from(terms)]));
}

/**
 * Archive words within `max` edits of `word` (with `asPrefix`, also words whose start is), closest first, then
 * the most widespread; at most `limit`.
 */
export function closeWords(
  index: SearchIndex,
  byLength: ReadonlyMap<number, Uint32Array>,
  word: string,
  max: number,
  limit: number,
  asPrefix = false,
): CloseWord[] {
  const found: CloseWord[] = [];
  for (const [length, terms] of byLength) {
    const reach = length - word.length;
    if (Math.abs(reach) > max && !(asPrefix && reach > 0)) continue;
    for (const t of terms) {
      const term = index.terms[t]!;
      let distance = boundedDistance(word, term, max);
      if (asPrefix && distance > max && reach > 0) distance = boundedDistance(word, term.slice(0, word.length), max);
      if (distance <= max) found.push({ term: t, distance });
    }
  }
  found.sort((a, b) => a.distance - b.distance || documentFrequency(index, b.term) - documentFrequency(index, a.term));
  return found.slice(0, limit);
}
