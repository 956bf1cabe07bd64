// Whether the database can answer, and what a request gets when it cannot: BackendUnavailable (HTTP 503 with
// Retry-After) while the server waits for it at start, and whenever a query fails because the connection did
// (refused, reset, the server restarting, the database not created yet). Any other error is a bug and stays one.
import { BackendUnavailable } from '../ports.ts';

export interface BackendLog {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** Connection-level failures by SQLSTATE: connection exceptions (08…), shutdowns and restarts, too many clients,
 * a database that does not exist (yet) or refuses connections for now. */
const UNREACHABLE_STATES = /^(08...|57P0[1-4]|53300|3D000)$/;
const UNREACHABLE_NODE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
]);
/** pg's own errors for a lost or never-made connection carry no code, only these messages. */
const UNREACHABLE_MESSAGES =
  /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Query read timeout)|is not currently accepting connections/;

export function isUnreachable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (UNREACHABLE_STATES.test(code) || UNREACHABLE_NODE_CODES.has(code))) return true;
  if (error instanceof AggregateError) return error.errors.some(isUnreachable);
  if (error.cause !== undefined && isUnreachable(error.cause)) return true;
  return UNREACHABLE_MESSAGES.test(error.message);
}

/** "127.0.0.1:5432/news": where the database is, for log lines, without the user or password. */
export function describeDatabase(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.host || 'localhost'}${parsed.pathname}`;
  } catch {
    return 'the database (DATABASE_URL is not a URL)';
  }
}

/** The next wait after `delay` failed again: doubled, at most `max`. */
export const backOff = (delay: number, max: number) => Math.min(delay * 2, max);

const MID_RUN_RETRY_SECONDS = 2;

/** Lets queries through once the database is ready; turns "cannot reach it" into BackendUnavailable. */
export class DatabaseAvailability {
  private ready = false;
  private retryAfterSeconds = 1;

  /** Not ready yet; the next attempt to connect is `delayMs` away. */
  waiting(delayMs: number): void {
    this.ready = false;
    this.retryAfterSeconds = Math.max(1, Math.ceil(delayMs / 1000));
  }

  markReady(): void {
    this.ready = true;
  }

  get isReady(): boolean {
    return this.ready;
  }

  /** `query` run when the database is ready, its connection failures said as BackendUnavailable. */
  async run<T>(query: () => Promise<T>): Promise<T> {
    if (!this.ready) {
      throw new BackendUnavailable('The news database is not reachable yet; try again shortly', this.retryAfterSeconds);
    }
    try {
      return await query();
    } catch (error) {
      if (isUnreachable(error)) {
        throw new BackendUnavailable('The news database is not reachable; try again shortly', MID_RUN_RETRY_SECONDS);
      }
      throw error;
    }
  }
}
