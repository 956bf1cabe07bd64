// The snippet under a search result: the body passage around the first matching word, cut at word boundaries.
import { findWord, type WordSpan } from './search-text.ts';

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

interface TextWindow {
  text: string;
  /** Whether the window starts / ends where the body does. */
  atBodyStart: boolean;
  atBodyEnd: boolean;
}

/**
 * The passage of a window of the body (whitespace already collapsed) around a match. `matchIsFar` says whether the
 * match ends past the first SNIPPET_LENGTH - 20 characters of the whole body (only then does the passage move).
 */
function passageOf({ text, atBodyStart, atBodyEnd }: TextWindow, match: WordSpan | undefined, matchIsFar: boolean) {
  if (atBodyStart && atBodyEnd && text.length <= SNIPPET_LENGTH) return text;
  let start = 0;
  if (match && matchIsFar) {
    start = sentenceStartBefore(text, match.start) ?? nextWordStart(text, match.start - LEAD_IN);
    // Keep the whole passage full length when the match sits near the end of the text.
    if (atBodyEnd && text.length - start < SNIPPET_LENGTH) start = nextWordStart(text, text.length - SNIPPET_LENGTH);
    if (start > match.start) start = match.start;
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
  const cutBefore = start > 0 || !atBodyStart;
  const cutAfter = end < text.length || !atBodyEnd;
  return `${cutBefore ? '…' : ''}${passage}${cutAfter ? '…' : ''}`;
}

/**
 * A plain-text passage of about SNIPPET_LENGTH characters from `body`, around the first word whose normalised
 * form is in `matchedTerms` (the start of the body when no body word matched), with "…" where text was cut.
 */
export function buildSnippet(body: string, matchedTerms: ReadonlySet<string>): string {
  const text = body.replace(/\s+/g, ' ').trim();
  const first = matchedTerms.size ? findWord(text, (term) => matchedTerms.has(term)) : undefined;
  return passageOf({ text, atBodyStart: true, atBodyEnd: true }, first, !!first && first.end > SNIPPET_LENGTH - 20);
}

/** Bytes read on each side of a match: enough characters for the passage whatever the script (≤ 4 bytes each). */
const WINDOW_BEFORE = 1200;
const WINDOW_AFTER = 1600;
const isContinuationByte = (byte: number) => (byte & 0xc0) === 0x80;

/**
 * The same passage read straight from the body's UTF-8 bytes (whitespace collapsed), around the word starting at
 * byte `matchByte` (null: the start of the body). Only a window of the body is decoded, so a match inside a
 * 5 MB paragraph costs what a match in a short one does.
 */
export function snippetFromBytes(body: Buffer, matchByte: number | null): string {
  const at = matchByte ?? 0;
  let from = Math.max(0, at - WINDOW_BEFORE);
  while (from > 0 && isContinuationByte(body[from]!)) from++;
  let to = Math.min(body.length, at + WINDOW_AFTER);
  while (to < body.length && isContinuationByte(body[to]!)) to--;
  const text = body.toString('utf8', from, to);
  const window = { text, atBodyStart: from === 0, atBodyEnd: to === body.length };
  if (matchByte === null) return passageOf(window, undefined, false);
  const start = body.toString('utf8', from, at).length;
  const match = findWord(text.slice(start, start + 200), () => true);
  const span = match && { start, end: start + match.end, term: match.term };
  return passageOf(window, span, from > 0 || (span !== undefined && span.end > SNIPPET_LENGTH - 20));
}
