// `npm start`: the built app (dist/) and the API plugin over Fastify. Hashed assets are cached for good; index.html,
// the service worker and the manifest are revalidated on every use; page addresses fall back to the app, while
// unknown /api/... and missing files answer 404; every response carries the security headers; no request, however
// malformed or slow, brings the server down or holds a connection for long; one log line per request.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fastifyCompress from '@fastify/compress';
import fastifyStatic from '@fastify/static';
import Fastify, { LogController, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { answerError, errorBody, unreadableAddressBody } from '../backend/http/api-errors.ts';
import { apiPlugin } from '../backend/http/api-plugin.ts';
import type { ImageProxyOptions } from '../backend/http/image-proxy.ts';
import { siteFeedsPlugin } from '../backend/http/site-feeds-plugin.ts';
import type { Backend } from '../backend/ports.ts';
import { clientErrorAnswerer } from './client-errors.ts';
import { capConnections, type ConnectionCaps } from './connection-limits.ts';
import { RENDER_REQUEST_HEADER } from './in-process-fetch.ts';
import { pageMinute } from './page-key.ts';
import { pageCaching, pageEncoding, pageStream, pageTag, type PageRendering } from './page-rendering.ts';
import { publicOrigin } from './public-origin.ts';
import type { ClientManifest, createPageRenderer, pageKey } from './render-page.tsx';
import { securityHeaders, STRICT_TRANSPORT_SECURITY } from './security-headers.ts';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** How long a client may take, and how many connections it may hold (README: "Configuration"). */
export interface ServerLimits extends ConnectionCaps {
  /** The request line and headers must have arrived by then (408). */
  headersTimeoutMs: number;
  /** The whole request must have arrived by then (408). */
  requestTimeoutMs: number;
  /** An idle keep-alive connection is closed after this. */
  keepAliveTimeoutMs: number;
  /** A connection on which nothing moves (e.g. a client that stops reading its answer) is closed after this. */
  idleTimeoutMs: number;
}

export const DEFAULT_LIMITS: ServerLimits = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 15_000,
  keepAliveTimeoutMs: 10_000,
  idleTimeoutMs: 30_000,
  total: 10_000,
  perAddress: 256,
};

export interface ServerOptions {
  /** The built app (vite build's outDir). */
  distDir: string;
  /** The backend the API under /api answers from (null: none here, the app talks to an API elsewhere). */
  backend: Backend | null;
  /** Where the app's API lives when it is not this server (for connect-src). */
  apiOrigin?: string | null;
  /** The access log (one line per request; asset requests at `debug`) and server messages, on stdout. */
  logLevel?: LogLevel;
  limits?: Partial<ServerLimits>;
  /** Send Strict-Transport-Security on every response, not only on requests that came over HTTPS. */
  hsts?: boolean;
  /** Fastify's trustProxy: whose X-Forwarded-* headers to believe (e.g. that the request came over HTTPS). */
  trustProxy?: boolean | string;
  /** Called when the server closes (e.g. to stop watching the data files). */
  onClose?: () => void | Promise<void>;
  /** The API's image proxy (stories' photos served from this origin). */
  images?: ImageProxyOptions;
  /** Pages rendered on the server with their content (the default; needs the backend and a build with its manifest);
   * false: every page address answers the app's empty index.html. */
  serverRendering?: boolean;
  /** The site's public address (PUBLIC_URL), for absolute links in pages; null: the request's own host. */
  publicUrl?: string | null;
  /** Loads the page renderer: by default src/server/render-page.tsx, bundled into dist-server/ by the build (or
   * transformed by Vitest). Plain Node (tsx) cannot load the app's sources (they import CSS): the bench passes a build
   * of it. */
  loadRenderer?: () => Promise<{ createPageRenderer: typeof createPageRenderer; pageKey: typeof pageKey }>;
}

/** The first page of the feed and the topic list, exactly as the app asks for them (api/feed-requests.ts). */
const FEED_PRELOADS = ['/api/articles?limit=20', '/api/topics'];
const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Files that must be revalidated on every use: a new service worker (and the manifest, and the page it precaches)
 * must be found as soon as it is deployed, or readers keep the old version. */
const REVALIDATED_FILES = new Set(['sw.js', 'manifest.webmanifest', 'index.html']);

/** Hashed assets never change; the worker, manifest and page are always revalidated; other files (icons) for an hour. */
function cacheControlFor(relativePath: string): string {
  if (relativePath.startsWith(`assets${path.sep}`)) return 'public, max-age=31536000, immutable';
  if (REVALIDATED_FILES.has(relativePath)) return 'no-cache';
  return 'public, max-age=3600';
}

/** The path and the query of a request target: everything after the first `?` is the query (a later `?` is data),
 * and an absolute-form target (`GET http://host/api/topics`) is read as its path. */
