// `npm run dev`: the dev server (dev-server.ts) over the backend DATABASE_URL or DATA_DIR names (backend-from-env.ts) on
// http://localhost:5173 (vite.config.ts's server.port and server.host; the next free port when it is taken, as Vite's
// own dev server does). A data file that cannot be served stops it with the file, record and field.
import { DataFileError } from '../backend/embedded/data-file-error.ts';
import { backendFromEnv } from './backend-from-env.ts';
import { createDevServer } from './dev-server.ts';
import { imageProxyFromEnv } from './image-proxy-from-env.ts';
import { startNewsPoller } from './news-poller.ts';
import { publicUrlFromEnv } from './public-origin.ts';

async function main() {
  let description = '';
  const { app, vite } = await createDevServer({
    images: imageProxyFromEnv(),
    publicUrl: publicUrlFromEnv(),
    // As `npm start` (start.ts): pages rendered on the server unless SERVER_RENDERING=off.
    serverRendering: (process.env.SERVER_RENDERING ?? 'on').toLowerCase() !== 'off',
    makeBackend: async (log) => {
      const chosen = await backendFromEnv(log);
      const { backend } = chosen;
      const live = startNewsPoller(backend, { info: log.info, warn: log.error });
      description = [chosen.description, live?.description].filter(Boolean).join('; ');
      // The poller stops before the store it writes to closes.
      return Object.assign(Object.create(backend) as typeof backend, {
        async close() {
          await live?.stop();
          await backend.close();
        },
      });
    },
  });
  const { host } = vite.config.server;
  const hostname = typeof host === 'string' ? host : host ? '0.0.0.0' : 'localhost';
  let port = vite.config.server.port;
  for (;;) {
    try {
      await app.listen({ port, host: hostname });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || vite.config.server.strictPort) throw error;
      port++;
    }
  }
  vite.config.logger.info(`\n  Agency News (dev) on http://${hostname}:${port}/ (${description})\n`);
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => void app.close().then(() => process.exit(0)));
  }
}

main().catch((error: Error) => {
  // The message names the file, the record and the field; a stack trace would only bury it.
  if (!(error instanceof DataFileError)) throw error;
  console.error(`\n${error.message}\n`);
  process.exit(1);
});
