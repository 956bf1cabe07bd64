// `npm start`: the built app (dist/) and the API core over Fastify. Hashed assets are cached for good; index.html,
// the service worker and the manifest are revalidated on every use; page addresses fall back to the app, while
// unknown /api/... and missing files answer 404; every response carries the security headers; no request, however
// malformed, brings the server down.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fastifyCompress from '@fastify/compress';
import fastifyHelmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { MockApi } from '../mock-api/api-core.ts';
import { answerClientError } from './client-errors.ts';
import { contentSecurityPolicy } from './security-headers.ts';

export interface ServerOptions {
  /** The built app (vite build's outDir). */
  distDir: string;
  /** The API answered under /api (null: none here, the app talks to a backend elsewhere). */
  api: MockApi | null;
  /** Where the app's API lives when it is not this server (for connect-src). */
  apiOrigin?: string | null;
  logger?: boolean;
  /** Called when the server closes (e.g. to stop watching the data files). */
  onClose?: () => void;
}

const errorBody = (code: string, message: string) => ({ error: { code, message } });
/** The first page of the feed and the topic list, exactly as the app asks for them (api/feed-requests.ts). */
const FEED_PRELOADS = ['/api/articles?limit=20', '/api/topics'];

/** Files that must be revalidated on every use: a new service worker (and the manifest, and the page it precaches)
 * must be found as soon as it is deployed, or readers keep the old version. */
const REVALIDATED_FILES = new Set(['sw.js', 'manifest.webmanifest', 'index.html']);

/** Hashed assets never change; the worker, manifest and page are always revalidated; other files (icons) for an hour. */
function cacheControlFor(relativePath: string): string {
  if (relativePath.startsWith(`assets${path.sep}`)) return 'public, max-age=31536000, immutable';
  if (REVALIDATED_FILES.has(relativePath)) return 'no-cache';
  return 'public, max-age=3600';
}

function answerApi(api: MockApi | null, request: FastifyRequest, reply: FastifyReply) {
  if (!api) return reply.code(404).send(errorBody('not_found', 'This server does not answer the API'));
  const [pathname = '', search = ''] = request.url.split('?');
  const result = api({
    method: request.method,
    path: pathname.slice('/api'.length) || '/',
    query: new URLSearchParams(search),
  });
  void reply.code(result.status).headers({ 'Cache-Control': 'no-store', ...result.headers });
  return result.status === 204 ? reply.send() : reply.send(result.body);
}

export async function createProductionServer({
  distDir,
  api,
  apiOrigin = null,
  logger = false,
  onClose,
}: ServerOptions): Promise<FastifyInstance> {
  const indexHtml = readFileSync(path.join(distDir, 'index.html'));
  const app = Fastify({
    logger,
    // An address that cannot be decoded (/x%ZZ.html) is the reader's mistake, not the server's.
    frameworkErrors: (error, _request, reply) => {
      void (reply as FastifyReply)
        .code(400)
        .send(errorBody('bad_request', `The address could not be read: ${error.message}`));
    },
    clientErrorHandler: answerClientError,
    return503OnClosing: true,
  });

  if (onClose) app.addHook('onClose', async () => onClose());

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy(apiOrigin) },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    frameguard: { action: 'deny' },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(fastifyCompress, { threshold: 1024 });

  app.all('/api', (request, reply) => answerApi(api, request, reply));
  app.all('/api/*', (request, reply) => answerApi(api, request, reply));

  await app.register(fastifyStatic, {
    root: distDir,
    index: false,
    wildcard: false, // one route per file present at start: a missing file is a 404, not the app
    preCompressed: true, // the .br/.gz files the build writes beside each asset
    cacheControl: false,
    setHeaders: (reply, filePath) => {
      void reply.header('Cache-Control', cacheControlFor(path.relative(distDir, filePath)));
    },
  });

  app.setNotFoundHandler((request, reply) => {
    const pathname = request.url.split('?')[0]!;
    if (pathname.startsWith('/api/')) return answerApi(api, request, reply);
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return reply
        .code(405)
        .header('Allow', 'GET, HEAD')
        .send(errorBody('method_not_allowed', `${request.method} is not allowed on ${pathname}`));
    }
    // Files (a dot in the last segment) and anything under /assets/ are not pages.
    if (pathname.startsWith('/assets/') || /\.[^/]*$/.test(pathname)) {
      return reply.code(404).send(errorBody('not_found', `No file at ${pathname}`));
    }
    // A page of the app. On the feed, the browser starts its first requests while the app's code loads.
    if (pathname === '/') {
      void reply.header('Link', FEED_PRELOADS.map((url) => `<${url}>; rel=preload; as=fetch; crossorigin`).join(', '));
    }
    return reply.code(200).type('text/html; charset=utf-8').header('Cache-Control', 'no-cache').send(indexHtml);
  });

  return app;
}
