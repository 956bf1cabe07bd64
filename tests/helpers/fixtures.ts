// The sample data as tests see it: assertions read values from mock-data/, never copied literals.
import { loadMockData } from '@/mock-api/load-mock-data';
import { sortNewestFirst } from '@/mock-api/news-routes';
import { MOCK_DATA_DIR } from './mock-api-handlers';

export const sampleData = loadMockData(MOCK_DATA_DIR);
export const articlesNewestFirst = sortNewestFirst(sampleData.articles);
export const articleById = (id: string) => {
  const article = sampleData.articles.find((a) => a.id === id);
  if (!article) throw new Error(`no sample article ${id}`);
  return article;
};
export const topicName = (id: string) => sampleData.topics.find((t) => t.id === id)?.name ?? id;
