// The sample data as tests see it: assertions read values from mock-data/, never copied literals.
import { cpSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readDataFolder } from '@/backend/embedded/news-data';
import { sortNewestFirst } from '@/backend/feed-cursor';

export const SAMPLE_DATA_DIR = path.resolve(__dirname, '../../mock-data');
export const sampleData = readDataFolder(SAMPLE_DATA_DIR);
export const articlesNewestFirst = sortNewestFirst(sampleData.articles);
export const articleById = (id: string) => {
  const article = sampleData.articles.find((a) => a.id === id);
  if (!article) throw new Error(`no sample article ${id}`);
  return article;
};
export const topicName = (id: string) => sampleData.topics.find((t) => t.id === id)?.name ?? id;

/** A copy of the sample data folder, so a test may change or break its files. */
export function copyOfSampleData(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'news-sample-'));
  for (const name of ['topics.json', 'articles.json', 'rates.json'])
    cpSync(path.join(SAMPLE_DATA_DIR, name), path.join(dir, name));
  return dir;
}
