// How a server-rendered page may be cached: a shared cache (a CDN) may keep a page without the reader's choices for a
// few seconds and serve it stale while it asks again; a page rendered with a reader's choices (their cookie) is theirs
// alone. The page depends on the cookie, so caches must key on it (Vary).
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
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
    Vary: 'Cookie, Accept-Encoding',
    ...(page.status === 503 ? { 'Retry-After': String(RETRY_AFTER_S) } : {}),
  };
}

/** A page to send, compressed as the client accepts (brotli at a fast level, else gzip): pages are answered by the
 * server's not-found handler, which @fastify/compress (route by route) does not cover. */
export function compressedPage(
  html: string,
  acceptEncoding: string | undefined,
): { body: Buffer; encoding: 'br' | 'gzip' | null } {
  const accepted = new Set(
    (acceptEncoding ?? '')
      .split(',')
      .map((part) =>
        part
          .trim()
          .toLowerCase()
          .split(/\s*;\s*q=/),
      )
      .filter(([, q]) => q === undefined || Number(q) > 0)
      .map(([name]) => name),
  );
  const body = Buffer.from(html);
  if (accepted.has('br')) {
    return { body: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } }), encoding: 'br' };
  }
  if (accepted.has('gzip')) return { body: gzipSync(body, { level: 6 }), encoding: 'gzip' };
  return { body, encoding: null };
}
