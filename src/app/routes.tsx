import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { FeedPage } from '@/features/feed/feed-page';
import { NotFoundPage } from './not-found-page';
import { RootLayout } from './root-layout';
import { ViewSkeleton } from '@/components/view-skeleton';

// The feed is the first view; every other view is its own chunk, fetched when first visited.
const ArticlePage = lazy(() => import('@/features/article/article-page'));
const SearchPage = lazy(() => import('@/features/search/search-page'));
const ConverterPage = lazy(() => import('@/features/converter/converter-page'));

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<RootLayout />}>
        <Route index element={<FeedPage />} />
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
