// Which words of a result to highlight for a query. Follows the search API's word rules (src/contract/words):
// case and accents ignored, the last word also as a prefix, typos forgiven in words found nowhere as written.
// The output is plain text segments; the view wraps matches in <mark>, so no markup is ever injected.
import { foldWord, isTypoOf, queryTerms, WORD } from '@/contract/words';

export interface HighlightPlan {
  terms: readonly string[];
  /** Terms found in none of the texts as written: only these may match a misspelt look-alike. */
  fuzzy: ReadonlySet<string>;
}

function literalMatch(word: string, terms: readonly string[]): boolean {
  const last = terms.length - 1;
  return terms.some((t, i) => word === t || (i === last && word.startsWith(t)));
}

/** Plans the highlighting of one result (its title and snippet together) for the query `q`. */
export function planHighlight(q: string, texts: readonly string[]): HighlightPlan {
  const terms = queryTerms(q);
  const words = texts.flatMap((text) => [...text.matchAll(WORD)].map((m) => foldWord(m[0])));
  const last = terms.length - 1;
  const fuzzy = new Set(terms.filter((t, i) => !words.some((w) => w === t || (i === last && w.startsWith(t)))));
  return { terms, fuzzy };
}

export interface Segment {
  text: string;
  match: boolean;
}

/** Splits `text` into plain segments, marking each whole word that matches the plan. */
export function splitHighlights(text: string, plan: HighlightPlan): Segment[] {
  const segments: Segment[] = [];
  let position = 0;
  const push = (part: string, match: boolean) => {
    if (!part) return;
    const previous = segments[segments.length - 1];
    if (previous && previous.match === match && !match) previous.text += part;
    else segments.push({ text: part, match });
  };
  if (plan.terms.length === 0) return text ? [{ text, match: false }] : [];
  for (const m of text.matchAll(WORD)) {
    const word = foldWord(m[0]);
    const hit = literalMatch(word, plan.terms) || [...plan.fuzzy].some((t) => isTypoOf(word, t));
    if (!hit) continue;
    push(text.slice(position, m.index), false);
    push(m[0], true);
    position = m.index + m[0].length;
  }
  push(text.slice(position), false);
  return segments;
}
