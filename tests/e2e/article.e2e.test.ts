import type { Locator } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { readDataFolder } from '@/backend/embedded/news-data';
import { sortNewestFirst } from '@/backend/feed-cursor';
import { expectNoAxeViolations, setUpChromium } from './browser';

const data = readDataFolder('mock-data');
const newestFirst = sortNewestFirst(data.articles);
const byId = (id: string) => data.articles.find((a) => a.id === id)!;
const baseURL = inject('baseURL');

// A multi-page article on the feed's first page that has "Read also" entries.
const journey = newestFirst.slice(0, 20).find((a) => a.pages.length > 1 && a.related?.length)!;
// A three-page article with a javascript: address among its "In other media" links.
const withUnsafeLink = data.articles.find(
  (a) => a.pages.length >= 3 && a.otherMedia?.some((l) => !/^https?:/.test(l.url)),
)!;

/** The element was scrolled to: its top is in the upper part of the viewport, or the page is scrolled to its end. */
async function expectScrolledTo(locator: Locator) {
  await expect
    .poll(() =>
      locator.evaluate((el) => {
        const top = el.getBoundingClientRect().top;
        const atEnd =
          window.scrollY > 0 && window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 1;
        return top >= -1 && (top < window.innerHeight / 3 || (atEnd && top < window.innerHeight));
      }),
    )
    .toBe(true);
}

const { openPage } = setUpChromium();

