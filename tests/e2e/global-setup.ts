// Builds the production bundle once and serves it with the production server (what `npm start` runs: security
// headers, the API over the sample data) for the real-browser tests.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { TestProject } from 'vitest/node';
import { createEmbeddedBackend } from '../../src/backend/embedded/embedded-backend.ts';
import { createProductionServer } from '../../src/server/production-server.ts';
import { buildApp } from './build-app';
import { CHROMIUM_PATH } from './chromium';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
    /** The build the server serves, for tests that start a server of their own over other data. */
    distDir: string;
  }
}

let server: FastifyInstance | undefined;
let outDir: string | undefined;

export async function setup(project: TestProject) {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}. Install it with "apt-get install -y chromium" or set CHROMIUM_PATH.`,
    );
  }
  // A private build folder, so parallel runs never overwrite each other's bundle.
  outDir = mkdtempSync(path.join(os.tmpdir(), 'news-e2e-'));
  await buildApp(outDir);
  const backend = await createEmbeddedBackend({ dataDir: path.resolve('mock-data'), watch: false });
  server = await createProductionServer({ distDir: outDir, backend, onClose: () => backend.close() });
  await server.listen({ port: 0, host: '127.0.0.1' });
  const address = server.server.address();
  if (!address || typeof address === 'string') throw new Error('the server has no port');
  project.provide('baseURL', `http://127.0.0.1:${address.port}`);
  project.provide('distDir', outDir);
}

export async function teardown() {
  await server?.close();
  if (outDir) rmSync(outDir, { recursive: true, force: true });
}
