// Navigations go to the server first (its pages are rendered with their content), with the kept page or the
// precached app as the offline fallback; but the API and the server's own documents (the RSS feed, sitemaps,
// robots.txt) are never answered from the page cache or with the app shell: a reader who opens /feed.xml offline
// must not get the empty app.
import { describe, expect, it } from 'vitest';
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

  it('answers other navigations with the precached app, never the API or the feeds and sitemaps', () => {
    const workbox = serviceWorkerOptions(undefined).workbox!;
    expect(workbox.navigateFallback).toBe('index.html');
    const denied = (address: string) =>
      (workbox.navigateFallbackDenylist ?? []).some((pattern) => pattern.test(address));
    for (const address of ['/feed.xml', '/feed.xml?topics=a', '/sitemaps/articles-1.xml', '/robots.txt', '/api/topics'])
      expect(denied(address), address).toBe(true);
    for (const address of ['/', '/search?q=feed.xml', '/feed.xml.html']) expect(denied(address), address).toBe(false);
  });
});
