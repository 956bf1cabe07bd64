import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createQueryClient } from '@/app/query-client';
import { DEFAULT_PAGE_SIZE as SEARCH_PAGE_SIZE } from '@/contract/paging';
import { formatAgencyDateTime } from '@/lib/agency-time';
import { RECENT_SEARCHES_STORAGE_KEY, useRecentSearchesStore } from '@/stores/recent-searches-store';
import { sampleTestApi } from '../helpers/api-handler';
import { sampleData, topicName } from '../helpers/fixtures';
import { server } from '../helpers/msw-server';
import { renderApp } from '../helpers/render-app';

interface ApiItem {
  id: string;
  title: string;
  publishedAt: string;
  topics: string[];
  snippet: string;
}
interface ApiPage {
  items: ApiItem[];
  total: number;
  nextCursor: string | null;
}
/** What the API answers, so expectations follow the data rather than copied literals. */
async function apiSearch(params: Record<string, string>): Promise<ApiPage> {
  const response = await (await sampleTestApi()).get('/search', params);
  expect(response.status).toBe(200);
  return response.body as ApiPage;
}
const resultsFor = (params: Record<string, string>) => apiSearch({ ...params, limit: '50' });

/** Every request the app makes to /api/search, as URLSearchParams. */
function recordSearchRequests(): URLSearchParams[] {
  const seen: URLSearchParams[] = [];
  server.events.on('request:start', ({ request }) => {
    const url = new URL(request.url);
    if (url.pathname.endsWith('/api/search')) seen.push(url.searchParams);
  });
  return seen;
}

const searchBox = () => screen.findByRole('searchbox', { name: 'Search the archive' });
const headerBox = () => screen.findByRole('searchbox', { name: 'Search news' });
const status = () => screen.getByRole('status');
async function waitForResults(q: string, total: number) {
  await waitFor(() => expect(status()).toHaveTextContent(`${total} ${total === 1 ? 'result' : 'results'} for “${q}”`));
}
function shownTitles(): string[] {
  const list = document.querySelector('ol.search-results');
  if (!list) return [];
  return within(list as HTMLElement)
    .getAllByRole('heading', { level: 2 })
    .map((h) => h.textContent ?? '');
}

afterEach(() => {
  server.events.removeAllListeners();
  vi.useRealTimers();
});

describe('search from the header', () => {
  it('opens the search view with results for what was typed, focused to keep typing', async () => {
    const { user, location } = renderApp('/');
    const header = await headerBox();
    await user.type(header, 'satellite{Enter}');
    expect(await screen.findByRole('heading', { level: 1, name: 'News Search' })).toBeInTheDocument();
    expect(location.current!.pathname).toBe('/search');
    expect(new URLSearchParams(location.current!.search).get('q')).toBe('satellite');
    const expected = await resultsFor({ q: 'satellite' });
    await waitForResults('satellite', expected.total);
    await waitFor(() => expect(shownTitles()).toEqual(expected.items.map((i) => i.title)));
    expect(document.title).toBe('Search: satellite — Agency News');
    const box = await searchBox();
    expect(box).toHaveValue('satellite');
    await waitFor(() => expect(box).toHaveFocus());
    // The header keeps its own box, as on every view, emptied after the search.
    expect(await headerBox()).toHaveValue('');
    expect(screen.getAllByRole('search').map((landmark) => landmark.getAttribute('aria-label'))).toEqual([
      'Site',
      'News Search',
    ]);
  });

  it('focuses the search box with "/" from anywhere, but not while the reader types in a field', async () => {
    const { user } = renderApp('/');
    const header = await headerBox();
    await user.keyboard('/');
    expect(header).toHaveFocus();
    expect(header).toHaveValue('');

    await user.type(header, 'a/b');
    expect(header).toHaveValue('a/b');
    await user.click(await screen.findByRole('button', { name: /use filter/i }));
    await user.keyboard('/');
    expect(header).toHaveFocus();
  });

  it('on the search view, "/" focuses the view\'s own box', async () => {
    const { user } = renderApp('/search?q=grain');
    const box = await searchBox();
    await user.click(await screen.findByRole('combobox', { name: 'Sort by' }));
    await user.keyboard('{Escape}');
    (document.activeElement as HTMLElement).blur();
    await user.keyboard('/');
    expect(box).toHaveFocus();
  });
});

