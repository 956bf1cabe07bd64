// The API's image proxy (README: "Photos"). Stories' photos live on third-party hosts; the app loads them from this
// origin instead, so the strict Content-Security-Policy keeps `img-src 'self'` and readers' addresses never reach
// those hosts. The API gives each photo a path signed with an HMAC of its original URL; only signed paths are
// fetched (through the fetcher the server is given, which guards against SSRF), so the proxy relays the stories'
// photos and nothing else.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { StoryImage } from '../../contract/news.ts';
import { RefusedRequest } from './api-errors.ts';

/** What the fetcher got: the upstream status, its Content-Type, and the body, of at most `maxBytes` + 1 bytes (a
 * fetcher may stop reading there: the proxy refuses anything longer than `maxBytes`). */
interface FetchedImage {
  status: number;
  contentType: string | null;
  body: Uint8Array;
}

/** Fetches a photo's original URL; rejects when it cannot (network, timeout, an address it refuses). */
export type FetchImage = (url: string, limits: { maxBytes: number }) => Promise<FetchedImage>;

export interface ImageProxyOptions {
  /** The HMAC key: the same on every server that shares a database, so the paths one gives work on all. */
  key: Uint8Array;
  fetchImage: FetchImage;
  /** Larger photos are refused (default 5 MB). */
  maxBytes?: number;
}

const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
/** A signed path always names the same photo: browsers and shared caches may keep it for a year. */
const IMAGE_CACHE_CONTROL = 'public, max-age=31536000, immutable';
/** Raster images only: an SVG is a document that can carry script. */
const IMAGE_TYPE = /^image\/(?!svg)[a-z0-9][a-z0-9.+-]*$/;

function signature(key: Uint8Array, url: string): Buffer {
  return createHmac('sha256', key).update(url, 'utf8').digest();
}

/** The route's path below the API's prefix, with its parameters: `/images/:signature/:address`. */
export const IMAGE_ROUTE = '/images/:signature/:address';

/** The photo as the wire carries it: its proxy path as `src` (below `prefix`, the API's). */
export function signedImage(image: StoryImage, key: Uint8Array, prefix: string): StoryImage {
  const address = Buffer.from(image.url, 'utf8').toString('base64url');
  const signed = signature(key, image.url).toString('base64url');
  return { ...image, src: `${prefix}/images/${signed}/${address}` };
}

/** The original URL a signed path names, or null when the signature is not this key's (compared in constant time). */
function verifiedUrl(key: Uint8Array, signed: string, address: string): string | null {
  const base64url = /^[\w-]+$/;
  if (!base64url.test(signed) || !base64url.test(address)) return null;
  const url = Buffer.from(address, 'base64url').toString('utf8');
  const given = Buffer.from(signed, 'base64url');
  const expected = signature(key, url);
  return given.length === expected.length && timingSafeEqual(given, expected) ? url : null;
}

const unavailable = (why: string) =>
  new RefusedRequest(502, 'image_unavailable', `The photo could not be fetched: ${why}`);

/** GET /images/:signature/:address: the photo, checked and relayed with a long cache life and an entity tag. */
export function imageHandler({ key, fetchImage, maxBytes = DEFAULT_MAX_BYTES }: ImageProxyOptions) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const { signature: signed, address } = request.params as { signature: string; address: string };
    const url = verifiedUrl(key, signed, address);
    if (url === null) {
      throw new RefusedRequest(403, 'bad_signature', 'This photo address is not one this server gave out');
    }
    let fetched: FetchedImage;
    try {
      fetched = await fetchImage(url, { maxBytes });
    } catch (error) {
      request.log.warn({ err: error, url }, 'photo fetch failed');
      throw unavailable('its host did not answer');
    }
    if (fetched.status < 200 || fetched.status > 299) throw unavailable(`its host answered ${fetched.status}`);
    const type = fetched.contentType?.split(';')[0]!.trim().toLowerCase() ?? '';
    if (!IMAGE_TYPE.test(type)) {
      throw new RefusedRequest(502, 'not_an_image', `The photo's host sent ${type || 'no type'}, not a raster image`);
    }
    if (fetched.body.byteLength > maxBytes) {
      throw new RefusedRequest(502, 'image_too_large', `The photo is larger than ${maxBytes} bytes`);
    }
    const etag = `"${createHash('sha256').update(fetched.body).digest('base64url').slice(0, 27)}"`;
    void reply.headers({
      'Cache-Control': IMAGE_CACHE_CONTROL,
      ETag: etag,
      'Content-Type': type,
      'X-Content-Type-Options': 'nosniff',
    });
    const known = request.headers['if-none-match']?.split(',').map((tag) => tag.trim().replace(/^W\//, ''));
    if (known?.some((tag) => tag === '*' || tag === etag)) return reply.code(304).send();
    return reply.send(Buffer.from(fetched.body.buffer, fetched.body.byteOffset, fetched.body.byteLength));
  };
}
