// The API alone (a backend and the HTTP plugin, as the servers answer it) on loopback, for api-bench.ts: no bundle
// to build. The embedded backend over DATA_DIR, or PostgreSQL when DATABASE_URL is set. Prints {"port": N} once it
// listens.
//   node --import tsx tests/bench/api-bench-server.ts DATA_DIR [CACHE_DIR]
import { createEmbeddedBackend } from '../../src/backend/embedded/embedded-backend.ts';
import { createApiServer } from '../../src/backend/http/api-server.ts';
import { createPostgresBackend } from '../../src/backend/postgres/postgres-backend.ts';

const [dataDir, cacheDir] = process.argv.slice(2);
if (!dataDir) throw new Error('usage: api-bench-server.ts DATA_DIR [CACHE_DIR]');
const backend = process.env.DATABASE_URL
  ? await createPostgresBackend({ url: process.env.DATABASE_URL })
  : await createEmbeddedBackend({ dataDir, cacheDir: cacheDir ?? null, watch: false });
const server = await createApiServer(backend);
await server.listen({ port: 0, host: '127.0.0.1' });
const address = server.server.address();
console.log(JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0 }));
