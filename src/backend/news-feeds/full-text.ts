// A story's full text from its page, for feeds that carry only a summary (feeds marked `fullText`), as Miniflux's
// "fetch original content" does: the page is fetched through safeFetch (the same SSRF guard and politeness as the
// feeds) and the article found by Mozilla's Readability over linkedom's DOM. Only the article's paragraphs are kept,
// as plain text: navigation, asides, footers and "subscribe" boxes are removed before Readability looks, since it
// would otherwise keep a short box inside the article as one more paragraph. Pages are split as the import splits a
// feed's body.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { splitIntoPages } from './import-feed.ts';
import { safeFetch, SafeFetchError, type SafeFetchOptions } from './safe-fetch.ts';

const PAGE_ACCEPT = 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5';
const MAX_PAGE_BYTES = 3 * 1024 * 1024;

/** Page furniture that is never the story, whatever Readability's scores say. */
const FURNITURE = [
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'form',
  'nav',
  'aside',
  'footer',
  'header',
  'figcaption',
  '[role="navigation"]',
  '[role="complementary"]',
  '[role="contentinfo"]',
  '[role="banner"]',
  '[aria-hidden="true"]',
  '[hidden]',
].join(',');
/** Class or id words of boxes inside an article that are not its text. */
const BOX_NAMES =
  /(^|[-_\s])(subscribe|subscription|newsletter|signup|sign-up|promo|related|share|sharing|social|advert|ad|ads|cookie|paywall|read-more|more-stories)([-_\s]|$)/i;

/**
 * The article's paragraphs in `html` (a story page at `url`), as plain text with whitespace collapsed; empty when no
 * article is found.
 */
export function articleParagraphs(html: string, url: string): string[] {
  const { document } = parseHTML(html);
  for (const element of [...document.querySelectorAll(FURNITURE)]) element.remove();
  for (const element of [...document.querySelectorAll('[class], [id]')]) {
    const names = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`;
    if (BOX_NAMES.test(names) && !['HTML', 'BODY', 'MAIN', 'ARTICLE'].includes(element.tagName)) element.remove();
  }
  // Readability resolves links against the document's address; linkedom's document has none of its own.
  const base = document.createElement('base');
  base.setAttribute('href', url);
  document.head?.appendChild(base);
  const article = new Readability(document as unknown as Document, { serializer: (node) => node }).parse();
  const content = article?.content as unknown as Element | null | undefined;
  if (!content) return [];
  return [...content.querySelectorAll('p')]
    .map((p) => (p.textContent ?? '').replace(/\s+/g, ' ').trim())
    .filter((text) => text.length > 0);
}

/** The charset a page declares: its Content-Type header, else a <meta> in its first bytes, else UTF-8. */
function charsetOf(contentType: string | null, head: Uint8Array): string {
  const declared =
    /charset\s*=\s*"?([\w-]+)/i.exec(contentType ?? '')?.[1] ??
    /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(new TextDecoder('latin1').decode(head.subarray(0, 2048)))?.[1];
  try {
    return declared ? new TextDecoder(declared).encoding : 'utf-8';
  } catch {
    return 'utf-8';
  }
}

export type FullTextOutcome = { ok: true; pages: string[][] } | { ok: false; reason: string };

export type FullTextOptions = Pick<SafeFetchOptions, 'allowPrivate' | 'allowedAddresses' | 'signal' | 'timeoutMs'>;

/** The story at `url` as pages of paragraphs, or why not (the caller keeps the feed's summary and tries later). */
export async function fetchFullText(url: string, options: FullTextOptions = {}): Promise<FullTextOutcome> {
  try {
    const page = await safeFetch(url, { ...options, accept: PAGE_ACCEPT, maxBytes: MAX_PAGE_BYTES });
    if (page.status !== 200) return { ok: false, reason: `the page answered ${page.status}` };
    const contentType = page.headers.get('content-type');
    if (contentType && !/html|xml/i.test(contentType)) {
      return { ok: false, reason: `the page is ${contentType}, not HTML` };
    }
    const html = new TextDecoder(charsetOf(contentType, page.body)).decode(page.body);
    const paragraphs = articleParagraphs(html, page.url);
    if (paragraphs.length === 0) return { ok: false, reason: 'no article text was found on the page' };
    return { ok: true, pages: splitIntoPages(paragraphs) };
  } catch (error) {
    if (error instanceof SafeFetchError) return { ok: false, reason: error.message };
    throw error;
  }
}
