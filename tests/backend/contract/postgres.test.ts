// The backend contract on the PostgreSQL adapter: each group's data written through the ports into a database of
// its own (created here, dropped when the group's backend closes), as `db:load` or an import would write it.
import { describe } from 'vitest';
import { createPostgresBackend } from '@/backend/postgres/postgres-backend';
import { createTestDatabase, postgresUnavailableReason } from '../../helpers/test-database';
import { describeBackendContract } from './backend-contract';

const unavailable = await postgresUnavailableReason();
const quiet = { info: () => {}, warn: () => {}, error: () => {} };

describe.skipIf(unavailable !== null)(`PostgreSQL${unavailable ? ` (skipped: ${unavailable})` : ''}`, () => {
  describeBackendContract('postgres', async (data) => {
    const database = await createTestDatabase('news_contract');
    const backend = await createPostgresBackend({ url: database.url, log: quiet });
    if (!(await backend.ready)) throw new Error(`PostgreSQL at ${database.name} did not become ready`);
    await backend.news.upsert({ topics: data.topics, articles: data.articles });
    if (data.rates) await backend.rates.replace(data.rates);
    return Object.assign(Object.create(backend) as typeof backend, {
      async close() {
        await backend.close();
        await database.drop();
      },
    });
  });
});
