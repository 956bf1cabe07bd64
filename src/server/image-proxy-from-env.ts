// The API's image proxy as the servers run it: its HMAC key from IMAGE_PROXY_KEY (the same on every server that shares
// a database, so a photo address one server gave out works on the others and across restarts), else a random key
// for this process (addresses then change at each start; the browsers' cached copies are simply fetched again).
import { randomBytes } from 'node:crypto';
import type { ImageProxyOptions } from '../backend/http/image-proxy.ts';
import { imageFetcher } from './image-fetch.ts';

const MIN_KEY_LENGTH = 32;

export function imageProxyFromEnv(env = process.env): ImageProxyOptions {
  const configured = env.IMAGE_PROXY_KEY;
  if (configured !== undefined && configured !== '' && configured.length < MIN_KEY_LENGTH) {
    throw new Error(
      `IMAGE_PROXY_KEY must be at least ${MIN_KEY_LENGTH} characters (e.g. "openssl rand -base64 48"), got ${configured.length}`,
    );
  }
  const key = configured ? Buffer.from(configured, 'utf8') : randomBytes(32);
  return { key, fetchImage: imageFetcher({ allowPrivate: env.NEWS_ALLOW_PRIVATE === '1' }) };
}
