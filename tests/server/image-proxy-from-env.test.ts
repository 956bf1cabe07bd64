// IMAGE_PROXY_KEY as the servers read it: a key shared by every server (the same photo addresses on each), a random
// one per process when unset, and a clear refusal of a key too short to be a secret.
import { describe, expect, it } from 'vitest';
import { signedImage } from '@/backend/http/image-proxy';
import { imageProxyFromEnv } from '@/server/image-proxy-from-env';

const photo = { url: 'https://photos.example/a.jpg' };
const srcWith = (env: NodeJS.ProcessEnv) => signedImage(photo, imageProxyFromEnv(env).key, '/api').src;

describe('IMAGE_PROXY_KEY', () => {
  it('gives every server with the same key the same photo addresses', () => {
    const env = { IMAGE_PROXY_KEY: 'x'.repeat(40) };
    expect(srcWith(env)).toBe(srcWith({ ...env }));
    expect(srcWith(env)).not.toBe(srcWith({ IMAGE_PROXY_KEY: 'y'.repeat(40) }));
  });

  it('is a random key per process when unset or empty', () => {
    expect(srcWith({})).not.toBe(srcWith({}));
    expect(srcWith({ IMAGE_PROXY_KEY: '' })).not.toBe(srcWith({ IMAGE_PROXY_KEY: '' }));
  });

  it('refuses a key shorter than 32 characters, saying how to make one', () => {
    expect(() => imageProxyFromEnv({ IMAGE_PROXY_KEY: 'secret' })).toThrow(
      'IMAGE_PROXY_KEY must be at least 32 characters (e.g. "openssl rand -base64 48"), got 6',
    );
  });
});
