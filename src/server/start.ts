// `npm start` (after the build): serves dist/ and the API from the data files on PORT (default 4173) and HOST
// (default localhost), with a structured access log; changed data files are served without a restart.
// SIGTERM or Ctrl+C lets requests in flight finish first.
import path from 'node:path';
import { startLiveMockApi } from '../mock-api/live-mock-api.ts';
import { createProductionServer } from './production-server.ts';
import { apiOriginOf } from './security-headers.ts';

const port = Number(process.env.PORT) || 4173;
const host = process.env.HOST || 'localhost';
const dataDir = path.resolve(process.env.MOCK_DATA_DIR || 'mock-data');
const apiOrigin = apiOriginOf(process.env.VITE_API_BASE_URL);

async function main() {
  // With the app pointed at a real backend, this server only serves the app.
  const live = apiOrigin ? null : startLiveMockApi(dataDir);
  const app = await createProductionServer({
    distDir: path.resolve('dist'),
    api: live?.api ?? null,
    apiOrigin,
    logger: true,
    onClose: live?.close,
  });
  await app.listen({ port, host });
  console.log(`Agency News is serving http://${host}:${port}/${live ? ` (data: ${dataDir}, watched)` : ''}`);
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      app.log.info(`${signal}: finishing requests in flight, then stopping`);
      void app.close().then(() => process.exit(0));
    });
  }
}

main().catch((error: Error) => {
  // A malformed data file or a port in use: the message says what to fix; a stack trace would bury it.
  console.error(`npm start: ${error.message}`);
  process.exit(1);
});
