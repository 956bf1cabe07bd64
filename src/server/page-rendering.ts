// How a server-rendered page may be cached: a shared cache (a CDN) may keep a page without the reader's choices for a
// few seconds and serve it stale while it asks again; a page rendered with a reader's choices (their cookie) is theirs
// alone. The page depends on the cookie, so caches must key on it (Vary).
import type { PageRenderer, RenderedPage } from './render-page.tsx';

export interface PageRendering {
  render: PageRenderer;
}

/** Seconds a shared cache may serve a page as fresh, and then stale while it revalidates. */
const SHARED_FRESH_S = 5;
const SHARED_STALE_S = 30;
/** A page whose data could not be had: the reader may try again this soon. */
const RETRY_AFTER_S = 5;

export function pageCaching(page: Pick<RenderedPage, 'status' | 'personal'>): Record<string, string> {
  const cacheControl =
    page.status !== 200
      ? 'no-cache'
      : page.personal
        ? 'private, no-cache'
        : `public, max-age=0, s-maxage=${SHARED_FRESH_S}, stale-while-revalidate=${SHARED_STALE_S}`;
  return {
    'Cache-Control': cacheControl,
    Vary: 'Cookie',
    ...(page.status === 503 ? { 'Retry-After': String(RETRY_AFTER_S) } : {}),
  };
}
