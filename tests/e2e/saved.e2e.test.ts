import { describe, expect, inject, it } from 'vitest';
import { readDataFolder } from '@/backend/embedded/news-data';
import { sortNewestFirst } from '@/backend/feed-cursor';
import { expectNoAxeViolations, setUpChromium } from './browser';

const data = readDataFolder('mock-data');
const newestFirst = sortNewestFirst(data.articles);
// A multi-page article on the feed's first page, and another one to save before it.
const [toRead, alsoSaved] = newestFirst.slice(0, 20).filter((a) => a.pages.length > 1);
const baseURL = inject('baseURL');

const { openPage } = setUpChromium();

describe('read later in Chromium', () => {
  it('saves an article, then opens it, every page, with the network cut', async () => {
    expect(toRead && alsoSaved).toBeTruthy();
    const { page, context, errors } = await openPage();
    await page.goto(baseURL);

    // Save two articles from their article view.
    for (const article of [alsoSaved!, toRead!]) {
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'All news' }).click();
      await page.getByRole('link', { name: article.title }).click();
      await page.getByRole('heading', { level: 1, name: article.title }).waitFor();
      const save = page.getByRole('button', { name: `Save “${article.title}”` });
      expect(await save.getAttribute('aria-pressed')).toBe('false');
      await save.click();
      const saved = page.getByRole('button', { name: `Saved “${article.title}”` });
      await saved.waitFor();
      expect(await saved.getAttribute('aria-pressed')).toBe('true');
    }

    // A new visit (nothing in memory) to the Saved view: newest saved first. It readies the article view's code.
    const articleCode = page.waitForResponse((response) => /\/assets\/article-page-[^/]*\.js$/.test(response.url()));
    await page.goto(`${baseURL}/saved`);
    await page.getByRole('heading', { level: 1, name: 'Saved' }).waitFor();
    const list = page.getByRole('list', { name: 'Saved articles' });
    await list.getByRole('link', { name: toRead!.title }).waitFor();
    expect(await list.getByRole('heading', { level: 2 }).allTextContents()).toEqual([toRead!.title, alsoSaved!.title]);
    await articleCode;
    await page.waitForLoadState('networkidle');

    // Network cut: the article opens from the device, every page of it.
    await context.setOffline(true);
    await list.getByRole('link', { name: toRead!.title }).click();
    await page.getByRole('heading', { level: 1, name: toRead!.title }).waitFor();
    await page.getByText(/The news service cannot be reached, so this is the copy you saved on/).waitFor();
    await page.getByRole('alert').filter({ hasText: 'You are offline.' }).waitFor();
    for (let n = 2; n <= toRead!.pages.length; n++) {
      await page.getByRole('button', { name: 'Show more' }).click();
      await page.getByRole('heading', { name: `Page ${n} of ${toRead!.pages.length}` }).waitFor();
    }
    await page.getByText(toRead!.pages.at(-1)!.at(-1)!).waitFor();
    await expectNoAxeViolations(page);

    // Still offline: remove one from the Saved view, then undo.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Saved' }).click();
    await page.getByRole('button', { name: `Remove “${alsoSaved!.title}”` }).click();
    const status = page.getByRole('status').filter({ hasText: `Removed “${alsoSaved!.title}”.` });
    await status.waitFor();
    expect(await list.getByRole('heading', { level: 2 }).allTextContents()).toEqual([toRead!.title]);
    await status.getByRole('button', { name: 'Undo' }).click();
    await list.getByRole('link', { name: alsoSaved!.title }).waitFor();
    expect(await list.getByRole('heading', { level: 2 }).allTextContents()).toEqual([toRead!.title, alsoSaved!.title]);

    // Back online, a reload finds both still kept.
    await context.setOffline(false);
    await page.reload();
    await list.getByRole('link', { name: alsoSaved!.title }).waitFor();
    expect(await list.getByRole('heading', { level: 2 }).allTextContents()).toEqual([toRead!.title, alsoSaved!.title]);
    expect(errors.filter((e) => !/ERR_INTERNET_DISCONNECTED/.test(e))).toEqual([]);
  });
});
