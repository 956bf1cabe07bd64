// `DATABASE_URL=postgres://… npm run db:load -- DIR`: migrates the database and writes the data folder DIR into it
// (topics.json, articles.json, rates.json: what MOCK_DATA_DIR serves), checked as the embedded loader checks it.
// A bad record refuses the whole folder, naming file, record and field, and nothing is written. Loading the same
// folder again changes nothing. Stories already stored but missing from the folder are kept.
import path from 'node:path';
import pg from 'pg';
import { DataFileError } from '../backend/embedded/data-file-error.ts';
import type { UpsertResult } from '../backend/ports.ts';
import { describeDatabase } from '../backend/postgres/database-availability.ts';
import { loadDataFolder } from '../backend/postgres/load-data-folder.ts';
import { migrate } from '../backend/postgres/migrations.ts';

const PROGRESS_EVERY = 10_000;

const counts = ({ inserted, updated, unchanged }: UpsertResult) =>
  `${inserted} inserted, ${updated} updated, ${unchanged} unchanged`;

async function main(): Promise<number> {
  const dir = process.argv[2];
  const url = process.env.DATABASE_URL;
  if (!dir || !url || process.argv.length > 3) {
    console.error('usage: DATABASE_URL=postgres://user@host:port/database npm run db:load -- DIR');
    return 2;
  }
  const started = performance.now();
  const seconds = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
  const pool = new pg.Pool({ connectionString: url, max: 1, application_name: 'agency-news-db-load' });
  pool.on('error', (error) => console.error(`db:load: the database connection was lost (${error.message})`));
  try {
    const { applied } = await migrate(pool);
    console.log(
      `db:load: ${describeDatabase(url)}: ${applied.length > 0 ? `migrated ${applied.join(', ')}` : 'schema up to date'}`,
    );
    let shown = 0;
    const report = await loadDataFolder(pool, path.resolve(dir), {
      progress: (articles) => {
        if (articles - shown < PROGRESS_EVERY) return;
        shown = articles;
        console.log(`db:load: articles.json: ${articles} records written (${seconds()})`);
      },
    });
    console.log(`db:load: done in ${seconds()}`);
    console.log(`  topics:   ${counts(report.topics)}`);
    console.log(`  articles: ${counts(report.articles)}`);
    console.log(
      report.rateDays
        ? `  rates:    ${counts(report.rateDays)}, ${report.rateDays.removed} removed (days)`
        : '  rates:    no rates.json; the stored rates are kept',
    );
    return 0;
  } catch (error) {
    const message = error instanceof DataFileError ? error.message : `${(error as Error).message}`;
    console.error(`db:load: ${message}\ndb:load: nothing was written.`);
    return 1;
  } finally {
    await pool.end();
  }
}

process.exitCode = await main();
