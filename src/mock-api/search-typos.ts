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

/** The characters a word holds, as bits (character code mod 32): one edit changes at most two of them. */
function characterMask(word: string): number {
  let mask = 0;
  for (let i = 0; i < word.length; i++) mask |= 1 << (word.charCodeAt(i) & 31);
  return mask;
}

function bitCount(value: number): number {
  let v = value - ((value >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

export interface Vocabulary {
  /** Vocabulary numbers grouped by word length, so a typo search reads only words of a possible length. */
  byLength: ReadonlyMap<number, Uint32Array>;
  /** characterMask of every word: a cheap test that rules most words out before computing a distance. */
  masks: Uint32Array;
}

export function vocabularyOf(index: SearchIndex): Vocabulary {
  const groups = new Map<number, number[]>();
  const masks = new Uint32Array(index.terms.length);
  index.terms.forEach((term, t) => {
    masks[t] = characterMask(term);
    const group = groups.get(term.length);
    if (group) group.push(t);
    else groups.set(term.length, [t]);
  });
  return { byLength: new Map([...groups].map(([length, terms]) => [length, Uint32Array.from(terms)])), masks };
}

/**
 * Archive words within `max` edits of `word` (with `asPrefix`, also words whose start is), closest first, then
 * the most widespread; at most `limit`.
 */
export function closeWords(
  index: SearchIndex,
  { byLength, masks }: Vocabulary,
  word: string,
  max: number,
  limit: number,
  asPrefix = false,
): CloseWord[] {
  const found: CloseWord[] = [];
  const wordMask = characterMask(word);
  for (const [length, terms] of byLength) {
    const reach = length - word.length;
    if (Math.abs(reach) > max && !(asPrefix && reach > 0)) continue;
    const whole = Math.abs(reach) <= max;
    for (const t of terms) {
      if (whole && !asPrefix && bitCount(wordMask ^ masks[t]!) > 2 * max) continue;
      const term = index.terms[t]!;
      let distance = boundedDistance(word, term, max);
      if (asPrefix && distance > max && reach > 0) distance = boundedDistance(word, term.slice(0, word.length), max);
      if (distance <= max) found.push({ term: t, distance });
    }
  }
  found.sort((a, b) => a.distance - b.distance || documentFrequency(index, b.term) - documentFrequency(index, a.term));
  return found.slice(0, limit);
}