describe('article journey in Chromium', () => {
  it('opens from the feed, shows more to the end, follows "Read also" and comes back with Back', async () => {
    expect(journey).toBeDefined();
    const { page, context, errors } = await openPage();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
    await page.goto(baseURL);
    await page.getByRole('link', { name: journey.title }).click();

    await page.getByRole('heading', { level: 1, name: journey.title }).waitFor();
    await expect.poll(() => page.title()).toBe(`${journey.title} — Agency News`);
    const count = journey.pages.length;
    await page.getByText(`${count} pages in this article`).waitFor();
    await expectNoAxeViolations(page);

    // "Show more" until the whole article is shown; each page gets its address and is scrolled to.
    for (let n = 2; n <= count; n++) {
      await page.getByRole('button', { name: 'Show more' }).click();
      const heading = page.getByRole('heading', { name: `Page ${n} of ${count}` });
      await heading.waitFor();
      await expect.poll(() => new URL(page.url()).search).toBe(`?page=${n}`);
      await expectScrolledTo(heading);
    }
    await page.getByText(journey.pages.at(-1)!.at(-1)!).waitFor();
    expect(await page.getByRole('button', { name: 'Show more' }).count()).toBe(0);

    // Copy the article's address.
    await page.getByRole('button', { name: 'Copy link', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Link copied' }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${baseURL}/news/${journey.id}`);
    await expectNoAxeViolations(page);

    // Follow "Read also", then come back with Back: every page is still shown.
    const next = journey.related!.map(byId).find(Boolean)!;
    await page.getByRole('region', { name: 'Read also' }).getByRole('link', { name: next.title }).click();
    await page.getByRole('heading', { level: 1, name: next.title }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/news/${next.id}`);
    await expectNoAxeViolations(page);

    await page.goBack();
    await page.getByRole('heading', { level: 1, name: journey.title }).waitFor();
    expect(new URL(page.url()).search).toBe(`?page=${count}`);
    await page.getByRole('heading', { name: `Page ${count} of ${count}` }).waitFor();

    // Back once more undoes the last "Show more"; Forward brings it back.
    await page.goBack();
    await expect.poll(() => new URL(page.url()).search).toBe(`?page=${count - 1}`);
    await expect.poll(() => page.getByRole('heading', { name: `Page ${count} of ${count}` }).count()).toBe(0);
    await page.goForward();
    await page.getByRole('heading', { name: `Page ${count} of ${count}` }).waitFor();

    // Back to where the reader arrived from the feed: page 1 alone, even though more pages are remembered.
    for (let n = count - 1; n >= 1; n--) {
      await page.goBack();
      await expect.poll(() => new URL(page.url()).search).toBe(`?page=${n}`);
    }
    await expect.poll(() => page.getByRole('heading', { name: `Page 2 of ${count}` }).count()).toBe(0);
    expect(await page.getByRole('heading', { name: `Page 1 of ${count}` }).count()).toBe(1);
    await page.getByRole('button', { name: 'Show more' }).waitFor();
    expect(errors).toEqual([]);
  });

  it('opens ?page=2 directly, scrolled to page 2, with only safe external links', async () => {
    const { page, errors } = await openPage();
    await page.goto(`${baseURL}/news/${withUnsafeLink.id}?page=2`);
    const count = withUnsafeLink.pages.length;
    const heading = page.getByRole('heading', { name: `Page 2 of ${count}` });
    await heading.waitFor();
    await expectScrolledTo(heading);
    expect(await page.getByRole('heading', { name: `Page 1 of ${count}` }).count()).toBe(1);
    expect(await page.getByRole('heading', { name: `Page 3 of ${count}` }).count()).toBe(0);

    const media = page.getByRole('region', { name: 'In other media' });
    const safe = withUnsafeLink.otherMedia!.filter((l) => /^https?:/.test(l.url));
    await expect.poll(() => media.getByRole('link').count()).toBe(safe.length);
    for (const link of await media.getByRole('link').all()) {
      expect(await link.getAttribute('target')).toBe('_blank');
      expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
      expect(await link.getAttribute('href')).toMatch(/^https?:\/\//);
    }
    expect(await page.locator('a[href^="javascript"]').count()).toBe(0);
    await expectNoAxeViolations(page);
    expect(errors).toEqual([]);
  });

  it('opens a link to a paragraph on a later page and scrolls to it', async () => {
    const { page, errors } = await openPage();
    const n = withUnsafeLink.pages[0]!.length + withUnsafeLink.pages[1]!.length + 1;
    await page.goto(`${baseURL}/news/${withUnsafeLink.id}#p-${n}`);
    const paragraph = page.locator(`#p-${n}`);
    await paragraph.waitFor();
    await expectScrolledTo(paragraph);
    expect(await paragraph.textContent()).toBe(withUnsafeLink.pages[2]![0]);
    // The paragraph's own link control is reachable with the keyboard and visible when focused.
    await page.keyboard.press('Tab');
    const control = page.getByRole('button', { name: `Copy link to this paragraph (paragraph ${n})` });
    await expect.poll(() => control.evaluate((el) => el === document.activeElement)).toBe(true);
    await expect.poll(() => control.evaluate((el) => getComputedStyle(el).opacity)).toBe('1');
    expect(errors).toEqual([]);
  });

  it('ends a story with the previous and next one in the feed list’s order, and goes back to the list in place', async () => {
    const { page, context, errors } = await openPage();
    await page.goto(baseURL);
    const [, second, third, fourth] = newestFirst;
    await page.getByRole('link', { name: second!.title }).waitFor();
    await page.evaluate(() => window.scrollTo(0, 300));
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(300);
    await page.getByRole('link', { name: second!.title }).click();
    await page.getByRole('heading', { level: 1, name: second!.title }).waitFor();

    const more = page.getByRole('navigation', { name: 'More stories' });
    await more.getByRole('link', { name: newestFirst[0]!.title }).waitFor();
    await more.getByRole('link', { name: third!.title }).click();
    await page.getByRole('heading', { level: 1, name: third!.title }).waitFor();
    await more.getByRole('link', { name: fourth!.title }).waitFor();
    expect(await more.getByRole('link', { name: second!.title }).count()).toBe(1);
    await expectNoAxeViolations(page);

    // Back to the list with the browser's own Back: the feed at the place the reader left it.
    await more.getByRole('link', { name: 'Back to All news' }).click();
    await page.getByRole('heading', { level: 1, name: 'All news' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    // The feed's own restoration: its place (within a few pixels) and focus on the story first opened from it.
    await expect
      .poll(() => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.itemId))
      .toBe(second!.id);
    expect(Math.abs((await page.evaluate(() => window.scrollY)) - 300)).toBeLessThan(40);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows no "#" beside the paragraphs on a touch screen until a paragraph is tapped', async () => {
    const article = newestFirst.find((a) => a.pages[0]!.length >= 3)!;
    const { page, context, errors } = await openPage({ width: 390, height: 844 }, { touch: true });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
    await page.goto(`${baseURL}/news/${article.id}`);
    await page.getByRole('heading', { level: 1, name: article.title }).waitFor();
    expect(await page.evaluate(() => matchMedia('(hover: none) and (pointer: coarse)').matches)).toBe(true);
    const controls = page.getByRole('button', { name: /^Copy link to this paragraph/ });
    await expect.poll(() => controls.count()).toBe(article.pages[0]!.length);
    const opacities = () => controls.evaluateAll((all) => all.map((el) => getComputedStyle(el).opacity));
    expect(new Set(await opacities())).toEqual(new Set(['0']));

    // A tap on a paragraph brings its control (and only its own); a tap on the control copies the link.
    await page.locator('#p-2').tap();
    await expect.poll(opacities).toEqual(article.pages[0]!.map((_, i) => (i === 1 ? '1' : '0')));
    await controls.nth(1).tap();
    await page.getByText('Link to paragraph 2 copied').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('says "Article not found" for an unknown id, with a way back to the feed', async () => {
    const { page, errors } = await openPage();
    await page.goto(`${baseURL}/news/no-such-article-anywhere`);
    await page.getByRole('heading', { level: 1, name: 'Article not found' }).waitFor();
    await expect.poll(() => page.title()).toBe('Article not found — Agency News');
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: 'Go to All news' }).click();
    await page.getByRole('heading', { level: 1, name: 'All news' }).waitFor();
    // The API's 404 is logged by the browser as a failed resource; nothing else may be.
    expect(errors.filter((e) => !/status of 404/.test(e))).toEqual([]);
  });
});
