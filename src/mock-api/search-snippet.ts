// The snippet under a search result: the body passage around the first matching word, cut at word boundaries.
import { findWord } from './search-text.ts';

export const SNIPPET_LENGTH = 200;
/** How much text before the first match the passage may show. */
const LEAD_IN = 60;
/** How far back a sentence start may be and still be preferred as the passage's start. */
const SENTENCE_REACH = 100;

function nextWordStart(text: string, index: number): number {
  if (index <= 0) return 0;
  if (/\s/.test(text[index - 1]!) && !/\s/.test(text[index] ?? ' ')) return index;
  const rest = text.slice(index).search(/\s\S/);
  return rest === -1 ? index : index + rest + 1;
}

function sentenceStartBefore(text: string, matchStart: number): number | null {
  const from = Math.max(0, matchStart - SENTENCE_REACH);
  const window = text.slice(from, matchStart);
  let found: number | null = null;
  for (const m of window.matchAll(/[.!?]["”’)]?\s+(?=\S)/g)) found = from + m.index + m[0].length;
  return found;
}

/**
 * A plain-text passage of about SNIPPET_LENGTH characters from `body`, around the first word whose normalised
 * form is in `matchedTerms` (the start of the body when no body word matched), with "…" where text was cut.
 */
export function buildSnippet(body: string, matchedTerms: ReadonlySet<string>): string {
  const text = body.replace(/\s+/g, ' ').trim();
  if (text.length <= SNIPPET_LENGTH) return text;
  const first = matchedTerms.size ? findWord(text, (term) => matchedTerms.has(term)) : undefined;

  let start = 0;
  if (first && first.end > SNIPPET_LENGTH - 20) {
    start = sentenceStartBefore(text, first.start) ?? nextWordStart(text, first.start - LEAD_IN);
    // Keep the whole passage full length when the match sits near the end of the text.
    if (text.length - start < SNIPPET_LENGTH) start = nextWordStart(text, text.length - SNIPPET_LENGTH);
    if (start > first.start) start = first.start;
  }

  let end = start + SNIPPET_LENGTH;
  if (end >= text.length) end = text.length;
  else {
    const lastSpace = text.lastIndexOf(' ', end);
    end = lastSpace > start ? lastSpace : end;
  }
  const passage = text
    .slice(start, end)
    .trim()
    .replace(/[\s,;:–—-]+$/, '');
  return `${start > 0 ? '…' : ''}${passage}${end < text.length ? '…' : ''}`;
}
