import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { RegisterSWOptions } from 'virtual:pwa-register';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  keepAnswer,
  keepAnswersForServiceWorker,
  keepAnswersSentWithPage,
  stopKeepingAnswers,
} from '@/api/answers-for-service-worker';
import { UpdateOffer } from '@/app/update-offer';

// A faked registration: the test plays the browser's part (a worker waiting, one taking the page).
const registration = vi.hoisted(() => ({
  options: undefined as RegisterSWOptions | undefined,
  activateWaitingWorker: vi.fn(async () => {}),
}));
vi.mock('virtual:pwa-register', () => ({
  registerSW: (options: RegisterSWOptions) => {
    registration.options = options;
    return registration.activateWaitingWorker;
  },
}));

/** navigator.serviceWorker, which jsdom lacks: events, and the worker in control of the page (none at first). */
class FakeServiceWorkerContainer extends EventTarget {
  controller: object | null = null;
}
let container: FakeServiceWorkerContainer;
beforeEach(() => {
  container = new FakeServiceWorkerContainer();
  Object.defineProperty(navigator, 'serviceWorker', { value: container, configurable: true });
});
afterEach(() => {
  Reflect.deleteProperty(navigator, 'serviceWorker');
  registration.options = undefined;
  registration.activateWaitingWorker.mockClear();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

function renderOffer({ onScreen = vi.fn(async () => 'news') } = {}) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  function NewsOnScreen() {
    useQuery({ queryKey: ['news'], queryFn: onScreen });
    return null;
  }
  render(
    <QueryClientProvider client={queryClient}>
      <NewsOnScreen />
      <UpdateOffer />
    </QueryClientProvider>,
  );
  return { queryClient, onScreen, user: userEvent.setup() };
}

describe('the service worker’s new versions', () => {
  it('registers the worker and says nothing while there is no new version', () => {
    renderOffer();
    expect(registration.options).toBeDefined();
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
  });

  it('offers a waiting version; "Reload to update" tells it to take over (the page then reloads into it)', async () => {
    const { user } = renderOffer();
    act(() => registration.options!.onNeedRefresh!());
    expect(screen.getByRole('status')).toHaveTextContent('A new version is available.');
    await user.click(screen.getByRole('button', { name: 'Reload to update' }));
    expect(registration.activateWaitingWorker).toHaveBeenCalledTimes(1);
  });

  it('"Not now" hides the offer until the next new version', async () => {
    const { user } = renderOffer();
    act(() => registration.options!.onNeedRefresh!());
    await user.click(screen.getByRole('button', { name: 'Not now' }));
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
    expect(registration.activateWaitingWorker).not.toHaveBeenCalled();
    act(() => registration.options!.onNeedRefresh!());
    expect(screen.getByRole('button', { name: 'Reload to update' })).toBeInTheDocument();
  });

  it('looks for a new version every hour while the page stays open', () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    renderOffer();
    const update = vi.fn(async () => {});
    registration.options!.onRegisteredSW!('/sw.js', { update } as unknown as ServiceWorkerRegistration);
    vi.advanceTimersByTime(59 * 60 * 1000);
    expect(update).not.toHaveBeenCalled();
    vi.advanceTimersByTime(60 * 1000);
    expect(update).toHaveBeenCalledTimes(1);
  });

  it('when the first worker takes the page, hands it the API answers fetched before, and fetches nothing again', async () => {
    const stored: { cacheName: string; url: string; answer: Response }[] = [];
    vi.stubGlobal('caches', fakeCaches(stored));
    keepAnswersForServiceWorker();
    const feedUrl = `${window.location.origin}/api/articles?limit=20`;
    keepAnswer(feedUrl, new Response('{"items":[]}'));
    keepAnswer(`${window.location.origin}/api/search?q=grain`, new Response('{}')); // the worker keeps no searches
    const { queryClient, onScreen } = renderOffer();
    await vi.waitFor(() => expect(queryClient.getQueryState(['news'])?.status).toBe('success'));
    expect(queryClient.getDefaultOptions().queries?.networkMode).toBeUndefined();

    container.controller = {};
    act(() => void container.dispatchEvent(new Event('controllerchange')));
    await vi.waitFor(() =>
      expect(stored.map(({ cacheName, url }) => `${cacheName} ${url}`)).toEqual([`api-feed ${feedUrl}`]),
    );
    expect(await stored[0]!.answer.text()).toBe('{"items":[]}');
    expect(onScreen).toHaveBeenCalledTimes(1);
    expect(queryClient.getDefaultOptions().queries?.networkMode).toBe('offlineFirst');
    stopKeepingAnswers();
  });

  it("hands the worker the answers a server-rendered page was made from, as the API's, without asking again", async () => {
    const stored: { cacheName: string; url: string; answer: Response }[] = [];
    vi.stubGlobal('caches', fakeCaches(stored));
    const fetchSpy = vi.fn();
    vi.stubGlobal('fetch', fetchSpy);
    keepAnswersForServiceWorker();
    const date = 'Sun, 06 Dec 2026 03:00:00 GMT';
    keepAnswersSentWithPage(
      [
        { path: '/api/articles?limit=20', body: { items: [], next: null }, contentType: 'application/json', date },
        { path: '/api/search?q=grain', body: {}, contentType: 'application/json', date }, // no cache for searches
      ],
      `${window.location.origin}/`,
    );
    renderOffer();
    container.controller = {};
    act(() => void container.dispatchEvent(new Event('controllerchange')));
    await vi.waitFor(() => expect(stored).toHaveLength(1));
    const [{ cacheName, url, answer }] = stored as [(typeof stored)[0]];
    expect([cacheName, url]).toEqual(['api-feed', `${window.location.origin}/api/articles?limit=20`]);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('application/json');
    expect(answer.headers.get('date')).toBe(date);
    expect(await answer.json()).toEqual({ items: [], next: null });
    expect(fetchSpy).not.toHaveBeenCalled();
    stopKeepingAnswers();
  });

  it("a returning reader's page hands its answers to the worker's caches at once, within each cache's limit", async () => {
    const stored: { cacheName: string; url: string; answer: Response }[] = [];
    const topics = `${window.location.origin}/api/topics`;
    const older = `${window.location.origin}/api/topics?older`; // the topics cache keeps one answer
    vi.stubGlobal('caches', fakeCaches(stored, [{ cacheName: 'api-topics', url: older }]));
    container.controller = {};
    const date = 'Sun, 06 Dec 2026 03:00:00 GMT';
    keepAnswersSentWithPage([{ path: '/api/topics', body: [], contentType: 'application/json', date }], topics);
    renderOffer();
    await vi.waitFor(() => expect(stored.map(({ url }) => url)).toEqual([topics]));
  });

  it('"Reload to update" reloads the page once the new worker has taken it, in a page opened without a worker', async () => {
    const reload = vi.fn();
    vi.stubGlobal('location', { ...window.location, reload });
    const { user } = renderOffer();
    act(() => registration.options!.onNeedRefresh!());
    await user.click(screen.getByRole('button', { name: 'Reload to update' }));
    expect(reload).not.toHaveBeenCalled();
    container.controller = {};
    act(() => void container.dispatchEvent(new Event('controllerchange')));
    expect(reload).toHaveBeenCalledTimes(1);
    registration.options!.onNeedReload?.();
    expect(reload).toHaveBeenCalledTimes(1);
  });
});

/** The Cache API, as far as the app uses it: entries in the order they were put. */
function fakeCaches(
  stored: { cacheName: string; url: string; answer: Response }[],
  already: { cacheName: string; url: string }[] = [],
) {
  stored.push(...already.map((entry) => ({ ...entry, answer: new Response('{}') })));
  return {
    open: async (cacheName: string) => ({
      put: async (url: string, answer: Response) => {
        stored.splice(
          0,
          stored.length,
          ...stored.filter((entry) => entry.url !== url || entry.cacheName !== cacheName),
        );
        stored.push({ cacheName, url, answer });
      },
      keys: async () => stored.filter((entry) => entry.cacheName === cacheName).map(({ url }) => new Request(url)),
      delete: async (request: Request) => {
        const at = stored.findIndex((entry) => entry.cacheName === cacheName && entry.url === request.url);
        if (at >= 0) stored.splice(at, 1);
        return at >= 0;
      },
    }),
  };
}
