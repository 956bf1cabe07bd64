// Builds the production bundle once and serves it (with the mock API) for the real-browser tests.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build, preview, type PreviewServer } from 'vite';
import type { TestProject } from 'vitest/node';
import { CHROMIUM_PATH } from './chromium';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
  }
}

let server: PreviewServer | undefined;
let outDir: string | undefined;

export async function setup(project: TestProject) {
  const chromium = CHROMIUM_PATH;
  if (!existsSync(chromium)) {
    throw new Error(
      `Chromium not found at ${chromium}. Install it with "apt-get install -y chromium" or set CHROMIUM_PATH.`,
    );
  }
  // A private build folder, so parallel runs never overwrite each other's bundle.
  outDir = mkdtempSync(path.join(os.tmpdir(), 'news-e2e-'));
  await build({ logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  server = await preview({
    logLevel: 'warn',
    build: { outDir },
    preview: { port: 0, host: '127.0.0.1', strictPort: false },
  });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('preview server has no port');
  project.provide('baseURL', `http://127.0.0.1:${address.port}`);
}

export async function teardown() {
  await server?.close();
  if (outDir) rmSync(outDir, { recursive: true, force: true });
}
