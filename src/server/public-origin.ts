// The site's public origin for absolute addresses (feeds, sitemaps, link previews): PUBLIC_URL when it is set, else
// the request's own protocol and host as Fastify reads them (X-Forwarded-Proto and -Host only from the proxies that
// TRUST_PROXY names). PUBLIC_URL is checked at start, so a typo stops the server instead of every address it writes.
import type { FastifyRequest } from 'fastify';
import { RefusedRequest } from '../backend/http/api-errors.ts';

/** A host name or address with an optional port: nothing a reader's Host header could smuggle into an address. */
const HOST =
  /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/** PUBLIC_URL as an origin ("https://news.example.com"), null when unset; anything but an http(s) origin throws. */
export function publicUrlFromEnv(raw = process.env.PUBLIC_URL): string | null {
  if (raw === undefined || raw.trim() === '') return null;
  const expected = 'an http(s) origin such as https://news.example.com (no path, query or credentials)';
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new Error(`PUBLIC_URL must be ${expected}, got "${raw}"`);
  }
  const plain = url.pathname === '/' && url.search === '' && url.hash === '' && !url.username && !url.password;
  if (!/^https?:$/.test(url.protocol) || !plain) throw new Error(`PUBLIC_URL must be ${expected}, got "${raw}"`);
  return url.origin;
}

/** The origin absolute addresses start with: `configured` (PUBLIC_URL) when given, else the request's. */
export function publicOrigin(request: FastifyRequest, configured: string | null): string {
  if (configured) return new URL(configured).origin;
  const host = request.host;
  if (!host || !HOST.test(host)) {
    throw new RefusedRequest(400, 'bad_host', 'The Host header must name a host (and port) this server answers for');
  }
  return `${request.protocol}://${host.toLowerCase()}`;
}
