import { onlineManager, QueryClient } from '@tanstack/react-query';
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
  if (navigator.serviceWorker?.controller) {
    // A page the service worker opened offline says so from the start (TanStack Query assumes online until told).
    if (!navigator.onLine) onlineManager.setOnline(false);
    askEvenOffline(queryClient);
  }
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
