// The service worker (offline use, "Reload to update") in production builds only: never in the dev server or tests.
// Its code is a chunk of its own, requested once the page has loaded, so the feed's first load does not carry it.
import { lazy, Suspense, useEffect, useState } from 'react';
import { ErrorBoundary } from '@/components/error-boundary';

const UpdateOffer = lazy(async () => ({ default: (await import('./update-offer')).UpdateOffer }));

// Without its code the app works as before, only not offline: nothing to show the reader.
const showNothing = () => null;

export function ServiceWorkerSlot() {
  const [pageLoaded, setPageLoaded] = useState(false);
  useEffect(() => {
    if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const start = () => {
      timer = setTimeout(() => setPageLoaded(true), 0);
    };
    if (document.readyState === 'complete') start();
    else window.addEventListener('load', start, { once: true });
    return () => {
      window.removeEventListener('load', start);
      clearTimeout(timer);
    };
  }, []);
  if (!pageLoaded) return null;
  return (
    <ErrorBoundary fallback={showNothing}>
      <Suspense fallback={null}>
        <UpdateOffer />
      </Suspense>
    </ErrorBoundary>
  );
}
