// The source filter in Chromium, against the production server over stories from three sources and none: keep one
// source, read on in its order, drop another from a shared address, and find the choice again after a reload.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createEmbeddedBackendFromData } from '@/backend/embedded/embedded-backend';
import type { Article } from '@/contract/news';
import { createProductionServer } from '@/server/production-server';
import { articlesNewestFirst, sampleData } from '../helpers/fixtures';
import { expectNoAxeViolations, setUpChromium } from './browser';

const { openPage } = setUpChromium();

const SOURCES = [{ name: 'BBC News', url: 'https://www.bbc.co.uk/news' }, { name: 'ТАСС' }, { name: 'Al Jazeera' }];
const IDS = ['bbc-news', 'tass', 'al-jazeera', 'none'];
/** The sample stories, newest first, from the BBC, TASS, Al Jazeera and no source in turn. */
const stories: Article[] = articlesNewestFirst.map((article, i) =>
  i % 4 < 3 ? { ...article, source: SOURCES[i % 4]! } : article,
);
const from = (id: string) => stories.filter((_, i) => IDS[i % 4] === id);
const notFrom = (id: string) => stories.filter((_, i) => IDS[i % 4] !== id);

describe('sources in Chromium', () => {
  let server: FastifyInstance;
  let url = '';

  beforeAll(async () => {
    const backend = await createEmbeddedBackendFromData({ ...sampleData, articles: stories });
    server = await createProductionServer({ distDir: inject('distDir'), backend, onClose: () => backend.close() });
    await server.listen({ port: 0, host: '127.0.0.1' });
    const address = server.server.address();
    if (!address || typeof address === 'string') throw new Error('no port');
    url = `http://127.0.0.1:${address.port}/`;
  });
  afterAll(() => server.close());

  it('keeps one source, reads on in its order, drops another from a shared address and remembers the choice', async () => {
    const { page, errors } = await openPage();
    // Titles as shown, without the "(read)" said to screen readers after a story was opened.
    const headlines = async () =>
      (await page.getByRole('heading', { level: 3 }).allTextContents()).map((t) => t.replace(/ \(read\)$/, ''));
    await page.goto(url);
    await page.getByRole('link', { name: stories[0]!.title }).waitFor();

    // Only the BBC.
    await page.getByRole('button', { name: /use filter/i }).click();
    const sources = page.getByRole('group', { name: 'Show news from these sources' });
    await expect.poll(() => sources.getByRole('checkbox').count()).toBe(4);
    await expectNoAxeViolations(page);
    await sources.getByRole('button', { name: 'Only this (BBC News)' }).click();
    const bbc = from('bbc-news');
    await expect.poll(headlines).toEqual(bbc.map((a) => a.title));
    expect(new URL(page.url()).searchParams.get('sources')).toBe('bbc-news');
    await page.getByText('Only from: BBC News.').waitFor();
    await page.getByRole('button', { name: 'Done' }).click();

    // A story read from this list leads on to the next BBC story.
    await page.getByRole('link', { name: bbc[1]!.title }).click();
    await page.getByRole('heading', { level: 1, name: bbc[1]!.title }).waitFor();
    const more = page.getByRole('navigation', { name: 'More stories' });
    await more.getByRole('link', { name: bbc[2]!.title }).waitFor();
    await more.getByRole('link', { name: bbc[0]!.title }).waitFor();

    // A reload of the bare address finds the choice kept on the device.
    await page.goto(url);
    await expect.poll(headlines).toEqual(bbc.map((a) => a.title));

    // A shared address dropping TASS wins over it.
    await page.goto(`${url}?excludeSources=tass`);
    await expect.poll(headlines).toEqual(
      notFrom('tass')
        .slice(0, 20)
        .map((a) => a.title),
    );
    await page.getByText('Not from: ТАСС.').waitFor();
    await page.getByRole('button', { name: /use filter/i }).click();
    await expect.poll(() => sources.getByRole('checkbox', { name: 'ТАСС' }).isChecked()).toBe(false);
    await expect.poll(() => sources.getByRole('checkbox', { name: 'BBC News' }).isChecked()).toBe(true);
    await expectNoAxeViolations(page);
    expect(errors).toEqual([]);
  });
});
