// Pure helpers over an article's text: reading time, paragraph numbering, page and anchor parsing.
import type { Article } from '@/contract/news';
import { countWords } from '@/contract/words';
import { formatAgencyMonthDay } from '@/lib/agency-time';

/** A steady adult reading pace for news prose (common estimates run 200-230 words a minute). */
const WORDS_PER_MINUTE = 220;

/** Minutes to read the lead and every page, rounded, never less than one. */
export function readingMinutes(article: Pick<Article, 'lead' | 'pages'>): number {
  const words = [article.lead, ...article.pages.flat()].reduce((sum, text) => sum + countWords(text), 0);
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}

/** Number (1-based, counted across the whole article) of the first paragraph of each page. */
export function firstParagraphNumbers(pages: readonly (readonly string[])[]): number[] {
  const firsts: number[] = [];
  let next = 1;
  for (const page of pages) {
    firsts.push(next);
    next += page.length;
  }
  return firsts;
}

/** The page (1-based) holding paragraph `n` (1-based), or null when there is no such paragraph. */
export function pageOfParagraph(pages: readonly (readonly string[])[], n: number): number | null {
  let last = 0;
  for (let i = 0; i < pages.length; i++) {
    last += pages[i]!.length;
    if (n >= 1 && n <= last) return i + 1;
  }
  return null;
}

/**
 * `?page=` as the reader typed or shared it: a whole number is clamped into 1..pageCount,
 * anything else (missing, empty, "abc", "2.5") is ignored and gives null.
 */
export function parsePageParam(raw: string | null, pageCount: number): number | null {
  if (raw === null || !/^\s*[+-]?\d+\s*$/.test(raw)) return null;
  const value = Number(raw);
  if (!Number.isSafeInteger(value)) return value > 0 ? pageCount : 1;
  return Math.min(Math.max(value, 1), pageCount);
}

/** `#p-7` -> 7 when the article has a seventh paragraph; anything else -> null. */
export function parseParagraphHash(hash: string, paragraphCount: number): number | null {
  const match = /^#p-(\d{1,6})$/.exec(hash);
  if (!match) return null;
  const n = Number(match[1]);
  return n >= 1 && n <= paragraphCount ? n : null;
}

/** "BRUSSELS, November 20 —": the place and the day of publication in the agency's zone. */
export function formatDateline(place: string, publishedAt: string): string {
  return `${place.trim()}, ${formatAgencyMonthDay(publishedAt)} —`;
}
