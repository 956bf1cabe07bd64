// The search view's source filter: the sources (with their counts) under Filters only when there are sources, ticked
// sources searched (any of them), in the address, listed among the filters a "0 results" answer can remove.
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Article } from '@/contract/news';
import { apiHandler } from '../helpers/api-handler';
import { articlesNewestFirst, sampleData } from '../helpers/fixtures';
import { server } from '../helpers/msw-server';
import { renderApp } from '../helpers/render-app';
import { testApiFor, type TestApi } from '../helpers/test-api';

const SOURCES = [{ name: 'BBC News' }, { name: 'ТАСС' }, null] as const;
const stories: Article[] = articlesNewestFirst.map((article, i) => {
  const source = SOURCES[i % 3];
  return source ? { ...article, source } : article;
});

async function withSources(): Promise<TestApi> {
  const api = await testApiFor({ ...sampleData, articles: stories });
  server.use(apiHandler(() => api));
  return api;
}

describe('search: sources in the filters', () => {
  it('searches the ticked sources only, with the choice in the address', async () => {
    const api = await withSources();
    const all = (await api.get('/search?q=the&limit=50')).body as { total: number };
    const bbc = (await api.get('/search?q=the&limit=50&sources=bbc-news')).body as {
      total: number;
      items: { title: string }[];
    };
    expect(bbc.total).toBeGreaterThan(0);
    expect(bbc.total).toBeLessThan(all.total);

    const { user, params } = renderApp('/search?q=the');
    await waitFor(() => expect(screen.getByText(`${all.total} results for “the”`)).toBeInTheDocument());
    await user.click(screen.getByRole('button', { name: /^Filters/ }));
    const group = await screen.findByRole('group', { name: 'Sources' });
    expect(
      within(group)
        .getByRole('checkbox', { name: /BBC News/ })
        .closest('label'),
    ).toHaveTextContent(`BBC News (${stories.filter((a) => a.source?.name === 'BBC News').length} stories)`);
    expect(within(group).getByRole('checkbox', { name: /Without a source/ })).not.toBeChecked();

    await user.click(within(group).getByRole('checkbox', { name: /BBC News/ }));
    expect(params().get('sources')).toBe('bbc-news');
    await waitFor(() => expect(screen.getByText(`${bbc.total} results for “the”`)).toBeInTheDocument());
    expect(screen.getByRole('button', { name: 'Filters (1)' })).toBeInTheDocument();
    await user.click(within(group).getByRole('button', { name: 'Search every source' }));
    await waitFor(() => expect(screen.getByText(`${all.total} results for “the”`)).toBeInTheDocument());
    expect(params().get('sources')).toBeNull();
  });

  it('names the source in "0 results" and offers to remove it', async () => {
    const api = await withSources();
    // A word of a BBC story that no TASS story holds.
    const totalOf = async (query: string) => ((await api.get(`/search?${query}`)).body as { total: number }).total;
    let word = '';
    for (const candidate of stories[0]!.title
      .toLowerCase()
      .split(/[^a-z]+/)
      .filter((w) => w.length > 4)) {
      if ((await totalOf(`q=${candidate}&typos=off&sources=tass`)) === 0 && (await totalOf(`q=${candidate}`)) > 0) {
        word = candidate;
        break;
      }
    }
    expect(word).not.toBe('');
    const { user, params } = renderApp(`/search?q=${word}&typos=off&sources=tass`);
    await waitFor(() => expect(screen.getByText(`0 results for “${word}” from ТАСС`)).toBeInTheDocument());
    await user.click(screen.getByRole('button', { name: 'Remove source “ТАСС”' }));
    expect(params().get('sources')).toBeNull();
    await waitFor(() => expect(screen.getByText(new RegExp(`^[1-9]\\d* results? for “${word}”`))).toBeInTheDocument());
  });

  it('offers no sources when no story has one', async () => {
    const { user } = renderApp('/search?q=the');
    await user.click(await screen.findByRole('button', { name: /^Filters/ }));
    await screen.findByRole('group', { name: 'Topics' });
    expect(screen.queryByRole('group', { name: 'Sources' })).not.toBeInTheDocument();
  });
});
