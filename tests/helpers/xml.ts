// XML documents as a strict parser reads them: jsdom's DOMParser refuses anything not well-formed (an unescaped `&`,
// a CDATA section cut short), where a lenient feed reader might guess.
import { createRequire } from 'node:module';

// jsdom ships no type declarations: only its window's DOMParser is used, typed by the DOM library.
type Jsdom = { JSDOM: new (html: string) => { window: { DOMParser: new () => DOMParser } } };
let parser: DOMParser | null = null;

/** The document `text` holds; throws with the parser's complaint when it is not well-formed XML. */
export function parseXml(text: string): Document {
  if (!parser) {
    const { JSDOM } = createRequire(import.meta.url)('jsdom') as Jsdom;
    parser = new new JSDOM('').window.DOMParser();
  }
  const document = parser.parseFromString(text, 'application/xml');
  const error = document.getElementsByTagName('parsererror')[0];
  if (error) throw new Error(`not well-formed XML: ${error.textContent ?? ''}`);
  return document;
}

/** The text of every element named `name` (a qualified name such as `news:title` is matched as written). */
export const textsOf = (node: Document | Element, name: string): string[] =>
  [...node.getElementsByTagName(name)].map((element) => element.textContent ?? '');
