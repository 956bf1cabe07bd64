// npm run gen:data: deterministic, valid for the loaders, and shaped like an agency's archive.
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadNewsData, readDataFolder } from '@/backend/embedded/news-data';
import { generateDataSet } from '@/tools/generate-data';
import { SAMPLE_DATA_DIR } from '../helpers/fixtures';
import { generatedDataDir } from '../helpers/generated-data';

const filesOf = (dir: string) =>
  ['topics.json', 'articles.json', 'rates.json'].map((name) => readFileSync(path.join(dir, name), 'utf8'));

describe('gen:data', () => {
  it('writes the same files for the same seed, and other articles for another seed', () => {
    const again = mkdtempSync(path.join(os.tmpdir(), 'gen-again-'));
    generateDataSet({ articles: 300, outDir: again, seed: 7 });
    expect(filesOf(again)).toEqual(filesOf(generatedDataDir(300)));
    const other = mkdtempSync(path.join(os.tmpdir(), 'gen-other-'));
    generateDataSet({ articles: 300, outDir: other, seed: 8 });
    expect(filesOf(other)[1]).not.toEqual(filesOf(again)[1]);
  });

  it('writes files both loaders accept, with the sample topics and one article per line', () => {
    const dir = generatedDataDir(300);
    const data = readDataFolder(dir);
    expect(data.articles).toHaveLength(300);
    expect(data.topics).toEqual(readDataFolder(SAMPLE_DATA_DIR).topics);
    expect(data.rates?.days.length).toBeGreaterThan(200);
    expect(loadNewsData(dir).store.size).toBe(300);
    const lines = readFileSync(path.join(dir, 'articles.json'), 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(302);
    expect([lines[0], lines[301]]).toEqual(['[', ']']);
  });

  it('looks like a year of agency news: sizes, topics, pages, dates, links, varied words and accents', () => {
    const { articles } = readDataFolder(generatedDataDir(300));
    const words = articles.map((a) => a.pages.flat().join(' ').split(/\s+/).length);
    const average = words.reduce((a, b) => a + b, 0) / words.length;
    expect(average).toBeGreaterThan(380);
    expect(average).toBeLessThan(460);
    for (const article of articles) {
      expect(article.pages.flat().length).toBeGreaterThanOrEqual(5);
      expect(article.pages.flat().length).toBeLessThanOrEqual(6);
      expect(article.pages.length).toBeLessThanOrEqual(4);
      expect(article.topics.length).toBeLessThanOrEqual(4);
    }
    const pageCounts = new Set(articles.map((a) => a.pages.length));
    expect([...pageCounts].sort()).toEqual([1, 2, 3, 4]);
    const times = articles.map((a) => Date.parse(a.publishedAt));
    const span = (Math.max(...times) - Math.min(...times)) / 86_400_000;
    expect(span).toBeGreaterThan(350);
    expect(span).toBeLessThanOrEqual(366);
    expect(articles.filter((a) => a.related?.length).length).toBeGreaterThan(30);
    expect(articles.filter((a) => a.otherMedia?.length).length).toBeGreaterThan(15);
    expect(articles.filter((a) => a.partnerNews?.length).length).toBeGreaterThan(10);
    expect(articles.filter((a) => a.dateline).length).toBeGreaterThan(150);
    const text = articles.map((a) => `${a.title} ${a.pages.flat().join(' ')}`).join(' ');
    const distinct = new Set(text.toLowerCase().match(/\p{L}+/gu));
    expect(distinct.size).toBeGreaterThan(4000);
    expect(text).toMatch(/Zürich|São Paulo|Plzeň|Kraków|Malmö/);
  });
});
