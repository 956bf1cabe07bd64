// The search snippets' word finder. The word rules themselves (tokenizer, term normaliser) are in
// src/lib/search-text.ts, shared with the search view's highlighting.
import { normalizeTerm, WORD } from '../../contract/words.ts';

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
