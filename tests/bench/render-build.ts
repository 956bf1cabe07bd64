// The page renderer (src/server/render-page.tsx) as `npm run build` bundles it: the bench runs under tsx, which cannot
// load the app's sources (they import CSS), so it builds the renderer on its own, once, as the server build does.
import { mkdirSync, mkdtempSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';
import type { createPageRenderer, pageKey } from '../../src/server/render-page.tsx';

type RendererModule = { createPageRenderer: typeof createPageRenderer; pageKey: typeof pageKey };

let built: Promise<RendererModule> | undefined;

export function loadBuiltRenderer(): Promise<RendererModule> {
  built ??= (async () => {
    // Inside the project, so its imports of the production dependencies resolve from node_modules.
    const cache = path.resolve('node_modules/.cache');
    mkdirSync(cache, { recursive: true });
    const outDir = mkdtempSync(path.join(cache, 'bench-render-'));
    const nodeEnv = process.env.NODE_ENV;
    // A production bundle, and React's production build when the bundle loads it (chosen by NODE_ENV then).
    process.env.NODE_ENV = 'production';
    try {
      await build({ logLevel: 'silent', build: { ssr: 'src/server/render-page.tsx', outDir, emptyOutDir: true } });
      return (await import(pathToFileURL(path.join(outDir, 'render-page.js')).href)) as RendererModule;
    } finally {
      if (nodeEnv === undefined) delete process.env.NODE_ENV;
      else process.env.NODE_ENV = nodeEnv;
    }
  })();
  return built;
}
