// The feed's source filter as a reader uses it: the sources' rows in "Use filter" (with their counts, only when
// there are sources), keeping one source or dropping one, the choice in the address and remembered on the device.
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Article } from '@/contract/news';
import { DEFAULT_PAGE_SIZE } from '@/contract/paging';
import { SOURCE_FILTER_STORAGE_KEY } from '@/stores/source-filter-storage';
import { useSourceFilterStore } from '@/stores/source-filter-store';
import { apiHandler } from '../helpers/api-handler';
import { articlesNewestFirst, sampleData } from '../helpers/fixtures';
import { server } from '../helpers/msw-server';
import { renderApp } from '../helpers/render-app';
import { testApiFor } from '../helpers/test-api';

const SOURCES = [{ name: 'BBC News' }, { name: 'ТАСС' }, { name: 'Al Jazeera' }, null] as const;
const IDS = ['bbc-news', 'tass', 'al-jazeera', 'none'] as const;
/** The sample stories, newest first, from the BBC, TASS, Al Jazeera and no source in turn. */
const stories: Article[] = articlesNewestFirst.map((article, i) => {
  const source = SOURCES[i % 4];
  return source ? { ...article, source } : article;
});
const sourceOf = (article: Article) => IDS[stories.indexOf(article) % 4]!;
const titlesFrom = (...ids: string[]) =>
  stories
    .filter((a) => ids.includes(sourceOf(a)))
    .slice(0, DEFAULT_PAGE_SIZE)
    .map((a) => a.title);
const titlesNotFrom = (...ids: string[]) =>
  stories
    .filter((a) => !ids.includes(sourceOf(a)))
    .slice(0, DEFAULT_PAGE_SIZE)
    .map((a) => a.title);
const countOf = (id: string) => stories.filter((a) => sourceOf(a) === id).length;

async function withSources() {
  const api = await testApiFor({ ...sampleData, articles: stories });
  server.use(apiHandler(() => api));
}

const shownTitles = () => screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent);

async function expectTitles(titles: string[]) {
  await waitFor(() => expect(shownTitles()).toEqual(titles));
}

async function openSources(user: ReturnType<typeof renderApp>['user']) {
  await user.click(await screen.findByRole('button', { name: /use filter/i }));
  // The first opening in a file also loads the panel's code.
  return screen.findByRole('group', { name: 'Show news from these sources' }, { timeout: 10_000 });
}

/** Puts `stored` on the device as a previous visit would have left it. */
async function savedOnDevice(stored: string) {
  localStorage.setItem(SOURCE_FILTER_STORAGE_KEY, stored);
  await useSourceFilterStore.persist.rehydrate();
}

const saved = () => JSON.parse(localStorage.getItem(SOURCE_FILTER_STORAGE_KEY) ?? 'null') as unknown;

