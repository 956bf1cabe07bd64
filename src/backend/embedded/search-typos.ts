// Words of the archive close to a word that appears nowhere: the typo candidates of a search and the corrections
// behind "Did you mean …?". Distances are those of src/contract/words.ts (isTypoOf): a swap of two neighbouring
// letters counts as one edit, as it is one slip of the fingers.
import { documentFrequency, type SearchIndex } from './search-index.ts';

let beforePreviousRow = new Int32Array(64);
let previousRow = new Int32Array(64);
let currentRow = new Int32Array(64);

/**
 * The contract's edit distance (a swap of two neighbouring letters is one edit) of a and b, or max + 1 as soon as
 * it must exceed max (reuses three rows: no garbage).
 */
export function boundedDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (b.length + 1 > previousRow.length) {
    beforePreviousRow = new Int32Array(b.length * 2 + 2);
    previousRow = new Int32Array(b.length * 2 + 2);
    currentRow = new Int32Array(b.length * 2 + 2);
  }
  let beforePrevious = beforePreviousRow;
  let previous = previousRow;
  let current = currentRow;
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let best = i;
    const ca = a.charCodeAt(i - 1);
    const before = i > 1 ? a.charCodeAt(i - 2) : -1;
    for (let j = 1; j <= b.length; j++) {
      const cb = b.charCodeAt(j - 1);
      const substitution = previous[j - 1]! + (ca === cb ? 0 : 1);
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution);
      if (j > 1 && ca === b.charCodeAt(j - 2) && before === cb && beforePrevious[j - 2]! + 1 < value) {
        value = beforePrevious[j - 2]! + 1;
      }
      current[j] = value;
      if (value < best) best = value;
    }
    if (best > max) return max + 1;
    [beforePrevious, previous, current] = [previous, current, beforePrevious];
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
 * Archive words within `max` edits of `word` (with `prefixMax`, also words whose start is within that many edits),
 * closest first, then those with the same first letter, then the most widespread; at most `limit`.
 */
export function closeWords(
  index: SearchIndex,
  { byLength, masks }: Vocabulary,
  word: string,
  max: number,
  limit: number,
  prefixMax: number | null = null,
): CloseWord[] {
  const found: CloseWord[] = [];
  const wordMask = characterMask(word);
  for (const [length, terms] of byLength) {
    const reach = length - word.length;
    const asPrefix = prefixMax !== null && reach > 0;
    if (Math.abs(reach) > max && !asPrefix) continue;
    const whole = Math.abs(reach) <= max;
    for (const t of terms) {
      if (whole && !asPrefix && bitCount(wordMask ^ masks[t]!) > 2 * max) continue;
      const term = index.terms[t]!;
      let distance = whole ? boundedDistance(word, term, max) : max + 1;
      if (asPrefix && distance > max) {
        const start = boundedDistance(word, term.slice(0, word.length), prefixMax);
        if (start <= prefixMax) distance = start;
      }
      if (distance <= max) found.push({ term: t, distance });
    }
  }
  // Slips of the first letter are the rarest, so among equally close words those that keep it come first.
  const first = word.charCodeAt(0);
  const changesFirst = (t: number) => (index.terms[t]!.charCodeAt(0) === first ? 0 : 1);
  found.sort(
    (a, b) =>
      a.distance - b.distance ||
      changesFirst(a.term) - changesFirst(b.term) ||
      documentFrequency(index, b.term) - documentFrequency(index, a.term),
  );
  return found.slice(0, limit);
}
