// The links and forms a page has before the app takes it over (scripts off, a failed bundle, or not hydrated yet):
// the server's HTML is put in the page as the browser gets it, read by role and name, then hydrated, after which the
// same places are the app's controls again (README: "Without JavaScript").
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useEffect, type ReactElement } from 'react';
import { renderToString } from 'react-dom/server';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { describe, expect, it } from 'vitest';
import { articleQueries } from '@/api/articles';
import { rateQueries } from '@/api/rates';
import { topicQueries } from '@/api/topics';
import { AppProviders } from '@/app/app';
import { AppRoutes } from '@/app/routes';
import { DEFAULT_PAGE_SIZE } from '@/contract/paging';
import ArticlePage from '@/features/article/article-page';
import ConverterPage from '@/features/converter/converter-page';
import { articlesNewestFirst } from '../helpers/fixtures';

const newest = articlesNewestFirst[0]!;
const multiPage = articlesNewestFirst.find((a) => a.pages.length > 1)!;

/**
 * The HTML `ui` renders on the server, in the page as the browser shows it before any script; `hydrate` then makes it
 * the app's. (renderToString leaves lazy parts to the browser: those boundaries are rendered there, which React reports
 * as recoverable; any other hydration error fails the test.)
 */
function serverHtml(ui: ReactElement) {
  const container = document.body.appendChild(document.createElement('div'));
  container.innerHTML = renderToString(ui);
  const errors: string[] = [];
  const onRecoverableError = (error: unknown) => {
    if (!String(error).includes('does not support Suspense')) errors.push(String(error));
  };
  return {
    page: within(container),
    hydrate: () => {
      render(ui, { container, hydrate: true, onRecoverableError });
      return errors;
    },
  };
}

/** A page of news fetched and rendered: on this busy 2-core machine, with other suites beside, that passed 3 s. */
const LOADED = { timeout: 10_000 };

const queryClient = () => new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });

/** The address the router shows, as the test reads it. */
const shown = { address: '' };
function Address() {
  const location = useLocation();
  useEffect(() => {
    shown.address = location.pathname + location.search;
  });
  return null;
}

describe('the feed before the app takes over', () => {
  async function feedAt(url: string) {
    const client = queryClient();
    await client.fetchQuery(topicQueries.all());
    const before = new URLSearchParams(url.split('?')[1]).get('before');
    await client.fetchInfiniteQuery(articleQueries.feed(null, [], undefined, before));
    return (
      <AppProviders queryClient={client}>
        <MemoryRouter initialEntries={[url]}>
          <AppRoutes />
          <Address />
        </MemoryRouter>
      </AppProviders>
    );
  }

  it('pages by an "Older stories" link, opens stories and topics by links, and searches with a GET form', async () => {
    const { page, hydrate } = serverHtml(await feedAt('/'));
    const older = page.getByRole('link', { name: 'Older stories' });
    expect(older.getAttribute('href')).toMatch(/^\/\?before=[\w-]+$/);
    expect(page.getByRole('link', { name: `Show more: ${newest.title}` })).toHaveAttribute(
      'href',
      `/news/${newest.id}`,
    );
    const chips = within(page.getByRole('link', { name: newest.title }).closest('article')!).getByRole('list', {
      name: 'Topics',
    });
    expect(within(chips).getAllByRole('link')[0]).toHaveAttribute('href', `/?topics=${newest.topics[0]}`);
    const search = page.getByRole('search', { name: 'Site' });
    expect(search).toHaveAttribute('action', '/search');
    expect(search).toHaveAttribute('method', 'get');
    expect(within(search).getByRole('searchbox', { name: 'Search news' })).toHaveAttribute('name', 'q');

    // The app's own controls once it has taken over.
    expect(hydrate()).toEqual([]);
    await screen.findByRole('button', { name: 'Show more news' });
    expect(screen.queryByRole('link', { name: 'Older stories' })).toBeNull();
    expect(screen.getByRole('button', { name: `Show more: ${newest.title}` })).toHaveAttribute(
      'aria-expanded',
      'false',
    );
  });

  it('an address with a cursor starts after it, links back to the newest, and loads more in place with the app', async () => {
    const first = queryClient();
    const firstPage = await first.fetchInfiniteQuery(articleQueries.feed(null));
    const cursor = firstPage.pages[0]!.nextCursor!;
    const { page, hydrate } = serverHtml(await feedAt(`/?before=${cursor}`));
    expect(page.getByRole('link', { name: articlesNewestFirst[DEFAULT_PAGE_SIZE]!.title })).toBeInTheDocument();
    expect(page.queryByRole('link', { name: newest.title })).toBeNull();
    expect(page.getByRole('link', { name: 'Newest stories' })).toHaveAttribute('href', '/');

    expect(hydrate()).toEqual([]);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Show more news' }));
    await screen.findByRole('link', { name: articlesNewestFirst[2 * DEFAULT_PAGE_SIZE]!.title }, LOADED);
    expect(shown.address).toBe(`/?before=${cursor}`);
    // "Newest stories" is the router's: the first page, without a page load.
    await user.click(screen.getByRole('link', { name: 'Newest stories' }));
    await screen.findByRole('link', { name: newest.title }, LOADED);
    expect(shown.address).toBe('/');
  });
});

describe('an article before the app takes over', () => {
  it('"Show more" is a link to the address with the next page, then the button', async () => {
    const client = queryClient();
    await client.fetchQuery(articleQueries.detail(multiPage.id));
    const ui = (
      <QueryClientProvider client={client}>
        <MemoryRouter initialEntries={[`/news/${multiPage.id}?page=1`]}>
          <Routes>
            <Route path="/news/:id" element={<ArticlePage />} />
          </Routes>
        </MemoryRouter>
      </QueryClientProvider>
    );
    const { page, hydrate } = serverHtml(ui);
    expect(page.getByRole('link', { name: 'Show more' })).toHaveAttribute('href', `/news/${multiPage.id}?page=2`);
    expect(page.getByRole('link', { name: 'Page 2' })).toHaveAttribute('href', `/news/${multiPage.id}?page=2`);

    expect(hydrate()).toEqual([]);
    await screen.findByRole('button', { name: 'Show more' });
  });
});

describe('the converter before the app takes over', () => {
  it('is a GET form of its address with a "Convert" button, which the app does without', async () => {
    const client = queryClient();
    await client.fetchQuery(rateQueries.onDate());
    const ui = (
      <QueryClientProvider client={client}>
        <MemoryRouter initialEntries={['/converter?from=USD&to=EUR&amount=250']}>
          <ConverterPage />
        </MemoryRouter>
      </QueryClientProvider>
    );
    const { page, hydrate } = serverHtml(ui);
    const convert = page.getByRole('button', { name: 'Convert' });
    const form = convert.closest('form')!;
    expect(form).toHaveAttribute('action', '/converter');
    expect(form).toHaveAttribute('method', 'get');
    expect(within(form).getByRole('combobox', { name: 'From currency' })).toHaveAttribute('name', 'from');
    expect(within(form).getByRole('combobox', { name: 'To currency' })).toHaveAttribute('name', 'to');
    expect(within(form).getByRole('textbox', { name: 'Amount' })).toHaveAttribute('name', 'amount');
    expect(within(form).getByRole('textbox', { name: 'Amount' })).toHaveValue('250');

    expect(hydrate()).toEqual([]);
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Convert' })).toBeNull());
  });
});
