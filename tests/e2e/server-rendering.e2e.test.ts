// Server-rendered pages in Chromium: every route arrives with its content and hydrates without a mismatch (no
// hydration warning or error in the console) and without asking the API again for what the page was sent.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createEmbeddedBackendFromData } from '@/backend/embedded/embedded-backend';
import { createProductionServer } from '@/server/production-server';
import { articlesNewestFirst, sampleData } from '../helpers/fixtures';
import { setUpChromium } from './browser';

const { openPage } = setUpChromium();
const story = articlesNewestFirst.find((article) => article.pages.length > 1) ?? articlesNewestFirst[0]!;
const word = articlesNewestFirst[0]!.title.split(' ').find((w) => w.length > 5)!;

describe('server-rendered pages in Chromium', () => {
  let server: FastifyInstance;
  let url = '';
  /** Every API request the server answered over the network (the render's own requests are in-process). */
  const answered: string[] = [];

  beforeAll(async () => {
    server = await createProductionServer({
      distDir: inject('distDir'),
      backend: await createEmbeddedBackendFromData(sampleData),
      serverRendering: true,
    });
    server.addHook('onRequest', async (request) => {
      if (request.url.startsWith('/api/') && request.headers['x-page-render'] === undefined) answered.push(request.url);
    });
    await server.listen({ port: 0, host: '127.0.0.1' });
    const address = server.server.address();
    if (!address || typeof address === 'string') throw new Error('no port');
    url = `http://127.0.0.1:${address.port}`;
  });
  afterAll(() => server.close());

  const routes: [string, string, string[]][] = [
    ['/', 'the feed', ['/api/topics', '/api/articles?limit=20']],
    [`/news/${story.id}`, 'an article', [`/api/articles/${story.id}`]],
    [`/search?q=${encodeURIComponent(word)}`, 'search results', ['/api/search']],
    ['/converter', 'the converter', ['/api/rates']],
    ['/saved', 'Saved', []],
    ['/no/such/page', 'the not-found page', []],
  ];

  it.each(routes)('%s (%s) hydrates cleanly, without asking again for what it was sent', async (path, _name, sent) => {
    const { page, context, errors } = await openPage();
    const warnings: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'warning' || message.type() === 'error') warnings.push(message.text());
    });
    answered.length = 0;
    await page.goto(`${url}${path}`);
    // Hydrated: React has attached to the server's HTML (its handlers are on the root).
    await page.waitForFunction(() =>
      Object.keys(document.getElementById('root') ?? {}).some((key) => key.startsWith('__reactContainer')),
    );
    await page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve)));
    expect(warnings.filter((text) => /hydrat|did not match|rendered again/i.test(text))).toEqual([]);
    // The not-found page's own 404 is what it should be; nothing else may fail.
    expect(errors.filter((text) => !(path === '/no/such/page' && /status of 404/.test(text)))).toEqual([]);
    for (const prefix of sent)
      expect(
        answered.filter((request) => request === prefix || request.startsWith(`${prefix}?`)),
        prefix,
      ).toEqual([]);
    await context.close();
  });

  it('an article shows its title and text without JavaScript', async () => {
    const { page, context } = await openPage(undefined, { javaScript: false });
    await page.goto(`${url}/news/${story.id}`);
    await expect.poll(() => page.locator('h1').first().textContent()).toBe(story.title);
    expect(await page.locator('main').textContent()).toContain(story.pages[0]![0]!.slice(0, 40));
    await context.close();
  });

  it('the feed follows the topic filter the reader chose, on the next visit, even without JavaScript', async () => {
    const { page, context } = await openPage();
    const topic = sampleData.topics.find((t) => articlesNewestFirst.some((a) => !a.topics.includes(t.id)))!;
    await page.goto(`${url}/?topics=${topic.id}`);
    await page.waitForFunction(() => document.cookie.includes('an-choices'));
    // The address's topic is not the stored choice: choose it as the reader would, by storing it.
    await page.evaluate((id) => {
      localStorage.setItem('agency-news.topic-filter', JSON.stringify({ state: { selected: [id] }, version: 1 }));
    }, topic.id);
    await page.reload();
    await page.waitForFunction((id) => decodeURIComponent(document.cookie).includes(`"t":["${id}"]`), topic.id);
    // The same reader (their cookie) with scripts off: only the server can have applied the filter.
    const later = await openPage(undefined, { javaScript: false });
    await later.context.addCookies(await context.cookies());
    await later.page.goto(url);
    const ids = await later.page
      .locator('[data-item-id]')
      .evaluateAll((items) => items.map((i) => i.getAttribute('data-item-id')));
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect(sampleData.articles.find((a) => a.id === id)!.topics).toContain(topic.id);
    await context.close();
    await later.context.close();
  });
});
