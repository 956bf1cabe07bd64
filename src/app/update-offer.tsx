// Registers the service worker (vite-plugin-pwa's registerSW over workbox-window) and offers a new version as soon as
// one is waiting: "Reload to update" tells it to take over, and the page reloads into it. Loaded after the first paint
// (service-worker-slot.tsx).
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { registerSW } from 'virtual:pwa-register';
import { handOverAnswers, handOverAnswersSentWithPage, stopKeepingAnswers } from '@/api/answers-for-service-worker';
import { UpdateBar } from '@/components/update-bar';
import { env } from '@/lib/env';
import { askEvenOffline } from './query-client';
import { apiCacheOf } from './service-worker-options';

/** Browsers look for a new worker on page loads; a reader who keeps one page open is checked this often too. */
const UPDATE_CHECK_INTERVAL_MS = 60 * 60 * 1000;

/** Puts an API answer the worker did not fetch itself where its routes look for it. The worker's expiry counts only
 * what it fetched, so the oldest entries past the cache's limit go here (a cache lists them oldest first). */
async function putInWorkerCache(url: string, answer: Response): Promise<void> {
  const route = apiCacheOf(env.apiBaseUrl, url);
  if (!route) return;
  const cache = await caches.open(route.cacheName);
  await cache.put(url, answer);
  const entries = await cache.keys();
  await Promise.all(entries.slice(0, -route.maxEntries).map((request) => cache.delete(request)));
}

export function UpdateOffer() {
  const queryClient = useQueryClient();
  const [offered, setOffered] = useState(false);
  const activateWaitingWorker = useRef<() => Promise<void>>(undefined);

  useEffect(() => {
    const container = navigator.serviceWorker;
    // The first worker takes the page during this visit: what the reader has seen (the news, the articles opened,
    // the rates) was fetched before it could keep it, so hand it the copies kept of those answers (nothing is asked
    // again: the feed on screen stays as it is), and let queries use its cache from now on.
    const onFirstControl = () => {
      askEvenOffline(queryClient);
      void handOverAnswers(putInWorkerCache);
    };
    if (!container.controller) container.addEventListener('controllerchange', onFirstControl, { once: true });
    // A returning reader's page came from the server through the worker: the answers it was rendered from are the
    // newest the worker can have (kept copies of pages carry none), so they go to its caches for offline use.
    else void handOverAnswersSentWithPage(putInWorkerCache);

    let interval: ReturnType<typeof setInterval> | undefined;
    const updateWorker = registerSW({
      immediate: true,
      onNeedRefresh: () => setOffered(true),
      // It would reload only a page that had a worker when it registered: done below for every page.
      onNeedReload: () => undefined,
      onRegisteredSW: (_url, registration) => {
        if (!registration) return;
        interval = setInterval(() => registration.update().catch(() => undefined), UPDATE_CHECK_INTERVAL_MS);
      },
      // The app works as before, only not offline; nothing the reader can do about it.
      onRegisterError: (error: unknown) => {
        stopKeepingAnswers();
        console.warn('The service worker could not be registered:', error);
      },
    });
    // The reader accepted: the page reloads into the new worker once it has taken over. (workbox-window would not
    // reload a page opened without a worker, as a first visit's, whose hourly check found a new version.)
    activateWaitingWorker.current = async () => {
      container.addEventListener('controllerchange', () => window.location.reload(), { once: true });
      await updateWorker();
    };
    return () => {
      container.removeEventListener('controllerchange', onFirstControl);
      clearInterval(interval);
    };
  }, [queryClient]);

  return (
    <UpdateBar
      offered={offered}
      onReload={() => void activateWaitingWorker.current?.()}
      onDismiss={() => setOffered(false)}
    />
  );
}
