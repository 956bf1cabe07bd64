// The Content-Security-Policy and other security headers every response of the production server carries (the
// README lists them for hosts that serve dist/ themselves). The built app has no inline script or style, so the
// policy allows only the site's own files; positions React sets through style props use the CSSOM, which
// style-src does not govern.

/** The origin of an absolute API base URL (a real backend elsewhere), or null for a path on this server. */
export function apiOriginOf(apiBaseUrl: string | undefined): string | null {
  if (!apiBaseUrl || !/^https?:\/\//i.test(apiBaseUrl)) return null;
  try {
    return new URL(apiBaseUrl).origin;
  } catch {
    return null;
  }
}

export function contentSecurityPolicy(apiOrigin: string | null): Record<string, string[]> {
  return {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", 'data:'],
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
