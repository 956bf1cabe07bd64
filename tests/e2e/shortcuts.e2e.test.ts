// Keyboard shortcuts in Chromium: they work as soon as the headlines show, and "?" lists those of every view.
import { describe, expect, inject, it } from 'vitest';
import { articlesNewestFirst } from '../helpers/fixtures';
import { setUpChromium } from './browser';

const { openPage } = setUpChromium();
const baseURL = inject('baseURL');
const [newest, second] = articlesNewestFirst as [(typeof articlesNewestFirst)[0], (typeof articlesNewestFirst)[0]];
const grain = articlesNewestFirst.find((article) => /grain/i.test(article.title))!;

describe('keyboard shortcuts', () => {
  it('j then o, pressed as soon as the headlines show, open the first story (their code arrives later)', async () => {
    const { page, errors } = await openPage();
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/assets/list-keyboard-handler-*.js', async (route) => {
      await released;
      await route.continue();
    });
    await page.goto(baseURL);
    await page.getByRole('link', { name: newest.title }).waitFor();
    await page.keyboard.press('j');
    await page.keyboard.press('o');
    release();
    await page.getByRole('heading', { level: 1, name: newest.title }).waitFor();
    expect(errors).toEqual([]);
  });

  it('a story clicked before that code arrives still gets focus when the reader comes Back to the list', async () => {
    const { page, errors } = await openPage();
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/assets/list-keyboard-handler-*.js', async (route) => {
      await released;
      await route.continue();
    });
    await page.goto(baseURL);
    await page.getByRole('link', { name: second.title }).click();
    await page.getByRole('heading', { level: 1, name: second.title }).waitFor();
    release();
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'All news' }).waitFor();
    await expect
      .poll(() => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.itemId))
      .toBe(second.id);
    expect(errors).toEqual([]);
  });

  const list = ['j', 'k', 'o or Enter', 'm', 'b'];
  for (const [view, path, shown, expected] of [
    ['the feed', '/', newest.title, [...list.slice(0, 3), 's', ...list.slice(3), '/', '?']],
    ['search', '/search?q=grain', grain.title, [...list, '/', '?']],
    ['an article', `/news/${second.id}`, second.title, ['/', '?']],
    ['the converter', '/converter', 'Currency converter', ['/', '?']],
    ['saved stories', '/saved', 'Saved', ['/', '?']],
  ] as const) {
    it(`? lists the shortcuts of ${view}`, async () => {
      const { page, errors } = await openPage();
      await page.goto(`${baseURL}${path}`);
      await page.getByRole('heading', { name: shown }).first().waitFor();
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await page.keyboard.press('?');
      const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
      await dialog.waitFor();
      expect(await dialog.getByRole('rowheader').allTextContents()).toEqual(expected);
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      expect(errors).toEqual([]);
    });
  }
});
