import { QueryClient } from '@tanstack/react-query';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { saveArticle } from '@/components/saved-article-actions';
import { useSavedArticlesStore } from '@/stores/saved-articles-store';
import { articlesNewestFirst } from '../helpers/fixtures';
import { renderApp } from '../helpers/render-app';
import { putRecord, storedRecord } from '../helpers/saved-copies';

const [first, second, third] = articlesNewestFirst.filter((a) => a.lead.trim());

/** Saves the articles through the app's own code, one second apart, oldest saved first. */
async function saveInOrder(...articles: (typeof first)[]) {
  const queryClient = new QueryClient();
  const now = vi.spyOn(Date, 'now');
  for (const [i, article] of articles.entries()) {
    now.mockReturnValue(Date.UTC(2026, 10, 20, 9, 0, i));
    await saveArticle(queryClient, article!.id);
  }
  now.mockRestore();
}

const listedTitles = () =>
  within(screen.getByRole('list', { name: 'Saved articles' }))
    .getAllByRole('heading', { level: 2 })
    .map((h) => h.textContent);

describe('Saved view', () => {
  it('says how to save when nothing is saved, and is reached from the header', async () => {
    const { user, location } = renderApp('/');
    await user.click(screen.getByRole('link', { name: 'Saved' }));
    expect(location.current?.pathname).toBe('/saved');
    expect(await screen.findByRole('heading', { level: 1, name: 'Saved' })).toBeInTheDocument();
    expect(screen.getByText('Nothing saved yet.')).toBeInTheDocument();
    await waitFor(() => expect(document.title).toBe('Saved — Agency News'));
  });

  it('lists an article saved from the article view', async () => {
    const { user } = renderApp(`/news/${first!.id}`);
    await user.click(await screen.findByRole('button', { name: `Save “${first!.title}”` }));
    await screen.findByRole('button', { name: `Saved “${first!.title}”` });
    await user.click(screen.getByRole('link', { name: 'Saved' }));
    const item = (await screen.findByRole('link', { name: first!.title })).closest('li')!;
    expect(item).toHaveTextContent(first!.lead);
    expect(
      screen.getByText('1 article kept on this device, newest saved first. They open without a network.'),
    ).toBeInTheDocument();
  });

  it('lists the newest saved first, with when each was published and saved', async () => {
    await saveInOrder(first!, second!, third!);
    renderApp('/saved');
    await screen.findByRole('link', { name: third!.title });
    expect(listedTitles()).toEqual([third!.title, second!.title, first!.title]);
    const item = screen.getByRole('link', { name: third!.title }).closest('li')!;
    expect(within(item).getByText(/^Saved November 20, 2026, 12:00 UTC\+3$/)).toBeInTheDocument();
    expect(item.querySelector('time')).toHaveAttribute('datetime', third!.publishedAt);
  });

  it('removes an article with an undo that puts it back in its place', async () => {
    await saveInOrder(first!, second!, third!);
    const { user } = renderApp('/saved');
    await user.click(await screen.findByRole('button', { name: `Remove “${second!.title}”` }));

    expect(listedTitles()).toEqual([third!.title, first!.title]);
    const status = screen.getByRole('status');
    expect(status).toHaveTextContent(`Removed “${second!.title}”.`);
    const undo = within(status).getByRole('button', { name: 'Undo' });
    // Focus moves on to the next article in the list.
    await waitFor(() => expect(screen.getByRole('link', { name: first!.title })).toHaveFocus());
    await waitFor(async () => expect(await storedRecord(second!.id)).toBeUndefined());
    expect(Object.keys(useSavedArticlesStore.getState().savedAt)).not.toContain(second!.id);

    await user.click(undo);
    await waitFor(() => expect(listedTitles()).toEqual([third!.title, second!.title, first!.title]));
    await waitFor(() => expect(screen.getByRole('link', { name: second!.title })).toHaveFocus());
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
    expect(await storedRecord(second!.id)).toMatchObject({ article: { id: second!.id, pages: second!.pages } });
  });

  it('shows the empty state once the last article is removed, still with the undo', async () => {
    await saveInOrder(first!);
    const { user } = renderApp('/saved');
    await user.click(await screen.findByRole('button', { name: `Remove “${first!.title}”` }));
    expect(screen.getByText('Nothing saved yet.')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('heading', { level: 1, name: 'Saved' })).toHaveFocus());
    await user.click(within(screen.getByRole('status')).getByRole('button', { name: 'Undo' }));
    expect(await screen.findByRole('link', { name: first!.title })).toBeInTheDocument();
  });

  it('names an article whose saved copy is gone from the device, and can remove it', async () => {
    useSavedArticlesStore.getState().markSaved('vanished-story', Date.UTC(2026, 10, 20));
    const { user } = renderApp('/saved');
    expect(await screen.findByText(/Its saved copy is no longer on this device/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Remove “Article “vanished-story””' }));
    expect(screen.getByText('Nothing saved yet.')).toBeInTheDocument();
  });

  it.each([
    ['a damaged record', { version: 1, savedAt: 1, article: { id: 'damaged-story', title: 42 } }],
    ['a record of an unknown version', { version: 9, savedAt: 1, article: first }],
    ['another article under its id', { version: 1, savedAt: 1, article: second }],
  ])('treats %s on the device as no copy', async (_label, record) => {
    useSavedArticlesStore.getState().markSaved('damaged-story', Date.UTC(2026, 10, 20));
    await putRecord('damaged-story', record);
    renderApp('/saved');
    expect(await screen.findByRole('link', { name: 'Article “damaged-story”' })).toBeInTheDocument();
    expect(screen.getByText(/Its saved copy is no longer on this device/)).toBeInTheDocument();
  });

  it('says plainly when the device storage cannot be read, and tries again', async () => {
    await saveInOrder(first!);
    const transaction = vi.spyOn(IDBDatabase.prototype, 'transaction').mockImplementation(() => {
      throw new DOMException('The database connection is closing.', 'InvalidStateError');
    });
    const { user } = renderApp('/saved');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The saved articles could not be read from this device. This browser does not let the site keep articles on this device',
    );
    transaction.mockRestore();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('link', { name: first!.title })).toBeInTheDocument();
  });
});
