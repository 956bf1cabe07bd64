// Reads and validates the data folder at start, and again when it changes (Node only); validates data given in
// memory (tests, batches to store) with the same rules and messages.
import { createHash } from 'node:crypto';
import { articleSchema, topicSchema, type Article, type TopicRecord } from '../../contract/news.ts';
import type { Output, Schema } from '../../contract/validate.ts';
import { ArticleStoreBuilder, type ArticleStore } from './article-store.ts';
import { DataFileError } from './data-file-error.ts';
import { checkRecord, failRecord, readJsonFile } from './data-files.ts';
import { articleOverLimits } from './data-limits.ts';
import { readJsonArrayRecordSteps } from './json-records.ts';
import { loadRatesData, RATES_FILE_NAME, type RatesData } from './rates-data.ts';
import { runInSlices, runToEnd } from './time-slices.ts';

export const TOPICS_FILE_NAME = 'topics.json';
export const ARTICLES_FILE_NAME = 'articles.json';
/** The files a data folder may hold (rates.json is optional). */
export const DATA_FILE_NAMES: readonly string[] = [TOPICS_FILE_NAME, ARTICLES_FILE_NAME, RATES_FILE_NAME];

/** A data folder's content as plain records, checked (what tests compare the API's answers with). */
export interface DataSet {
  topics: TopicRecord[];
  articles: Article[];
  rates: RatesData;
}

function recordLabel(record: unknown, index: number): string {
  const id = typeof record === 'object' && record && 'id' in record ? (record as { id: unknown }).id : undefined;
  return typeof id === 'string' ? `record ${index} (id "${id}")` : `record ${index}`;
}

/** Validates an array of records one by one, so the message points at the exact record and field. */
function validateRecords<S extends Schema>(source: string, value: unknown, schema: S): Output<S>[] {
  if (!Array.isArray(value)) throw new DataFileError(`${source}: expected a JSON array of records`);
  return value.map((record, index) => checkRecord(source, recordLabel(record, index), record, schema));
}

function checkUnique(source: string, ids: string[]): void {
  const seen = new Set<string>();
  ids.forEach((id, index) => {
    if (seen.has(id)) throw new DataFileError(`${source}: record ${index} (id "${id}"), field "id": duplicate id`);
    seen.add(id);
  });
}

/** Topic records checked against their schema, ids unique. `source` names them in messages (a file, a batch). */
export function checkTopics(json: unknown, source = TOPICS_FILE_NAME): TopicRecord[] {
  const topics = validateRecords(source, json, topicSchema);
  checkUnique(
    source,
    topics.map((t) => t.id),
  );
  return topics;
}

/**
 * Checks article records as they arrive (schema, limits, unique id, known topics), then the related ids once all are
 * in, and keeps them compactly. `source` names the records in messages: the file, or the batch being stored.
 */
export class ArticleCollector {
  readonly builder = new ArticleStoreBuilder();
  private readonly now = Date.now();
  constructor(
    private readonly topicIds: ReadonlySet<string>,
    private readonly source = ARTICLES_FILE_NAME,
    /** Articles stored already, which `related` may name too. */
    private readonly otherArticleIds: ReadonlySet<string> = new Set(),
  ) {}

  add = (record: unknown, index: number): Article => {
    const where = recordLabel(record, index);
    const article = checkRecord(this.source, where, record, articleSchema);
    const over = articleOverLimits(article, this.now);
    if (over) failRecord(this.source, where, ...over);
    if (this.builder.ids.has(article.id)) failRecord(this.source, where, 'id', 'duplicate id');
    article.topics.forEach((topic, i) => {
      if (!this.topicIds.has(topic)) failRecord(this.source, where, `topics[${i}]`, `unknown topic "${topic}"`);
    });
    this.builder.add(article);
    return article;
  };

  finish(): ArticleStore {
    const { builder } = this;
    for (let index = 0; index < builder.count; index++) {
      const summary = builder.summaryOf(index);
      summary.related?.forEach((id, i) => {
        if (!builder.ids.has(id) && !this.otherArticleIds.has(id)) {
          failRecord(this.source, recordLabel(summary, index), `related[${i}]`, `unknown article "${id}"`);
        }
      });
    }
    return builder.finish();
  }
}

/** The parsed topics.json and articles.json checked record by record, as plain records. */
export function parseNewsData(topicsJson: unknown, articlesJson: unknown): Omit<DataSet, 'rates'> {
  const topics = checkTopics(topicsJson);
  if (!Array.isArray(articlesJson)) throw new DataFileError(`${ARTICLES_FILE_NAME}: expected a JSON array of records`);
  const collector = new ArticleCollector(new Set(topics.map((t) => t.id)));
  const articles = articlesJson.map(collector.add);
  collector.finish();
  return { topics, articles };
}

/** What the embedded backend serves from: the articles kept compactly, and where they came from (index cache). */
export interface NewsData {
  topics: TopicRecord[];
  store: ArticleStore;
  rates: RatesData;
  /** SHA-256 of topics.json and articles.json when read from files or written to them (the search index cache key). */
  dataKey: string | null;
}

/** The cache key of a data folder: its topics (as compact JSON) and the SHA-256 of its articles file. */
export const dataKeyOf = (topicsJson: string, articlesFileSha256: string) =>
  createHash('sha256').update(topicsJson).update(articlesFileSha256).digest('hex');

/** The loader, one step per article: articles.json is read record by record, kept compactly. */
function* newsDataSteps(dir: string): Generator<void, NewsData, void> {
  const topicsText = JSON.stringify(readJsonFile(dir, TOPICS_FILE_NAME));
  const topics = checkTopics(JSON.parse(topicsText));
  const collector = new ArticleCollector(new Set(topics.map((t) => t.id)));
  const articlesHash = yield* readJsonArrayRecordSteps(dir, ARTICLES_FILE_NAME, collector.add);
  return { topics, store: collector.finish(), rates: loadRatesData(dir), dataKey: dataKeyOf(topicsText, articlesHash) };
}

/** Loads the data folder at once (start: nothing is served yet). */
export const loadNewsData = (dir: string): NewsData => runToEnd(newsDataSteps(dir));

/** Loads the data folder in slices between requests (a reload while the old data is served). */
export const loadNewsDataInSlices = (dir: string, stopped: () => boolean): Promise<NewsData> =>
  runInSlices(newsDataSteps(dir), { stopped });

/** The data folder's content as plain records (tests compare the API's answers with it). */
export function readDataFolder(dir: string): DataSet {
  return {
    ...parseNewsData(readJsonFile(dir, TOPICS_FILE_NAME), readJsonFile(dir, ARTICLES_FILE_NAME)),
    rates: loadRatesData(dir),
  };
}
