import { onlineManager, QueryClient } from '@tanstack/react-query';
import { keepAnswersForServiceWorker } from '@/api/answers-for-service-worker';
import { retryDelay, shouldRetry } from '@/api/http';

export function createQueryClient(): QueryClient {
  const queryClient = new QueryClient({
    defaultOptions: {
      queries: {
        retry: shouldRetry,
        retryDelay,
        staleTime: 60_000,
        refetchOnWindowFocus: false,
      },
    },
  });
  // An app started offline says so from the start, and its requests wait for the network (TanStack Query assumes
  // online until the browser's next `offline` event).
  onlineManager.setOnline(navigator.onLine);
  if (navigator.serviceWorker?.controller) askEvenOffline(queryClient);
  // A first visit in a production build: the service worker will take the page after the first answers arrived.
  else if (import.meta.env.PROD && navigator.serviceWorker) keepAnswersForServiceWorker();
  return queryClient;
}

/**
 * With a service worker in control, a request may be answered from its cache without a network, so queries are sent
 * even offline ('offlineFirst') instead of paused at once; one the worker cannot answer fails as a network error, and
 * its retry then waits for the network as before ("Waiting for the network…").
 */
export function askEvenOffline(queryClient: QueryClient): void {
  const defaults = queryClient.getDefaultOptions();
  queryClient.setDefaultOptions({ ...defaults, queries: { ...defaults.queries, networkMode: 'offlineFirst' } });
}
