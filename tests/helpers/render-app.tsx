// Renders the real app (providers + routes) at a URL, with a fresh query client and no retries.
import { QueryClient } from '@tanstack/react-query';
import { act, render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, useLocation, useNavigate, type Location, type NavigateFunction } from 'react-router';
import { AppProviders } from '@/app/app';
import { AppRoutes } from '@/app/routes';

function createTestQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
}

export function renderApp(url = '/', { queryClient = createTestQueryClient() } = {}) {
  const location: { current: Location | null } = { current: null };
  const navigation: { navigate: NavigateFunction | null } = { navigate: null };
  function LocationProbe() {
    location.current = useLocation();
    navigation.navigate = useNavigate();
    return null;
  }
  /** The browser's Back and Forward buttons. */
  const goBack = () => act(() => void navigation.navigate!(-1));
  const goForward = () => act(() => void navigation.navigate!(1));
  /** The current address's query parameters. */
  const params = () => new URLSearchParams(location.current!.search);
  const user = userEvent.setup();
  const utils = render(
    <AppProviders queryClient={queryClient}>
      <MemoryRouter initialEntries={[url]}>
        <AppRoutes />
        <LocationProbe />
      </MemoryRouter>
    </AppProviders>,
  );
  return { ...utils, user, queryClient, location, params, goBack, goForward };
}
