// Word rules of search, shared by the search API (src/mock-api) and the search view's highlighting, so both
// agree on what a word is and when two words are the same: case and accents ignored. Pure, no imports.

/** The same separators minisearch uses: whitespace, line breaks and punctuation. */
const WORD_SEPARATORS = /[\n\r\p{Z}\p{P}]+/u;
/** One word (use with matchAll / replace, which copy the regex, so its lastIndex is never shared). */
export const WORD = /[^\n\r\p{Z}\p{P}]+/gu;

// Letters that NFD does not split into a base letter plus a mark.
const FOLDED: Record<string, string> = { ß: 'ss', ø: 'o', ł: 'l', đ: 'd', ð: 'd', æ: 'ae', œ: 'oe', ı: 'i', þ: 'th' };

/** Lower case, accents removed: "Zürich" -> "zurich", "Plzeň" -> "plzen"; "" for a word with no letters left. */
export function foldWord(word: string): string {
  return word
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[ßøłđðæœıþ]/g, (ch) => FOLDED[ch] ?? ch);
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
