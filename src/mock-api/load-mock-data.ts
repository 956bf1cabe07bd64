// Reads and validates the data files once, at server start (Node only).
import type * as z from 'zod/mini';
import { articleSchema, topicSchema, type Article, type TopicRecord } from '../contract/news.ts';
import { checkRecord, readJsonFile } from './data-files.ts';
import { MockDataError } from './mock-data-error.ts';
import { loadRatesData, type RatesData } from './rates-data.ts';

export interface MockData {
  topics: TopicRecord[];
  articles: Article[];
  rates: RatesData;
}

function recordLabel(record: unknown, index: number): string {
  const id = typeof record === 'object' && record && 'id' in record ? (record as { id: unknown }).id : undefined;
  return typeof id === 'string' ? `record ${index} (id "${id}")` : `record ${index}`;
}

/** Validates an array file record by record, so the message points at the exact record and field. */
function validateRecords<S extends z.ZodMiniType>(fileName: string, value: unknown, schema: S): z.infer<S>[] {
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
  const topics = validateRecords('topics.json', topicsJson, topicSchema);
  checkUnique(
    'topics.json',
    topics.map((t) => t.id),
  );
  const articles = validateRecords('articles.json', articlesJson, articleSchema);
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

export function loadMockData(dir: string): MockData {
  return {
    ...parseNewsData(readJsonFile(dir, 'topics.json'), readJsonFile(dir, 'articles.json')),
    rates: loadRatesData(dir),
  };
}
