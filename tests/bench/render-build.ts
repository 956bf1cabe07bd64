// Server code as `npm run build` bundles it: the bench runs under tsx, which cannot load the app's sources (they
// import CSS), so it builds what it needs on its own, once: the page renderer (src/server/render-page.tsx, loaded
// in-process) and the whole server (src/server/start.ts, run as `npm start` runs it, by the soak).
import { mkdirSync, mkdtempSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';
import type { createPageRenderer, pageKey } from '../../src/server/render-page.tsx';

type RendererModule = { createPageRenderer: typeof createPageRenderer; pageKey: typeof pageKey };

/** `entry` bundled for Node as the server build does, into a new folder given to `load` (React's production build is
 * chosen by NODE_ENV when the bundle first loads it: set for both). */
export async function buildForNode<T>(entry: string, load: (outDir: string) => Promise<T>): Promise<T> {
  // Inside the project, so its imports of the production dependencies resolve from node_modules.
  const cache = path.resolve('node_modules/.cache');
  mkdirSync(cache, { recursive: true });
  const outDir = mkdtempSync(path.join(cache, 'bench-server-'));
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ logLevel: 'silent', build: { ssr: entry, outDir, emptyOutDir: true } });
    return await load(outDir);
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
}

let built: Promise<RendererModule> | undefined;

export function loadBuiltRenderer(): Promise<RendererModule> {
  built ??= buildForNode(
    'src/server/render-page.tsx',
    async (outDir) => (await import(pathToFileURL(path.join(outDir, 'render-page.js')).href)) as RendererModule,
  );
  return built;
}
