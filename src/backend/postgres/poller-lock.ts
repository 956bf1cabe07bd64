// Which of the servers sharing a database polls the news feeds: the one holding a session-level advisory lock, taken
// on a connection of its own (a pooled one would be lent to requests, and the lock with it). The others try again
// now and then; when the holder's connection dies (its server stopped, crashed or lost the network), PostgreSQL
// releases the lock and the next server to try takes over. The others learn of new stories through LISTEN/NOTIFY.
import pg from 'pg';
import type { BackendLog } from './database-availability.ts';

/** The lock's key: any fixed 64-bit number no other code of this database uses ("news-poller" in ASCII). */
const POLLER_LOCK_KEY = '121883055057778';

export interface PollerLockOptions {
  url: string;
  log: BackendLog;
  /** How often a server that does not hold the lock tries again (and reconnects after losing it). */
  retryMs: number;
}

export class PollerLock {
  private client: pg.Client | null = null;
  private timer: NodeJS.Timeout | null = null;
  private closed = false;
  private holding = false;

  constructor(private readonly options: PollerLockOptions) {}

  /** Whether this server holds the poller's role now. */
  get held(): boolean {
    return this.holding;
  }

  start(): void {
    void this.attempt();
  }

  private async attempt(): Promise<void> {
    this.timer = null;
    if (this.closed) return;
    try {
      const client = this.client ?? (await this.connect());
      const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1::bigint) AS locked', [
        POLLER_LOCK_KEY,
      ]);
      if (this.closed) return;
      if (rows[0]?.locked) {
        this.holding = true;
        this.options.log.info('News feeds: this server polls them (it holds the poller lock)');
        return; // held for as long as the connection lives
      }
    } catch (error) {
      this.lose(error instanceof Error ? error.message : String(error), this.client);
      return;
    }
    this.again();
  }

  private async connect(): Promise<pg.Client> {
    const client = new pg.Client({
      connectionString: this.options.url,
      keepAlive: true,
      application_name: 'agency-news-poller-lock',
    });
    client.on('error', (error) => this.lose(error.message, client));
    client.on('end', () => this.lose('the connection ended', client));
    this.client = client;
    await client.connect();
    return client;
  }

  /** `client` (the current one, or an older one's late event, which is ignored) is gone: try again later. */
  private lose(reason: string, client: pg.Client | null): void {
    if (client !== this.client) return;
    this.client = null;
    client?.end().catch(() => {});
    if (this.closed) return;
    if (this.holding) this.options.log.warn(`News feeds: the poller lock's connection is lost (${reason})`);
    this.holding = false;
    if (!this.timer) this.again();
  }

  private again(): void {
    if (this.closed || this.timer) return;
    this.timer = setTimeout(() => void this.attempt(), this.options.retryMs);
    this.timer.unref();
  }

  /** Releases the lock (by closing its connection). */
  async close(): Promise<void> {
    this.closed = true;
    this.holding = false;
    if (this.timer) clearTimeout(this.timer);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => {});
  }
}
