// The API as the tests reach it: the HTTP plugin over a backend, answered in this process (Fastify's inject, no
// socket), exactly as the servers answer it.
import type { FastifyInstance, InjectOptions } from 'fastify';
import {
  createEmbeddedBackendFromData,
  type EmbeddedBackend,
  type EmbeddedData,
} from '@/backend/embedded/embedded-backend';
import { createApiServer } from '@/backend/http/api-server';
import type { ImageProxyOptions } from '@/backend/http/image-proxy';
import type { Backend } from '@/backend/ports';

export interface ApiAnswer {
  status: number;
  /** The parsed JSON body (null when there is none: HEAD, 204). */
  body: unknown;
  headers: Record<string, string | string[] | number | undefined>;
}

export interface TestApi<B extends Backend = Backend> {
  backend: B;
  app: FastifyInstance;
  /** A GET of `path` below /api ("/articles?limit=2"), with `params` added to its query. */
  get(path: string, params?: Record<string, string>): Promise<ApiAnswer>;
  /** Any request below /api. */
  request(options: InjectOptions & { url: string }): Promise<ApiAnswer>;
}

/** `images`: the plugin's image proxy (none by default: photos go out without a proxy path). */
export async function testApiOver<B extends Backend>(
  backend: B,
  { images }: { images?: ImageProxyOptions } = {},
): Promise<TestApi<B>> {
  const app = await createApiServer(backend, { images });
  const request = async (options: InjectOptions & { url: string }): Promise<ApiAnswer> => {
    const response = await app.inject({ ...options, url: `/api${options.url}` });
    return {
      status: response.statusCode,
      body: response.body === '' ? null : (response.json() as unknown),
      headers: response.headers,
    };
  };
  return {
    backend,
    app,
    request,
    get: (path, params) => {
      const query = params ? new URLSearchParams(params).toString() : '';
      return request({ method: 'GET', url: query ? `${path}${path.includes('?') ? '&' : '?'}${query}` : path });
    },
  };
}

/** The API over data in memory (checked like a data folder; the search index built at once). */
export async function testApiFor(data: EmbeddedData): Promise<TestApi<EmbeddedBackend>> {
  return testApiOver(await createEmbeddedBackendFromData(data));
}
