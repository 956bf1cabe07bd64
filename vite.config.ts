/// <reference types="vitest/config" />
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { constants } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { build, defineConfig, loadEnv, type Plugin } from 'vite';
import { compression, defineAlgorithm } from 'vite-plugin-compression2';
import { VitePWA } from 'vite-plugin-pwa';
import { serviceWorkerOptions } from './src/app/service-worker-options.ts';
import { SlowestFirstSequencer } from './tests/slowest-first-sequencer.ts';

const srcDir = fileURLToPath(new URL('./src', import.meta.url));

/** A small script of the page built on its own (no shared chunks), minified, named by its content's hash. */
async function buildPageScript(entry: string, name: string, format: 'iife' | 'es'): Promise<string> {
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    resolve: { alias: { '@': srcDir } },
    build: {
      write: false,
      lib: { entry, formats: [format], name, fileName: name },
      // Library builds keep an ES module's whitespace; these are a page's scripts, not libraries.
      rolldownOptions: { output: { minify: true } },
    },
  });
  const output = Array.isArray(result) ? result[0] : result;
  if (!output || !('output' in output)) throw new Error(`${entry} did not build`);
  return output.output[0].code;
}

const hashedName = (name: string, code: string) =>
  `assets/${name}-${createHash('sha256').update(code).digest('base64url').slice(0, 8)}.js`;

/**
 * The reader's theme and text size must be on <html> before the first paint, and the CSP forbids inline scripts:
 * src/app/display-boot.ts is built on its own into a tiny classic script (not a module, so it blocks rendering in
 * every browser) and put first in <head>, ahead of the app's code. In the dev server it is a plain module.
 */
function displayBootScript(): Plugin {
  const entry = 'src/app/display-boot.ts';
  let fileName = '';
  let base = '/';
  return {
    name: 'display-boot-script',
    configResolved(config) {
      base = config.base;
    },
    async buildStart() {
      if (this.environment.mode !== 'build') return;
      const code = await buildPageScript(entry, 'displayBoot', 'iife');
      fileName = hashedName('display-boot', code);
      this.emitFile({ type: 'asset', fileName, source: code });
    },
    transformIndexHtml: () => [
      {
        tag: 'script',
        attrs: fileName ? { src: `${base}${fileName}` } : { type: 'module', src: `/${entry}` },
        injectTo: 'head-prepend',
      },
    ],
  };
}

/**
 * The app's code is evaluated after the first paint (src/app/start-after-paint.ts): the built index.html preloads the
 * app's entry chunk (marked data-app-entry) and its module script is that small script, built on its own, which
 * imports the entry once the browser has painted. In the dev server the app's entry loads as it is.
 */
function startAfterPaintScript(): Plugin {
  const entry = 'src/app/start-after-paint.ts';
  let fileName = '';
  let base = '/';
  return {
    name: 'start-after-paint-script',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    async buildStart() {
      const code = await buildPageScript(entry, 'start', 'es');
      fileName = hashedName('start', code);
      this.emitFile({ type: 'asset', fileName, source: code });
    },
    transformIndexHtml: {
      order: 'post',
      // Every module script the build put in the page (the app's chunk and the bundler's runtime it imports) becomes
      // a preload; the app's chunk, named last, is the one the start script imports.
      handler(html) {
        const scripts = [...html.matchAll(/<script type="module" crossorigin src="([^"]+)"><\/script>/g)];
        const app = scripts.at(-1)?.[1];
        if (!app) throw new Error('index.html has no module script for the start script to load');
        let page = html;
        for (const [tag, src] of scripts)
          page = page.replace(
            tag,
            `<link rel="modulepreload" crossorigin href="${src}"${src === app ? ' data-app-entry' : ''}>`,
          );
        return page.replace('</head>', `<script type="module" crossorigin src="${base}${fileName}"></script></head>`);
      },
    },
  };
}

/**
 * The server build renders the app (src/server/render-page.tsx) but never registers a service worker: the module
 * vite-plugin-pwa provides to the client build is a stub there (the code that imports it runs in the browser only).
 */
function noServiceWorkerOnServer(): Plugin {
  const id = 'virtual:pwa-register';
  return {
    name: 'no-service-worker-on-server',
    resolveId: (source) => (source === id ? `\0${id}` : undefined),
    load: (resolved) => (resolved === `\0${id}` ? 'export const registerSW = () => async () => {};' : undefined),
  };
}

/** Node-side checks without the browser-like environment: the lint rules, the servers, the backend, the tools and
 * the wire contract (a jsdom environment costs each file about a second to set up). */
