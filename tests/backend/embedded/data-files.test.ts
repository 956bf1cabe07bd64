// The data folder's loader: every problem named by file, record and field, in any file layout, within the limits,
// refusing special files.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadNewsData, parseNewsData, readDataFolder } from '@/backend/embedded/news-data';
import { SAMPLE_DATA_DIR } from '../../helpers/fixtures';

const topics = JSON.parse(readFileSync(path.join(SAMPLE_DATA_DIR, 'topics.json'), 'utf8')) as unknown[];
const articles = JSON.parse(readFileSync(path.join(SAMPLE_DATA_DIR, 'articles.json'), 'utf8')) as Array<
  Record<string, unknown>
>;

function withArticle(index: number, patch: Record<string, unknown>) {
  return articles.map((a, i) => (i === index ? { ...a, ...patch } : a));
}

const cases: [string, unknown, RegExp][] = [
  [
    'a missing title',
    withArticle(2, { title: undefined }),
    /articles\.json: record 2 \(id "[a-z0-9-]+"\), field "title"/,
  ],
  ['an id with bad characters', withArticle(0, { id: 'Bad Id!' }), /record 0 \(id "Bad Id!"\), field "id"/],
  ['a date without offset', withArticle(5, { publishedAt: '2026-11-20 04:50' }), /record 5 .*field "publishedAt"/],
  [
    'an impossible date (February 30)',
    withArticle(3, { publishedAt: '2026-02-30T10:00:00+03:00' }),
    /record 3 .*field "publishedAt": must be a real ISO 8601 date-time with offset/,
  ],
  ['an empty page', withArticle(1, { pages: [['One.'], []] }), /record 1 .*field "pages\[1\]"/],
  ['no topics', withArticle(4, { topics: [] }), /record 4 .*field "topics"/],
  [
    'an unknown topic',
    withArticle(6, { topics: ['astrology'] }),
    /record 6 .*field "topics\[0\]": unknown topic "astrology"/,
  ],
  [
    'a related id that does not exist',
    withArticle(7, { related: ['ghost'] }),
    /record 7 .*field "related\[0\]": unknown article "ghost"/,
  ],
  ['a duplicate id', withArticle(8, { id: articles[9]!.id }), /record 9 .*field "id": duplicate id/],
  ['an object instead of a list', { articles }, /articles\.json: expected a JSON array/],
  [
    'a title over 300 characters',
    withArticle(2, { title: 'T'.repeat(10_000) }),
    /record 2 .*field "title": is 10000 characters long; at most 300/,
  ],
  [
    'a lead over 1,000 characters',
    withArticle(3, { lead: 'L'.repeat(1001) }),
    /record 3 .*field "lead": .*at most 1000/,
  ],
  [
    'a paragraph over 6,000,000 characters',
    withArticle(4, { pages: [['Fine.', 'P'.repeat(6_000_001)]] }),
    /record 4 .*field "pages\[0\]\[1\]": is 6000001 characters long/,
  ],
  [
    'more than 100 pages',
    withArticle(5, { pages: Array.from({ length: 101 }, () => ['Page.']) }),
    /record 5 .*field "pages": has 101 pages; at most 100/,
  ],
  [
    'a story dated 9999',
    withArticle(6, { publishedAt: '9999-01-01T00:00:00Z' }),
    /record 6 .*field "publishedAt": is more than a day ahead of the server's clock/,
  ],
];

