import { lazy, Suspense, useEffect, useState } from 'react';
import { Route, Routes } from 'react-router';
import { FeedPage } from '@/features/feed/feed-page';
import { NotFoundPage } from './not-found-page';
import { RootLayout } from './root-layout';
import { ViewSkeleton } from '@/components/view-skeleton';

// The feed is the first view; every other view is its own chunk, fetched when first visited.
const ArticlePage = lazy(() => import('@/features/article/article-page'));
const SearchPage = lazy(() => import('@/features/search/search-page'));
const ConverterPage = lazy(() => import('@/features/converter/converter-page'));
const ConverterBox = lazy(() =>
  import('@/features/converter/converter-box').then((module) => ({ default: module.ConverterBox })),
);

// Matches the breakpoint in app.css where the feed shows its sidebar; narrower screens never load the box.
const WIDE_SCREEN = '(min-width: 64rem)';

/** The feed's converter box: its code is requested only after the feed has painted, into a fixed-size slot. */
function ConverterBoxSlot() {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let frame = 0;
    const loadAfterPaint = () => {
      frame = requestAnimationFrame(() => {
        timer = setTimeout(() => setReady(true), 0);
      });
    };
    const media = typeof window.matchMedia === 'function' ? window.matchMedia(WIDE_SCREEN) : null;
    const onChange = (event: MediaQueryListEvent) => {
      if (event.matches) loadAfterPaint();
    };
    if (!media || media.matches) loadAfterPaint();
    else media.addEventListener('change', onChange);
    return () => {
      media?.removeEventListener('change', onChange);
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, []);
  const placeholder = <div className="converter-box-slot" style={{ minHeight: '15rem', marginTop: '1.5rem' }} />;
  return ready ? (
    <Suspense fallback={placeholder}>
      <ConverterBox />
    </Suspense>
  ) : (
    placeholder
  );
}

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<RootLayout />}>
        <Route index element={<FeedPage aside={<ConverterBoxSlot />} />} />
        <Route
          path="news/:id"
          element={
            <Suspense fallback={<ViewSkeleton />}>
              <ArticlePage />
            </Suspense>
          }
        />
        <Route
          path="search"
          element={
            <Suspense fallback={<ViewSkeleton />}>
              <SearchPage />
            </Suspense>
          }
        />
        <Route
          path="converter"
          element={
            <Suspense fallback={<ViewSkeleton />}>
              <ConverterPage />
            </Suspense>
          }
        />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
