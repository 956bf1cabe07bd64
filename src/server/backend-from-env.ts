// Which backend the servers run: PostgreSQL when DATABASE_URL is set (an archive shared by several servers),
// else the embedded store over the data folder (DATA_DIR, default mock-data/: no set-up).
import { dataDirFromEnv } from '../backend/embedded/data-dir.ts';
import { createEmbeddedBackend } from '../backend/embedded/embedded-backend.ts';
import type { Backend } from '../backend/ports.ts';
import { describeDatabase } from '../backend/postgres/database-availability.ts';
import { createPostgresBackend } from '../backend/postgres/postgres-backend.ts';

export interface ServerLog {
  info(message: string): void;
  error(message: string): void;
}

export interface ChosenBackend {
  backend: Backend;
  /** For the start line: "data: /path, watched" or "PostgreSQL at host/db". */
  description: string;
}

export async function backendFromEnv(log: ServerLog = console, env = process.env): Promise<ChosenBackend> {
  const url = env.DATABASE_URL;
  if (url) {
    // A database that is down is waited for (the API answers 503 meanwhile); the server starts anyway.
    const backend = await createPostgresBackend({ url, log: { ...log, warn: (message) => log.error(message) } });
    return { backend, description: `PostgreSQL at ${describeDatabase(url)}` };
  }
  const dataDir = dataDirFromEnv(env);
  return { backend: await createEmbeddedBackend({ dataDir, log }), description: `data: ${dataDir}, watched` };
}
