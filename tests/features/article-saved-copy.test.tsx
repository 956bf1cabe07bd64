// The article view reads the copy saved on the device when the news service cannot be reached.
import { onlineManager, QueryClient } from '@tanstack/react-query';
import { act, screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { saveArticle } from '@/components/saved-article-actions';
import { articlesNewestFirst } from '../helpers/fixtures';
import { server } from '../helpers/msw-server';
import { renderApp } from '../helpers/render-app';

const ARTICLE_API = '*/api/articles/:id';
const multiPage = articlesNewestFirst.find((a) => a.pages.length >= 3)!;
const notSaved = articlesNewestFirst.find((a) => a.id !== multiPage.id)!;
const SAVED_AT = Date.UTC(2026, 10, 21, 6, 30);

async function saveWhileOnline(id: string) {
  const now = vi.spyOn(Date, 'now').mockReturnValue(SAVED_AT);
  await saveArticle(new QueryClient(), id);
  now.mockRestore();
}

const savedCopyNotice = () =>
  screen.findByText(
    'The news service cannot be reached, so this is the copy you saved on November 21, 2026, 9:30 UTC+3.',
  );

describe('an article saved on the device', () => {
  afterEach(() => onlineManager.setOnline(true));

  it('opens from its saved copy while the browser is offline, every page included', async () => {
    await saveWhileOnline(multiPage.id);
    onlineManager.setOnline(false);
    const { user } = renderApp(`/news/${multiPage.id}`);
    expect(await screen.findByRole('heading', { level: 1, name: multiPage.title })).toBeInTheDocument();
    expect(await savedCopyNotice()).toHaveAttribute('role', 'status');
    expect(screen.getByRole('button', { name: `Saved “${multiPage.title}”` })).toHaveAttribute('aria-pressed', 'true');

    // The later pages are in the copy too.
    for (let page = 2; page <= multiPage.pages.length; page++) {
      await user.click(screen.getByRole('button', { name: 'Show more' }));
      expect(
        await screen.findByRole('heading', { name: `Page ${page} of ${multiPage.pages.length}` }),
      ).toBeInTheDocument();
    }
    expect(screen.getByText(multiPage.pages.at(-1)!.at(-1)!)).toBeInTheDocument();
  });

  it('opens from its saved copy when the network fails', async () => {
    await saveWhileOnline(multiPage.id);
    server.use(http.get(ARTICLE_API, () => HttpResponse.error()));
    const { user } = renderApp(`/news/${multiPage.id}`);
    expect(await screen.findByRole('heading', { level: 1, name: multiPage.title })).toBeInTheDocument();
    await savedCopyNotice();

    // Removing it while reading the copy keeps the copy on screen for this visit.
    await user.click(screen.getByRole('button', { name: `Saved “${multiPage.title}”` }));
    expect(await screen.findByRole('button', { name: `Save “${multiPage.title}”` })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: multiPage.title })).toBeInTheDocument();
  });

  it('prefers the news service when it answers', async () => {
    await saveWhileOnline(multiPage.id);
    renderApp(`/news/${multiPage.id}`);
    expect(await screen.findByRole('heading', { level: 1, name: multiPage.title })).toBeInTheDocument();
    expect(screen.queryByText(/this is the copy you saved/)).not.toBeInTheDocument();
  });

  it('still says "Article not found" when the news service says so', async () => {
    await saveWhileOnline(multiPage.id);
    server.use(
      http.get(ARTICLE_API, () =>
        HttpResponse.json({ error: { code: 'not_found', message: 'No such article' } }, { status: 404 }),
      ),
    );
    renderApp(`/news/${multiPage.id}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Article not found' })).toBeInTheDocument();
  });

  it('without a saved copy, waits for the network as before', async () => {
    await saveWhileOnline(multiPage.id);
    onlineManager.setOnline(false);
    renderApp(`/news/${notSaved.id}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Waiting for the network' })).toBeInTheDocument();
    act(() => onlineManager.setOnline(true));
    expect(await screen.findByRole('heading', { level: 1, name: notSaved.title })).toBeInTheDocument();
  });
});