function splitTarget(url: string): { pathname: string; search: string } {
  const target = url.replace(/^[a-z][a-z\d+.-]*:\/\/[^/?#]*/i, '') || '/';
  const at = target.indexOf('?');
  return at === -1 ? { pathname: target, search: '' } : { pathname: target.slice(0, at), search: target.slice(at + 1) };
}

/** A body is coming: the server is read-only, so none is ever read. */
const hasBody = (request: FastifyRequest) =>
  request.headers['transfer-encoding'] !== undefined || Number(request.headers['content-length'] ?? 0) > 0;

/** A Range header this server understands: one or more byte ranges (RFC 9110, section 14.1.2). */
const BYTE_RANGES = /^bytes=\s*(?:\d+-\d*|-\d+)(?:\s*,\s*(?:\d+-\d*|-\d+))*\s*$/;

/**
 * A Range the server must ignore (answering the whole file, 200): one it cannot parse, or one made conditional by an
 * If-Range entity tag. File tags are weak (size and time), and If-Range compares strongly (RFC 9110, section 13.1.5),
 * so a tag never matches: the client gets the whole current file, never a piece of another version or encoding.
 */
function ignoresRange(request: FastifyRequest): boolean {
  const range = request.headers.range;
  if (range === undefined) return false;
  if (!BYTE_RANGES.test(range)) return true;
  return request.headers['if-range']?.includes('"') ?? false;
}

/** One line per request, when it is answered (Fastify writes two: on arrival and on answer). Files (assets, icons,
 * the worker) are most requests and rarely interesting: they are logged at debug only. */
class AccessLog extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    const line = {
      method: request.method,
      url: request.url,
      status: reply.statusCode,
      ms: Math.round(reply.elapsedTime * 10) / 10,
      ip: request.ip,
      ...(error ? { err: error } : {}),
    };
    const { pathname } = splitTarget(request.url);
    if (error) reply.log.error(line, 'request failed');
    // The server's own render asking its API: part of the page's line.
    else if (request.headers[RENDER_REQUEST_HEADER] !== undefined && reply.statusCode < 500) {
      reply.log.debug(line, 'render request');
    } else if (!pathname.startsWith('/api') && /\.[^/]*$/.test(pathname) && reply.statusCode < 400) {
      reply.log.debug(line, 'file');
    } else reply.log.info(line, 'request');
  }
}

