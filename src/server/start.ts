// `npm start` (after the build): serves dist/ and the API from the data files on PORT (default 4173) and HOST
// (default localhost), with an access log of one line per request at LOG_LEVEL; changed data files are served
// without a restart. SIGTERM or Ctrl+C lets requests in flight finish for a few seconds, then closes every
// connection left (slow or idle clients never hold the process).
import path from 'node:path';
import { backendFromEnv } from './backend-from-env.ts';
import { imageProxyFromEnv } from './image-proxy-from-env.ts';
import { startNewsPoller, type RunningPoller } from './news-poller.ts';
import { createProductionServer, DEFAULT_LIMITS, LOG_LEVELS, type LogLevel } from './production-server.ts';
import { publicUrlFromEnv } from './public-origin.ts';
import { apiOriginOf } from './security-headers.ts';

/** Requests in flight get this long after SIGTERM; then every connection still open is closed. */
const SHUTDOWN_GRACE_MS = 3000;

const port = Number(process.env.PORT) || 4173;
const host = process.env.HOST || 'localhost';
const apiOrigin = apiOriginOf(process.env.VITE_API_BASE_URL);

function logLevelFromEnv(): LogLevel {
  const level = (process.env.LOG_LEVEL || 'info').toLowerCase();
  if (!(LOG_LEVELS as readonly string[]).includes(level)) {
    throw new Error(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${process.env.LOG_LEVEL}"`);
  }
  return level as LogLevel;
}

function countFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < 1)
    throw new Error(`${name} must be a whole number of at least 1, got "${raw}"`);
  return Number(raw);
}

/** Pages are rendered on the server unless SERVER_RENDERING=off (then every page is the app's empty index.html). */
const serverRenderingFromEnv = () => (process.env.SERVER_RENDERING ?? 'on').toLowerCase() !== 'off';

/** TRUST_PROXY: "true" (any proxy), a hop count, or the proxies' addresses (comma-separated, CIDR allowed). */
function trustProxyFromEnv(): boolean | string {
  const raw = process.env.TRUST_PROXY;
  if (!raw || raw === 'false') return false;
  return raw === 'true' ? true : raw;
}

async function main() {
  // React's production build for the pages rendered here (its packages choose by NODE_ENV when first loaded).
  process.env.NODE_ENV ??= 'production';
  const logLevel = logLevelFromEnv();
  const images = imageProxyFromEnv();
  const publicUrl = publicUrlFromEnv();
  const limits = {
    total: countFromEnv('MAX_CONNECTIONS', DEFAULT_LIMITS.total),
    perAddress: countFromEnv('MAX_CONNECTIONS_PER_ADDRESS', DEFAULT_LIMITS.perAddress),
  };
  // With the app pointed at an API elsewhere, this server only serves the app.
  const chosen = apiOrigin ? null : await backendFromEnv();
  const backend = chosen?.backend ?? null;
  let live: RunningPoller | null = null;
  const app = await createProductionServer({
    distDir: path.resolve('dist'),
    backend,
    apiOrigin,
    logLevel,
    limits,
    hsts: process.env.HSTS === 'true',
    trustProxy: trustProxyFromEnv(),
    onClose: backend
      ? async () => {
          await live?.stop();
          await backend.close();
        }
      : undefined,
    images,
    publicUrl,
    serverRendering: serverRenderingFromEnv(),
  });
  if (backend) live = startNewsPoller(backend, { info: (m) => app.log.info(m), warn: (m) => app.log.warn(m) });
  await app.listen({ port, host });
  const address = app.server.address();
  const actualPort = address && typeof address === 'object' ? address.port : port;
  const described = [chosen?.description, live?.description].filter(Boolean).join('; ');
  console.log(`Agency News is serving http://${host}:${actualPort}/${described ? ` (${described})` : ''}`);
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      app.log.info(`${signal}: finishing requests in flight, then stopping`);
      // Idle connections close at once; whatever is still open after the grace period is cut.
      setTimeout(() => app.server.closeAllConnections(), SHUTDOWN_GRACE_MS).unref();
      void app.close().then(() => process.exit(0));
    });
  }
}

main().catch((error: Error) => {
  // A malformed data file or a port in use: the message says what to fix; a stack trace would bury it.
  console.error(`npm start: ${error.message}`);
  process.exit(1);
});
