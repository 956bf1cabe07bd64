// Reads and validates the data files at server start, and again when they change (Node only).
import { createHash } from 'node:crypto';
import { articleSchema, topicSchema, type Article, type TopicRecord } from '../contract/news.ts';
import type { Output, Schema } from '../contract/validate.ts';
import { ArticleStoreBuilder, type ArticleStore } from './article-store.ts';
import { checkRecord, failRecord, readJsonFile } from './data-files.ts';
import { articleOverLimits } from './data-limits.ts';
import { readJsonArrayRecordSteps } from './json-records.ts';
import { MockDataError } from './mock-data-error.ts';
import { loadRatesData, RATES_FILE_NAME, type RatesData } from './rates-data.ts';
import { runInSlices, runToEnd } from './time-slices.ts';

/** The files a data folder may hold (rates.json is optional). */
export const DATA_FILE_NAMES: readonly string[] = ['topics.json', 'articles.json', RATES_FILE_NAME];

export interface MockData {
  topics: TopicRecord[];
  articles: Article[];
  rates: RatesData;
}

function recordLabel(record: unknown, index: number): string {
  const id = typeof record === 'object' && record && 'id' in record ? (record as { id: unknown }).id : undefined;
  return typeof id === 'string' ? `record ${index} (id "${id}")` : `record ${index}`;
}

/** An article checked against its schema and the data limits (sizes, a date not far ahead of `now`). */
function checkArticle(record: unknown, index: number, now: number): Article {
  const where = recordLabel(record, index);
  const article = checkRecord('articles.json', where, record, articleSchema);
  const over = articleOverLimits(article, now);
  if (over) failRecord('articles.json', where, ...over);
  return article;
}

/** Validates an array file record by record, so the message points at the exact record and field. */
function validateRecords<S extends Schema>(fileName: string, value: unknown, schema: S): Output<S>[] {
  if (!Array.isArray(value)) throw new MockDataError(`${fileName}: expected a JSON array of records`);
  return value.map((record, index) => checkRecord(fileName, recordLabel(record, index), record, schema));
}

function checkUnique(fileName: string, ids: string[]): void {
  const seen = new Set<string>();
  ids.forEach((id, index) => {
    if (seen.has(id)) throw new MockDataError(`${fileName}: record ${index} (id "${id}"), field "id": duplicate id`);
    seen.add(id);
  });
}

export function parseNewsData(topicsJson: unknown, articlesJson: unknown): Omit<MockData, 'rates'> {
  const topics = readTopics(topicsJson);
  if (!Array.isArray(articlesJson)) throw new MockDataError('articles.json: expected a JSON array of records');
  const now = Date.now();
  const articles = articlesJson.map((record, index) => checkArticle(record, index, now));
  checkUnique(
    'articles.json',
    articles.map((a) => a.id),
  );

  const topicIds = new Set(topics.map((t) => t.id));
  const articleIds = new Set(articles.map((a) => a.id));
  articles.forEach((article, index) => {
    const where = `articles.json: ${recordLabel(article, index)}`;
    article.topics.forEach((topic, i) => {
      if (!topicIds.has(topic)) throw new MockDataError(`${where}, field "topics[${i}]": unknown topic "${topic}"`);
    });
    article.related?.forEach((id, i) => {
      if (!articleIds.has(id)) throw new MockDataError(`${where}, field "related[${i}]": unknown article "${id}"`);
    });
  });
  return { topics, articles };
}

/** What the API serves from: the articles kept compactly, and where they came from (for the index cache). */
export interface NewsData {
  topics: TopicRecord[];
  store: ArticleStore;
  rates: RatesData;
  /** SHA-256 of topics.json and articles.json when read from files (the search index cache key). */
  dataKey: string | null;
  dataDir: string | null;
}

function readTopics(json: unknown): TopicRecord[] {
  const topics = validateRecords('topics.json', json, topicSchema);
  checkUnique(
    'topics.json',
    topics.map((t) => t.id),
  );
  return topics;
}

/** Checks each article as it arrives (schema, limits, unique id, known topics), then the related ids once all are in. */
class ArticleCollector {
  readonly builder = new ArticleStoreBuilder();
  private readonly now = Date.now();
  constructor(private readonly topicIds: ReadonlySet<string>) {}

  add = (record: unknown, index: number) => {
    const article = checkArticle(record, index, this.now);
    const where = `articles.json: ${recordLabel(article, index)}`;
    if (this.builder.ids.has(article.id)) throw new MockDataError(`${where}, field "id": duplicate id`);
    article.topics.forEach((topic, i) => {
      if (!this.topicIds.has(topic))
        throw new MockDataError(`${where}, field "topics[${i}]": unknown topic "${topic}"`);
    });
    this.builder.add(article);
  };

  finish(): ArticleStore {
    const { builder } = this;
    for (let index = 0; index < builder.count; index++) {
      const summary = builder.summaryOf(index);
      summary.related?.forEach((id, i) => {
        if (!builder.ids.has(id)) {
          const where = `articles.json: ${recordLabel(summary, index)}`;
          throw new MockDataError(`${where}, field "related[${i}]": unknown article "${id}"`);
        }
      });
    }
    return builder.finish();
  }
}

/** Data already in memory (tests, small sets; trusted as given, like parsed data) in the form the API serves. */
export function prepareNewsData(data: MockData): NewsData {
  const builder = new ArticleStoreBuilder();
  for (const article of data.articles) builder.add(article);
  return { topics: data.topics, store: builder.finish(), rates: data.rates, dataKey: null, dataDir: null };
}

/** The server's loader, one step per article: articles.json is read record by record, kept compactly. */
function* newsDataSteps(dir: string): Generator<void, NewsData, void> {
  const topicsText = JSON.stringify(readJsonFile(dir, 'topics.json'));
  const topics = readTopics(JSON.parse(topicsText));
  const collector = new ArticleCollector(new Set(topics.map((t) => t.id)));
  const articlesHash = yield* readJsonArrayRecordSteps(dir, 'articles.json', collector.add);
  const dataKey = createHash('sha256').update(topicsText).update(articlesHash).digest('hex');
  return { topics, store: collector.finish(), rates: loadRatesData(dir), dataKey, dataDir: dir };
}

/** Loads the data folder at once (server start: nothing is served yet). */
export const loadNewsData = (dir: string): NewsData => runToEnd(newsDataSteps(dir));

/** Loads the data folder in slices between requests (a reload while the old data is served). */
export const loadNewsDataInSlices = (dir: string, stopped: () => boolean): Promise<NewsData> =>
  runInSlices(newsDataSteps(dir), { stopped });

export function loadMockData(dir: string): MockData {
  return {
    ...parseNewsData(readJsonFile(dir, 'topics.json'), readJsonFile(dir, 'articles.json')),
    rates: loadRatesData(dir),
  };
}
