// The route table: every view, its address and how its code loads. The shell owns it, so links elsewhere can
// prefetch a view's code (lib/route-prefetch) without importing the view.
import { Suspense, type ComponentType } from 'react';
import { matchPath, Route, Routes } from 'react-router';
import { ViewSkeleton } from '@/components/view-skeleton';
import { FeedPage } from '@/features/feed/feed-page';
import { lazyWithRetry } from '@/lib/lazy-with-retry';
import { ConverterBoxSlot } from './converter-box-slot';
import { NotFoundPage } from './not-found-page';
import { RootLayout } from './root-layout';

interface LazyView {
  path: string;
  load: () => Promise<{ default: ComponentType }>;
}

// The feed is the first view and part of the first load; every other view is its own chunk.
const lazyViews: LazyView[] = [
  { path: 'news/:id', load: () => import('@/features/article/article-page') },
  { path: 'search', load: () => import('@/features/search/search-page') },
  { path: 'converter', load: () => import('@/features/converter/converter-page') },
  { path: 'saved', load: () => import('@/features/saved/saved-page') },
];
const views = lazyViews.map((view) => ({ ...view, Component: lazyWithRetry(view.load) }));

/** Starts loading the code of the view at `pathname`, if it is a lazy one (repeat calls reuse the download). */
export function prefetchRoute(pathname: string): void {
  void views
    .find((view) => matchPath(`/${view.path}`, pathname))
    ?.Component.preload()
    .catch(() => {});
}

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<RootLayout />}>
        <Route index element={<FeedPage aside={<ConverterBoxSlot />} />} />
        {views.map(({ path, Component }) => (
          <Route
            key={path}
            path={path}
            element={
              <Suspense fallback={<ViewSkeleton />}>
                <Component />
              </Suspense>
            }
          />
        ))}
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
