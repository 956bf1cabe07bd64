// The dev server behind `npm run dev`: one Fastify answering the API through the same plugin as `npm start`, and
// everything else through Vite's dev server in middleware mode (modules transformed on request, hot reload over
// this server's own socket). Every answer carries the security headers that do not stop hot reload (the
// Content-Security-Policy is the production server's: Vite's dev client runs inline code). An address that cannot be
// read (`/x%ZZ`, an absolute target such as `http://[::1`) is answered 400 by Fastify before Vite, whose middlewares
// once ended the process on one, ever sees it.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { createServer as createViteServer, type InlineConfig, type ViteDevServer } from 'vite';
import { errorBody, unreadableAddressBody } from '../backend/http/api-errors.ts';
import { apiPlugin } from '../backend/http/api-plugin.ts';
import type { ImageProxyOptions } from '../backend/http/image-proxy.ts';
import { siteFeedsPlugin } from '../backend/http/site-feeds-plugin.ts';
import type { Backend } from '../backend/ports.ts';
import { pageCaching, pageEncoding, pageStream } from './page-rendering.ts';
import { publicOrigin } from './public-origin.ts';
import type { PageRenderer } from './render-page.tsx';

const DEV_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'X-Frame-Options': 'DENY',
};

export interface DevServer {
  app: FastifyInstance;
  vite: ViteDevServer;
}

/**
 * The dev server over `backend` (not listening yet). `makeBackend` is given Vite's logger, so data reloads are
 * logged beside Vite's own lines; the backend is closed with the server.
 */
export async function createDevServer({
  makeBackend,
  vite: viteConfig = {},
  images,
  publicUrl = null,
  serverRendering = false,
}: {
  /** The API's image proxy (stories' photos served from this origin). */
  images?: ImageProxyOptions;
  /** PUBLIC_URL's origin for the feeds' and sitemaps' absolute addresses (null: the request's own). */
  publicUrl?: string | null;
  makeBackend: (log: { info(message: string): void; error(message: string): void }) => Promise<Backend>;
  /** Overrides of vite.config.ts (tests: another root, no config file). */
  vite?: InlineConfig;
  /** Pages rendered on the server as by `npm start` (src/server/render-page.tsx, loaded through Vite). */
  serverRendering?: boolean;
}): Promise<DevServer> {
  const app = Fastify({
    // An address that cannot be decoded (/x%ZZ) is the reader's mistake: no hook has run, so the headers go here.
    frameworkErrors: (error, _request, reply) => {
      void (reply as FastifyReply).code(400).headers(DEV_HEADERS).send(unreadableAddressBody(error));
    },
  });
  const vite = await createViteServer({
    ...viteConfig,
    server: { ...viteConfig.server, middlewareMode: true, ws: { server: app.server } },
    appType: 'spa',
  });
  const { logger } = vite.config;
  let backend: Backend;
  try {
    backend = await makeBackend({
      info: (message) => logger.info(message, { timestamp: true }),
      error: (message) => logger.error(message, { timestamp: true }),
    });
  } catch (error) {
    await vite.close();
    throw error;
  }
  app.addHook('onClose', async () => {
    await vite.close();
    await backend.close();
  });
  // On the raw response, so that Vite's answers carry them too.
  app.addHook('onRequest', async (_request, reply) => {
    for (const [name, value] of Object.entries(DEV_HEADERS)) reply.raw.setHeader(name, value);
  });
  await app.register(apiPlugin, { prefix: '/api', backend, images });
  await app.register(siteFeedsPlugin, { backend, images, originOf: (request) => publicOrigin(request, publicUrl) });
  // The render module as Vite has it now (a changed file gives a new module, and so a new renderer).
  const renderers = new WeakMap<object, PageRenderer>();
  const renderPage = async (request: FastifyRequest) => {
    const module = (await vite.ssrLoadModule('/src/server/render-page.tsx')) as typeof import('./render-page.tsx');
    let render = renderers.get(module);
    if (!render) {
      const indexFile = path.join(vite.config.root, 'index.html');
      render = module.createPageRenderer({
        template: async (url) => vite.transformIndexHtml(url, await readFile(indexFile, 'utf8')),
        manifest: null,
        api: app,
      });
      renderers.set(module, render);
    }
    const origin = publicOrigin(request, publicUrl);
    return render({ url: request.url, cookie: request.headers.cookie, origin, pageOrigin: origin });
  };
  // Everything that is not the API is Vite's: the modules, the assets, hot reload, and the page unless it is
  // rendered here.
  app.setNotFoundHandler(async (request, reply) => {
    if (serverRendering && isPageRequest(request)) {
      try {
        const page = await renderPage(request);
        const encoding = pageEncoding(request.headers['accept-encoding']);
        if (encoding) void reply.header('Content-Encoding', encoding);
        return await reply
          .code(page.status)
          .headers(pageCaching(page))
          .type('text/html; charset=utf-8')
          .send(pageStream(page, encoding));
      } catch (error) {
        // Shown in the terminal with Vite's source-mapped stack; the page falls back to the app itself.
        vite.ssrFixStacktrace(error as Error);
        vite.config.logger.error(`page render failed: ${(error as Error).stack ?? String(error)}`);
      }
    }
    reply.hijack();
    vite.middlewares(request.raw, reply.raw, () => {
      reply.raw.statusCode = 404;
      reply.raw.setHeader('Content-Type', 'application/json; charset=utf-8');
      reply.raw.end(JSON.stringify(errorBody('not_found', `Nothing at ${request.url}`)));
    });
  });
  return { app, vite };
}

/** A page of the app (not a module, an asset or one of Vite's own addresses). */
function isPageRequest(request: FastifyRequest): boolean {
  const pathname = request.url.split('?')[0]!;
  return (
    (request.method === 'GET' || request.method === 'HEAD') &&
    (request.headers.accept ?? '').includes('text/html') &&
    !/\.[^/]*$/.test(pathname) &&
    !/^\/(?:@|__|node_modules\/|src\/|api\/)/.test(pathname)
  );
}
