// A queue in front of the connection pool. pg's pool makes a caller wait for a free connection at most
// `connectionTimeoutMillis`, the same limit as for opening one (5 s here, to notice an unreachable database soon): a
// burst of 200 requests on one server over 10 connections got 45 answers 503 while the database was fine (measured
// with the bench's two-server comparison). Behind this gate they wait their turn, in order, up to `waitMs`, and only
// then get a 503 that says the database is busy.
import type pg from 'pg';
import { BackendUnavailable } from '../ports.ts';

export class PoolGate {
  private inUse = 0;
  private readonly waiters: Array<() => void> = [];

  constructor(
    readonly size: number,
    private readonly waitMs: number,
  ) {}

  /** Takes a place, waiting for one in order; resolves to the function that gives it back. */
  async enter(): Promise<() => void> {
    if (this.inUse < this.size && this.waiters.length === 0) {
      this.inUse++;
      return this.leaver();
    }
    await new Promise<void>((resolve, reject) => {
      const admit = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        this.waiters.splice(this.waiters.indexOf(admit), 1);
        reject(new BackendUnavailable('The news database is busy; try again shortly', 1, 'backend_busy'));
      }, this.waitMs);
      this.waiters.push(admit);
    });
    return this.leaver(); // the place of the caller who left passed to this one
  }

  private leaver(): () => void {
    let left = false;
    return () => {
      if (left) return;
      left = true;
      const next = this.waiters.shift();
      if (next) next();
      else this.inUse--;
    };
  }
}

/** `pool` with its `query` and `connect` behind `gate` (a connection's place is given back on `release`). */
export function gatedPool(pool: pg.Pool, gate: PoolGate): pg.Pool {
  return new Proxy(pool, {
    get(target, property) {
      if (property === 'query') {
        return async (...args: Parameters<pg.Pool['query']>) => {
          const leave = await gate.enter();
          try {
            return await (target.query as (...a: unknown[]) => Promise<unknown>)(...args);
          } finally {
            leave();
          }
        };
      }
      if (property === 'connect') {
        return async () => {
          const leave = await gate.enter();
          try {
            const client = await target.connect();
            // pg's pool sets `release` afresh on each checkout, so this wraps only this one.
            const release = client.release.bind(client);
            client.release = (error?: Error | boolean) => {
              leave();
              release(error);
            };
            return client;
          } catch (error) {
            leave();
            throw error;
          }
        };
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}
