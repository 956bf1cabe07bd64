// `tsx tests/bench/load-generated-articles.ts DIR DATABASE_URL`: loads a `gen:data` folder into a PostgreSQL
// database (migrated first) with plain INSERTs, for the search bench. The adapter's own loader replaces it.
import { createReadStream, readFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import pg from 'pg';
import { migrate } from '../../src/backend/postgres/migrations.ts';
import type { Article, TopicRecord } from '../../src/contract/news.ts';
import { insertArticles, insertTopics } from '../helpers/insert-articles.ts';

const BATCH = 500;

export async function loadGeneratedArticles(dir: string, url: string): Promise<number> {
  const db = new pg.Pool({ connectionString: url, max: 1 });
  try {
    await migrate(db);
    const topics = JSON.parse(readFileSync(path.join(dir, 'topics.json'), 'utf8')) as TopicRecord[];
    await insertTopics(db, topics);
    let batch: Article[] = [];
    let loaded = 0;
    const lines = createInterface({ input: createReadStream(path.join(dir, 'articles.json'), 'utf8') });
    for await (const line of lines) {
      const record = line.trim().replace(/,$/, '');
      if (!record.startsWith('{')) continue;
      batch.push(JSON.parse(record) as Article);
      if (batch.length === BATCH) {
        await insertArticles(db, batch);
        loaded += batch.length;
        batch = [];
      }
    }
    if (batch.length) await insertArticles(db, batch);
    loaded += batch.length;
    await db.query('VACUUM ANALYZE');
    return loaded;
  } finally {
    await db.end();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir, url] = process.argv.slice(2);
  if (!dir || !url) throw new Error('usage: load-generated-articles.ts DIR DATABASE_URL');
  const started = performance.now();
  const count = await loadGeneratedArticles(dir, url);
  console.log(`loaded ${count} articles in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
