// Reading without JavaScript (README: "Without JavaScript"): the server's pages carry links and GET forms for what the
// app does with script (paging the feed, turning an article's pages, searching, converting), and the addresses they
// lead to are rendered by the server. Checked on the HTML alone, without a browser.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmbeddedBackendFromData } from '@/backend/embedded/embedded-backend';
import { DEFAULT_PAGE_SIZE } from '@/contract/paging';
import { buildRateTable, convertRounded, formatAmount } from '@/features/converter/money';
import { createProductionServer } from '@/server/production-server';
import { choicesCookie } from '../helpers/choices-cookie';
import { articlesNewestFirst, sampleData } from '../helpers/fixtures';

let server: FastifyInstance;
beforeAll(async () => {
  const dist = mkdtempSync(path.join(os.tmpdir(), 'dist-no-js-'));
  mkdirSync(path.join(dist, '.vite'), { recursive: true });
  writeFileSync(path.join(dist, 'index.html'), readFileSync('index.html'));
  writeFileSync(path.join(dist, '.vite', 'manifest.json'), '{}');
  server = await createProductionServer({
    distDir: dist,
    backend: await createEmbeddedBackendFromData(sampleData),
    serverRendering: true,
  });
});
afterAll(() => server.close());

const page = async (url: string, headers: Record<string, string> = {}) => {
  const response = await server.inject({ method: 'GET', url, headers });
  expect(response.statusCode).toBe(200);
  // What the page shows: without the data island (it holds whole articles) and the markers React puts between texts.
  return response.body.split('<script type="application/json" id="page-state">')[0]!.replace(/<!-- -->/g, '');
};
const unescape = (href: string) => href.replace(/&amp;/g, '&');
/** The address of the link whose text is `text` (the first one). */
const linkTo = (html: string, text: string) => {
  const match = new RegExp(`<a [^>]*href="([^"]*)"[^>]*>${text}<`).exec(html);
  return match ? unescape(match[1]!) : null;
};
const storyIds = (html: string) => [...html.matchAll(/data-item-id="([^"]+)"/g)].map((m) => m[1]);

describe('the feed without JavaScript', () => {
  it('ends with an "Older stories" link whose address the server renders as the next page', async () => {
    const first = await page('/');
    expect(storyIds(first)).toEqual(articlesNewestFirst.slice(0, DEFAULT_PAGE_SIZE).map((a) => a.id));
    const older = linkTo(first, 'Older stories');
    expect(older).toMatch(/^\/\?before=[A-Za-z0-9_-]+$/);

    const second = await page(older!);
    expect(storyIds(second)).toEqual(
      articlesNewestFirst.slice(DEFAULT_PAGE_SIZE, 2 * DEFAULT_PAGE_SIZE).map((a) => a.id),
    );
    expect(linkTo(second, 'Newest stories')).toBe('/');
    // The last page says so instead.
    const third = await page(linkTo(second, 'Older stories')!);
    expect(storyIds(third)).toEqual(articlesNewestFirst.slice(2 * DEFAULT_PAGE_SIZE).map((a) => a.id));
    expect(linkTo(third, 'Older stories')).toBeNull();
    expect(third).toContain('You have reached the end of the news.');
  });

  it('keeps the topic filter in the next page’s address', async () => {
    // Every topic but the smallest: a filter with more than a page of stories.
    const count = (id: string) => articlesNewestFirst.filter((a) => a.topics.includes(id)).length;
    const ids = sampleData.topics.map((t) => t.id).sort((a, b) => count(b) - count(a) || a.localeCompare(b));
    const topics = ids.slice(0, -1).sort();
    const inTopic = articlesNewestFirst.filter((a) => a.topics.some((t) => topics.includes(t)));
    expect(inTopic.length).toBeGreaterThan(DEFAULT_PAGE_SIZE);
    expect(inTopic.length).toBeLessThan(articlesNewestFirst.length);
    const older = linkTo(await page(`/?topics=${topics.join(',')}`), 'Older stories')!;
    expect(new URL(older, 'http://x').searchParams.get('topics')).toBe(topics.join(','));
    expect(storyIds(await page(older))).toEqual(
      inTopic.slice(DEFAULT_PAGE_SIZE, 2 * DEFAULT_PAGE_SIZE).map((a) => a.id),
    );
  });

  it('links each story, its "Show more" and its topics', async () => {
    const html = await page('/');
    const story = articlesNewestFirst[0]!;
    expect(html).toContain(`href="/news/${story.id}"`);
    expect(linkTo(html, 'Show more')).toBe(`/news/${story.id}`);
    expect(html).toContain(`href="/?topics=${story.topics[0]}"`);
  });

  it('a malformed cursor in the address is ignored: the newest stories', async () => {
    expect(storyIds(await page('/?before=not%20a%20cursor'))[0]).toBe(articlesNewestFirst[0]!.id);
  });
});

