// The Content-Security-Policy and other security headers every response of the production server carries (the
// README lists them for hosts that serve dist/ themselves), including the raw answers to requests Node cannot
// parse. The built app has no inline script or style, so the policy allows only the site's own files; positions
// React sets through style props use the CSSOM, which style-src does not govern.
import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet from 'helmet';

/** The origin of an absolute API base URL (a real backend elsewhere), or null for a path on this server. */
export function apiOriginOf(apiBaseUrl: string | undefined): string | null {
  if (!apiBaseUrl || !/^https?:\/\//i.test(apiBaseUrl)) return null;
  try {
    return new URL(apiBaseUrl).origin;
  } catch {
    return null;
  }
}

function contentSecurityPolicy(apiOrigin: string | null): Record<string, string[]> {
  return {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    // Stories' photos come through the API's image proxy: from this origin, or from the API's when it is elsewhere.
    imgSrc: apiOrigin ? ["'self'", 'data:', apiOrigin] : ["'self'", 'data:'],
    fontSrc: ["'self'"],
    connectSrc: apiOrigin ? ["'self'", apiOrigin] : ["'self'"],
    manifestSrc: ["'self'"],
    workerSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'none'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  };
}

/** Powerful features the app never uses, refused for it and anything it might embed (sharing and the clipboard,
 * which it does use, keep their default: this origin only). */
const PERMISSIONS_POLICY =
  'accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()';

/** Sent only over HTTPS (a browser ignores it over plain HTTP, and a host reached by plain HTTP must stay so). */
export const STRICT_TRANSPORT_SECURITY = 'max-age=31536000; includeSubDomains';

/**
 * The headers for every response, worked out once by helmet (which knows the current set and their values) rather
 * than on each request; Strict-Transport-Security is left to the server, which knows whether the request came over
 * HTTPS.
 */
export function securityHeaders(apiOrigin: string | null): Readonly<Record<string, string>> {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader: (name: string, value: string | number) => (headers[name] = String(value)),
    removeHeader: (name: string) => delete headers[name],
  };
  helmet({
    contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy(apiOrigin) },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    frameguard: { action: 'deny' },
    crossOriginEmbedderPolicy: false,
    strictTransportSecurity: false,
  })({} as IncomingMessage, recorder as unknown as ServerResponse, () => {});
  return { ...headers, 'Permissions-Policy': PERMISSIONS_POLICY };
}