export async function createProductionServer({
  distDir,
  backend,
  apiOrigin = null,
  logLevel = 'silent',
  limits: someLimits = {},
  hsts = false,
  trustProxy = false,
  onClose,
  images,
  serverRendering = true,
  publicUrl = null,
  loadRenderer = () => import('./render-page.tsx'),
}: ServerOptions): Promise<FastifyInstance> {
  const limits = { ...DEFAULT_LIMITS, ...someLimits };
  const indexHtml = readFileSync(path.join(distDir, 'index.html'));
  // Weak: the same page is sent compressed or not, and If-None-Match compares weakly.
  const indexEtag = `W/"${createHash('sha256').update(indexHtml).digest('base64url').slice(0, 27)}"`;
  const headers = securityHeaders(apiOrigin);
  const app = Fastify({
    logger: logLevel === 'silent' ? false : { level: logLevel },
    logController: new AccessLog(),
    // Unique across restarts and servers, so the id a 500 answer gives finds its log lines.
    genReqId: () => randomBytes(9).toString('base64url'),
    trustProxy,
    // An address that cannot be decoded (/x%ZZ.html) is the reader's mistake, not the server's. No hook has run.
    frameworkErrors: (error, _request, reply) => {
      void (reply as FastifyReply).code(400).headers(headers).send(unreadableAddressBody(error));
    },
    clientErrorHandler: clientErrorAnswerer(
      hsts ? { ...headers, 'Strict-Transport-Security': STRICT_TRANSPORT_SECURITY } : headers,
    ),
    return503OnClosing: true,
    // Fastify's default (0) turns Node's request timeout off: a body trickled a byte at a time would hold its
    // connection for ever.
    requestTimeout: limits.requestTimeoutMs,
    connectionTimeout: limits.idleTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    // No maxRequestsPerSocket: Node answers 503 to a client that keeps a connection past it, and a connection is
    // already bounded by the timeouts.
    // Timed-out requests are found by a check this often (Node's default is every 30 s).
    http: { headersTimeout: limits.headersTimeoutMs, connectionsCheckingInterval: 1000 },
  });
  capConnections(app.server, limits, headers);

  if (onClose) app.addHook('onClose', async () => onClose());

  app.addHook('onRequest', async (request, reply) => {
    void reply.headers(headers);
    if (hsts || request.protocol === 'https') void reply.header('Strict-Transport-Security', STRICT_TRANSPORT_SECURITY);
    if (hasBody(request)) {
      // Refused before a byte of it is read, and the connection closed, so a slow upload cannot hold it.
      void reply.header('Connection', 'close');
      if (!READ_METHODS.has(request.method)) {
        return reply
          .code(405)
          .header('Allow', 'GET, HEAD, OPTIONS')
          .send(errorBody('method_not_allowed', `${request.method} is not allowed: this server is read-only`));
      }
      return reply
        .code(413)
        .send(errorBody('body_not_allowed', 'This server is read-only: a request must not have a body'));
    }
    if (ignoresRange(request)) delete request.headers.range;
  });

  // Fastify's and its plugins' own failures (a 416 from a file, a timeout) in the API's error shape; a 5xx says
  // nothing of the server's insides.
  app.setErrorHandler(answerError);

  await app.register(fastifyCompress, { threshold: 1024 });

  if (backend) {
    await app.register(apiPlugin, { prefix: '/api', backend, images });
    // Registered before the app's fallback, so the feeds and sitemaps are never answered with the app's page.
    await app.register(siteFeedsPlugin, {
      backend,
      images,
      originOf: (request) => publicOrigin(request, publicUrl),
    });
  } else {
    await app.register(
      async (api) =>
        api.setNotFoundHandler((_request, reply) =>
          reply.code(404).send(errorBody('not_found', 'This server does not answer the API')),
        ),
      { prefix: '/api' },
    );
  }

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

  const rendering: PageRendering | null =
    serverRendering && backend ? await pageRenderingFor(distDir, indexHtml.toString('utf8'), app, loadRenderer) : null;
  // The stored news's version, for pages' tags: counted per change, as the sitemaps are kept, under an id of this
  // server's own (another server, or this one restarted, counts from elsewhere).
  const serverId = randomBytes(9).toString('base64url');
  let newsVersion = 0;
  if (rendering && backend) {
    const unsubscribe = backend.news.subscribe(() => newsVersion++);
    app.addHook('onClose', async () => unsubscribe());
  }

  app.setNotFoundHandler(async (request, reply) => {
    const { pathname, search } = splitTarget(request.url);
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
    if (rendering && backend) {
      const target = `${pathname}${search ? `?${search}` : ''}`;
      // Outside the render's catch: a Host that names no host is the reader's 400, not a render failure.
      const origin = publicOrigin(request, publicUrl);
      const pageOrigin = publicOrigin(request, null);
      const pageRequest = { url: target, cookie: request.headers.cookie, origin, pageOrigin, at: pageMinute() };
      const { key, personal } = rendering.key(pageRequest);
      // The rates are the converter's alone, and asked for only there.
      const rates = pathname === '/converter' ? await backend.rates.day(null).catch(() => null) : null;
      const tagNow = () => pageTag([indexEtag, serverId, newsVersion, key, rates]);
      const before = tagNow();
      if (matchesTag(request, before)) {
        return reply
          .code(304)
          .headers(pageCaching({ status: 200, personal }))
          .header('ETag', before)
          .send();
      }
      try {
        const page = await rendering.render(pageRequest);
        void reply.headers(pageCaching(page)).code(page.status).type('text/html; charset=utf-8');
        // Only a page's own content is revalidated: a 304 answers for a 200 (its headers are the 200's), never for a
        // not-found or error page. The tag is made again: news that changed during the render is in the page.
        if (page.status === 200) void reply.header('ETag', tagNow());
        if (request.method === 'HEAD') {
          if (typeof page.body !== 'string') page.body.destroy();
          return reply.send();
        }
        const encoding = pageEncoding(request.headers['accept-encoding']);
        if (encoding) void reply.header('Content-Encoding', encoding);
        return reply.send(pageStream(page, encoding));
      } catch (error) {
        // A bug in rendering: the reader still gets the app, which renders the page itself.
        request.log.error({ err: error }, 'page render failed');
        return reply.code(500).header('Cache-Control', 'no-store').type('text/html; charset=utf-8').send(indexHtml);
      }
    }
    // A page of the app, revalidated by its tag. On the feed, the browser starts its first requests while the
    // app's code loads.
    void reply.header('Cache-Control', 'no-cache').header('ETag', indexEtag);
    if (pathname === '/' && !rendering) {
      void reply.header('Link', FEED_PRELOADS.map((url) => `<${url}>; rel=preload; as=fetch; crossorigin`).join(', '));
    }
    if (matchesTag(request, indexEtag)) return reply.code(304).send();
    return reply.code(200).type('text/html; charset=utf-8').send(indexHtml);
  });

  return app;
}

/** If-None-Match names `etag` (compared weakly) or is `*`. */
function matchesTag(request: FastifyRequest, etag: string): boolean {
  const known = request.headers['if-none-match']?.split(',').map((tag) => tag.trim().replace(/^W\//, ''));
  return known?.some((tag) => tag === '*' || tag === etag.replace(/^W\//, '')) ?? false;
}

/** The page renderer over the build in `distDir` (its manifest names each view's code); none for a build without one
 * (then pages are the app's empty index.html, as before). */
async function pageRenderingFor(
  distDir: string,
  template: string,
  app: FastifyInstance,
  loadRenderer: NonNullable<ServerOptions['loadRenderer']>,
): Promise<PageRendering | null> {
  const manifestFile = path.join(distDir, '.vite', 'manifest.json');
  if (!existsSync(manifestFile)) return null;
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as ClientManifest;
  // Loaded only here: it imports the whole app.
  const { createPageRenderer, pageKey } = await loadRenderer();
  return { render: createPageRenderer({ template: () => template, manifest, api: app }), key: pageKey };
}
