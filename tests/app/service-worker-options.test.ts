// Navigations go to the server first (its pages are rendered with their content), with the kept page or the
// precached app as the offline fallback; but the API and the server's own documents (the RSS feed, sitemaps,
// robots.txt) are never answered from the page cache or with the app shell: a reader who opens /feed.xml offline
// must not get the empty app. A kept page carries no state, so offline the app shows the newest data it has.
import { describe, expect, it, vi } from 'vitest';
import { serviceWorkerOptions } from '@/app/service-worker-options';

type NavigationMatcher = (context: { request: { mode: string }; url: URL }) => boolean;

/** The page route's matcher as the built worker holds it: Workbox writes the function's source into sw.js, so it is
 * rebuilt from its text here (a constant it reached outside itself would be missing there). */
function pageRouteMatcher(): NavigationMatcher {
  const routes = serviceWorkerOptions(undefined).workbox?.runtimeCaching ?? [];
  const pages = routes.find((route) => route.options?.cacheName === 'pages');
  expect(typeof pages?.urlPattern).toBe('function');
  return new Function(`return (${String(pages!.urlPattern)})`)() as NavigationMatcher;
}

const handledAsPage = (address: string) =>
  pageRouteMatcher()({ request: { mode: 'navigate' }, url: new URL(address, 'https://news.example.com') });

describe('service worker navigations', () => {
  it.each([
    '/feed.xml',
    '/feed.xml?topics=politics,economy',
    '/sitemap.xml',
    '/sitemaps/pages.xml',
    '/sitemaps/articles-2.xml',
    '/sitemap-news.xml',
    '/robots.txt',
    '/api/articles?limit=20',
  ])('leaves %s to the server', (address) => {
    expect(handledAsPage(address)).toBe(false);
  });

  it.each(['/', '/news/feed-xml-explained', '/search?q=feed.xml', '/converter', '/saved', '/feed.xml.html'])(
    'handles the page %s (network first, the kept page or the app offline)',
    (address) => {
      expect(handledAsPage(address)).toBe(true);
    },
  );

  it('leaves requests that are not navigations to their own routes', () => {
    expect(pageRouteMatcher()({ request: { mode: 'cors' }, url: new URL('https://news.example.com/') })).toBe(false);
  });

  it('lets no navigation be answered with the precached app ahead of the network (fallback and directory index off)', () => {
    const workbox = serviceWorkerOptions(undefined).workbox!;
    expect(workbox.navigateFallback).toBeNull();
    expect(workbox.directoryIndex).toBeNull();
    const pages = workbox.runtimeCaching!.find((route) => route.options?.cacheName === 'pages')!;
    expect(pages.handler).toBe('NetworkFirst');
    expect(pages.options?.precacheFallback).toEqual({ fallbackURL: 'index.html' });
  });
});

type CacheWillUpdate = (context: { request: Request; response: Response }) => Promise<Response | null>;
type CachedResponseWillBeUsed = (context: { request: Request; cachedResponse?: Response }) => Promise<Response | null>;

/** A callback of the page route's own plugin, rebuilt from its text as the worker holds it (as the matcher above). */
function keptPagePlugin<Name extends 'cacheWillUpdate' | 'cachedResponseWillBeUsed'>(name: Name) {
  const pages = serviceWorkerOptions(undefined).workbox!.runtimeCaching!.find(
    (route) => route.options?.cacheName === 'pages',
  )!;
  const [plugin] = pages.options!.plugins!;
  return new Function(`return (${String(plugin![name])})`)() as Name extends 'cacheWillUpdate'
    ? CacheWillUpdate
    : CachedResponseWillBeUsed;
}

describe('the copy of a page kept for offline use', () => {
  const island = '<script type="application/json" id="page-state">{"queries":{"queries":[]},"at":1}</script>';
  const page = `<!doctype html><html><head><title>All news</title></head><body><div id="root"><h3>Story</h3></div>${island}<script type="module" src="/assets/app-1.js"></script></body></html>`;
  const served = () =>
    new Response(page, {
      status: 200,
      headers: { 'Content-Type': 'text/html; charset=utf-8', 'Content-Encoding': 'br', ETag: 'W/"1"' },
    });

  it('is its HTML without its state, so the app renders it from the newest answers the worker kept', async () => {
    const kept = await keptPagePlugin('cacheWillUpdate')({
      request: new Request('https://news.example.com/'),
      response: served(),
    });
    const html = await kept!.text();
    expect(html).toContain('<h3>Story</h3>');
    expect(html).toContain('<title>All news</title>');
    expect(html).toContain('src="/assets/app-1.js"');
    expect(html).not.toContain('page-state');
    expect(kept!.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(kept!.headers.get('content-encoding')).toBeNull();
  });

  it('is used while the worker has the code it names; a copy kept under an earlier version gives way to the shell', async () => {
    const precached = new Set(['https://news.example.com/assets/app-1.js']);
    vi.stubGlobal('caches', { match: async (url: string) => (precached.has(url) ? new Response('') : undefined) });
    const request = new Request('https://news.example.com/');
    const use = keptPagePlugin('cachedResponseWillBeUsed');
    const kept = served();
    expect(await use({ request, cachedResponse: kept })).toBe(kept);
    precached.clear();
    expect(await use({ request, cachedResponse: served() })).toBeNull();
    expect(await use({ request })).toBeNull();
    vi.unstubAllGlobals();
  });

  it('is not kept for a search (its results are not kept either: offline it waits for the network)', async () => {
    const request = new Request('https://news.example.com/search?q=grain');
    expect(await keptPagePlugin('cacheWillUpdate')({ request, response: served() })).toBeNull();
  });
});
