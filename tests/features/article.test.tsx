import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import type { Article } from '@/contract/news';
import { agencyDayKey, formatAgencyDateTime } from '@/lib/agency-time';
import { READING_POSITION_STORAGE_KEY } from '@/stores/reading-position-store';
import { articleById, articlesNewestFirst, sampleData, topicName } from '../helpers/fixtures';
import { server } from '../helpers/msw-server';
import { renderApp } from '../helpers/render-app';

const ARTICLE_API = '*/api/articles/:id';
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "November 20" for the agency-zone day of an instant, worked out from agencyDayKey, not from the view's code. */
function agencyMonthDay(iso: string): string {
  const [, month, day] = agencyDayKey(iso).split('-').map(Number);
  return `${MONTHS[month! - 1]} ${day}`;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const paragraphs = (article: Article) => article.pages.flat();
const pageHeading = (page: number, of: number) => screen.queryByRole('heading', { name: `Page ${page} of ${of}` });
const openArticle = async (url: string, title: string) => {
  const app = renderApp(url);
  await screen.findByRole('heading', { level: 1, name: title });
  return app;
};

/** Answer one article id with a custom body (other ids keep the usual API handler). */
function serveArticle(id: string, body: unknown, status = 200) {
  server.use(
    http.get(ARTICLE_API, ({ params }) =>
      params.id === id ? HttpResponse.json(body as Record<string, unknown>, { status }) : undefined,
    ),
  );
}

function craftedArticle(overrides: Partial<Article> = {}): Article {
  return {
    id: 'crafted-article-1',
    title: 'A crafted article',
    lead: '',
    publishedAt: '2026-11-20T12:00:00+03:00',
    topics: [sampleData.topics[0]!.id],
    pages: [['One short paragraph.']],
    ...overrides,
  };
}

const multiPage = articleById('eu-leaders-agree-on-joint-gas-1459'); // 3 pages, a javascript: link in otherMedia
const twoPages = articleById('central-bank-keeps-key-rate-at-1034'); // 2 pages, related + otherMedia
const singlePage = sampleData.articles.find(
  (a) => a.pages.length === 1 && a.dateline && !a.related?.length && !a.otherMedia?.length && !a.partnerNews?.length,
)!;

describe('Article view: layout', () => {
  it('shows topics, title, agency date and time, lead, dateline, reading time and the page title', async () => {
    await openArticle(`/news/${multiPage.id}`, multiPage.title);

    const topics = screen.getByRole('list', { name: 'Topics' });
    for (const topic of multiPage.topics) {
      // Names arrive with the topics list; until then the chip shows the id.
      const chip = await within(topics).findByRole('link', { name: topicName(topic) });
      expect(chip).toHaveAttribute('href', `/?topics=${topic}`);
    }
    expect(screen.getByText(formatAgencyDateTime(multiPage.publishedAt))).toHaveAttribute(
      'datetime',
      multiPage.publishedAt,
    );
    expect(screen.getByText(multiPage.lead)).toBeInTheDocument();
    expect(screen.getByText(/^\d+ min read$/)).toBeInTheDocument();
    expect(document.getElementById('p-1')).toHaveTextContent(
      `${multiPage.dateline}, ${agencyMonthDay(multiPage.publishedAt)} — ${paragraphs(multiPage)[0]}`,
    );
    await waitFor(() => expect(document.title).toBe(`${multiPage.title} — Agency News`));
  });

  it('dates the dateline by the day in the agency zone, not in UTC', async () => {
    // Published just after midnight in the agency zone: still the previous day in UTC.
    const early = sampleData.articles.find(
      (a) => a.dateline && agencyDayKey(a.publishedAt) !== new Date(a.publishedAt).toISOString().slice(0, 10),
    )!;
    await openArticle(`/news/${early.id}`, early.title);
    expect(document.getElementById('p-1')).toHaveTextContent(
      new RegExp(`^${early.dateline}, ${agencyMonthDay(early.publishedAt)} —`),
    );
  });

  it('starts the body with the first paragraph when the article has no dateline', async () => {
    const noDateline = sampleData.articles.find((a) => !a.dateline)!;
    await openArticle(`/news/${noDateline.id}`, noDateline.title);
    expect(document.getElementById('p-1')).toHaveTextContent(
      new RegExp(`^${escapeRegExp(paragraphs(noDateline)[0]!)}$`),
    );
  });

  it.each([
    [10, '1 min read'],
    [660, '3 min read'],
    [880, '4 min read'],
  ])('estimates the reading time of %i words as "%s"', async (words, expected) => {
    const article = craftedArticle({ pages: [[Array.from({ length: words }, () => 'word').join(' ')]] });
    serveArticle(article.id, article);
    await openArticle(`/news/${article.id}`, article.title);
    expect(screen.getByText(expected)).toBeInTheDocument();
  });

  it('numbers every paragraph across the whole article (p-1, p-2, ...)', async () => {
    await openArticle(`/news/${multiPage.id}?page=${multiPage.pages.length}`, multiPage.title);
    paragraphs(multiPage).forEach((text, i) => {
      expect(document.getElementById(`p-${i + 1}`)).toHaveTextContent(text);
    });
    expect(document.getElementById(`p-${paragraphs(multiPage).length + 1}`)).toBeNull();
  });

  it('renders markup in the data as plain text, never as HTML', async () => {
    const article = craftedArticle({
      title: '<b>Bold</b> claim',
      lead: '<script>alert(1)</script>',
      pages: [['<img src="x" onerror="alert(1)"> in the text']],
    });
    serveArticle(article.id, article);
    const { container } = await openArticle(`/news/${article.id}`, article.title);
    expect(screen.getByText(article.lead)).toBeInTheDocument();
    expect(document.getElementById('p-1')).toHaveTextContent(article.pages[0]![0]!);
    expect(container.querySelector('img, b, script')).toBeNull();
  });
});

describe('Article view: pages and "Show more"', () => {
  it('shows a one-page article without pager, page headings or "Show more"', async () => {
    await openArticle(`/news/${singlePage.id}`, singlePage.title);
    expect(screen.queryByText(/pages in this article/)).not.toBeInTheDocument();
    expect(screen.queryByRole('navigation', { name: 'Article pages' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Show more' })).not.toBeInTheDocument();
    expect(pageHeading(1, 1)).not.toBeInTheDocument();
    expect(document.getElementById(`p-${paragraphs(singlePage).length}`)).toBeInTheDocument();
  });

  it('shows page 1 of a multi-page article, then appends each page with "Show more" until all are shown', async () => {
    const scrolled = vi.spyOn(Element.prototype, 'scrollIntoView');
    const { user, location } = await openArticle(`/news/${multiPage.id}`, multiPage.title);
    const count = multiPage.pages.length;
    expect(screen.getByText(`${count} pages in this article`)).toBeInTheDocument();
    expect(pageHeading(1, count)).toBeInTheDocument();
    expect(pageHeading(2, count)).not.toBeInTheDocument();
    expect(screen.queryByText(multiPage.pages[1]![0]!)).not.toBeInTheDocument();

    for (let page = 2; page <= count; page++) {
      await user.click(screen.getByRole('button', { name: 'Show more' }));
      const heading = pageHeading(page, count)!;
      expect(heading).toBeInTheDocument();
      expect(heading).toHaveFocus();
      expect(scrolled.mock.contexts).toContain(heading);
      expect(screen.getByText(multiPage.pages[page - 1]![0]!)).toBeInTheDocument();
      expect(location.current?.search).toBe(`?page=${page}`);
    }
    // Everything is shown: the earlier pages are still there, and there is nothing more to show.
    expect(pageHeading(1, count)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Show more' })).not.toBeInTheDocument();
  });

  it('goes back to fewer pages with Back after "Show more"', async () => {
    const { user, location, goBack } = await openArticle(`/news/${multiPage.id}`, multiPage.title);
    await user.click(screen.getByRole('button', { name: 'Show more' }));
    await user.click(screen.getByRole('button', { name: 'Show more' }));
    expect(pageHeading(3, 3)).toBeInTheDocument();

    goBack();
    await waitFor(() => expect(pageHeading(3, 3)).not.toBeInTheDocument());
    expect(pageHeading(2, 3)).toBeInTheDocument();
    expect(location.current?.search).toBe('?page=2');
    expect(screen.getByRole('button', { name: 'Show more' })).toBeInTheDocument();
  });

  it('folds back to page 1 with Back after the first "Show more", and Forward shows page 2 again', async () => {
    const scrolled = vi.spyOn(Element.prototype, 'scrollIntoView');
    const { user, location, goBack, goForward } = await openArticle(`/news/${multiPage.id}`, multiPage.title);
    await user.click(screen.getByRole('button', { name: 'Show more' }));
    expect(pageHeading(2, 3)).toBeInTheDocument();
    expect(location.current?.search).toBe('?page=2');

    scrolled.mockClear();
    goBack();
    await waitFor(() => expect(pageHeading(2, 3)).not.toBeInTheDocument());
    expect(pageHeading(1, 3)).toBeInTheDocument();
    expect(screen.queryByText(multiPage.pages[1]![0]!)).not.toBeInTheDocument();
    // The entry the reader arrived on was given ?page=1 in place, so Back lands on exactly that.
    expect(location.current?.search).toBe('?page=1');
    // Back at the top of the article: page 1 starts there, so nothing is scrolled past the title.
    expect(scrolled).not.toHaveBeenCalled();
    expect(pageHeading(1, 3)).not.toHaveFocus();

    goForward();
    expect(await screen.findByRole('heading', { name: 'Page 2 of 3' })).toBeInTheDocument();
    expect(location.current?.search).toBe('?page=2');
  });

  it('corrects the address in place without moving the reader again', async () => {
    const scrolled = vi.spyOn(Element.prototype, 'scrollIntoView');
    const { location } = await openArticle(`/news/${multiPage.id}?page=99`, multiPage.title);
    await waitFor(() => expect(location.current?.search).toBe('?page=3'));
    // The visit scrolled to page 3 once; the REPLACE that fixed the address did not scroll a second time.
    expect(scrolled.mock.contexts).toEqual([pageHeading(3, 3)]);
  });

  it('opens /news/:id?page=2 with pages 1-2 shown and page 2 scrolled into view', async () => {
    const scrolled = vi.spyOn(Element.prototype, 'scrollIntoView');
    await openArticle(`/news/${multiPage.id}?page=2`, multiPage.title);
    const heading = pageHeading(2, 3)!;
    expect(pageHeading(1, 3)).toBeInTheDocument();
    expect(heading).toBeInTheDocument();
    expect(pageHeading(3, 3)).not.toBeInTheDocument();
    await waitFor(() => expect(scrolled.mock.contexts).toContain(heading));
    expect(heading).toHaveFocus();
  });

  it('jumps with the page links and marks the page the address points at', async () => {
    const { user, location } = await openArticle(`/news/${multiPage.id}`, multiPage.title);
    const pager = screen.getByRole('navigation', { name: 'Article pages' });
    expect(within(pager).getByRole('link', { name: 'Page 1' })).toHaveAttribute('aria-current', 'page');

    await user.click(within(pager).getByRole('link', { name: 'Page 3' }));
    expect(location.current?.search).toBe('?page=3');
    expect(pageHeading(3, 3)).toHaveFocus();
    expect(pageHeading(2, 3)).toBeInTheDocument();
    expect(within(pager).getByRole('link', { name: 'Page 3' })).toHaveAttribute('aria-current', 'page');

    await user.click(within(pager).getByRole('link', { name: 'Page 1' }));
    expect(location.current?.search).toBe('?page=1');
    expect(pageHeading(2, 3)).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Show more' })).toBeInTheDocument();
  });

  it.each([
    ['abc', 1],
    ['', 1],
    ['2.5', 1],
    ['0', 1],
    ['-4', 1],
    ['99', 3],
    ['99999999999999999999999', 3],
  ])('treats ?page=%s sensibly: %i page(s) shown and the address corrected', async (raw, shown) => {
    const { location } = await openArticle(`/news/${multiPage.id}?page=${encodeURIComponent(raw)}`, multiPage.title);
    expect(pageHeading(shown, 3)).toBeInTheDocument();
    expect(pageHeading(shown + 1, 3)).not.toBeInTheDocument();
    await waitFor(() => expect(location.current?.search).toBe(`?page=${shown}`));
  });

  it('ignores ?page on a one-page article and drops it from the address', async () => {
    const { location } = await openArticle(`/news/${singlePage.id}?page=4`, singlePage.title);
    expect(screen.queryByRole('button', { name: 'Show more' })).not.toBeInTheDocument();
    await waitFor(() => expect(location.current?.search).toBe(''));
  });

  it('opens /news/:id#p-N with enough pages to show paragraph N, and scrolls to it', async () => {
    const scrolled = vi.spyOn(Element.prototype, 'scrollIntoView');
    const n = multiPage.pages[0]!.length + multiPage.pages[1]!.length + 1; // first paragraph of page 3
    const { location } = await openArticle(`/news/${multiPage.id}#p-${n}`, multiPage.title);
    const paragraph = document.getElementById(`p-${n}`)!;
    expect(paragraph).toHaveTextContent(multiPage.pages[2]![0]!);
    expect(pageHeading(3, 3)).toBeInTheDocument();
    await waitFor(() => expect(scrolled.mock.contexts).toContain(paragraph));
    expect(paragraph).toHaveFocus();
    await waitFor(() => expect(location.current?.search).toBe('?page=3'));
    expect(location.current?.hash).toBe(`#p-${n}`);
  });

  it('ignores a #p-N that names no paragraph', async () => {
    await openArticle(`/news/${multiPage.id}#p-999`, multiPage.title);
    expect(pageHeading(1, 3)).toBeInTheDocument();
    expect(pageHeading(2, 3)).not.toBeInTheDocument();
  });

  it('remembers the pages a reader opened and shows them again on coming back', async () => {
    const first = await openArticle(`/news/${multiPage.id}`, multiPage.title);
    await first.user.click(screen.getByRole('button', { name: 'Show more' }));
    await first.user.click(screen.getByRole('button', { name: 'Show more' }));
    expect(localStorage.getItem(READING_POSITION_STORAGE_KEY)).toContain(multiPage.id);
    first.unmount();

    const again = await openArticle(`/news/${multiPage.id}`, multiPage.title);
    expect(pageHeading(3, 3)).toBeInTheDocument();
    await waitFor(() => expect(again.location.current?.search).toBe('?page=3'));
    again.unmount();

    // Another article is not affected.
    await openArticle(`/news/${twoPages.id}`, twoPages.title);
    expect(pageHeading(2, 2)).not.toBeInTheDocument();
  });
});

describe('Article view: links', () => {
  it('copies the article address and says so', async () => {
    const { user } = await openArticle(`/news/${multiPage.id}`, multiPage.title);
    await user.click(screen.getByRole('button', { name: 'Copy link' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Link copied');
    expect(await navigator.clipboard.readText()).toBe(`${window.location.origin}/news/${multiPage.id}`);
  });

  it('says when copying fails and shows the address to copy by hand', async () => {
    const { user } = await openArticle(`/news/${multiPage.id}`, multiPage.title);
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new DOMException('denied', 'NotAllowedError'));
    await user.click(screen.getByRole('button', { name: 'Copy link' }));
    const status = await screen.findByRole('status');
    expect(status).toHaveTextContent('Could not copy the link');
    expect(status).toHaveTextContent(`${window.location.origin}/news/${multiPage.id}`);
  });

  it('offers "Share" only where the browser has a share sheet', async () => {
    const first = await openArticle(`/news/${multiPage.id}`, multiPage.title);
    expect(screen.queryByRole('button', { name: 'Share' })).not.toBeInTheDocument();
    first.unmount();

    const share = vi.fn().mockResolvedValueOnce(undefined).mockRejectedValueOnce(new DOMException('x', 'AbortError'));
    share.mockRejectedValueOnce(new Error('share failed'));
    Object.defineProperty(navigator, 'share', { value: share, configurable: true });
    try {
      const { user } = await openArticle(`/news/${multiPage.id}`, multiPage.title);
      const button = screen.getByRole('button', { name: 'Share' });
      await user.click(button);
      expect(share).toHaveBeenCalledWith({
        title: multiPage.title,
        url: `${window.location.origin}/news/${multiPage.id}`,
      });
      await user.click(button); // the reader closes the sheet: not an error
      expect(screen.getByRole('status')).toHaveTextContent('');
      await user.click(button);
      expect(await screen.findByRole('status')).toHaveTextContent('Could not open the share sheet');
    } finally {
      delete (navigator as { share?: unknown }).share;
    }
  });

  it('copies a link to one paragraph with a keyboard-reachable button', async () => {
    const { user } = await openArticle(`/news/${multiPage.id}`, multiPage.title);
    const second = screen.getByRole('button', { name: 'Copy link to this paragraph (paragraph 2)' });
    // Reached with Tab from the first paragraph's control.
    screen.getByRole('button', { name: 'Copy link to this paragraph (paragraph 1)' }).focus();
    await user.tab();
    expect(second).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('status')).toHaveTextContent('Link to paragraph 2 copied');
    expect(await navigator.clipboard.readText()).toBe(`${window.location.origin}/news/${multiPage.id}#p-2`);
  });

  it('lists "Read also" articles by title, linking inside the app', async () => {
    const { user } = await openArticle(`/news/${twoPages.id}`, twoPages.title);
    const section = await screen.findByRole('region', { name: 'Read also' });
    for (const id of twoPages.related!) {
      expect(await within(section).findByRole('link', { name: articleById(id).title })).toHaveAttribute(
        'href',
        `/news/${id}`,
      );
    }
    const next = articleById(twoPages.related![0]!);
    await user.click(within(section).getByRole('link', { name: next.title }));
    expect(await screen.findByRole('heading', { level: 1, name: next.title })).toBeInTheDocument();
  });

  it('leaves out a "Read also" article that no longer exists, and the whole section if none is left', async () => {
    const [gone, kept] = twoPages.related!;
    server.use(
      http.get(ARTICLE_API, ({ params }) =>
        params.id === gone
          ? HttpResponse.json({ error: { code: 'not_found', message: 'gone' } }, { status: 404 })
          : undefined,
      ),
    );
    const first = await openArticle(`/news/${twoPages.id}`, twoPages.title);
    const section = await screen.findByRole('region', { name: 'Read also' });
    expect(await within(section).findByRole('link', { name: articleById(kept!).title })).toBeInTheDocument();
    await waitFor(() => expect(within(section).getAllByRole('listitem')).toHaveLength(1));
    first.unmount();

    const article = craftedArticle({ related: ['no-such-article-anywhere'] });
    serveArticle(article.id, article);
    await openArticle(`/news/${article.id}`, article.title);
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Read also' })).not.toBeInTheDocument());
  });

  it('lets the reader retry a "Read also" title that failed to load', async () => {
    const failing = twoPages.related![0]!;
    server.use(
      http.get(ARTICLE_API, ({ params }) =>
        params.id === failing
          ? HttpResponse.json({ error: { code: 'boom', message: 'x' } }, { status: 500 })
          : undefined,
      ),
    );
    const { user } = await openArticle(`/news/${twoPages.id}`, twoPages.title);
    const section = await screen.findByRole('region', { name: 'Read also' });
    expect(await within(section).findByText(/could not be loaded/)).toBeInTheDocument();
    server.resetHandlers();
    await user.click(within(section).getByRole('button', { name: 'Try again' }));
    expect(await within(section).findByRole('link', { name: articleById(failing).title })).toBeInTheDocument();
  });

  it('links "In other media" safely in a new tab, with the source, and drops non-http(s) addresses', async () => {
    await openArticle(`/news/${multiPage.id}`, multiPage.title);
    const section = screen.getByRole('region', { name: 'In other media' });
    const safe = multiPage.otherMedia!.filter((l) => /^https?:\/\//.test(l.url));
    const unsafe = multiPage.otherMedia!.filter((l) => !/^https?:\/\//.test(l.url));
    expect(unsafe.length).toBeGreaterThan(0);
    for (const link of safe) {
      const a = within(section).getByRole('link', { name: new RegExp(escapeRegExp(link.title)) });
      expect(a).toHaveAttribute('href', new URL(link.url).href);
      expect(a).toHaveAttribute('target', '_blank');
      expect(a).toHaveAttribute('rel', 'noopener noreferrer');
      expect(a.closest('li')).toHaveTextContent(link.source);
    }
    for (const link of unsafe) expect(screen.queryByText(link.title, { exact: false })).not.toBeInTheDocument();
    expect(within(section).getAllByRole('link')).toHaveLength(safe.length);
    expect(document.querySelector('a[href^="javascript"]')).toBeNull();
  });

  it('links "Partner News" the same way', async () => {
    const withPartners = sampleData.articles.find((a) => a.partnerNews?.length)!;
    await openArticle(`/news/${withPartners.id}`, withPartners.title);
    const section = screen.getByRole('region', { name: 'Partner News' });
    for (const link of withPartners.partnerNews!) {
      const a = within(section).getByRole('link', { name: new RegExp(escapeRegExp(link.title)) });
      expect(a).toHaveAttribute('rel', 'noopener noreferrer');
      expect(a).toHaveAttribute('target', '_blank');
      expect(a.closest('li')).toHaveTextContent(link.source);
    }
  });

  it('shows no empty sections', async () => {
    await openArticle(`/news/${singlePage.id}`, singlePage.title);
    for (const name of ['Read also', 'In other media', 'Partner News']) {
      expect(screen.queryByRole('heading', { name })).not.toBeInTheDocument();
    }
    const allUnsafe = craftedArticle({ otherMedia: [{ title: 'Bad', source: 'X', url: 'javascript:alert(1)' }] });
    serveArticle(allUnsafe.id, allUnsafe);
    renderApp(`/news/${allUnsafe.id}`);
    await screen.findByRole('heading', { level: 1, name: allUnsafe.title });
    expect(screen.queryByRole('heading', { name: 'In other media' })).not.toBeInTheDocument();
  });
});

describe('Article view: loading and errors', () => {
  it('opens from a feed link', async () => {
    const { user } = renderApp('/');
    const newest = [...sampleData.articles].sort((a, b) => Date.parse(b.publishedAt) - Date.parse(a.publishedAt))[0]!;
    await user.click(await screen.findByRole('link', { name: newest.title }));
    expect(await screen.findByRole('heading', { level: 1, name: newest.title })).toBeInTheDocument();
  });

  it('ends with the previous and next story in the order of the feed list it was opened from, and back to it', async () => {
    const { user, location } = renderApp('/?topics=economy');
    const economy = articlesNewestFirst.filter((a) => a.topics.includes('economy'));
    const [first, second, third] = economy as [Article, Article, Article];
    await user.click(await screen.findByRole('link', { name: second.title }));
    await screen.findByRole('heading', { level: 1, name: second.title });
    const more = screen.getByRole('navigation', { name: 'More stories' });
    expect(await within(more).findByRole('link', { name: first.title })).toHaveAttribute('href', `/news/${first.id}`);
    expect(within(more).getByRole('link', { name: third.title })).toBeInTheDocument();
    expect(within(more).getByText('Previous story')).toBeInTheDocument();

    // the next story keeps the list's order and its way back
    await user.click(within(more).getByRole('link', { name: third.title }));
    await screen.findByRole('heading', { level: 1, name: third.title });
    const next = screen.getByRole('navigation', { name: 'More stories' });
    expect(await within(next).findByRole('link', { name: second.title })).toBeInTheDocument();
    expect(within(next).getByRole('link', { name: economy[3]!.title })).toBeInTheDocument();
    await user.click(within(next).getByRole('link', { name: 'Back to All news' }));
    await screen.findByRole('heading', { level: 1, name: 'All news' });
    expect(location.current?.search).toBe('?topics=economy');
  });

  it('opened directly, ends with its neighbours in the whole feed and a link to All news', async () => {
    const [newest, second] = articlesNewestFirst as [Article, Article];
    await openArticle(`/news/${newest.id}`, newest.title);
    const more = screen.getByRole('navigation', { name: 'More stories' });
    expect(await within(more).findByText('This is the newest story.')).toBeInTheDocument();
    expect(within(more).getByRole('link', { name: second.title })).toHaveAttribute('href', `/news/${second.id}`);
    expect(within(more).getByRole('link', { name: 'Back to All news' })).toHaveAttribute('href', '/');
  });

  it('says "Article not found" with a way back to the feed for an unknown id', async () => {
    renderApp('/news/no-such-article-here');
    expect(await screen.findByRole('heading', { level: 1, name: 'Article not found' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go to All news' })).toHaveAttribute('href', '/');
    await waitFor(() => expect(document.title).toBe('Article not found — Agency News'));
  });

  it('shows what failed and recovers with "Try again" after a server error', async () => {
    server.use(
      http.get(ARTICLE_API, () =>
        HttpResponse.json({ error: { code: 'unavailable', message: 'The newsroom is offline.' } }, { status: 500 }),
      ),
    );
    const { user } = renderApp(`/news/${twoPages.id}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Article could not be loaded' })).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent(
      'The news service has a problem on its side. Try again in a minute.',
    );
    expect(screen.getByText('Details').closest('details')).toHaveTextContent('The newsroom is offline.');
    server.resetHandlers();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { level: 1, name: twoPages.title })).toBeInTheDocument();
  });

  it.each([
    ['a body of the wrong shape', () => HttpResponse.json({ id: 42, pages: 'none' }), /cannot read.*Unexpected shape/],
    ['a body that is not JSON', () => new HttpResponse('<html>oops</html>', { status: 200 }), /not JSON/],
    ['an article with no pages', () => HttpResponse.json({ ...twoPages, pages: [] }), /pages/],
    ['an HTTP error without a JSON body', () => new HttpResponse('Bad gateway', { status: 502 }), /HTTP 502/],
  ])('explains %s instead of crashing', async (_label, respond, message) => {
    server.use(http.get(ARTICLE_API, respond));
    renderApp(`/news/${twoPages.id}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Article could not be loaded' })).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent(message);
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });
});

describe('an article with an enormous paragraph', () => {
  it('shows it a part at a time instead of laying out megabytes at once', async () => {
    const base = articleById(articlesNewestFirst[0]!.id);
    const huge = `${'Grain exports rose again. '.repeat(200_000)}The end.`; // about 5 MB
    server.use(
      http.get('*/api/articles/:id', () => HttpResponse.json({ ...base, pages: [[huge], ...base.pages.slice(1)] })),
    );
    const { user } = renderApp(`/news/${base.id}`);
    const more = await screen.findByRole('button', { name: /^Show more of this paragraph/ });
    const paragraph = document.getElementById('p-1')!;
    expect(paragraph.textContent!.length).toBeLessThan(25_000);
    expect(screen.queryByText(/The end\./)).not.toBeInTheDocument();
    await user.click(more);
    expect(paragraph.textContent!.length).toBeGreaterThan(90_000);
  });
});