describe('search view: typing and the address', () => {
  it('searches as the reader types, once per pause rather than per keystroke, and puts the query in the URL', async () => {
    const requests = recordSearchRequests();
    const { user, params } = renderApp('/search');
    expect(await screen.findByRole('heading', { level: 1, name: 'News Search' })).toBeInTheDocument();
    expect(document.title).toBe('News Search — Agency News');
    await user.type(await searchBox(), 'key rate');
    expect(status()).toHaveTextContent('Searching…');
    const expected = await resultsFor({ q: 'key rate' });
    await waitForResults('key rate', expected.total);
    await waitFor(() => expect(params().get('q')).toBe('key rate'));
    expect(requests.map((r) => r.get('q'))).toEqual(['key rate']);
    await waitFor(() => expect(shownTitles()).toEqual(expected.items.map((i) => i.title)));
  });

  it('keeps the previous results on screen while the next search loads', async () => {
    let release: () => void = () => {};
    const { user } = renderApp('/search?q=grain');
    const grain = await resultsFor({ q: 'grain' });
    await waitForResults('grain', grain.total);

    const gate = new Promise<void>((resolve) => (release = resolve));
    server.use(http.get('*/api/search', async () => void (await gate)));
    const box = await searchBox();
    await user.clear(box);
    await user.type(box, 'satellite');
    await waitFor(() => expect(document.querySelector('ol.search-results')).toHaveAttribute('aria-busy', 'true'));
    expect(status()).toHaveTextContent('Searching…');
    await waitFor(() => expect(shownTitles()).toEqual(grain.items.map((i) => i.title)));

    release();
    const satellite = await resultsFor({ q: 'satellite' });
    await waitForResults('satellite', satellite.total);
    await waitFor(() => expect(shownTitles()).toEqual(satellite.items.map((i) => i.title)));
    expect(document.querySelector('ol.search-results')).not.toHaveAttribute('aria-busy');
  });

  it('restores the previous query and its results with Back', async () => {
    const { user, params, goBack } = renderApp('/search?q=grain');
    const grain = await resultsFor({ q: 'grain' });
    await waitForResults('grain', grain.total);
    const box = await searchBox();
    await user.clear(box);
    await user.type(box, 'satellite');
    await waitForResults('satellite', (await resultsFor({ q: 'satellite' })).total);

    goBack();
    await waitForResults('grain', grain.total);
    await waitFor(() => expect(params().get('q')).toBe('grain'));
    expect(await searchBox()).toHaveValue('grain');
    await waitFor(() => expect(shownTitles()).toEqual(grain.items.map((i) => i.title)));
  });

  it('reloads a shared address with its whole state', async () => {
    const all = await resultsFor({ q: 'satellite' });
    const topic = all.items[0]!.topics[0]!;
    const expected = await resultsFor({ q: 'satellite', topics: topic, sort: 'newest' });
    renderApp(`/search?q=satellite&topics=${topic}&sort=newest`);
    await waitForResults('satellite', expected.total);
    await waitFor(() => expect(shownTitles()).toEqual(expected.items.map((i) => i.title)));
    expect(screen.getByRole('checkbox', { name: topicName(topic) })).toBeChecked();
    expect(screen.getByRole('combobox', { name: 'Sort by' })).toHaveValue('newest');
    expect(await searchBox()).toHaveValue('satellite');
  });

  it('says a query over 200 characters is too long instead of sending it', async () => {
    const requests = recordSearchRequests();
    const { user } = renderApp(`/search?q=${'a'.repeat(201)}`);
    expect(await screen.findByRole('alert')).toHaveTextContent(/201 characters long; searches are limited to 200/);
    const box = await searchBox();
    expect(box).toHaveAttribute('aria-invalid', 'true');
    // Shortened, the query is searched: the only search sent is that one.
    await user.clear(box);
    await user.type(box, 'grain{Enter}');
    await waitForResults('grain', (await resultsFor({ q: 'grain' })).total);
    expect(requests.map((r) => r.get('q'))).toEqual(['grain']);
  });
});

