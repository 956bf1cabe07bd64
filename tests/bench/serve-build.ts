// The production server (what `npm start` runs) over a client build and a data set, with the page renderer as the
// server build bundles it, listening on loopback once search is ready.
import type { FastifyInstance } from 'fastify';
import { createEmbeddedBackend } from '../../src/backend/embedded/embedded-backend.ts';
import type { Backend } from '../../src/backend/ports.ts';
import { createProductionServer } from '../../src/server/production-server.ts';
import { loadBuiltRenderer } from './render-build.ts';

export async function serveBuild(
  outDir: string,
  /** A data folder for the embedded store, or a backend of the caller's (closed with the server). */
  data: string | Backend,
  /** Before the server starts (it serves the files present then). */
  beforeStart: (backend: Backend) => Promise<void> = async () => {},
): Promise<{ server: FastifyInstance; url: string; backend: Backend }> {
  const backend = typeof data === 'string' ? await createEmbeddedBackend({ dataDir: data, watch: false }) : data;
  await beforeStart(backend);
  const server = await createProductionServer({
    distDir: outDir,
    backend,
    onClose: () => backend.close(),
    loadRenderer: loadBuiltRenderer,
  });
  await server.listen({ port: 0, host: '127.0.0.1' });
  const address = server.server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  const url = `http://127.0.0.1:${address.port}`;
  for (let i = 0; i < 1200; i++) {
    if ((await fetch(`${url}/api/search?q=the`).catch(() => null))?.ok) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { server, url, backend };
}
