import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ServiceWorkerSlot } from '@/app/service-worker-slot';

const registerSW = vi.hoisted(() => vi.fn(() => async () => {}));
vi.mock('virtual:pwa-register', () => ({ registerSW }));

/** The slot shows no offer region for a while: time enough to have loaded its chunk and registered, had it wanted to. */
async function expectNothingLoaded() {
  await expect(screen.findByRole('status', {}, { timeout: 1000 })).rejects.toThrow();
  expect(registerSW).not.toHaveBeenCalled();
}

function renderSlot() {
  render(
    <QueryClientProvider client={new QueryClient()}>
      <ServiceWorkerSlot />
    </QueryClientProvider>,
  );
}

beforeAll(async () => {
  // As after a real page load (jsdom fires "load" a moment after the test file starts).
  if (document.readyState !== 'complete') await new Promise((resolve) => window.addEventListener('load', resolve));
  await import('@/app/update-offer'); // compiled once, so the slot's own import of it takes no time below
});

afterEach(() => {
  Reflect.deleteProperty(navigator, 'serviceWorker');
  vi.unstubAllEnvs();
  registerSW.mockClear();
});

describe('the service worker slot', () => {
  it('registers nothing outside production builds (the dev server, tests)', async () => {
    Object.defineProperty(navigator, 'serviceWorker', { value: new EventTarget(), configurable: true });
    renderSlot();
    await expectNothingLoaded();
  });

  it('in a production build, loads the registration once the page has loaded', async () => {
    vi.stubEnv('PROD', true);
    Object.defineProperty(navigator, 'serviceWorker', { value: new EventTarget(), configurable: true });
    renderSlot();
    expect(await screen.findByRole('status')).toBeEmptyDOMElement();
    // Registered by the offer's effect, which may run after the region is on screen.
    await vi.waitFor(() => expect(registerSW).toHaveBeenCalledTimes(1));
  });

  it('in a browser without service workers, registers nothing', async () => {
    vi.stubEnv('PROD', true);
    renderSlot();
    await expectNothingLoaded();
  });
});
