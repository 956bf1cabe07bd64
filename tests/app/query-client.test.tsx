import { onlineManager } from '@tanstack/react-query';
import { act, screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createQueryClient } from '@/app/query-client';
import { articlesNewestFirst } from '../helpers/fixtures';
import { server } from '../helpers/msw-server';
import { renderApp } from '../helpers/render-app';

const newest = articlesNewestFirst[0]!;

/** The page as the service worker opens it with no network: in its control, and the browser offline. */
function openedByWorkerOffline() {
  Object.defineProperty(navigator, 'serviceWorker', { value: { controller: {} }, configurable: true });
  vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
}

afterEach(() => {
  Reflect.deleteProperty(navigator, 'serviceWorker');
  onlineManager.setOnline(true);
});

describe('the query client offline', () => {
  it('with a service worker in control, shows what the worker answers (its cache), under the offline notice', async () => {
    openedByWorkerOffline();
    renderApp('/', { queryClient: createQueryClient() });
    expect(await screen.findByRole('link', { name: newest.title }, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('You are offline.');
  });

  it('with a service worker that has nothing for a request, waits for the network as before', async () => {
    openedByWorkerOffline();
    server.use(http.get('*/api/articles', () => HttpResponse.error()));
    renderApp('/', { queryClient: createQueryClient() });
    expect(await screen.findByText('Waiting for the network to load the news…', {}, { timeout: 3000 })).toBeVisible();
    server.resetHandlers();
    act(() => onlineManager.setOnline(true));
    expect(await screen.findByRole('link', { name: newest.title })).toBeInTheDocument();
  });

  it('started offline without a service worker: says so, and sends nothing (nothing could answer)', async () => {
    const requests = vi.fn();
    server.events.on('request:start', requests);
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    renderApp('/', { queryClient: createQueryClient() });
    expect(await screen.findByText('Waiting for the network to load the news…')).toBeVisible();
    expect(screen.getByRole('alert')).toHaveTextContent('You are offline.');
    expect(requests).not.toHaveBeenCalled();
    server.events.removeListener('request:start', requests);
  });
});
