// Feed bytes to text. Which encoding, first match wins: a byte-order mark, the HTTP charset, the XML declaration's
// encoding, else UTF-8. Russian feeds still come in windows-1251 or koi8-r; Node's TextDecoder (full ICU) reads
// every WHATWG label. A server that says UTF-8 for a feed that is not, while the feed declares its real encoding,
// is common: the declaration is used when the bytes are not valid UTF-8.

export interface DecodedFeed {
  text: string;
  /** The WHATWG name of the encoding used ("utf-8", "windows-1251"). */
  encoding: string;
  /** Why a named encoding was not used (unknown label, wrong charset), if one was not. */
  warning?: string;
}

const BOMS: Array<[number[], string]> = [
  [[0xef, 0xbb, 0xbf], 'utf-8'],
  [[0xff, 0xfe], 'utf-16le'],
  [[0xfe, 0xff], 'utf-16be'],
];

function bomEncoding(bytes: Uint8Array): string | undefined {
  return BOMS.find(([mark]) => mark.every((byte, i) => bytes[i] === byte))?.[1];
}

/** The charset parameter of a Content-Type header ("text/xml; charset=\"windows-1251\""). */
export function charsetOf(contentType: string | undefined): string | undefined {
  const match = /;\s*charset\s*=\s*("?)([^";\s]+)\1/i.exec(contentType ?? '');
  return match?.[2];
}

/** encoding="…" of an XML declaration at the start of the bytes (read as ASCII: the declaration always is). */
function declaredEncoding(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 512));
  return /^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head)?.[1];
}

/** The WHATWG encoding a label names, or undefined for a label TextDecoder does not know. */
function encodingFor(label: string): string | undefined {
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return undefined;
  }
}

function decodes(bytes: Uint8Array, encoding: string): boolean {
  try {
    new TextDecoder(encoding, { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

export function decodeFeedBytes(bytes: Uint8Array, contentType?: string): DecodedFeed {
  const bom = bomEncoding(bytes);
  // TextDecoder drops the BOM itself.
  if (bom) return { text: new TextDecoder(bom).decode(bytes), encoding: bom };
  const warnings: string[] = [];
  const fromHeader = charsetOf(contentType);
  const fromDeclaration = declaredEncoding(bytes);
  let encoding: string | undefined;
  if (fromHeader !== undefined) {
    encoding = encodingFor(fromHeader);
    if (!encoding) warnings.push(`unknown charset "${fromHeader}" in Content-Type`);
  }
  const declared = fromDeclaration === undefined ? undefined : encodingFor(fromDeclaration);
  if (fromDeclaration !== undefined && !declared)
    warnings.push(`unknown encoding "${fromDeclaration}" in the XML declaration`);
  if (encoding === 'utf-8' && declared && declared !== 'utf-8' && !decodes(bytes, 'utf-8')) {
    warnings.push(`the bytes are not UTF-8 as Content-Type says; read as ${declared}, as the feed declares`);
    encoding = declared;
  }
  encoding ??= declared ?? 'utf-8';
  const text = new TextDecoder(encoding).decode(bytes);
  return warnings.length > 0 ? { text, encoding, warning: warnings.join('; ') } : { text, encoding };
}
