// Feed HTML to plain text. Feeds put HTML in titles, summaries and bodies (escaped or in CDATA); the app renders
// only plain text, so the markup is read with htmlparser2 and only the words are kept: script, style and other
// non-text elements dropped with their content, links to javascript: dropped with their text, images (tracking
// pixels included) gone, block elements made paragraphs, whitespace collapsed, entities decoded.
import { Parser } from 'htmlparser2';

/** Elements whose content is never text for a reader. */
const SKIPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'object',
  'embed',
  'svg',
  'math',
  'canvas',
  'video',
  'audio',
  'head',
  'title',
  'button',
  'select',
  'textarea',
  'form',
]);

/** Elements that end the paragraph before them and start a new one. */
const BLOCKS = new Set([
  'p',
  'div',
  'br',
  'hr',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'ul',
  'ol',
  'dl',
  'dt',
  'dd',
  'blockquote',
  'pre',
  'section',
  'article',
  'header',
  'footer',
  'aside',
  'figure',
  'figcaption',
  'table',
  'tr',
  'address',
  'main',
  'nav',
  'details',
  'summary',
]);

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

const isScriptLink = (href: string | undefined) =>
  // Browsers ignore control characters and spaces inside the scheme ("java\tscript:").
  // eslint-disable-next-line no-control-regex -- the control characters are what is stripped
  href !== undefined && /^javascript:/i.test(href.replace(/[\u0000-\u0020]/g, ''));

/** "Continue reading…", "Read more", "Read full article at …": a link to the page, not part of the story. */
const READ_MORE_TAIL =
  /(?:^|\s)(?:continue reading|read more|read the (?:full|rest of the) (?:story|article)|read full (?:story|article)(?: at \S.*)?|full story)\s*(?:\.\.\.|…|»|→|>>)?\s*$/i;

/** The paragraphs of an HTML fragment, as plain text. */
function paragraphsOf(html: string): string[] {
  const paragraphs: string[] = [];
  let current = '';
  let skipDepth = 0;
  let scriptLinkDepth = 0;
  const flush = () => {
    const text = collapse(current);
    if (text) paragraphs.push(text);
    current = '';
  };
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        // Counted to the element's end (htmlparser2 reports an end for every element, void or left open).
        if (skipDepth > 0 || SKIPPED.has(name)) {
          skipDepth++;
          return;
        }
        if (scriptLinkDepth > 0 || (name === 'a' && isScriptLink(attributes.href))) {
          scriptLinkDepth++;
          return;
        }
        if (BLOCKS.has(name)) flush();
        else if (name === 'td' || name === 'th') current += ' ';
      },
      ontext(text) {
        if (skipDepth === 0 && scriptLinkDepth === 0) current += text;
      },
      onclosetag(name) {
        if (skipDepth > 0) {
          skipDepth--;
          return;
        }
        if (scriptLinkDepth > 0) {
          scriptLinkDepth--;
          return;
        }
        if (BLOCKS.has(name)) flush();
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  flush();
  return paragraphs;
}

/** The paragraphs of a story's HTML, as plain text, without a "Continue reading…" tail. */
export const htmlToParagraphs = (html: string): string[] => dropReadMoreTail(paragraphsOf(html));

function dropReadMoreTail(paragraphs: string[]): string[] {
  const last = paragraphs.at(-1);
  if (last === undefined) return paragraphs;
  const match = READ_MORE_TAIL.exec(last);
  if (!match) return paragraphs;
  const kept = last.slice(0, match.index).trim();
  return kept ? [...paragraphs.slice(0, -1), kept] : paragraphs.slice(0, -1);
}

/** Plain text meant as text (JSON Feed content_text, Atom type="text"): paragraphs at blank lines. */
export function textToParagraphs(text: string): string[] {
  return dropReadMoreTail(
    text
      .split(/\n\s*\n/)
      .map(collapse)
      .filter(Boolean),
  );
}

/** One line of plain text from HTML (titles, leads): tags removed, entities decoded, whitespace collapsed. */
export function htmlToLine(html: string): string {
  return paragraphsOf(html).join(' ');
}

/** `text` cut to at most `max` characters at a word boundary, with "…" where it was cut. */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  if (/\s/.test(text.charAt(max - 1))) return `${cut.trimEnd()}…`; // the cut falls between two words
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
