// Registers the service worker (vite-plugin-pwa's registerSW over workbox-window) and offers a new version as soon as
// one is waiting: "Reload to update" tells it to take over, and the page reloads into it. Loaded after the first paint
// (service-worker-slot.tsx).
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { registerSW } from 'virtual:pwa-register';
import { handOverAnswers, stopKeepingAnswers } from '@/api/answers-for-service-worker';
import { UpdateBar } from '@/components/update-bar';
import { env } from '@/lib/env';
import { askEvenOffline } from './query-client';
import { apiCacheName } from './service-worker-options';

/** Browsers look for a new worker on page loads; a reader who keeps one page open is checked this often too. */
const UPDATE_CHECK_INTERVAL_MS = 60 * 60 * 1000;

/** Puts an API answer fetched before the worker took the page where its routes look for it. */
async function putInWorkerCache(url: string, answer: Response): Promise<void> {
  const cacheName = apiCacheName(env.apiBaseUrl, url);
  if (!cacheName) return;
  const cache = await caches.open(cacheName);
  await cache.put(url, answer);
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

    let interval: ReturnType<typeof setInterval> | undefined;
    activateWaitingWorker.current = registerSW({
      immediate: true,
      onNeedRefresh: () => setOffered(true),
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
