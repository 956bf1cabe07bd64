import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { charsetOf, decodeFeedBytes } from '@/backend/news-feeds/feed-decoding';

const FIXTURES = path.resolve(__dirname, '../../fixtures/feeds');
const fixture = (name: string) => readFileSync(path.join(FIXTURES, name));
const utf8 = (text: string) => new TextEncoder().encode(text);

describe('decoding feed bytes', () => {
  it('reads a windows-1251 feed by its XML declaration', () => {
    const bytes = fixture('harbour-ru-windows-1251.xml');
    expect(bytes.includes(Buffer.from('Паром', 'utf8'))).toBe(false); // really windows-1251 on disk
    const decoded = decodeFeedBytes(bytes);
    expect(decoded.encoding).toBe('windows-1251');
    expect(decoded.text).toContain('Паром «Север» вышел в первый рейс');
  });

  it('reads a koi8-r feed by its XML declaration', () => {
    const decoded = decodeFeedBytes(fixture('harbour-ru-koi8-r.xml'));
    expect(decoded).toMatchObject({ encoding: 'koi8-r' });
    expect(decoded.text).toContain('Ёлки на набережной');
  });

  it('follows the HTTP charset (quoted or not) over the declaration', () => {
    const bytes = fixture('harbour-ru-windows-1251.xml');
    expect(charsetOf('text/xml; charset="windows-1251"')).toBe('windows-1251');
    expect(decodeFeedBytes(bytes, 'application/rss+xml; Charset=cp1251').text).toContain('Вести Гавани');
    // A Latin-1 charset really reads the Cyrillic bytes as Latin letters: the header wins.
    expect(decodeFeedBytes(bytes, 'text/xml; charset=iso-8859-1').encoding).toBe('windows-1252');
  });

  it('reads the declared encoding when a server calls a windows-1251 feed UTF-8, and says so', () => {
    const decoded = decodeFeedBytes(fixture('harbour-ru-windows-1251.xml'), 'text/xml; charset=utf-8');
    expect(decoded.encoding).toBe('windows-1251');
    expect(decoded.text).toContain('Паром');
    expect(decoded.warning).toMatch(/not UTF-8 as Content-Type says; read as windows-1251/);
  });

  it('lets a byte-order mark win and drops it', () => {
    const decoded = decodeFeedBytes(
      new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('<rss>Αθήνα</rss>')]),
      'text/xml; charset=koi8-r',
    );
    expect(decoded).toEqual({ text: '<rss>Αθήνα</rss>', encoding: 'utf-8' });
    const utf16 = new Uint8Array([0xff, 0xfe, ...Buffer.from('<rss>Киев</rss>', 'utf16le')]);
    expect(decodeFeedBytes(utf16).text).toBe('<rss>Киев</rss>');
  });

  it('reads UTF-8 when nothing is said, and falls back to it from an unknown label with a warning', () => {
    expect(decodeFeedBytes(utf8('<rss>Θεσσαλονίκη</rss>'))).toEqual({
      text: '<rss>Θεσσαλονίκη</rss>',
      encoding: 'utf-8',
    });
    const decoded = decodeFeedBytes(
      utf8('<?xml version="1.0" encoding="klingon"?><rss/>'),
      'text/xml; charset=nonsense',
    );
    expect(decoded.encoding).toBe('utf-8');
    expect(decoded.warning).toBe(
      'unknown charset "nonsense" in Content-Type; unknown encoding "klingon" in the XML declaration',
    );
  });
});