describe('feed: sources in the filter', () => {
  it('lists each source with its number of stories, and stories without a source last', async () => {
    await withSources();
    const { user } = renderApp('/');
    const group = await openSources(user);
    const rows = within(group).getAllByRole('checkbox');
    expect(rows.map((box) => box.closest('label')!.textContent)).toEqual([
      'Al Jazeera',
      'BBC News',
      'ТАСС',
      'Without a source',
    ]);
    expect(rows.every((box) => (box as HTMLInputElement).checked)).toBe(true);
    const bbc = within(group).getByRole('checkbox', { name: 'BBC News' }).closest('li')!;
    expect(within(bbc).getByText(`${countOf('bbc-news')}`)).toHaveTextContent(`${countOf('bbc-news')} stories`);
  });

  it('shows no sources part when no story has a source', async () => {
    const { user } = renderApp('/');
    await user.click(await screen.findByRole('button', { name: /use filter/i }));
    await screen.findByRole('group', { name: /show news on these topics/i });
    expect(screen.queryByRole('group', { name: 'Show news from these sources' })).not.toBeInTheDocument();
  });

  it('"Only this" keeps one source: in the feed, the address, a note and on the device', async () => {
    await withSources();
    const { user, params } = renderApp('/');
    await expectTitles(titlesFrom(...IDS));
    const group = await openSources(user);
    await user.click(within(group).getByRole('button', { name: 'Only this (BBC News)' }));
    await expectTitles(titlesFrom('bbc-news'));
    expect(params().get('sources')).toBe('bbc-news');
    expect(within(group).getByRole('checkbox', { name: 'BBC News' })).toBeChecked();
    expect(within(group).getByRole('checkbox', { name: 'ТАСС' })).not.toBeChecked();
    expect(screen.getByText(/Only from: BBC News\./)).toBeInTheDocument();
    expect(saved()).toEqual({ state: { selection: { keep: ['bbc-news'], drop: [] } }, version: 1 });

    // Ticking another keeps both.
    await user.click(within(group).getByRole('checkbox', { name: 'Without a source' }));
    await expectTitles(titlesFrom('bbc-news', 'none'));
    expect(params().get('sources')).toBe('bbc-news,none');
  });

  it('unticking a source drops it and keeps every other, new ones included', async () => {
    await withSources();
    const { user, params } = renderApp('/');
    const group = await openSources(user);
    await user.click(within(group).getByRole('checkbox', { name: 'ТАСС' }));
    await expectTitles(titlesNotFrom('tass'));
    expect(params().get('excludeSources')).toBe('tass');
    expect(params().get('sources')).toBeNull();
    expect(screen.getByText(/Not from: ТАСС\./)).toBeInTheDocument();
    expect(saved()).toEqual({ state: { selection: { keep: null, drop: ['tass'] } }, version: 1 });

    await user.click(screen.getByRole('button', { name: 'Show all sources' }));
    await expectTitles(titlesFrom(...IDS));
    expect(params().get('excludeSources')).toBeNull();
    expect(within(group).getByRole('checkbox', { name: 'ТАСС' })).toBeChecked();
  });

  it('"None" explains the empty feed and offers every source back', async () => {
    await withSources();
    const { user } = renderApp('/');
    const group = await openSources(user);
    await user.click(within(group).getByRole('button', { name: 'None of the sources' }));
    expect(await screen.findByText('No sources are selected, so there is no news to show.')).toBeInTheDocument();
    expect(screen.queryAllByRole('heading', { level: 3 })).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Select all sources' }));
    await expectTitles(titlesFrom(...IDS));
  });

  it('an address naming sources opens the feed filtered so, over the saved choice, which it leaves alone', async () => {
    await withSources();
    await savedOnDevice(JSON.stringify({ state: { selection: { keep: null, drop: ['bbc-news'] } }, version: 1 }));
    const { user } = renderApp('/?sources=tass,nonsense');
    await expectTitles(titlesFrom('tass'));
    const group = await openSources(user);
    expect(within(group).getByRole('checkbox', { name: 'ТАСС' })).toBeChecked();
    expect(within(group).getByRole('checkbox', { name: 'BBC News' })).not.toBeChecked();
    expect(saved()).toEqual({ state: { selection: { keep: null, drop: ['bbc-news'] } }, version: 1 });
  });

  it('remembers the choice on the device for a bare address', async () => {
    await withSources();
    await savedOnDevice(JSON.stringify({ state: { selection: { keep: ['al-jazeera'], drop: [] } }, version: 1 }));
    renderApp('/');
    await expectTitles(titlesFrom('al-jazeera'));
    expect(screen.getByText(/Only from: Al Jazeera\./)).toBeInTheDocument();
  });

  it('a damaged saved choice means every source', async () => {
    await withSources();
    await savedOnDevice('{"state": {"selection": {"keep": ["<b>"]}}, "version": 1}');
    renderApp('/');
    await expectTitles(titlesFrom(...IDS));
    expect(screen.queryByRole('button', { name: 'Show all sources' })).not.toBeInTheDocument();
  });
});
