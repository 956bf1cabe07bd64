// A small, strict XML reader for the rate files the importer accepts (CBR XML_daily, ECB eurofxref).
// Elements, attributes (single or double quotes), text, CDATA, comments and the XML declaration; no DTDs.

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

export class XmlError extends Error {}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeEntities(text: string, where: () => string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);|&/g, (match, entity: string | undefined) => {
    if (!entity) throw new XmlError(`${where()}: a bare "&" must be written &amp;`);
    if (entity.startsWith('#x')) return String.fromCodePoint(parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(parseInt(entity.slice(1), 10));
    const value = ENTITIES[entity];
    if (value === undefined) throw new XmlError(`${where()}: unknown entity "${match}"`);
    return value;
  });
}

export function parseXml(source: string): XmlElement {
  const text = source.replace(/^\uFEFF/, '');
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  let pos = 0;
  const line = (at = pos) => `line ${text.slice(0, at).split('\n').length}`;

  const appendText = (content: string) => {
    const current = stack[stack.length - 1];
    if (current) current.text += content;
    else if (content.trim()) throw new XmlError(`${line()}: text outside the root element`);
  };

  while (pos < text.length) {
    const lt = text.indexOf('<', pos);
    if (lt === -1) {
      appendText(decodeEntities(text.slice(pos), line));
      break;
    }
    if (lt > pos) appendText(decodeEntities(text.slice(pos, lt), () => line(lt)));
    pos = lt;
    if (text.indexOf('>', pos) === -1) throw new XmlError(`${line()}: the file ends inside a tag (is it cut short?)`);
    if (text.startsWith('<?', pos)) {
      const end = text.indexOf('?>', pos);
      if (end === -1) throw new XmlError(`${line()}: unterminated "<?"`);
      pos = end + 2;
    } else if (text.startsWith('<!--', pos)) {
      const end = text.indexOf('-->', pos);
      if (end === -1) throw new XmlError(`${line()}: unterminated comment`);
      pos = end + 3;
    } else if (text.startsWith('<![CDATA[', pos)) {
      const end = text.indexOf(']]>', pos);
      if (end === -1) throw new XmlError(`${line()}: unterminated CDATA section`);
      appendText(text.slice(pos + 9, end));
      pos = end + 3;
    } else if (text.startsWith('<!', pos)) {
      throw new XmlError(`${line()}: DOCTYPE and other declarations are not supported`);
    } else if (text.startsWith('</', pos)) {
      const match = /^<\/([^\s>]+)\s*>/.exec(text.slice(pos, pos + 200));
      if (!match) throw new XmlError(`${line()}: malformed closing tag`);
      const open = stack.pop();
      if (!open || open.name !== match[1]) {
        throw new XmlError(`${line()}: </${match[1]}> does not close ${open ? `<${open.name}>` : 'any element'}`);
      }
      pos += match[0].length;
    } else {
      const nameMatch = /^<([A-Za-z_][\w.:-]*)/.exec(text.slice(pos, pos + 200));
      if (!nameMatch) throw new XmlError(`${line()}: malformed tag`);
      const element: XmlElement = { name: nameMatch[1]!, attributes: {}, children: [], text: '' };
      pos += nameMatch[0].length;
      const attribute = /\s*([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')/y;
      for (;;) {
        attribute.lastIndex = pos;
        const match = attribute.exec(text);
        if (!match) break;
        const [, name, double, single] = match;
        if (name! in element.attributes) throw new XmlError(`${line()}: attribute "${name}" appears twice`);
        element.attributes[name!] = decodeEntities(double ?? single ?? '', line);
        pos = attribute.lastIndex;
      }
      const close = /^\s*(\/?)>/.exec(text.slice(pos, pos + 50));
      if (!close) throw new XmlError(`${line()}: malformed tag <${element.name}>`);
      pos += close[0].length;
      const parent = stack[stack.length - 1];
      if (parent) parent.children.push(element);
      else if (root) throw new XmlError(`${line()}: more than one root element`);
      else root = element;
      if (!close[1]) stack.push(element);
    }
  }
  if (stack.length) throw new XmlError(`the file ends before </${stack[stack.length - 1]!.name}> (is it cut short?)`);
  if (!root) throw new XmlError('no XML element found');
  return root;
}

export const localName = (name: string) => name.slice(name.indexOf(':') + 1);
export const childrenNamed = (element: XmlElement, name: string) =>
  element.children.filter((child) => localName(child.name) === name);
export const childText = (element: XmlElement, name: string): string | undefined =>
  childrenNamed(element, name)[0]?.text.trim();

/** Decodes file bytes using the encoding the XML declaration names (windows-1251 for the CBR), UTF-8 by default. */
export function decodeXmlBytes(bytes: Uint8Array): string {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200));
  const declared = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([^"']+)["']/i.exec(head)?.[1] ?? 'utf-8';
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(declared, { fatal: true });
  } catch {
    throw new XmlError(`unsupported encoding "${declared}"`);
  }
  try {
    return decoder.decode(bytes);
  } catch {
    throw new XmlError(`the bytes are not valid ${declared}`);
  }
}
