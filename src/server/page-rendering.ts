// How a server-rendered page is cached and sent. A shared cache (a CDN) may keep a page without the reader's choices
// for a few seconds and serve it stale while it asks again; a page rendered with a reader's choices (their cookie) is
// theirs alone. The page depends on the cookie, so caches must key on it (Vary). Its tag is made before rendering from
// what the page depends on, so a revalidation is answered 304 without rendering; a page that is rendered is sent as
// it comes: the document's head at once, then React's output, compressed as a stream flushed whenever it pauses.
import { createHash } from 'node:crypto';
import { PassThrough, type Readable } from 'node:stream';
import { constants, createBrotliCompress, createGzip, type BrotliCompress, type Gzip } from 'node:zlib';
import type { PageKey } from './page-key.ts';
import type { PageRenderer, RenderedPage } from './render-page.tsx';

export interface PageRendering {
  render: PageRenderer;
  key: (request: Parameters<PageRenderer>[0] & { at: number }) => PageKey;
}

/** Seconds a shared cache may serve a page as fresh, and then stale while it revalidates. */
const SHARED_FRESH_S = 5;
const SHARED_STALE_S = 30;
/** A page whose data could not be had: the reader may try again this soon. */
const RETRY_AFTER_S = 5;

/** A weak tag (the page is sent compressed or not) of everything a page depends on. */
export const pageTag = (parts: readonly unknown[]) =>
  `W/"${createHash('sha256').update(JSON.stringify(parts)).digest('base64url').slice(0, 27)}"`;

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

export type PageEncoding = 'br' | 'gzip' | null;

/** Brotli when the client accepts it, else gzip, else none. */
export function pageEncoding(acceptEncoding: string | undefined): PageEncoding {
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
  return accepted.has('br') ? 'br' : accepted.has('gzip') ? 'gzip' : null;
}

/**
 * The page as one stream in `encoding`: the document's start (the head, so the browser fetches styles and code while
 * the rest comes) flushed at once, the app's HTML as React gives it, flushed whenever it pauses (not per chunk: React
 * writes a finished render in many small chunks at once, and each flush costs compression), then the end.
 */
export function pageStream(page: Pick<RenderedPage, 'start' | 'body' | 'end'>, encoding: PageEncoding): Readable {
  const out: BrotliCompress | Gzip | PassThrough =
    encoding === 'br'
      ? createBrotliCompress({ params: { [constants.BROTLI_PARAM_QUALITY]: 4 } })
      : encoding === 'gzip'
        ? createGzip({ level: 6 })
        : new PassThrough();
  const flush = () => {
    if (!(out instanceof PassThrough)) out.flush();
  };
  out.write(page.start);
  flush();
  const { body } = page;
  if (typeof body === 'string') {
    out.end(body + page.end);
    return out;
  }
  let flushing = false;
  body.on('data', (chunk: Buffer | string) => {
    out.write(chunk);
    if (flushing) return;
    flushing = true;
    setImmediate(() => {
      flushing = false;
      flush();
    });
  });
  body.once('end', () => out.end(page.end));
  body.once('error', (error) => out.destroy(error));
  // A reader who leaves: the rest of the page is dropped.
  out.once('close', () => body.destroy());
  return out;
}
