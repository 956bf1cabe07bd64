// A data folder (topics.json, articles.json, rates.json: what the embedded store serves) written into PostgreSQL.
// Checked as the embedded loader checks it (the same schemas, limits and messages naming file, record and field),
// and refused as it is: the whole folder is one transaction, so a bad record anywhere leaves the database as it
// was. articles.json is read record by record and written in batches, so memory stays flat whatever its size.
import type { Pool } from 'pg';
import { articleSchema, type Article } from '../../contract/news.ts';
import { checkRecord, failRecord, readJsonFile } from '../embedded/data-files.ts';
import { articleOverLimits } from '../embedded/data-limits.ts';
import { readJsonArrayRecordSteps } from '../embedded/json-records.ts';
import { checkTopics } from '../embedded/news-data.ts';
import { loadRatesData } from '../embedded/rates-data.ts';
import type { UpsertResult } from '../ports.ts';
import { addResults, announceChange, emptyResult, isChange, upsertNews } from './news-upsert.ts';
import { replaceRates } from './postgres-rates.ts';
import { inTransaction } from './transaction.ts';

const ARTICLES_FILE = 'articles.json';

export interface DataFolderReport {
  topics: UpsertResult;
  articles: UpsertResult;
  /** Publication days; null when the folder has no rates.json (the stored rates are then kept). */
  rateDays: (UpsertResult & { removed: number }) | null;
}

export interface LoadOptions {
  /** Articles per INSERT. */
  batchSize?: number;
  /** Called after each batch with the number of articles read so far. */
  progress?: (articles: number) => void;
}

function recordLabel(record: unknown, index: number): string {
  const id = typeof record === 'object' && record && 'id' in record ? (record as { id: unknown }).id : undefined;
  return typeof id === 'string' ? `record ${index} (id "${id}")` : `record ${index}`;
}

/** The embedded loader's checks of one article (schema, limits, unique id, known topics), and of related ids once
 * every article was read. */
class ArticleChecks {
  private readonly ids = new Set<string>();
  private readonly related: { index: number; article: Pick<Article, 'id' | 'related'> }[] = [];
  private readonly now = Date.now();

  constructor(private readonly topicIds: ReadonlySet<string>) {}

  check(record: unknown, index: number): Article {
    const where = recordLabel(record, index);
    const article = checkRecord(ARTICLES_FILE, where, record, articleSchema);
    const over = articleOverLimits(article, this.now);
    if (over) failRecord(ARTICLES_FILE, where, ...over);
    if (this.ids.has(article.id)) failRecord(ARTICLES_FILE, where, 'id', 'duplicate id');
    article.topics.forEach((topic, i) => {
      if (!this.topicIds.has(topic)) failRecord(ARTICLES_FILE, where, `topics[${i}]`, `unknown topic "${topic}"`);
    });
    this.ids.add(article.id);
    if (article.related?.length) this.related.push({ index, article: { id: article.id, related: article.related } });
    return article;
  }

  checkRelated(): void {
    for (const { index, article } of this.related) {
      article.related!.forEach((id, i) => {
        if (!this.ids.has(id)) {
          failRecord(ARTICLES_FILE, recordLabel(article, index), `related[${i}]`, `unknown article "${id}"`);
        }
      });
    }
  }
}

/** Writes the folder `dir` into the migrated database behind `pool`; throws DataFileError for data it refuses. */
export async function loadDataFolder(
  pool: Pool,
  dir: string,
  { batchSize = 2500, progress }: LoadOptions = {},
): Promise<DataFolderReport> {
  // The small files are checked whole before anything is written.
  const topics = checkTopics(readJsonFile(dir, 'topics.json'));
  const rates = loadRatesData(dir);
  const checks = new ArticleChecks(new Set(topics.map((topic) => topic.id)));
  const report = await inTransaction(pool, async (client) => {
    const topicResult = await upsertNews(client, { topics });
    let articles = emptyResult();
    let batch: Article[] = [];
    let read = 0;
    const flush = async () => {
      articles = addResults(articles, await upsertNews(client, { articles: batch }));
      read += batch.length;
      batch = [];
      progress?.(read);
    };
    const steps = readJsonArrayRecordSteps(dir, ARTICLES_FILE, (record, index) => {
      batch.push(checks.check(record, index));
    });
    for (let step = steps.next(); !step.done; step = steps.next()) {
      if (batch.length >= batchSize) await flush();
    }
    if (batch.length > 0) await flush();
    checks.checkRelated();
    const rateDays = rates && (await replaceRates(client, rates));
    if (isChange(topicResult) || isChange(articles)) await announceChange(client, 'db-load');
    return { topics: topicResult, articles, rateDays };
  });
  // Fresh statistics, so the first feed queries after a large load are planned for its size.
  if (isChange(report.articles)) await pool.query('ANALYZE articles, topic_day_counts');
  return report;
}
