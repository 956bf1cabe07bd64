import { describe, expect, inject, it } from 'vitest';
import { setUpChromium } from './browser';

const baseURL = inject('baseURL');
const { openPage, takeViolations } = setUpChromium();

describe('the production server (npm start)', () => {
  it('sends a strict Content-Security-Policy and the other security headers with every response', async () => {
    for (const path of ['/', '/news/anything', '/api/topics', '/assets/missing.js']) {
      const headers = (await fetch(`${baseURL}${path}`)).headers;
      const policy = headers.get('content-security-policy') ?? '';
      for (const directive of [
        "default-src 'self'",
        "script-src 'self'",
        "connect-src 'self'",
        "frame-ancestors 'none'",
        "object-src 'none'",
        "base-uri 'none'",
      ]) {
        expect(policy, path).toContain(directive);
      }
      expect(headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(headers.get('referrer-policy'), path).toBe('strict-origin-when-cross-origin');
    }
  });

  it('enforces the policy in the browser: an inline style attribute is refused and reported', async () => {
    const { page } = await openPage();
    await page.goto(baseURL);
    await page.locator('.news-item h3 a').first().waitFor();
    const reported = page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          document.addEventListener('securitypolicyviolation', (event) => resolve(event.violatedDirective), {
            once: true,
          });
          const probe = document.createElement('div');
          probe.innerHTML = '<p style="color: red">inline</p>';
          document.body.append(probe);
        }),
    );
    expect(await reported).toMatch(/^style-src/);
    // The suite's own recorder saw it too (so it would catch one from the app), and it was the only one.
    await expect.poll(() => takeViolations().length).toBe(1);
  });

  it('answers unreadable addresses with 400 and keeps serving, in the browser too', async () => {
    const bad = await fetch(`${baseURL}/x%ZZ.html`);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: 'bad_request' } });
    const { page } = await openPage();
    const response = await page.goto(`${baseURL}/news/%E0%A4%A`);
    expect(response?.status()).toBe(400);
    await page.goto(baseURL);
    await page.locator('.news-item h3 a').first().waitFor();
  });

  it('caches hashed assets for good and pages for a few seconds in shared caches, and 404s what is not there', async () => {
    // The feed page arrives with its news (server rendering): a CDN may keep it briefly, a browser revalidates it.
    const html = await fetch(baseURL);
    expect(html.headers.get('cache-control')).toBe('public, max-age=0, s-maxage=5, stale-while-revalidate=30');
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(await html.text())![1]!;
    const asset = await fetch(`${baseURL}${script}`, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await fetch(`${baseURL}/news/some-story`)).status).toBe(404); // no such story: the not-found page
    expect((await fetch(`${baseURL}/saved`)).status).toBe(200); // a page
    expect((await fetch(`${baseURL}/assets/gone-1234.js`)).status).toBe(404);
    const unknownApi = await fetch(`${baseURL}/api/nothing-here`);
    expect(unknownApi.status).toBe(404);
    expect(await unknownApi.json()).toMatchObject({ error: { code: 'not_found' } });
  });

  it('advertises its RSS feed, and a reader whose service worker holds the app still gets the feeds from the server', async () => {
    const { page } = await openPage(undefined, { serviceWorkers: 'allow' });
    await page.goto(baseURL);
    const advertised = page.locator('link[rel="alternate"][type="application/rss+xml"]');
    expect(await advertised.getAttribute('href')).toBe('/feed.xml');
    expect(await advertised.getAttribute('title')).toBe('Agency News');
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    for (const [path, type, text] of [
      ['/feed.xml', 'application/rss+xml; charset=utf-8', 'Agency News'],
      ['/sitemap.xml', 'application/xml; charset=utf-8', '/sitemaps/articles-1.xml'],
      ['/robots.txt', 'text/plain; charset=utf-8', 'Disallow: /search'],
    ] as const) {
      const response = await page.goto(`${baseURL}${path}`);
      expect(response?.fromServiceWorker(), path).toBe(false);
      expect(response?.headers()['content-type'], path).toBe(type);
      expect(await page.locator('body').innerText(), path).toContain(text);
      // Chromium's own viewer of XML and plain text styles itself inline, which the strict policy refuses: the
      // document shows unstyled, all of its text there. Nothing else may be refused.
      for (const violation of takeViolations()) expect(violation, path).toMatch(/^style-src-elem: inline at :\d+$/);
    }
  });

  it('serves the service worker and the manifest to be revalidated on every use, so a new version is found at once', async () => {
    const files: [string, RegExp][] = [
      ['/sw.js', /^application\/javascript/],
      ['/manifest.webmanifest', /^application\/manifest\+json/],
      ['/index.html', /^text\/html/], // what the worker precaches as the page
    ];
    for (const [path, type] of files) {
      const response = await fetch(`${baseURL}${path}`);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type'), path).toMatch(type);
      expect(response.headers.get('cache-control'), path).toBe('no-cache');
      expect(response.headers.get('content-security-policy'), path).toContain("script-src 'self'");
    }
    const policy = (await fetch(baseURL)).headers.get('content-security-policy');
    expect(policy).toContain("worker-src 'self'");
    expect(policy).toContain("manifest-src 'self'");
    const icon = await fetch(`${baseURL}/icons/icon-192.png`);
    expect(icon.headers.get('content-type')).toBe('image/png');
    expect(icon.headers.get('cache-control')).toBe('public, max-age=3600');
  });

  it('says which methods the API allows', async () => {
    const head = await fetch(`${baseURL}/api/topics`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    const post = await fetch(`${baseURL}/api/topics`, { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
    const options = await fetch(`${baseURL}/api/topics`, { method: 'OPTIONS' });
    expect(options.status).toBe(204);
    expect(options.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
  });
});
