// Text handling shared by the search index and its snippets: one tokenizer, one term normaliser.

/** The same separators minisearch uses: whitespace, line breaks and punctuation. */
export const WORD_SEPARATORS = /[\n\r\p{Z}\p{P}]+/u;
const WORD = /[^\n\r\p{Z}\p{P}]+/gu;

// Letters that NFD does not split into a base letter plus a mark.
const FOLDED: Record<string, string> = { ß: 'ss', ø: 'o', ł: 'l', đ: 'd', ð: 'd', æ: 'ae', œ: 'oe', ı: 'i', þ: 'th' };

/** Lower case, accents removed: "Zürich" -> "zurich", "Plzeň" -> "plzen". Null for a term with no letters left. */
export function normalizeTerm(term: string): string | null {
  const folded = term
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[ßøłđðæœıþ]/g, (ch) => FOLDED[ch] ?? ch);
  return folded.length > 0 ? folded : null;
}

export function tokenize(text: string): string[] {
  return text.split(WORD_SEPARATORS).filter(Boolean);
}

/** Normalised query terms, in order, without repeats. */
export function queryTerms(q: string): string[] {
  const terms = tokenize(q)
    .map(normalizeTerm)
    .filter((t): t is string => t !== null);
  return [...new Set(terms)];
}

export interface WordSpan {
  start: number;
  end: number;
  term: string;
}

/** The first word of `text` whose normalised form passes `wanted`, with its position. */
export function findWord(text: string, wanted: (term: string) => boolean): WordSpan | undefined {
  for (const match of text.matchAll(WORD)) {
    const term = normalizeTerm(match[0]);
    if (term && wanted(term)) return { start: match.index, end: match.index + match[0].length, term };
  }
  return undefined;
}
