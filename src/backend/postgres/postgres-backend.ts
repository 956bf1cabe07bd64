// The PostgreSQL backend (DATABASE_URL): one pool shared by the ports, the schema migrated at start, and a
// listening connection through which every server sharing the database learns of new stories. It never takes the
// server down: while the database cannot be reached (at start, or lost later) the ports throw BackendUnavailable
// (HTTP 503 with Retry-After) and it keeps trying, with waits doubling from 0.5 s to 10 s, until it answers again.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { agencyTimeZoneFromEnv } from '../agency-time-zone.ts';
import type { Backend } from '../ports.ts';
import {
  backOff,
  DatabaseAvailability,
  describeDatabase,
  isUnreachable,
  type BackendLog,
} from './database-availability.ts';
import { migrate, MIGRATIONS, type Migration } from './migrations.ts';
import { NewsListener } from './news-listener.ts';
import { gatedPool, PoolGate } from './pool-gate.ts';
import { PostgresNewsStore } from './postgres-news-store.ts';
import { PostgresRates } from './postgres-rates.ts';
import { createPostgresSearch, type PostgresSearchOptions } from './postgres-search.ts';

export interface PostgresBackendOptions {
  /** postgres://user:password@host:port/database */
  url: string;
  log?: BackendLog;
  /** The waits between attempts to reach the database: doubling from `first` to at most `max` (ms). */
  retryDelayMs?: { first: number; max: number };
  /** Connections the ports share (default 10: 8 behind the queue of pool-gate.ts, 2 for searches' counts). */
  poolSize?: number;
  /** How long opening a connection may take before the database counts as unreachable (tests shorten it). */
  connectTimeoutMs?: number;
  /** Tests only: a schema other than the app's. */
  migrations?: readonly Migration[];
  search?: Partial<PostgresSearchOptions>;
}

export interface PostgresBackend extends Backend {
  readonly kind: 'postgres';
  readonly news: PostgresNewsStore;
  /** True once the database answered and is migrated; false if the backend was closed before that. Never rejects. */
  readonly ready: Promise<boolean>;
  /** Whether the connection listening for other servers' changes is up. */
  readonly listening: boolean;
}

const DEFAULT_RETRY = { first: 500, max: 10_000 };
/** A query's own limit: the client gives up after 15 s anyway, and a stuck one must not hold a connection. */
const STATEMENT_TIMEOUT_MS = 15_000;
const CONNECT_TIMEOUT_MS = 5_000;
const DEFAULT_POOL_SIZE = 10;
/** How long a request waits for a connection in a burst before it is told the database is busy (pool-gate.ts). */
const GATE_WAIT_MS = 10_000;

const reasonOf = (error: unknown) => (error as Error).message || (error as { code?: string }).code || String(error);

export async function createPostgresBackend(options: PostgresBackendOptions): Promise<PostgresBackend> {
  const { url, log = console, retryDelayMs = DEFAULT_RETRY, migrations = MIGRATIONS } = options;
  const where = describeDatabase(url);
  const source = randomUUID();
  const poolSize = options.poolSize ?? DEFAULT_POOL_SIZE;
  const connections = new pg.Pool({
    connectionString: url,
    max: poolSize,
    connectionTimeoutMillis: options.connectTimeoutMs ?? CONNECT_TIMEOUT_MS,
    statement_timeout: STATEMENT_TIMEOUT_MS,
    keepAlive: true,
    application_name: 'agency-news',
  });
  // Two connections stay outside the gate, for a search's count beside its page (postgres-search.ts).
  const pool = gatedPool(connections, new PoolGate(Math.max(1, poolSize - 2), GATE_WAIT_MS));
  // An idle pooled connection that dies (the database restarting) is dropped by the pool; unheard, it would crash.
  pool.on('error', (error) => log.warn(`PostgreSQL: an idle connection was lost (${reasonOf(error)})`));

  const availability = new DatabaseAvailability();
  availability.waiting(retryDelayMs.first);
  const news = new PostgresNewsStore({ pool, availability, log, source });
  const catchUp = async () => {
    try {
      await news.changed({ newest: await news.newest() });
    } catch (error) {
      log.warn(`PostgreSQL: could not catch up on news changes (${reasonOf(error)})`);
    }
  };
  const listener = new NewsListener({
    url,
    log,
    source,
    firstDelayMs: retryDelayMs.first,
    maxDelayMs: retryDelayMs.max,
    onNotice: (notice) => void news.changed({ newest: notice.newest }),
    onReconnect: () => void catchUp(),
  });
  const search = createPostgresSearch(pool, {
    timeZone: agencyTimeZoneFromEnv(),
    spareConnections: connections,
    ...options.search,
  });

  let closed = false;
  let wake: (() => void) | null = null;
  let timer: NodeJS.Timeout | null = null;
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      wake = resolve;
      timer = setTimeout(resolve, ms);
    });

  async function connect(): Promise<boolean> {
    let delay = retryDelayMs.first;
    while (!closed) {
      try {
        const { applied } = await migrate(pool, migrations);
        if (closed) break;
        availability.markReady();
        log.info(`PostgreSQL: connected to ${where}${applied.length > 0 ? `; migrated: ${applied.join(', ')}` : ''}`);
        listener.start();
        return true;
      } catch (error) {
        if (closed) break;
        availability.waiting(delay);
        const problem = isUnreachable(error) ? 'cannot be reached' : 'cannot be prepared';
        log.error(
          `PostgreSQL at ${where} ${problem} (${reasonOf(error)}); the API answers 503 until it can; ` +
            `trying again in ${delay / 1000} s`,
        );
        await pause(delay);
        delay = backOff(delay, retryDelayMs.max);
      }
    }
    return false;
  }

  const ready = connect();
  return {
    kind: 'postgres',
    news,
    rates: new PostgresRates(pool, availability),
    search: { search: (request) => availability.run(() => search.search(request)) },
    ready,
    get listening() {
      return listener.listening;
    },
    async close() {
      if (closed) return;
      closed = true;
      availability.waiting(retryDelayMs.max);
      if (timer) clearTimeout(timer);
      (wake as (() => void) | null)?.();
      await ready;
      await listener.close();
      await pool.end();
    },
  };
}