describe('an article without JavaScript', () => {
  const story =
    articlesNewestFirst.find((a) => a.pages.length > 2) ?? articlesNewestFirst.find((a) => a.pages.length > 1)!;

  it('turns its pages by links to addresses the server renders', async () => {
    const first = await page(`/news/${story.id}`);
    expect(first).toContain(story.pages[0]![0]!.slice(0, 40));
    expect(first).not.toContain(story.pages[1]![0]!.slice(0, 40));
    expect(linkTo(first, 'Show more')).toBe(`/news/${story.id}?page=2`);
    expect(first).toContain(`aria-label="Page 2" href="/news/${story.id}?page=2"`);

    const second = await page(`/news/${story.id}?page=2`);
    expect(second).toContain(story.pages[0]![0]!.slice(0, 40));
    expect(second).toContain(story.pages[1]![0]!.slice(0, 40));
  });
});

describe('forms without JavaScript', () => {
  it('the header and the search view search with GET forms, and the server renders the results', async () => {
    const word = articlesNewestFirst[0]!.title.split(' ').find((w) => w.length > 5)!;
    const feed = await page('/');
    expect(feed).toMatch(/<form role="search" aria-label="Site" class="header-search" action="\/search" method="get"/);
    const results = await page(`/search?q=${encodeURIComponent(word)}&sort=newest`);
    expect(results).toMatch(
      /<form role="search" aria-label="News Search" class="search-box" action="\/search" method="get"/,
    );
    expect(results).toMatch(new RegExp(`<input[^>]* name="q" value="${word}"`));
    // A new query keeps the sort (and any filter) of the page it was typed on.
    expect(results).toContain('<input type="hidden" name="sort" value="newest"/>');
    expect(results).toContain(`href="/news/${articlesNewestFirst[0]!.id}"`);
  });

  it('the converter is a GET form whose address the server answers with the converted amount', async () => {
    const table = buildRateTable(await rates());
    const [from, to] = [table.currencies[0]!, table.currencies[1]!];
    const html = await page(`/converter?from=${from.code}&to=${to.code}&amount=250`);
    expect(html).toMatch(/<form action="\/converter" method="get"/);
    expect(html).toMatch(/<input[^>]* name="from"/);
    expect(html).toMatch(/<input[^>]* name="amount"[^>]* value="250"/);
    expect(html).toContain('>Convert</button>');
    const swap = /<a class="button button--small" aria-label="Swap currencies[^"]*" href="([^"]*)"/.exec(html)?.[1];
    expect(unescape(swap!)).toBe(`/converter?from=${to.code}&to=${from.code}&amount=250`);
    expect(html).toContain(`${formatAmount(convertRounded('250', from, to), to.code)} ${to.code}`);
  });

  it('the converter reads the picker’s whole label as its currency, and explains what it cannot use', async () => {
    const table = buildRateTable(await rates());
    const [from, to] = [table.currencies[0]!, table.currencies[1]!];
    const label = (c: typeof from) => encodeURIComponent(`${c.code} — ${c.name}`);
    const html = await page(`/converter?amount=10&from=${label(from)}&to=${label(to)}`);
    expect(html).toContain(`${formatAmount(convertRounded('10', from, to), to.code)} ${to.code}`);

    const wrong = await page('/converter?amount=12abc&from=XX1');
    expect(wrong).toContain('Use digits only, no letters.');
    expect(wrong).toContain('“XX1” is not a currency code');
  });
});

describe('the converter’s last pair', () => {
  it('comes with the reader’s cookie, so the server’s page shows it; the address still wins', async () => {
    const table = buildRateTable(await rates());
    const [from, to, other] = [table.currencies[2]!, table.currencies[3]!, table.currencies[4]!];
    const cookie = choicesCookie({ converterPair: { from: from.code, to: to.code } });
    const html = await page('/converter?amount=10', { cookie });
    expect(html).toMatch(new RegExp(`name="from" value="${from.code} — ${from.name}"`));
    expect(html).toContain(`${formatAmount(convertRounded('10', from, to), to.code)} ${to.code}`);
    const linked = await page(`/converter?amount=10&to=${other.code}`, { cookie });
    expect(linked).toContain(`${formatAmount(convertRounded('10', from, other), other.code)} ${other.code}`);
  });
});

async function rates() {
  const response = await server.inject({ method: 'GET', url: '/api/rates' });
  return response.json();
}
