// URLs of imported stories: resolved against xml:base and the feed's address, http(s) only, and without the
// tracking parameters feeds add to every link (utm_*, at_*, traffic_source, fbclid...), so one story read from two
// feeds, or from one feed on two days, has one address and one identity.

const TRACKING_PREFIXES = ['utm_', 'at_'];
const TRACKING_NAMES = new Set([
  'traffic_source',
  'fbclid',
  'gclid',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'yclid',
  'mc_cid',
  'mc_eid',
  'igshid',
  '_ga',
  '_gl',
  'cmpid',
  'ocid',
  'ncid',
]);

const isTracking = (name: string) => {
  const lower = name.toLowerCase();
  return TRACKING_NAMES.has(lower) || TRACKING_PREFIXES.some((prefix) => lower.startsWith(prefix));
};

/** `url` resolved against `base` (which may itself be undefined or relative to nothing), or undefined if invalid. */
export function resolveUrl(url: string | undefined, base?: string): string | undefined {
  if (url === undefined || url.trim() === '') return base;
  try {
    return new URL(url.trim(), base).href;
  } catch {
    return undefined;
  }
}

/** An absolute http(s) URL, or undefined: a javascript:, data: or file: URL is never kept. */
export function httpUrlOrUndefined(url: string | undefined, base?: string): string | undefined {
  if (url === undefined || url.trim() === '') return undefined;
  const resolved = resolveUrl(url, base);
  if (!resolved) return undefined;
  const { protocol } = new URL(resolved);
  return protocol === 'http:' || protocol === 'https:' ? resolved : undefined;
}

/** The link without tracking parameters (the other parameters kept, in order). */
export function withoutTracking(url: string): string {
  const parsed = new URL(url);
  const kept = [...parsed.searchParams].filter(([name]) => !isTracking(name));
  if (kept.length === [...parsed.searchParams].length) return url;
  parsed.search = new URLSearchParams(kept).toString();
  return parsed.href;
}
