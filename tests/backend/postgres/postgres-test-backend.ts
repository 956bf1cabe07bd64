// A PostgreSQL backend over a test database, with its log lines kept for assertions instead of printed.
import type { BackendLog } from '@/backend/postgres/database-availability';
import {
  createPostgresBackend,
  type PostgresBackend,
  type PostgresBackendOptions,
} from '@/backend/postgres/postgres-backend';

export interface RecordedLog extends BackendLog {
  lines: string[];
}

export function recordingLog(): RecordedLog {
  const lines: string[] = [];
  return {
    lines,
    info: (message) => void lines.push(`info: ${message}`),
    warn: (message) => void lines.push(`warn: ${message}`),
    error: (message) => void lines.push(`error: ${message}`),
  };
}

/** A backend connected and migrated (fails the test if the database does not answer). */
export async function readyBackend(
  url: string,
  options: Partial<PostgresBackendOptions> = {},
): Promise<PostgresBackend & { log: RecordedLog }> {
  const log = recordingLog();
  const backend = await createPostgresBackend({ url, log, ...options });
  if (!(await backend.ready)) throw new Error(`the backend did not connect: ${log.lines.join('\n')}`);
  return Object.assign(backend, { log });
}
