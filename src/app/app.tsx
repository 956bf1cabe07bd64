import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { BrowserRouter } from 'react-router';
import { RoutePrefetchProvider } from '@/lib/route-prefetch';
import { keyHistoryEntries } from '@/lib/scroll-restoration';
import { createQueryClient } from './query-client';
import { RootErrorBoundary } from './root-error-boundary';
import { AppRoutes, prefetchRoute } from './routes';

export function AppProviders({ queryClient, children }: { queryClient: QueryClient; children: React.ReactNode }) {
  return (
    <RootErrorBoundary>
      <QueryClientProvider client={queryClient}>
        <RoutePrefetchProvider value={prefetchRoute}>{children}</RoutePrefetchProvider>
      </QueryClientProvider>
    </RootErrorBoundary>
  );
}

export function App() {
  const [queryClient] = useState(() => {
    keyHistoryEntries(); // before the router reads the first entry
    return createQueryClient();
  });
  return (
    <AppProviders queryClient={queryClient}>
      <BrowserRouter>
        <AppRoutes />
      </BrowserRouter>
    </AppProviders>
  );
}
