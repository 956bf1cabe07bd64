// The image proxy's fetcher: the poller's SSRF-safe safeFetch (http(s) only, private addresses refused unless
// NEWS_ALLOW_PRIVATE=1, every redirect re-checked, one request per host at a time). A photo past the size cap comes
// back one byte longer than the cap, so the proxy answers it as too large rather than as unavailable.
import type { FetchImage } from '../backend/http/image-proxy.ts';
import { safeFetch, SafeFetchError } from '../backend/news-feeds/safe-fetch.ts';

const TIMEOUT_MS = 10_000;
const IMAGE_ACCEPT = 'image/avif,image/webp,image/png,image/jpeg,image/*;q=0.8';

export function imageFetcher({ allowPrivate }: { allowPrivate: boolean }): FetchImage {
  return async (url, { maxBytes }) => {
    try {
      const response = await safeFetch(url, { accept: IMAGE_ACCEPT, maxBytes, timeoutMs: TIMEOUT_MS, allowPrivate });
      return { status: response.status, contentType: response.headers.get('content-type'), body: response.body };
    } catch (error) {
      if (error instanceof SafeFetchError && error.reason === 'too_large') {
        return { status: 200, contentType: 'image/jpeg', body: new Uint8Array(maxBytes + 1) };
      }
      throw error;
    }
  };
}
