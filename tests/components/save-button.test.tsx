import { onlineManager, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { Profiler } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { articleQueries } from '@/api/articles';
import { SaveButton } from '@/components/save-button';
import { useSavedArticlesStore } from '@/stores/saved-articles-store';
import { articlesNewestFirst } from '../helpers/fixtures';
import { server } from '../helpers/msw-server';
import { storedRecord } from '../helpers/saved-copies';

const multiPage = articlesNewestFirst.find((a) => a.pages.length > 1)!;

function renderButtons(
  articles = [multiPage],
  queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } }),
) {
  const user = userEvent.setup();
  const utils = render(
    <QueryClientProvider client={queryClient}>
      {articles.map((a) => (
        <SaveButton key={a.id} id={a.id} title={a.title} />
      ))}
    </QueryClientProvider>,
  );
  return { ...utils, user, queryClient };
}

const saveButton = (title: string, state: 'Save' | 'Saved' = 'Save') =>
  screen.getByRole('button', { name: `${state} “${title}”` });
const isSaved = (id: string) => Object.hasOwn(useSavedArticlesStore.getState().savedAt, id);

describe('SaveButton', () => {
  afterEach(() => {
    onlineManager.setOnline(true);
  });

  it('saves the whole article on the device, every page, and says so', async () => {
    const { user } = renderButtons();
    const button = saveButton(multiPage.title);
    expect(button).toHaveAttribute('aria-pressed', 'false');
    await user.click(button);
    expect(await screen.findByRole('button', { name: `Saved “${multiPage.title}”` })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    expect(isSaved(multiPage.id)).toBe(true);
    const record = (await storedRecord(multiPage.id)) as { article: { pages: string[][] } };
    expect(record.article.pages).toEqual(multiPage.pages);
  });

  it('takes a saved article off the list, and its copy off the device', async () => {
    const { user } = renderButtons();
    await user.click(saveButton(multiPage.title));
    await user.click(await screen.findByRole('button', { name: `Saved “${multiPage.title}”` }));
    expect(saveButton(multiPage.title)).toHaveAttribute('aria-pressed', 'false');
    expect(isSaved(multiPage.id)).toBe(false);
    await expect.poll(() => storedRecord(multiPage.id)).toBeUndefined();
  });

  it('uses the article already downloaded, without asking the server again', async () => {
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    await queryClient.fetchQuery(articleQueries.detail(multiPage.id));
    const requests = vi.fn();
    server.events.on('request:start', requests);
    const { user } = renderButtons([multiPage], queryClient);
    await user.click(saveButton(multiPage.title));
    await screen.findByRole('button', { name: `Saved “${multiPage.title}”` });
    expect(requests).not.toHaveBeenCalled();
    server.events.removeAllListeners();
  });

  it('says plainly when the article cannot be downloaded, and stays unsaved', async () => {
    server.use(http.get('*/api/articles/:id', () => HttpResponse.error()));
    const { user } = renderButtons();
    await user.click(saveButton(multiPage.title));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Could not save it. The news service could not be reached. Check your connection.',
    );
    expect(saveButton(multiPage.title)).toHaveAttribute('aria-pressed', 'false');
    expect(saveButton(multiPage.title)).toHaveAccessibleDescription(/could not be reached/);
    expect(isSaved(multiPage.id)).toBe(false);
  });

  it('says so when offline and the article was never downloaded', async () => {
    onlineManager.setOnline(false);
    const { user } = renderButtons();
    await user.click(saveButton(multiPage.title));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'You are offline, and this article has not been downloaded yet. Save it when you are back online.',
    );
    expect(isSaved(multiPage.id)).toBe(false);
  });

  it('says when the device has no room left, and stays unsaved', async () => {
    const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const { user } = renderButtons();
    await user.click(saveButton(multiPage.title));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Could not save it. There is no room left for it on this device. Remove some saved articles, then try again.',
    );
    put.mockRestore();
    expect(isSaved(multiPage.id)).toBe(false);
    expect(await storedRecord(multiPage.id)).toBeUndefined();
  });

  it('says when the browser keeps nothing on the device (IndexedDB unavailable)', async () => {
    const transaction = vi.spyOn(IDBDatabase.prototype, 'transaction').mockImplementation(() => {
      throw new DOMException(
        'A mutation operation was attempted on a database that did not allow mutations.',
        'InvalidStateError',
      );
    });
    const { user } = renderButtons();
    await user.click(saveButton(multiPage.title));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'This browser does not let the site keep articles on this device',
    );
    transaction.mockRestore();
    expect(isSaved(multiPage.id)).toBe(false);

    // Trying again once storage works saves it, and the message goes.
    await user.click(saveButton(multiPage.title));
    await screen.findByRole('button', { name: `Saved “${multiPage.title}”` });
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('re-renders only the button whose article changed, in a long list', async () => {
    const articles = articlesNewestFirst.slice(0, 50);
    const renders: string[] = [];
    render(
      <QueryClientProvider client={new QueryClient()}>
        {articles.map((a) => (
          <Profiler key={a.id} id={a.id} onRender={(id) => renders.push(id)}>
            <SaveButton id={a.id} title={a.title} />
          </Profiler>
        ))}
      </QueryClientProvider>,
    );
    renders.length = 0;
    act(() => useSavedArticlesStore.getState().markSaved(articles[7]!.id));
    expect(renders).toEqual([articles[7]!.id]);
    expect(saveButton(articles[7]!.title, 'Saved')).toHaveAttribute('aria-pressed', 'true');
    renders.length = 0;
    act(() => useSavedArticlesStore.getState().markSaved('an-article-not-in-this-list'));
    expect(renders).toEqual([]);
  });
});
