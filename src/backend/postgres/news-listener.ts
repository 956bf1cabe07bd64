// The connection that LISTENs for news changes written by other servers. It is a client of its own (a pooled one
// would be lent to queries); lost (the database restarting, the connection killed), it is made again with backoff,
// and since notices sent meanwhile are gone, `onReconnect` lets the store catch up.
import pg from 'pg';
import { backOff, type BackendLog } from './database-availability.ts';
import { NEWS_CHANNEL, type NewsNotice } from './news-upsert.ts';

export interface NewsListenerOptions {
  url: string;
  log: BackendLog;
  /** This backend's name in notices: its own changes reach its subscribers without the round trip. */
  source: string;
  firstDelayMs: number;
  maxDelayMs: number;
  onNotice(notice: NewsNotice): void;
  onReconnect(): void;
}

function readNotice(payload: string | undefined): NewsNotice | null {
  try {
    const value = JSON.parse(payload ?? '') as Partial<NewsNotice>;
    const newest = value.newest;
    if (typeof value.source !== 'string' || !(newest === null || typeof newest === 'number')) return null;
    return { newest, source: value.source };
  } catch {
    return null;
  }
}

export class NewsListener {
  private client: pg.Client | null = null;
  private timer: NodeJS.Timeout | null = null;
  private closed = false;
  private listenedBefore = false;
  private delay: number;

  constructor(private readonly options: NewsListenerOptions) {
    this.delay = options.firstDelayMs;
  }

  start(): void {
    void this.connect();
  }

  private async connect(): Promise<void> {
    this.timer = null;
    if (this.closed) return;
    const { url, log, source } = this.options;
    const client = new pg.Client({ connectionString: url, keepAlive: true, application_name: 'agency-news-listener' });
    let lost = false;
    // 'error' and 'end' may both come for one loss; the first schedules the next attempt.
    const lose = (reason: string) => {
      if (lost) return;
      lost = true;
      if (this.client === client) this.client = null;
      client.end().catch(() => {});
      if (!this.closed) this.retry(reason);
    };
    client.on('error', (error) => lose(error.message));
    client.on('end', () => lose('the connection ended'));
    client.on('notification', (message) => {
      const notice = readNotice(message.payload);
      if (!notice) log.warn(`PostgreSQL: a news change notice could not be read: ${message.payload ?? ''}`);
      else if (notice.source !== source) this.options.onNotice(notice);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${NEWS_CHANNEL}`);
    } catch (error) {
      lose((error as Error).message || String((error as { code?: string }).code));
      return;
    }
    if (lost) return;
    if (this.closed) {
      await client.end().catch(() => {});
      return;
    }
    this.client = client;
    this.delay = this.options.firstDelayMs;
    if (this.listenedBefore) {
      log.info('PostgreSQL: listening for news changes again');
      this.options.onReconnect();
    }
    this.listenedBefore = true;
  }

  private retry(reason: string): void {
    this.options.log.warn(
      `PostgreSQL: the connection listening for news changes is lost (${reason}); connecting again in ${this.delay / 1000} s`,
    );
    this.timer = setTimeout(() => void this.connect(), this.delay);
    this.delay = backOff(this.delay, this.options.maxDelayMs);
  }

  /** True while the LISTEN connection is up (for tests and health checks). */
  get listening(): boolean {
    return this.client !== null;
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => {});
  }
}