describe('search view: results', () => {
  it('says search is getting ready while the server builds its index, and shows the results by itself', async () => {
    let warmingUp = 2;
    server.use(
      http.get('*/api/search', () =>
        warmingUp-- > 0
          ? HttpResponse.json(
              { error: { code: 'search_warming_up', message: 'The search index is being built.' } },
              { status: 503, headers: { 'Retry-After': '1' } },
            )
          : undefined,
      ),
    );
    // The app's own retry rules (tests otherwise turn retries off).
    renderApp('/search?q=grain', { queryClient: createQueryClient() });
    expect(await screen.findByText(/^Search is getting ready/)).toHaveTextContent('Trying again in 1 second');
    const grain = await resultsFor({ q: 'grain' });
    await waitFor(() => expect(status()).toHaveTextContent(`${grain.total} results for “grain”`), { timeout: 5000 });
    expect(screen.queryByText(/^Search is getting ready/)).not.toBeInTheDocument();
  });

  it('shows the time, the title linking to the article, topic chips and the snippet, like a feed item', async () => {
    renderApp('/search?q=grain');
    const expected = await resultsFor({ q: 'grain' });
    await waitForResults('grain', expected.total);
    const first = expected.items[0]!;
    const link = screen.getByRole('link', { name: first.title });
    expect(link).toHaveAttribute('href', `/news/${first.id}`);
    const item = link.closest('article')!;
    expect(within(item).getByText(formatAgencyDateTime(first.publishedAt))).toBeInTheDocument();
    for (const topic of first.topics) {
      expect(within(item).getByRole('link', { name: topicName(topic) })).toBeInTheDocument();
    }
    expect(item.querySelector('.news-item__summary')).toHaveTextContent(first.snippet);
  });

  it('highlights the query words in titles and snippets, ignoring accents', async () => {
    renderApp('/search?q=zurich');
    const expected = await resultsFor({ q: 'zurich' });
    await waitForResults('zurich', expected.total);
    const link = screen.getByRole('link', { name: expected.items[0]!.title });
    expect([...link.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['Zürich']);
    const snippet = link.closest('article')!.querySelector('.news-item__summary')!;
    expect(snippet.querySelectorAll('mark').length).toBeGreaterThan(0);
    for (const mark of snippet.querySelectorAll('mark')) expect(mark).toHaveTextContent('Zürich');
  });

  it('highlights the word being typed as a prefix and a misspelt word by its look-alike', async () => {
    renderApp('/search?q=satelite%20orb');
    const expected = await resultsFor({ q: 'satelite orb' });
    await waitFor(() =>
      expect(status()).toHaveTextContent(`${expected.total} results. Showing results for “satellite orb”`),
    );
    const marks = [...document.querySelectorAll('ol.search-results mark')].map((m) => m.textContent!.toLowerCase());
    expect(marks).toContain('satellite');
    expect(marks.some((m) => m.startsWith('orb'))).toBe(true);
    expect(marks.every((m) => m.startsWith('satellite') || m.startsWith('orb'))).toBe(true);
  });

  it('never turns text from the API into markup', async () => {
    const evil = '<img src=x onerror="alert(1)"> Satellite <b>bold</b>';
    server.use(
      http.get('*/api/search', async () => {
        const base = (await resultsFor({ q: 'satellite' })).items[0]!;
        return HttpResponse.json({
          items: [{ ...base, title: evil, snippet: `<script>alert(1)</script> satellite snippet` }],
          total: 1,
          nextCursor: null,
        });
      }),
    );
    renderApp('/search?q=satellite');
    await waitForResults('satellite', 1);
    const heading = screen.getByRole('heading', { level: 2, name: evil });
    expect(heading.querySelector('img, b')).toBeNull();
    expect([...heading.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['Satellite']);
    expect(document.querySelector('ol.search-results script')).toBeNull();
    expect(screen.getByText(/<script>alert\(1\)<\/script>/, { exact: false })).toBeInTheDocument();
  });

  it('pages with "Show more results"', async () => {
    const { user } = renderApp('/search?q=the');
    const all = await resultsFor({ q: 'the' });
    expect(all.total).toBeGreaterThan(SEARCH_PAGE_SIZE);
    await waitForResults('the', all.total);
    await waitFor(() => expect(shownTitles()).toHaveLength(SEARCH_PAGE_SIZE));
    await user.click(screen.getByRole('button', { name: 'Show more results' }));
    await waitFor(() => expect(shownTitles()).toHaveLength(Math.min(all.total, 2 * SEARCH_PAGE_SIZE)));
    await waitFor(() => expect(shownTitles()).toEqual(all.items.slice(0, 2 * SEARCH_PAGE_SIZE).map((i) => i.title)));
  });

  it('explains a failed search and tries again', async () => {
    let fail = true;
    server.use(
      http.get('*/api/search', () =>
        fail
          ? HttpResponse.json({ error: { code: 'internal', message: 'Index offline' } }, { status: 500 })
          : undefined,
      ),
    );
    const { user } = renderApp('/search?q=grain');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The search failed. The news service has a problem on its side.');
    fail = false;
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    await waitForResults('grain', (await resultsFor({ q: 'grain' })).total);
  });
});

describe('search view: filters', () => {
  it('narrows by topics (any of them) and keeps the choice in the address', async () => {
    const { user, params } = renderApp('/search?q=satellite');
    const all = await resultsFor({ q: 'satellite' });
    await waitForResults('satellite', all.total);
    const [a, b] = [...new Set(all.items.flatMap((i) => i.topics))];
    await user.click(screen.getByRole('checkbox', { name: topicName(a!) }));
    const onlyA = await resultsFor({ q: 'satellite', topics: a! });
    await waitForResults('satellite', onlyA.total);
    await waitFor(() => expect(params().get('topics')).toBe(a));
    await waitFor(() => expect(shownTitles()).toEqual(onlyA.items.map((i) => i.title)));

    await user.click(screen.getByRole('checkbox', { name: topicName(b!) }));
    const either = await resultsFor({ q: 'satellite', topics: `${a},${b}` });
    await waitForResults('satellite', either.total);
    await waitFor(() => expect(params().get('topics')!.split(',').sort()).toEqual([a, b].sort()));

    await user.click(screen.getByRole('button', { name: 'Search every topic' }));
    await waitForResults('satellite', all.total);
    await waitFor(() => expect(params().has('topics')).toBe(false));
  });

  it('sorts by relevance or newest first', async () => {
    const { user, params } = renderApp('/search?q=satellite');
    await waitForResults('satellite', (await resultsFor({ q: 'satellite' })).total);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Sort by' }), 'Newest first');
    const newest = await resultsFor({ q: 'satellite', sort: 'newest' });
    await waitFor(() => expect(shownTitles()).toEqual(newest.items.map((i) => i.title)));
    await waitFor(() => expect(params().get('sort')).toBe('newest'));
    const times = newest.items.map((i) => Date.parse(i.publishedAt));
    expect(times).toEqual([...times].sort((x, y) => y - x));
  });

  it('filters by a custom range of days, and refuses a start after the end', async () => {
    const requests = recordSearchRequests();
    const { user, params } = renderApp('/search?q=satellite');
    await waitForResults('satellite', (await resultsFor({ q: 'satellite' })).total);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Date' }), 'Custom range');
    const from = screen.getByLabelText('From');
    const to = screen.getByLabelText('To');
    await user.type(from, '2026-11-22');
    await user.type(to, '2026-11-25');
    const ranged = await resultsFor({ q: 'satellite', from: '2026-11-22', to: '2026-11-25' });
    await waitForResults('satellite', ranged.total);
    await waitFor(() => expect(params().get('from')).toBe('2026-11-22'));
    await waitFor(() => expect(params().get('to')).toBe('2026-11-25'));
    await waitFor(() => expect(shownTitles()).toEqual(ranged.items.map((i) => i.title)));

    await user.clear(to);
    await user.type(to, '2026-11-21');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      'The start date (November 22, 2026) is after the end date (November 21, 2026). Change one of them',
    );
    expect(to).toHaveAttribute('aria-invalid', 'true');
    expect(to).toHaveAccessibleDescription(expect.stringContaining('is after the end date'));
    expect(screen.getByText('Fix the dates above to see results.')).toBeInTheDocument();
    expect(requests.some((r) => r.get('to') === '2026-11-21')).toBe(false);

    await user.click(within(alert).getByRole('button', { name: 'Remove the date filter' }));
    await waitForResults('satellite', (await resultsFor({ q: 'satellite' })).total);
    await waitFor(() => expect(params().has('from') || params().has('to')).toBe(false));
  });

  it('offers the last 24 hours, week and month, counted back from now in agency days', async () => {
    // "Now" is a day after the newest sample article.
    const newest = Math.max(...sampleData.articles.map((a) => Date.parse(a.publishedAt)));
    vi.useFakeTimers({ toFake: ['Date'], now: newest + 86_400_000 });
    const { user, params } = renderApp('/search?q=the');
    await waitForResults('the', (await resultsFor({ q: 'the' })).total);
    const select = screen.getByRole('combobox', { name: 'Date' });
    const dayOf = (ms: number) => new Date(ms + 3 * 3_600_000).toISOString().slice(0, 10); // sample zone is UTC+3

    await user.selectOptions(select, 'Past week');
    const from = dayOf(newest + 86_400_000 - 7 * 86_400_000);
    await waitFor(() => expect(params().get('from')).toBe(from));
    await waitFor(() => expect(params().has('to')).toBe(false));
    await waitForResults('the', (await resultsFor({ q: 'the', from })).total);
    expect(select).toHaveValue('week');
    expect(screen.getByText(/Showing articles published since .* to today \(agency time\)/)).toBeInTheDocument();

    await user.selectOptions(select, 'Last 24 hours');
    await waitFor(() => expect(params().get('from')).toBe(dayOf(newest)));
    await user.selectOptions(select, 'Any time');
    await waitFor(() => expect(params().has('from')).toBe(false));
  });

  it('names the active filters when nothing matches, and removes them one by one or all at once', async () => {
    const all = await resultsFor({ q: 'satellite' });
    const unused = sampleData.topics.find((t) => !all.items.some((i) => i.topics.includes(t.id)))!;
    const { user, params } = renderApp(`/search?q=satellite&topics=${unused.id}&from=2026-11-20`);
    await waitFor(() =>
      expect(status()).toHaveTextContent(
        `0 results for “satellite” in ${unused.name}, published since November 20, 2026`,
      ),
    );
    expect(screen.getByRole('button', { name: `Remove topic “${unused.name}”` })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Remove dates since November 20, 2026' }));
    await waitFor(() => expect(params().has('from')).toBe(false));
    await waitFor(() => expect(status()).toHaveTextContent(`0 results for “satellite” in ${unused.name}`));
    expect(screen.queryByRole('button', { name: 'Remove all filters' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: `Remove topic “${unused.name}”` }));
    await waitForResults('satellite', all.total);
  });

  it('removes all filters at once', async () => {
    const all = await resultsFor({ q: 'satellite' });
    const unused = sampleData.topics.find((t) => !all.items.some((i) => i.topics.includes(t.id)))!;
    const { user, params } = renderApp(`/search?q=satellite&topics=${unused.id}&to=2026-11-20`);
    await user.click(await screen.findByRole('button', { name: 'Remove all filters' }));
    await waitForResults('satellite', all.total);
    await waitFor(() => expect([...params().keys()]).toEqual(['q']));
  });

  it('suggests checking the spelling when no filter is set', async () => {
    renderApp('/search?q=qwertyuiop');
    expect(await screen.findByText('Check the spelling, or try fewer or different words.')).toBeInTheDocument();
    await waitForResults('qwertyuiop', 0);
  });

  it('offers "Did you mean" from the archive\'s words, announced, and runs it with the same filters', async () => {
    const corrected = await resultsFor({ q: 'central bank' });
    const topic = corrected.items[0]!.topics[0]!;
    const expected = await resultsFor({ q: 'central bank', topics: topic, sort: 'newest' });
    expect(await apiSearch({ q: 'central bnk', topics: topic, sort: 'newest' })).toMatchObject({
      total: 0,
      suggestion: 'central bank',
    });
    const { user, params } = renderApp(`/search?q=central+bnk&topics=${topic}&sort=newest`);
    await waitFor(() =>
      expect(status()).toHaveTextContent(
        `0 results for “central bnk” in ${topicName(topic)}. Did you mean “central bank”?`,
      ),
    );
    const link = screen.getByRole('link', { name: 'central bank' });
    expect(link.closest('p')).toHaveTextContent('Did you mean “central bank”?');
    // Said once: the status line is the only place with the count and the correction.
    expect(screen.getAllByText(/Did you mean/)).toHaveLength(1);
    expect(screen.getAllByText(/0 results|No results/)).toHaveLength(1);

    await user.click(link);
    await waitForResults('central bank', expected.total);
    expect(Object.fromEntries(params())).toEqual({ q: 'central bank', topics: topic, sort: 'newest' });
    await waitFor(() => expect(shownTitles()).toEqual(expected.items.map((i) => i.title)));
    expect(await searchBox()).toHaveValue('central bank');
    expect(screen.queryByText(/Did you mean/)).not.toBeInTheDocument();
  });

  it('says which word it corrected, and searches the words as typed on request', async () => {
    const typo = await resultsFor({ q: 'goverment' });
    expect(typo).toMatchObject({ corrected: 'government' });
    expect(await apiSearch({ q: 'goverment', typos: 'off' })).toMatchObject({ total: 0, suggestion: 'government' });
    const { user, params } = renderApp('/search?q=goverment');
    await waitFor(() =>
      expect(status()).toHaveTextContent(
        `${typo.total} results. Showing results for “government” — search instead for “goverment”`,
      ),
    );
    await waitFor(() => expect(shownTitles()).toEqual(typo.items.map((i) => i.title)));

    await user.click(screen.getByRole('link', { name: 'goverment' }));
    await waitFor(() => expect(Object.fromEntries(params())).toEqual({ q: 'goverment', typos: 'off' }));
    await waitFor(() => expect(status()).toHaveTextContent('0 results for “goverment”. Did you mean “government”?'));
    expect(screen.queryByText(/Showing results for/)).not.toBeInTheDocument();

    // A new query allows look-alikes again.
    const box = await searchBox();
    await user.clear(box);
    await user.type(box, 'satelite');
    await waitFor(() => expect(Object.fromEntries(params())).toEqual({ q: 'satelite' }));
    await waitFor(() => expect(status()).toHaveTextContent('Showing results for “satellite”'));
  });

  it('offers no correction when the server has none', async () => {
    renderApp('/search?q=qwertyuiop');
    await waitForResults('qwertyuiop', 0);
    expect(status()).toHaveTextContent(/^0 results for “qwertyuiop”$/);
    expect(screen.queryByText(/Did you mean/)).not.toBeInTheDocument();
  });

  it('says when the address names a topic that does not exist', async () => {
    const { user, params } = renderApp('/search?q=grain&topics=economy,nonsense');
    const notice = await screen.findByRole('alert');
    expect(notice).toHaveTextContent('The address names a topic that does not exist: “nonsense”. It is ignored.');
    await waitForResults('grain', (await resultsFor({ q: 'grain', topics: 'economy' })).total);
    await user.click(within(notice).getByRole('button', { name: 'Remove from the address' }));
    await waitFor(() => expect(params().get('topics')).toBe('economy'));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('folds behind "Filters (n)" on phones: the button counts the active filters, opens and closes with Escape', async () => {
    const topic = sampleData.topics[0]!;
    const { user } = renderApp(`/search?q=grain&topics=${topic.id}&sort=newest`);
    const toggle = await screen.findByRole('button', { name: 'Filters (2)' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    const panel = document.getElementById(toggle.getAttribute('aria-controls')!)!;
    expect(panel).toContainElement(await screen.findByRole('checkbox', { name: topic.name }));
    expect(panel).toContainElement(screen.getByRole('combobox', { name: 'Sort by' }));

    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await user.click(within(panel).getByRole('checkbox', { name: topic.name }));
    expect(toggle).toHaveAccessibleName('Filters (1)');
    await user.selectOptions(within(panel).getByRole('combobox', { name: 'Sort by' }), 'Relevance');
    expect(toggle).toHaveAccessibleName('Filters');
    expect(within(panel).getByRole('combobox', { name: 'Sort by' })).toHaveFocus();

    await user.keyboard('{Escape}');
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(toggle).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await user.keyboard('{Enter}');
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
  });

  it('shows a date that needs fixing even while the filters are folded', async () => {
    renderApp('/search?q=grain&from=2026-02-30');
    const toggle = await screen.findByRole('button', { name: 'Filters (1)' });
    const panel = document.getElementById(toggle.getAttribute('aria-controls')!)!;
    expect(panel).not.toContainElement(await screen.findByRole('alert'));
  });

  it('says when a date in the address is not a date', async () => {
    const { user, params } = renderApp('/search?q=grain&from=2026-02-30');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The start date “2026-02-30” is not a date.');
    await user.click(within(alert).getByRole('button', { name: 'Remove the date filter' }));
    await waitForResults('grain', (await resultsFor({ q: 'grain' })).total);
    await waitFor(() => expect(params().has('from')).toBe(false));
  });
});

describe('search view: recent searches', () => {
  it('shows recent searches when there is no query, newest first, each removable, and all clearable', async () => {
    const { user, params } = renderApp('/search?q=grain');
    await waitForResults('grain', (await resultsFor({ q: 'grain' })).total);
    const box = await searchBox();
    await user.clear(box);
    await user.type(box, 'satellite{Enter}');
    await waitForResults('satellite', (await resultsFor({ q: 'satellite' })).total);
    await user.clear(box);

    const recent = await screen.findByRole('region', { name: 'Recent searches' });
    await waitFor(() => expect(params().has('q')).toBe(false));
    expect(document.title).toBe('News Search — Agency News');
    expect(
      within(recent)
        .getAllByRole('link')
        .map((l) => l.textContent),
    ).toEqual(['satellite', 'grain']);
    expect(JSON.parse(localStorage.getItem(RECENT_SEARCHES_STORAGE_KEY)!).state.searches).toHaveLength(2);

    await user.click(within(recent).getByRole('button', { name: 'Remove “satellite” from recent searches' }));
    expect(
      within(recent)
        .getAllByRole('link')
        .map((l) => l.textContent),
    ).toEqual(['grain']);

    await user.click(within(recent).getByRole('link', { name: 'grain' }));
    await waitForResults('grain', (await resultsFor({ q: 'grain' })).total);
    expect(box).toHaveValue('grain');

    await user.clear(box);
    const again = await screen.findByRole('region', { name: 'Recent searches' });
    await user.click(within(again).getByRole('button', { name: 'Clear all recent searches' }));
    expect(within(again).queryByRole('link')).not.toBeInTheDocument();
    expect(within(again).getByText(/Your searches will be listed here, on this device only/)).toBeInTheDocument();
    expect(JSON.parse(localStorage.getItem(RECENT_SEARCHES_STORAGE_KEY)!).state.searches).toEqual([]);
  });

  it('keeps only searches that found something', async () => {
    const { user } = renderApp('/search');
    const box = await searchBox();
    await user.type(box, 'grain{Enter}');
    await waitForResults('grain', (await resultsFor({ q: 'grain' })).total);
    await user.clear(box);
    await user.type(box, 'qwertyuiop{Enter}');
    await waitForResults('qwertyuiop', 0);
    expect(useRecentSearchesStore.getState().searches.map((s) => s.q)).toEqual(['grain']);

    await user.clear(box);
    const recent = await screen.findByRole('region', { name: 'Recent searches' });
    expect(
      within(recent)
        .getAllByRole('link')
        .map((l) => l.textContent),
    ).toEqual(['grain']);
  });

  it('keeps one entry while the reader refines what they type', async () => {
    const { user } = renderApp('/search');
    const box = await searchBox();
    await user.type(box, 'sat');
    await waitForResults('sat', (await resultsFor({ q: 'sat' })).total);
    await user.type(box, 'ellite');
    await waitForResults('satellite', (await resultsFor({ q: 'satellite' })).total);
    expect(useRecentSearchesStore.getState().searches.map((s) => s.q)).toEqual(['satellite']);
  });
});
