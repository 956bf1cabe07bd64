// The snippet under a result (README "Search"): plain text, about 200 characters of the body around the first word
// that matched (from the start of its sentence when near), cut at word boundaries with "…" where text was cut; the
// start of the body when only the title or lead matched. Built here from the page's stories only.
import { foldWord, WORD } from '../../contract/words.ts';

const SNIPPET_LENGTH = 200;
/** How much text before the match the passage may show. */
const LEAD_IN = 60;
/** How far back a sentence start may be and still open the passage. */
const SENTENCE_REACH = 100;
/** The passage moves to the match only when the match ends past this many characters of the body. */
const FAR = SNIPPET_LENGTH - 20;

/** The first word starting at or after `at` (0 at the start of the text). */
function wordStartFrom(text: string, at: number): number {
  if (at <= 0) return 0;
  if (/\s/.test(text[at - 1]!) && !/\s/.test(text[at] ?? ' ')) return at;
  const next = text.slice(at).search(/\s\S/);
  return next === -1 ? at : at + next + 1;
}

/** Where the last sentence beginning within SENTENCE_REACH characters before `at` starts, or null. */
function sentenceStartBefore(text: string, at: number): number | null {
  const from = Math.max(0, at - SENTENCE_REACH);
  let start: number | null = null;
  for (const end of text.slice(from, at).matchAll(/[.!?]["”’)]?\s+(?=\S)/g)) start = from + end.index + end[0].length;
  return start;
}

/** foldWord, quicker for the plain ASCII words most text is made of (folding them only lowers their case). */
const fold = (word: string) => (/^[!-~]*$/.test(word) ? word.toLowerCase() : foldWord(word));

/** The first word of `text` whose folded form is one of `words`, as [start, end], or null. */
function firstMatch(text: string, words: ReadonlySet<string>): [number, number] | null {
  if (words.size === 0) return null;
  for (const found of text.matchAll(WORD)) {
    if (words.has(fold(found[0]))) return [found.index, found.index + found[0].length];
  }
  return null;
}

/** The passage of `body` (white space already collapsed) for a story holding the folded `words`. */
export function snippetOf(body: string, words: ReadonlySet<string>): string {
  if (body.length <= SNIPPET_LENGTH) return body;
  const match = firstMatch(body, words);
  let start = 0;
  if (match && match[1] > FAR) {
    const [matchStart] = match;
    start = sentenceStartBefore(body, matchStart) ?? wordStartFrom(body, matchStart - LEAD_IN);
    // A match near the end still gets a passage of full length.
    if (body.length - start < SNIPPET_LENGTH) start = wordStartFrom(body, body.length - SNIPPET_LENGTH);
    start = Math.min(start, matchStart);
  }
  let end = start + SNIPPET_LENGTH;
  if (end >= body.length) end = body.length;
  else {
    const space = body.lastIndexOf(' ', end);
    if (space > start) end = space;
  }
  const passage = body
    .slice(start, end)
    .trim()
    .replace(/[\s,;:–—-]+$/, '');
  return `${start > 0 ? '…' : ''}${passage}${end < body.length ? '…' : ''}`;
}
