import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { BrowserRouter } from 'react-router';
import { RoutePrefetchProvider } from '@/lib/route-prefetch';
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

export function App({ queryClient }: { queryClient: QueryClient }) {
  return (
    <AppProviders queryClient={queryClient}>
      <BrowserRouter>
        <AppRoutes />
      </BrowserRouter>
    </AppProviders>
  );
}
