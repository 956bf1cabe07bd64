// A story's full text from its page: the article's paragraphs only (no navigation, asides, footers, newsletter or
// share boxes), paged as the import pages a feed's body, fetched under the same SSRF rules as the feeds.
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleParagraphs, fetchFullText } from '@/backend/news-feeds/full-text';

const storyPage = readFileSync(new URL('../../fixtures/news-live/story-page.html', import.meta.url), 'utf8');

const ARTICLE = [
  'ISTANBUL, December 5. The grain corridor across the Black Sea reopened on Saturday after two days of talks ' +
    'between the delegations, the mediators said in a joint statement read out to reporters.',
  'The first convoy of nine ships left the port of Odesa at dawn, carrying wheat and maize bound for Egypt, ' +
    'Lebanon and Indonesia, according to the port authority, which said more ships were waiting to load.',
  'Traders said prices in Chicago fell by almost three percent on the news, the steepest drop in a month, as ' +
    'buyers expected supplies from the region to return to their usual level before the end of the year.',
];

describe('articleParagraphs', () => {
  it('keeps the article paragraphs and drops navigation, asides, footers and subscribe or share boxes', () => {
    expect(articleParagraphs(storyPage, 'https://news.example/world/grain')).toEqual(ARTICLE);
  });

  it('finds nothing on a page without an article', () => {
    expect(
      articleParagraphs('<html><body><nav><a href="/">Home</a></nav></body></html>', 'https://x.example/'),
    ).toEqual([]);
  });
});

describe('fetchFullText', () => {
  let base = '';
  const server = http.createServer((request, response) => {
    if (request.url === '/story') response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    else if (request.url === '/cp1251') {
      response.writeHead(200, { 'Content-Type': 'text/html; charset=windows-1251' });
      // "Привет" in windows-1251, inside an article long enough for Readability.
      const word = Buffer.from([0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2]);
      const filler = Buffer.from(` ${'slovo '.repeat(40)}</p></article></body></html>`);
      response.end(Buffer.concat([Buffer.from('<html><body><article><p>'), word, filler]));
      return;
    } else if (request.url === '/image') {
      response.writeHead(200, { 'Content-Type': 'image/png' }).end('png');
      return;
    } else response.writeHead(404);
    response.end(request.url === '/story' ? storyPage : 'gone');
  });
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('fetches the page and returns its article as pages', async () => {
    expect(await fetchFullText(`${base}/story`, { allowPrivate: true })).toEqual({ ok: true, pages: [ARTICLE] });
  });

  it('decodes the charset the page declares', async () => {
    const outcome = await fetchFullText(`${base}/cp1251`, { allowPrivate: true });
    expect(outcome.ok && outcome.pages[0]![0]).toMatch(/^Привет slovo/);
  });

  it('says why when the page is missing, not HTML, or at an address it may not fetch', async () => {
    expect(await fetchFullText(`${base}/missing`, { allowPrivate: true })).toEqual({
      ok: false,
      reason: 'the page answered 404',
    });
    expect(await fetchFullText(`${base}/image`, { allowPrivate: true })).toEqual({
      ok: false,
      reason: 'the page is image/png, not HTML',
    });
    const refused = await fetchFullText(`${base}/story`);
    expect(refused).toMatchObject({ ok: false, reason: expect.stringMatching(/loopback address/) });
  });
});
