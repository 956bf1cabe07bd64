// The mock API alone on a bare node:http server, for api-bench.ts: the same core and middleware as the Vite
// plugin, without a bundle to build. Prints {"port": N} once it listens.
//   node --import tsx tests/bench/api-bench-server.ts DATA_DIR [CACHE_DIR]
import http from 'node:http';
import { startMockApi } from '../../src/mock-api/api-core.ts';
import { mockApiMiddleware } from '../../src/mock-api/vite-plugin.ts';

const [dataDir, cacheDir] = process.argv.slice(2);
if (!dataDir) throw new Error('usage: api-bench-server.ts DATA_DIR [CACHE_DIR]');
const { api } = startMockApi(dataDir, { cacheDir: cacheDir ?? null });
const handle = mockApiMiddleware(api);
const server = http.createServer((req, res) =>
  handle(req, res, () => {
    res.statusCode = 404;
    res.end();
  }),
);
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  console.log(JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0 }));
});