/** What the jsdom projects share. */
const jsdomTests = {
  environment: 'jsdom' as const,
  // Worker threads, not processes: the jsdom files took 121 s of CPU so against 158 s in forks (measured here).
  pool: 'threads' as const,
  include: ['tests/**/*.test.{ts,tsx}'],
  setupFiles: ['./tests/setup.ts'],
  // A whole app rendered in jsdom: 1-3 s on an idle machine, past the default 5 s on a two-core one running
  // the browser tests' build beside it (seen in full runs).
  testTimeout: 15_000,
  restoreMocks: true,
  unstubGlobals: true,
  // "Your time" must differ from the agency's (UTC+3) wherever the tests run.
  env: { TZ: 'UTC' },
};

const moduleMockingTests = [
  'tests/app/service-worker-slot.test.tsx',
  'tests/app/update-offer.test.tsx',
  'tests/app/display-boot.test.ts',
];

const nodeTests = [
  'tests/architecture/**/*.test.ts',
  'tests/server/**/*.test.ts',
  'tests/backend/**/*.test.ts',
  'tests/tools/**/*.test.ts',
  'tests/contract/**/*.test.ts',
];

/**
 * `vite build --ssr src/server/start.ts` (the second half of `npm run build`): the production server as plain
 * JavaScript in dist-server/, its packages imported from node_modules (the "dependencies"), so `npm start` needs
 * neither the dev toolchain nor a rebuild. Out of dist/, which the server serves and the service worker precaches.
 */
const serverBuild = { outDir: 'dist-server', emptyOutDir: true, target: 'node20', copyPublicDir: false };

export default defineConfig(({ mode, isSsrBuild }) => ({
  // The app's plugins (service worker, compressed copies, the boot script) have nothing to do with the server.
  plugins: isSsrBuild
    ? [react(), noServiceWorkerOnServer()]
    : [
        react(),
        displayBootScript(),
        startAfterPaintScript(),
        // The service worker and the web app manifest, written by `vite build` only (never by the dev server).
        VitePWA(serviceWorkerOptions(loadEnv(mode, process.cwd(), 'VITE_').VITE_API_BASE_URL)),
        // Assets compressed once, at the strongest settings, for the production server to send as they are.
        compression({
          include: /\.(js|css|svg)$/,
          algorithms: [
            defineAlgorithm('gzip', { level: 9 }),
            defineAlgorithm('brotliCompress', { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
          ],
        }),
      ],
  resolve: {
    alias: { '@': srcDir },
  },
  build: isSsrBuild
    ? serverBuild
    : {
        // The CSP forbids inline scripts; keep every asset a file.
        assetsInlineLimit: 0,
        // dist/.vite/manifest.json: the server's pages name each view's code and styles (src/server/render-page.tsx).
        manifest: true,
        modulePreload: { polyfill: false },
        rolldownOptions: {
          output: {
            // Everything the first page needs in one file: split into many small shared chunks (the default), the
            // same code costs several KB more gzip and more requests. Lazy views import what they share from it.
            codeSplitting: { groups: [{ name: 'app', tags: ['$initial'] }] },
          },
        },
      },
  // No CORS: the app and its API share an origin (Vite's default would advertise every method to any page).
  server: { port: 5173, cors: false },
  test: {
    // Both cores for the jsdom and Node files (Vitest's default leaves one free: 1 worker on this 2-core machine).
    maxWorkers: 2,
    sequence: { sequencer: SlowestFirstSequencer },
    projects: [
      {
        extends: true,
        test: {
          ...jsdomTests,
          name: 'unit',
          exclude: ['tests/e2e/**', ...nodeTests, ...moduleMockingTests],
          // One jsdom and one module graph per worker, shared by its files (tests/setup.ts resets every store, the
          // DOM, storage and the MSW handlers after each test): a fresh environment and a fresh import of React,
          // the router and the app for each of 50 files was most of the jsdom files' time (measured in the README).
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          ...jsdomTests,
          // Files that replace modules (vi.mock, vi.resetModules) get a module graph of their own.
          name: 'unit-isolated',
          include: moduleMockingTests,
        },
      },
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: nodeTests,
          env: { TZ: 'UTC' },
          testTimeout: 30_000,
          // Some files start server processes (two, over a new database, in postgres-server.test.ts) before their
          // tests: past the default 10 s on this 2-core machine while the browser tests ran beside (seen).
          hookTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.e2e.test.ts'],
          globalSetup: ['./tests/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // expect.poll waits for what the test expects (a file the server watches was read, a URL changed): 1 s,
          // Vitest's default, was too short once on a busy machine (the data folder's reload, seen in daily-flow).
          expect: { poll: { timeout: 10_000 } },
          // Each file has its own Chromium and contexts, and a server of its own where it changes one (port 0), so
          // files run side by side; after the jsdom and Node files (a group of its own, with its own worker count).
          maxWorkers: 3,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
}));
