// A database of its own for each PostgreSQL test file: created on the server at TEST_DATABASE_URL (an admin
// connection; default: the local server as `postgres`), dropped afterwards. Where no server answers, the suite is
// skipped with the reason said, unless REQUIRE_POSTGRES=1 (CI), where that is a failure.
import { randomBytes } from 'node:crypto';
import pg from 'pg';

const ADMIN_URL = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

const postgresRequired = process.env.REQUIRE_POSTGRES === '1';

/** Null when the admin connection works; else why not. */
async function probe(): Promise<string | null> {
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return null;
  } catch (error) {
    return `no PostgreSQL answers at ${new URL(ADMIN_URL).host} (${(error as Error).message})`;
  } finally {
    await client.end().catch(() => {});
  }
}

/** Why the PostgreSQL suites cannot run here, or null when they can; throws when they must run (CI) but cannot. */
export async function postgresUnavailableReason(): Promise<string | null> {
  const reason = await probe();
  if (reason && postgresRequired) throw new Error(`REQUIRE_POSTGRES=1 but ${reason}`);
  return reason;
}

export interface TestDatabase {
  /** Connection URL of the new, empty database. */
  url: string;
  name: string;
  drop(): Promise<void>;
}

/** A new empty database with a unique name; `drop` removes it (closing whatever is still connected). */
export async function createTestDatabase(prefix = 'news_test'): Promise<TestDatabase> {
  const name = `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    async drop() {
      const client = new pg.Client({ connectionString: ADMIN_URL });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
