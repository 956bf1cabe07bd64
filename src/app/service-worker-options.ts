// Build-time (Node) options of the service worker and the web app manifest (vite-plugin-pwa, Workbox generateSW).
// The worker precaches the app shell and every view's code, and keeps the API answers the reader has used, so the app
// opens and shows what it has without a network. A new worker waits until the reader accepts "Reload to update"
// (update-offer.tsx) instead of swapping the code under an open page.
import type { VitePWAOptions } from 'vite-plugin-pwa';

const DAY = 24 * 60 * 60;
const THEME_COLOR = '#0b3d91'; // also in index.html's theme-color

/** Placed right after the `?`: no `since` parameter anywhere in the query. */
const NO_SINCE = '(?!(?:[^#]*&)?since=)';

type RuntimeCaching = NonNullable<VitePWAOptions['workbox']['runtimeCaching']>[number];

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/**
 * A pattern for the API's `path` (a regular expression source) under the app's API base. Workbox matches a pattern
 * against the whole address; for another origin only a match from its start counts, so an absolute base is anchored,
 * and the default `/api` matches on this origin only.
 */
function apiPattern(apiBaseUrl: string | undefined, path: string): RegExp {
  const base = (apiBaseUrl || '/api').replace(/\/+$/, '');
  return new RegExp(`${/^https?:\/\//i.test(base) ? '^' : ''}${escapeRegExp(base)}${path}`);
}

/**
 * Network first, so an online reader always gets fresh answers; the cached one only when the network fails or is
 * slower than a few seconds. Only 200s are kept, within limits of count and age.
 */
function networkFirst(urlPattern: RegExp, cacheName: string, maxEntries: number, maxAgeDays: number): RuntimeCaching {
  return {
    urlPattern,
    handler: 'NetworkFirst',
    options: {
      cacheName,
      networkTimeoutSeconds: 4,
      expiration: { maxEntries, maxAgeSeconds: maxAgeDays * DAY, purgeOnQuotaError: true },
      cacheableResponse: { statuses: [200] },
    },
  };
}

function apiCaches(apiBaseUrl: string | undefined): RuntimeCaching[] {
  return [
    networkFirst(apiPattern(apiBaseUrl, '/articles/[^/?#]+$'), 'api-articles', 200, 30),
    // Feed pages, not the checks for stories newer than those shown (`since`): worthless offline, and every
    // minute's check would push a page out of the cache.
    networkFirst(apiPattern(apiBaseUrl, `/articles\\?${NO_SINCE}`), 'api-feed', 20, 7),
    networkFirst(apiPattern(apiBaseUrl, '/topics$'), 'api-topics', 1, 30),
    networkFirst(apiPattern(apiBaseUrl, '/rates(?:/history)?(?:\\?|$)'), 'api-rates', 30, 30),
  ];
}

/**
 * Navigations (page addresses): network first, so a returning reader gets the server's page with its content; offline
 * (or after a few seconds) the copy kept from an earlier visit of that address, else the precached shell, which
 * renders the page itself from the API caches. The API and the server's own documents (site-feeds-plugin.ts: RSS,
 * sitemaps, robots.txt) are left to the server.
 */
function pageNavigations(): RuntimeCaching {
  return {
    // Serialised into the worker by Workbox: the pattern must be written out here, not taken from a constant.
    urlPattern: ({ request, url }) =>
      request.mode === 'navigate' &&
      !/^\/(?:api\/|(?:feed\.xml|sitemap\.xml|sitemap-news\.xml|sitemaps\/[^/]+|robots\.txt)$)/.test(url.pathname),
    handler: 'NetworkFirst',
    options: {
      cacheName: 'pages',
      networkTimeoutSeconds: 3,
      expiration: { maxEntries: 20, maxAgeSeconds: 7 * DAY, purgeOnQuotaError: true },
      cacheableResponse: { statuses: [200] },
      precacheFallback: { fallbackURL: 'index.html' },
      plugins: [keptPageWithoutState],
    },
  };
}

/**
 * What is kept of a page, for offline use: its HTML (content before the code runs, its head) without its state. The
 * state is the data as it was then; without it the app renders the page itself from the API caches, which hold the
 * newest answers it has (the reader's later visits, the answers each server-rendered page handed over), and asks for
 * what they lack as it would (a search says it waits for the network). Search pages are not kept: their results
 * are not kept either, so the HTML would show results the app then says it cannot load.
 * Serialised into the worker by Workbox, as the pattern above: self-contained.
 */
