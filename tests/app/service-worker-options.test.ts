// The service worker answers a navigation with the precached app only where the app is the page: the API and the
// server's own documents (the RSS feed, sitemaps, robots.txt) must reach the server, or a reader who opens
// /feed.xml gets the empty app shell.
import { describe, expect, it } from 'vitest';
import { serviceWorkerOptions } from '@/app/service-worker-options';

/** Whether the worker would answer a navigation to `address` with index.html: Workbox's NavigationRoute tests each
 * denylist pattern against the path and the query. */
function answeredWithApp(address: string): boolean {
  const url = new URL(address, 'https://news.example.com');
  const denylist = serviceWorkerOptions(undefined).workbox?.navigateFallbackDenylist ?? [];
  return !denylist.some((pattern) => pattern.test(url.pathname + url.search));
}

describe('service worker navigation fallback', () => {
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
    expect(answeredWithApp(address)).toBe(false);
  });

  it.each(['/', '/news/feed-xml-explained', '/search?q=feed.xml', '/converter', '/saved', '/feed.xml.html'])(
    'answers the page %s with the app',
    (address) => {
      expect(answeredWithApp(address)).toBe(true);
    },
  );
});
