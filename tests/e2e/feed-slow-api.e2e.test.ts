// When the API does not answer, the feed says it is still trying after about 5 s, and "Try again now" asks again
// (issue 18, item 9), in a real browser against the production server.
import type { Route } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { readDataFolder } from '@/backend/embedded/news-data';
import { sortNewestFirst } from '@/backend/feed-cursor';
import { answerWithShell } from './app-server';
import { setUpChromium } from './browser';

const newest = sortNewestFirst(readDataFolder('mock-data').articles)[0]!;
const baseURL = inject('baseURL');

const { openPage } = setUpChromium();

describe('a feed whose API does not answer, in Chromium', () => {
  it('says "Still trying…" after about 5 s, and "Try again now" loads the news', async () => {
    const { page, errors } = await openPage();
    const held: Route[] = [];
    let answer = false;
    await page.route('**/api/articles?*', (route) => (answer ? route.continue() : void held.push(route)));
    // On a network that slow, the page is the worker's copy of the app's shell (the server's page holds the news).
    await answerWithShell(page, `${baseURL}/`);
    await page.goto(baseURL);
    const note = page.getByText('Still trying to load the news…');
    const shownAfter = performance.now();
    await note.waitFor({ timeout: 15_000 });
    expect(performance.now() - shownAfter).toBeGreaterThan(4000);

    answer = true;
    await page.getByRole('button', { name: 'Try again now' }).click();
    await page.getByRole('link', { name: newest.title }).waitFor();
    await expect.poll(() => note.count()).toBe(0);
    for (const route of held) await route.abort().catch(() => {}); // given up by the page already
    expect(errors).toEqual([]);
  });
});