describe('data files', () => {
  it('the sample data is valid and rich enough', () => {
    const data = readDataFolder(SAMPLE_DATA_DIR);
    expect(data.articles.length).toBeGreaterThanOrEqual(36);
    for (const topic of data.topics) {
      expect(data.articles.filter((a) => a.topics.includes(topic.id)).length).toBeGreaterThanOrEqual(3);
    }
    expect(data.articles.filter((a) => a.pages.length >= 2).length).toBeGreaterThanOrEqual(5);
    const days = new Set(data.articles.map((a) => a.publishedAt.slice(0, 10)));
    expect(days.size).toBeGreaterThanOrEqual(7);
  });

  it.each(cases)('rejects %s, naming the file, the record and the field', (_label, badArticles, message) => {
    expect(() => parseNewsData(topics, badArticles)).toThrow(message);
  });

  it.each(cases)('the server loader rejects %s the same way, whatever the file layout', (_label, bad, message) => {
    for (const layout of ['one record per line', 'pretty']) {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'news-data-'));
      writeFileSync(path.join(dir, 'topics.json'), JSON.stringify(topics));
      const text =
        layout === 'pretty' || !Array.isArray(bad)
          ? JSON.stringify(bad, null, 2)
          : `[\n${bad.map((a) => JSON.stringify(a)).join(',\n')}\n]\n`;
      writeFileSync(path.join(dir, 'articles.json'), text);
      expect(() => loadNewsData(dir), layout).toThrow(message);
    }
  });

  it('reads a one-record-per-line file record by record, and a damaged line as invalid JSON', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'news-data-'));
    writeFileSync(path.join(dir, 'topics.json'), JSON.stringify(topics));
    const lines = articles.map((a) => JSON.stringify(a));
    writeFileSync(path.join(dir, 'articles.json'), `[\n${lines.join(',\n')}\n]\n`);
    const data = loadNewsData(dir);
    expect(data.store.size).toBe(articles.length);
    expect(data.store.article(data.store.ordinalOf(String(articles[3]!.id))!)).toEqual(articles[3]);
    lines[5] = lines[5]!.slice(0, -3);
    writeFileSync(path.join(dir, 'articles.json'), `[\n${lines.join(',\n')}\n]\n`);
    expect(() => loadNewsData(dir)).toThrow(/articles\.json: is not valid JSON/);
  });

  it('reads a pretty-printed file, or one all on one line, record by record too', () => {
    const strings = [
      { ...articles[0], title: 'Quotes " and \\ backslashes, [brackets] and {braces},' },
      ...articles.slice(1),
    ];
    for (const text of [
      JSON.stringify(strings, null, 2),
      JSON.stringify(strings),
      `\n  ${JSON.stringify(strings)}  \n`,
    ]) {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'news-data-'));
      writeFileSync(path.join(dir, 'topics.json'), JSON.stringify(topics));
      writeFileSync(path.join(dir, 'articles.json'), text);
      const data = loadNewsData(dir);
      expect(data.store.size).toBe(articles.length);
      expect(data.store.article(data.store.ordinalOf(String(articles[0]!.id))!).title).toBe(strings[0]!.title);
    }
    for (const [text, message] of [
      ['[{"id": "a"},]', /is not valid JSON \(a missing element after record 0\)/],
      ['[{"id": "a"}', /is not valid JSON \(the file ends before the closing "\]"\)/],
      ['[{"id": "a"}] x', /is not valid JSON \(unexpected text after the closing "\]"\)/],
      ['[{"id": "a",}]', /is not valid JSON \(record 0: /],
    ] as const) {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'news-data-'));
      writeFileSync(path.join(dir, 'topics.json'), JSON.stringify(topics));
      writeFileSync(path.join(dir, 'articles.json'), text);
      expect(() => loadNewsData(dir), text).toThrow(message);
    }
  });

  it('refuses a record over 8 MB before reading the rest of it, and a file over its size limit', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'news-data-'));
    writeFileSync(path.join(dir, 'topics.json'), JSON.stringify(topics));
    const huge = { ...articles[0], pages: [['x'.repeat(5_000_000), 'y'.repeat(5_000_000)]] };
    writeFileSync(path.join(dir, 'articles.json'), `[\n${JSON.stringify(articles[1])},\n${JSON.stringify(huge)}\n]\n`);
    expect(() => loadNewsData(dir)).toThrow(/articles\.json: record 1: is over 8 MB, the most one record may be/);
    writeFileSync(path.join(dir, 'topics.json'), `[${' '.repeat(1024 * 1024)}]`);
    expect(() => loadNewsData(dir)).toThrow(/topics\.json: is 1048578 bytes; at most 1048576 \(1 MB\) are read/);
  });

  it('refuses a FIFO, a device or a folder in place of a data file at once, naming it', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'news-data-'));
    writeFileSync(path.join(dir, 'articles.json'), '[]');
    expect(spawnSync('mkfifo', [path.join(dir, 'topics.json')]).status).toBe(0);
    expect(() => loadNewsData(dir)).toThrow(/topics\.json: is a FIFO \(named pipe\), not a regular file/);
    rmSync(path.join(dir, 'topics.json'));
    writeFileSync(path.join(dir, 'topics.json'), JSON.stringify(topics));
    rmSync(path.join(dir, 'articles.json'));
    symlinkSync('/dev/urandom', path.join(dir, 'articles.json'));
    expect(() => loadNewsData(dir)).toThrow(/articles\.json: is a character device, not a regular file/);
    rmSync(path.join(dir, 'articles.json'));
    mkdirSync(path.join(dir, 'articles.json'));
    expect(() => readDataFolder(dir)).toThrow(/articles\.json: is a folder, not a regular file/);
  });

  it('names a file that is not JSON or missing', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'news-data-'));
    writeFileSync(path.join(dir, 'topics.json'), '[{"id": "x", "name": ');
    writeFileSync(path.join(dir, 'articles.json'), '[]');
    expect(() => readDataFolder(dir)).toThrow(/topics\.json: is not valid JSON/);
    expect(() => readDataFolder(path.join(dir, 'missing'))).toThrow(/topics\.json: cannot be read \(ENOENT\)/);
  });

  it('accepts files that start with a UTF-8 byte-order mark, in either layout', () => {
    for (const layout of ['one record per line', 'pretty']) {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'news-data-bom-'));
      const text =
        layout === 'pretty'
          ? JSON.stringify(articles, null, 2)
          : `[\n${articles.map((a) => JSON.stringify(a)).join(',\n')}\n]\n`;
      writeFileSync(path.join(dir, 'topics.json'), `\uFEFF${JSON.stringify(topics)}`);
      writeFileSync(path.join(dir, 'articles.json'), `\uFEFF${text}`);
      expect(loadNewsData(dir).store.size, layout).toBe(articles.length);
    }
  });
});
