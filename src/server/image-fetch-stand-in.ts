// STAND-IN, to be replaced: the image proxy's fetcher until the SSRF-safe fetcher of the feed poller
// (src/backend/news-feeds/safe-fetch.ts, issue 20) is on the main branch; the composition root then passes that one.
// This one is NOT SSRF-safe: it refuses anything but http(s) and does not follow redirects, but it does not check
// the addresses a host name resolves to. Only signed photo addresses (from stored stories) ever reach it.
import type { FetchImage } from '../backend/http/image-proxy.ts';

const TIMEOUT_MS = 10_000;

export const fetchImageStandIn: FetchImage = async (url, { maxBytes }) => {
  const { protocol } = new URL(url);
  if (protocol !== 'http:' && protocol !== 'https:') throw new Error(`not an http(s) address: ${url}`);
  const response = await fetch(url, {
    redirect: 'manual',
    signal: AbortSignal.timeout(TIMEOUT_MS),
    headers: { Accept: 'image/avif,image/webp,image/png,image/jpeg,image/*;q=0.8' },
  });
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (response.ok && response.body) {
    // Read no more than one byte past the cap: the proxy refuses a body that long.
    for await (const chunk of response.body) {
      chunks.push(chunk);
      size += chunk.byteLength;
      if (size > maxBytes) break;
    }
  } else await response.body?.cancel();
  return { status: response.status, contentType: response.headers.get('content-type'), body: Buffer.concat(chunks) };
};
