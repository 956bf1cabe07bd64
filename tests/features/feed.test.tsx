import { onlineManager } from '@tanstack/react-query';
import { act, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_PAGE_SIZE as FEED_PAGE_SIZE } from '@/contract/paging';
import { formatAgencyDay, formatAgencyTime } from '@/lib/agency-time';
import { TOPIC_FILTER_STORAGE_KEY } from '@/stores/topic-filter-storage';
import { apiHandler, sampleTestApi } from '../helpers/api-handler';
import { articlesNewestFirst, sampleData, topicName } from '../helpers/fixtures';
import { server } from '../helpers/msw-server';
import { renderApp } from '../helpers/render-app';
import { testApiFor } from '../helpers/test-api';

const newest = articlesNewestFirst[0]!;
const firstPage = articlesNewestFirst.slice(0, FEED_PAGE_SIZE);
const secondPageFirst = articlesNewestFirst[FEED_PAGE_SIZE]!;
const multiPage = articlesNewestFirst.find((a) => a.pages.length > 1 && firstPage.includes(a))!;

function itemFor(title: string) {
  return screen.getByRole('link', { name: title }).closest('article')!;
}

async function openFilter(user: ReturnType<typeof renderApp>['user']) {
  await user.click(await screen.findByRole('button', { name: /use filter/i }));
  return screen.findByRole('group', { name: /show news on these topics/i });
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('All news feed', () => {
  it('shows the newest articles first under agency-zone day headings', async () => {
    renderApp('/');
    const link = await screen.findByRole('link', { name: newest.title });
    expect(link).toHaveAttribute('href', `/news/${newest.id}`);
    const item = link.closest('article')!;
    expect(within(item).getByText(formatAgencyTime(newest.publishedAt))).toBeInTheDocument();
    expect(within(item).getByText(newest.lead)).toBeInTheDocument();
    expect(within(item).getByText(newest.dateline!)).toBeInTheDocument();
    for (const topic of newest.topics) {
      expect(within(item).getByRole('button', { name: topicName(topic) })).toHaveAttribute('aria-expanded', 'false');
    }
    // The day headings of the news list (the converter box beside it has a heading of its own).
    const news = screen.getByRole('region', { name: 'All news' });
    expect(within(news).getAllByRole('heading', { level: 2 })[0]).toHaveTextContent(
      formatAgencyDay(newest.publishedAt),
    );

    await waitFor(() =>
      expect(screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual(
        firstPage.map((a) => a.title),
      ),
    );
    const days = new Set(firstPage.map((a) => formatAgencyDay(a.publishedAt)));
    expect(
      within(news)
        .getAllByRole('heading', { level: 2 })
        .map((h) => h.textContent),
    ).toEqual([...days]);
    expect(document.title).toBe('All news — Agency News');
  });

  it('expands the whole article in place with Show more and collapses it with Show less', async () => {
    const { user } = renderApp('/');
    await screen.findByRole('link', { name: multiPage.title });
    const item = itemFor(multiPage.title);
    const lastParagraph = multiPage.pages.at(-1)!.at(-1)!;
    expect(within(item).getByText(`${multiPage.pages.length} pages in this article`)).toBeInTheDocument();
    expect(within(item).queryByText(lastParagraph)).not.toBeInTheDocument();

    await user.click(within(item).getByRole('button', { name: /^show more/i }));
    expect(await within(item).findByText(lastParagraph)).toBeInTheDocument();
    expect(within(item).getByText(multiPage.pages[0]![0]!)).toBeInTheDocument();
    expect(within(item).getByRole('region', { name: `Page 2 of ${multiPage.pages.length}` })).toBeInTheDocument();
    // "Show less" at the top and at the bottom of the text.
    const [top, bottom] = within(item).getAllByRole('button', { name: /^show less/i });
    expect(top).toHaveAttribute('aria-expanded', 'true');
    expect(item.querySelector(`#${CSS.escape(top!.getAttribute('aria-controls')!)}`)).toContainElement(bottom!);

    await user.click(top!);
    expect(within(item).queryByText(lastParagraph)).not.toBeInTheDocument();
    expect(within(item).getByRole('button', { name: /^show more/i })).toHaveAttribute('aria-expanded', 'false');

    // Collapsing from the bottom puts focus back on the item's own toggle.
    await user.click(within(item).getByRole('button', { name: /^show more/i }));
    await user.click((await within(item).findAllByRole('button', { name: /^show less/i }))[1]!);
    await waitFor(() => expect(within(item).getByRole('button', { name: /^show more/i })).toHaveFocus());
  });

  it('says when the full text fails to load and recovers with Try again', async () => {
    let fail = true;
    server.use(
      http.get('*/api/articles/:id', () =>
        fail
          ? HttpResponse.json({ error: { code: 'internal', message: 'Database is down' } }, { status: 500 })
          : undefined,
      ),
    );
    const { user } = renderApp('/');
    await screen.findByRole('link', { name: newest.title });
    const item = itemFor(newest.title);
    await user.click(within(item).getByRole('button', { name: /^show more/i }));
    const alert = await within(item).findByRole('alert');
    expect(alert).toHaveTextContent(
      'The full text could not be loaded. The news service has a problem on its side. Try again in a minute.',
    );
    // The server's own words only in the details, for a bug report.
    expect(within(alert).getByText('Details').closest('details')).toHaveTextContent('Database is down');
    fail = false;
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await within(item).findByText(newest.pages[0]![0]!)).toBeInTheDocument();
  });

  it('loads the next page with "Show more news" and says when the end is reached', async () => {
    const { user } = renderApp('/');
    await screen.findByRole('link', { name: newest.title });
    expect(screen.queryByRole('link', { name: secondPageFirst.title })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Show more news' }));
    expect(await screen.findByRole('link', { name: secondPageFirst.title })).toBeInTheDocument();
    while (screen.queryByRole('button', { name: /show more news|loading more news/i })) {
      const button = screen.getByRole('button', { name: /show more news|loading more news/i });
      if (!(button as HTMLButtonElement).disabled) await user.click(button);
      await waitFor(() => expect(screen.queryByRole('button', { name: 'Loading more news…' })).not.toBeInTheDocument());
    }
    expect(screen.getByText('You have reached the end of the news.')).toBeInTheDocument();
    await waitFor(() => expect(screen.getAllByRole('heading', { level: 3 })).toHaveLength(sampleData.articles.length));
  });

  it('loads the next page by itself when the end of the list scrolls into view', async () => {
    const observers: Array<(entries: Array<{ isIntersecting: boolean }>) => void> = [];
    vi.stubGlobal(
      'IntersectionObserver',
      class {
        constructor(callback: (entries: Array<{ isIntersecting: boolean }>) => void) {
          observers.push(callback);
        }
        observe() {}
        disconnect() {}
      },
    );
    renderApp('/');
    await screen.findByRole('link', { name: newest.title });
    observers.at(-1)!([{ isIntersecting: true }]);
    expect(await screen.findByRole('link', { name: secondPageFirst.title })).toBeInTheDocument();
  });

  it('shows what failed and retries when the feed cannot load', async () => {
    let fail = true;
    server.use(http.get('*/api/articles', () => (fail ? HttpResponse.error() : undefined)));
    const { user } = renderApp('/');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The news could not be loaded. The news service could not be reached.');
    fail = false;
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('link', { name: newest.title })).toBeInTheDocument();
  });

  it('rejects a feed response of the wrong shape with a clear message instead of a blank screen', async () => {
    server.use(http.get('*/api/articles', () => HttpResponse.json({ items: { id: 42 }, nextCursor: null })));
    renderApp('/');
    expect(await screen.findByRole('alert')).toHaveTextContent('The news service sent data this app cannot read');
  });

  it('shows the good stories of a page with a malformed one, and says one could not be shown', async () => {
    const api = await sampleTestApi();
    server.use(
      http.get('*/api/articles', async ({ request }) => {
        const page = (await api.get(`/articles${new URL(request.url).search}`)).body as { items: unknown[] };
        return HttpResponse.json({ ...page, items: [{ id: 42, title: '' }, ...page.items.slice(1)] });
      }),
    );
    renderApp('/');
    expect(await screen.findByRole('link', { name: firstPage[1]!.title })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: newest.title })).not.toBeInTheDocument();
    expect(screen.getByText('1 story could not be shown: the news service sent it incomplete.')).toBeInTheDocument();
  });

  it('keeps the items loaded so far when a later page fails, and retries that page', async () => {
    let failNext = true;
    server.use(
      http.get('*/api/articles', ({ request }) =>
        new URL(request.url).searchParams.has('cursor') && failNext
          ? HttpResponse.json({ error: { code: 'internal', message: 'Timed out' } }, { status: 503 })
          : undefined,
      ),
    );
    const { user } = renderApp('/');
    await screen.findByRole('link', { name: newest.title });
    await user.click(screen.getByRole('button', { name: 'Show more news' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('More news could not be loaded. The news service has a problem on its side.');
    expect(screen.getByRole('link', { name: newest.title })).toBeInTheDocument();
    failNext = false;
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('link', { name: secondPageFirst.title })).toBeInTheDocument();
  });

  it('keeps expanded items open when the reader comes Back from an article', async () => {
    const { user, goBack } = renderApp('/');
    await screen.findByRole('link', { name: newest.title });
    await user.click(within(itemFor(newest.title)).getByRole('button', { name: /^show more/i }));
    await within(itemFor(newest.title)).findByText(newest.pages[0]![0]!);
    await user.click(screen.getByRole('link', { name: firstPage[1]!.title }));
    expect(await screen.findByRole('heading', { level: 1, name: firstPage[1]!.title })).toBeInTheDocument();
    await goBack();
    expect(await within(itemFor(newest.title)).findByText(newest.pages[0]![0]!)).toBeInTheDocument();
    expect(within(itemFor(newest.title)).getAllByRole('button', { name: /^show less/i })[0]).toBeInTheDocument();
  });
});

describe('Topic filter ("Use filter")', () => {
  const counts = Object.fromEntries(
    sampleData.topics.map((t) => [t.id, sampleData.articles.filter((a) => a.topics.includes(t.id)).length]),
  );

  it('lists every topic with its unread and total count', async () => {
    const { user } = renderApp('/');
    const panel = await openFilter(user);
    for (const topic of sampleData.topics) {
      const box = within(panel).getByRole('checkbox', { name: topic.name });
      expect(box).toBeChecked();
      const row = box.closest('li')!;
      const n = counts[topic.id]!;
      await waitFor(() => expect(row).toHaveTextContent(`${n} unread of ${n} ${n === 1 ? 'story' : 'stories'}`));
    }
  });

  it('unticking a topic removes its news, shows a badge, updates the address and is kept on the device', async () => {
    const { user, location } = renderApp('/');
    const panel = await openFilter(user);
    const politics = sampleData.topics.find((t) => t.id === 'politics')!;
    await user.click(within(panel).getByRole('checkbox', { name: politics.name }));

    const remaining = sampleData.topics.filter((t) => t.id !== 'politics').map((t) => t.id);
    const expected = articlesNewestFirst.filter((a) => a.topics.some((t) => remaining.includes(t)));
    const excluded = articlesNewestFirst.find((a) => a.topics.every((t) => t === 'politics'))!;
    expect(await screen.findByRole('link', { name: expected[0]!.title })).toBeInTheDocument();
    await waitFor(() =>
      expect(screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual(
        expected.slice(0, FEED_PAGE_SIZE).map((a) => a.title),
      ),
    );
    expect(screen.queryByRole('link', { name: excluded.title })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: /use filter/i })).toHaveAccessibleName(
      `Use filter, ${remaining.length} of ${sampleData.topics.length} topics selected`,
    );
    expect(new URLSearchParams(location.current!.search).get('topics')).toBe(remaining.join(','));
    const stored = JSON.parse(localStorage.getItem(TOPIC_FILTER_STORAGE_KEY)!);
    expect(stored).toEqual({ state: { selected: remaining }, version: 1 });
  });

  it('pages correctly through a filtered feed', async () => {
    const chosen = ['world', 'economy', 'society', 'science'];
    const { user } = renderApp(`/?topics=${chosen.join(',')}`);
    const expected = articlesNewestFirst.filter((a) => a.topics.some((t) => chosen.includes(t)));
    expect(expected.length).toBeGreaterThan(FEED_PAGE_SIZE);
    await screen.findByRole('link', { name: expected[0]!.title });
    await user.click(screen.getByRole('button', { name: 'Show more news' }));
    await screen.findByRole('link', { name: expected[FEED_PAGE_SIZE]!.title });
    await waitFor(() => expect(screen.getAllByRole('heading', { level: 3 })).toHaveLength(expected.length));
    expect(screen.getByText('You have reached the end of the news.')).toBeInTheDocument();
  });

  it('"Only this", "None" and "All" change the selection in one click', async () => {
    const { user } = renderApp('/');
    const panel = await openFilter(user);
    const sports = sampleData.topics.find((t) => t.id === 'sports')!;
    await user.click(within(panel).getByRole('button', { name: `Only this (${sports.name})` }));
    const sportsArticles = articlesNewestFirst.filter((a) => a.topics.includes('sports'));
    await waitFor(() => expect(screen.getAllByRole('heading', { level: 3 })).toHaveLength(sportsArticles.length));
    expect(within(panel).getAllByRole('checkbox', { checked: true })).toHaveLength(1);
    expect(screen.getByText(/^Showing only:/)).toHaveTextContent(`Showing only: ${sports.name}.`);

    await user.click(within(panel).getByRole('button', { name: 'None' }));
    expect(screen.getByText('No topics are selected, so there is no news to show.')).toBeInTheDocument();
    expect(within(panel).queryAllByRole('checkbox', { checked: true })).toHaveLength(0);

    await user.click(within(panel).getByRole('button', { name: 'All' }));
    expect(await screen.findByRole('link', { name: newest.title })).toBeInTheDocument();
    expect(within(panel).getAllByRole('checkbox', { checked: true })).toHaveLength(sampleData.topics.length);
    expect(screen.getByRole('button', { name: /use filter/i })).toHaveAccessibleName(
      `Use filter, ${sampleData.topics.length} of ${sampleData.topics.length} topics selected`,
    );
  });

  it('opens a shared address filtered as it says, over the stored choice, dropping unknown ids', async () => {
    localStorage.setItem(TOPIC_FILTER_STORAGE_KEY, JSON.stringify({ state: { selected: ['sports'] }, version: 1 }));
    const { location } = renderApp('/?topics=politics,nonsense,economy');
    const expected = articlesNewestFirst.filter((a) => a.topics.some((t) => t === 'politics' || t === 'economy'));
    expect(await screen.findByRole('link', { name: expected[0]!.title })).toBeInTheDocument();
    expect(screen.getByText(/^Showing only:/)).toHaveTextContent(
      `Showing only: ${topicName('politics')}, ${topicName('economy')}.`,
    );
    // Opening a link neither rewrites its address nor replaces the reader's own saved choice.
    expect(new URLSearchParams(location.current!.search).get('topics')).toBe('politics,nonsense,economy');
    expect(JSON.parse(localStorage.getItem(TOPIC_FILTER_STORAGE_KEY)!).state.selected).toEqual(['sports']);
  });

  it('uses the stored choice when the address names no filter', async () => {
    localStorage.setItem(TOPIC_FILTER_STORAGE_KEY, JSON.stringify({ state: { selected: ['science'] }, version: 1 }));
    const { useTopicFilterStore } = await import('@/stores/topic-filter-store');
    await useTopicFilterStore.persist.rehydrate();
    renderApp('/');
    const science = articlesNewestFirst.filter((a) => a.topics.includes('science'));
    await waitFor(() => expect(screen.getAllByRole('heading', { level: 3 })).toHaveLength(science.length));
  });

  it('shows all news when the saved topics no longer exist', async () => {
    localStorage.setItem(TOPIC_FILTER_STORAGE_KEY, JSON.stringify({ state: { selected: ['gone-topic'] }, version: 1 }));
    const { useTopicFilterStore } = await import('@/stores/topic-filter-store');
    await useTopicFilterStore.persist.rehydrate();
    renderApp('/');
    expect(await screen.findByRole('link', { name: newest.title })).toBeInTheDocument();
    expect(screen.queryByText(/no topics are selected/i)).not.toBeInTheDocument();
  });

  it('keeps applying the saved filter when the topic list cannot load', async () => {
    localStorage.setItem(TOPIC_FILTER_STORAGE_KEY, JSON.stringify({ state: { selected: ['science'] }, version: 1 }));
    const { useTopicFilterStore } = await import('@/stores/topic-filter-store');
    await useTopicFilterStore.persist.rehydrate();
    server.use(
      http.get('*/api/topics', () => HttpResponse.json({ error: { code: 'x', message: 'Down' } }, { status: 503 })),
    );
    renderApp('/');
    const science = articlesNewestFirst.filter((a) => a.topics.includes('science'));
    expect(await screen.findByRole('link', { name: science[0]!.title })).toBeInTheDocument();
    await waitFor(() => expect(screen.getAllByRole('heading', { level: 3 })).toHaveLength(science.length));
  });

  it('names the filters behind an empty result and offers to clear them', async () => {
    const data = {
      ...sampleData,
      topics: [...sampleData.topics, { id: 'culture-night', name: 'Culture Night' }],
    };
    const api = await testApiFor(data);
    server.use(apiHandler(() => api));
    const { user } = renderApp('/?topics=culture-night');
    expect(await screen.findByText('No news in Culture Night yet.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Clear the filter' }));
    expect(await screen.findByRole('link', { name: newest.title })).toBeInTheDocument();
  });

  it('still shows the news when the topic list cannot load, and says so in the panel', async () => {
    server.use(
      http.get('*/api/topics', () =>
        HttpResponse.json({ error: { code: 'x', message: 'Topics unavailable' } }, { status: 500 }),
      ),
    );
    const { user } = renderApp('/');
    expect(await screen.findByRole('link', { name: newest.title })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /use filter/i }));
    // In plain words, never the server's own text (that is in the details, for a bug report).
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      'The topics could not be loaded. The news service has a problem on its side. Try again in a minute.',
    );
    expect(within(alert).getByText('Details').closest('details')).toHaveTextContent('Topics unavailable');
  });

  it('a topic chip opens a menu whose "Show only" opens the feed filtered by that topic', async () => {
    const { user, location } = renderApp('/');
    const item = await screen.findByRole('link', { name: newest.title }).then((l) => l.closest('article')!);
    const topic = newest.topics[0]!;
    const chip = within(item).getByRole('button', { name: topicName(topic) });
    await user.click(chip);
    expect(chip).toHaveAttribute('aria-expanded', 'true');
    const menu = await within(item).findByRole('group', { name: `Topic ${topicName(topic)}` });
    await user.keyboard('{Escape}');
    expect(menu).not.toBeInTheDocument();
    await user.click(chip);
    await user.click(await within(item).findByRole('link', { name: `Show only ${topicName(topic)}` }));
    await waitFor(() => expect(location.current!.search).toBe(`?topics=${topic}`));
    const expected = articlesNewestFirst.filter((a) => a.topics.includes(topic));
    await waitFor(() =>
      expect(screen.getAllByRole('heading', { level: 3 })).toHaveLength(Math.min(expected.length, FEED_PAGE_SIZE)),
    );
  });
});

describe('offline', () => {
  afterEach(() => onlineManager.setOnline(true));

  it('says it is offline and waits for the network where the news would be, then loads them', async () => {
    onlineManager.setOnline(false);
    renderApp('/');
    expect(await screen.findByRole('alert')).toHaveTextContent('You are offline.');
    expect(await screen.findByText('Waiting for the network to load the news…')).toBeInTheDocument();
    act(() => onlineManager.setOnline(true));
    expect(await screen.findByRole('link', { name: newest.title })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('keeps the news on screen and says "Show more" waits for the network', async () => {
    const { user } = renderApp('/');
    await screen.findByRole('link', { name: newest.title });
    act(() => onlineManager.setOnline(false));
    await user.click(screen.getByRole('button', { name: 'Show more news' }));
    expect(await screen.findByRole('button', { name: 'Waiting for the network…' })).toBeDisabled();
    expect(screen.getByRole('link', { name: newest.title })).toBeInTheDocument();
    act(() => onlineManager.setOnline(true));
    expect(await screen.findByRole('link', { name: secondPageFirst.title })).toBeInTheDocument();
  });
});
