// Word rules shared by the search API (src/backend), the search view's highlighting and the word counts behind
// reading times: what a word is, when two words are the same (case and accents ignored), and when a word is a
// forgivable typo of another. Pure, no imports.

/** The same separators minisearch uses: whitespace, line breaks and punctuation. */
const WORD_SEPARATORS = /[\n\r\p{Z}\p{P}]+/u;
/** One word (use with matchAll / replace, which copy the regex, so its lastIndex is never shared). */
export const WORD = /[^\n\r\p{Z}\p{P}]+/gu;

// Letters that NFD does not split into a base letter plus a mark; Greek final sigma is sigma ("ΚΟΣ" typed in capitals
// lower-cases to "κος", which must still find "κόσμος" as a prefix).
const FOLDED: Record<string, string> = {
  ß: 'ss',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  æ: 'ae',
  œ: 'oe',
  ı: 'i',
  þ: 'th',
  ς: 'σ',
};

/** Lower case, accents removed: "Zürich" -> "zurich", "Plzeň" -> "plzen", "Αθήνας" -> "αθηνασ"; "" for a word with no letters left. */
export function foldWord(word: string): string {
  return word
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[ßøłđðæœıþς]/g, (ch) => FOLDED[ch] ?? ch);
}

/** foldWord, but null for a term with no letters left (minisearch drops it). */
export function normalizeTerm(term: string): string | null {
  return foldWord(term) || null;
}

export function tokenize(text: string): string[] {
  return text.split(WORD_SEPARATORS).filter(Boolean);
}

/** The query's words, folded, in order, without repeats. */
export function queryTerms(q: string): string[] {
  return [...new Set(tokenize(q).map(foldWord).filter(Boolean))];
}

/** Words in a text: runs of non-space characters (the count behind reading times and summaries' wordCount). */
export function countWords(text: string): number {
  return text.match(/\S+/g)?.length ?? 0;
}

/**
 * How many typos a search word may have: none below 5 letters (so "grain" never pulls in "rain"), one edit from
 * 5 letters, two from 9. Only words that appear nowhere as written are ever matched this way.
 */
export function typoAllowance(term: string): number {
  if (term.length < 5) return 0;
  return term.length >= 9 ? 2 : 1;
}

/**
 * Edit distance counting an insertion, a deletion, a substitution or a swap of two neighbouring letters as one
 * edit ("recieve" is one edit from "receive"; optimal string alignment), giving up (returning max + 1) once it
 * must exceed `max`.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        current[j] = Math.min(current[j]!, beforePrevious[j - 2]! + 1);
      }
      best = Math.min(best, current[j]!);
    }
    if (best > max) return max + 1;
    beforePrevious = previous;
    previous = current;
  }
  return previous[b.length]!;
}

/** True when `word` is within the typo allowance of the search term `term` (both folded). */
export function isTypoOf(word: string, term: string): boolean {
  const allowance = typoAllowance(term);
  return allowance > 0 && editDistance(word, term, allowance) <= allowance;
}