const keptPageWithoutState = {
  cacheWillUpdate: async ({ request, response }: { request: Request; response: Response }) => {
    if (new URL(request.url).pathname === '/search') return null;
    const html = (await response.text()).replace(
      /<script type="application\/json" id="page-state">[^<]*<\/script>/,
      '',
    );
    const headers = new Headers(response.headers);
    // The text is decoded already.
    headers.delete('content-encoding');
    headers.delete('content-length');
    return new Response(html, { status: response.status, statusText: response.statusText, headers });
  },
  // A page kept under an earlier version names code the worker no longer has (it goes with that version's precache):
  // the shell then, not a page whose code cannot load.
  cachedResponseWillBeUsed: async ({ request, cachedResponse }: { request: Request; cachedResponse?: Response }) => {
    if (!cachedResponse) return null;
    const html = await cachedResponse.clone().text();
    // Its module scripts and the code they import (the start script imports the preloaded app entry).
    const code = [
      ...html.matchAll(/<script type="module"[^>]*\ssrc="([^"]+)"/g),
      ...html.matchAll(/<link rel="modulepreload"[^>]*\shref="([^"]+)"/g),
    ];
    for (const [, src] of code) {
      if (!(await caches.match(new URL(src!, request.url).href))) return null;
    }
    return cachedResponse;
  },
};

/** The worker's cache for the API answer at `url` (an absolute address), as its routes would choose, and how many
 * entries it keeps; none if the worker keeps no such answers. (Workbox matches a route's pattern against the whole
 * address.) */
export function apiCacheOf(
  apiBaseUrl: string | undefined,
  url: string,
): { cacheName: string; maxEntries: number } | undefined {
  const route = apiCaches(apiBaseUrl).find(({ urlPattern }) => urlPattern instanceof RegExp && urlPattern.test(url));
  const { cacheName, expiration } = route?.options ?? {};
  return cacheName && expiration?.maxEntries ? { cacheName, maxEntries: expiration.maxEntries } : undefined;
}

export function serviceWorkerOptions(apiBaseUrl: string | undefined): Partial<VitePWAOptions> {
  return {
    strategies: 'generateSW',
    registerType: 'prompt',
    // Registered by the app itself, after the first paint (service-worker-slot.tsx), not by a script in index.html.
    injectRegister: false,
    devOptions: { enabled: false },
    // The icons are in the build already (globPatterns); listing them again would precache them twice.
    includeManifestIcons: false,
    manifest: {
      id: '/',
      name: 'Agency News',
      short_name: 'Agency News',
      description: "The agency's English news feed: all news, search, topics and a currency converter.",
      lang: 'en',
      start_url: '/',
      scope: '/',
      display: 'standalone',
      theme_color: THEME_COLOR,
      background_color: '#ffffff',
      icons: [
        { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
        { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
        { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        { src: '/icons/icon.svg', sizes: 'any', type: 'image/svg+xml' },
      ],
    },
    workbox: {
      // Every file of the build by its extension: the .gz/.br copies beside them are for the server, not the cache.
      globPatterns: ['**/*.{js,css,html,svg,png}'],
      // The README's screenshot is for people reading the repository, not for readers' devices.
      globIgnores: ['readme/**'],
      // Pages come from the server with their content (server rendering): navigations go to the network first, with
      // the kept page or the precached shell offline (pageNavigations below). vite-plugin-pwa would add a fallback
      // answering every navigation with the shell, ahead of that route (returning readers would never get the
      // server's page): null turns it off. So does null here for `/`, which the precache would answer with its
      // index.html (Workbox's directory index): the feed's page is the server's too.
      navigateFallback: null,
      directoryIndex: null,
      // The first worker takes the page at once, so what the reader opens during the first visit is kept too.
      clientsClaim: true,
      cleanupOutdatedCaches: true,
      // One file to serve without caching (no separate workbox-*.js).
      inlineWorkboxRuntime: true,
      sourcemap: false,
      runtimeCaching: [pageNavigations(), ...apiCaches(apiBaseUrl)],
    },
  };
}
