// `npm run gen:data -- --articles N --out DIR [--seed S]`: a deterministic, realistic data set for DATA_DIR
// (topics.json, articles.json, rates.json). articles.json is written as it is generated, one record per line
// inside a plain JSON array, so 100,000 articles never sit in memory and the loader can read them line by line.
import { closeSync, copyFileSync, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { RATES_FILE_NAME, serializeRatesFile } from '../backend/embedded/rates-data.ts';
import type { Article, ExternalLink } from '../contract/news.ts';
import { foldWord } from '../contract/words.ts';
import { generateSampleRates, SAMPLE_LAST_DAY } from './generate-sample-rates.ts';
import { SOURCES } from './generated-names.ts';
import { createTextModel, type TextModel } from './generated-text.ts';
import { mulberry32, pick, randomInt, weightedPicker, type Random } from './seeded-random.ts';

// A path, not new URL(): under jsdom (tests) URL is jsdom's class, which fileURLToPath refuses.
const SAMPLE_TOPICS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../mock-data/topics.json');
const TOPIC_IDS = ['politics', 'world', 'economy', 'defense', 'science', 'emergencies', 'society', 'pressreview'];
const pickTopic = weightedPicker([...TOPIC_IDS, 'sports'], [16, 18, 16, 9, 9, 8, 11, 5, 8]);
const pickTopicCount = weightedPicker([1, 2, 3, 4], [45, 30, 17, 8]);
const pickPageCount = weightedPicker([1, 2, 3, 4], [35, 35, 22, 8]);
/** About 420 words per article: 5-6 paragraphs of about 76 words (sentences overshoot the target). */
const WORDS_PER_PARAGRAPH = 66;
const NEWEST = Date.parse(`${SAMPLE_LAST_DAY}T23:00:00+03:00`);
const YEAR_MS = 365 * 24 * 3600_000;
const WRITE_CHUNK = 4 << 20;

export interface GenerateOptions {
  articles: number;
  outDir: string;
  seed?: number;
}

/** "2026-11-27T23:00:00+03:00": agency (Moscow) wall time with its offset, like the sample data. */
function agencyTime(ms: number): string {
  const minute = Math.floor(ms / 60_000) * 60_000;
  return new Date(minute + 3 * 3600_000).toISOString().replace(/\.\d+Z$/, '+03:00');
}

const slugOf = (text: string, words: number) =>
  foldWord(text)
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .slice(0, words)
    .join('-');

function links(random: Random, text: TextModel, count: number, day: string): ExternalLink[] {
  return Array.from({ length: count }, () => {
    const [source, site] = pick(random, SOURCES);
    const title = text.title(random);
    return { title, source, url: `${site}/${day.replaceAll('-', '/')}/${slugOf(title, 5) || 'story'}` };
  });
}

function splitIntoPages(paragraphs: string[], pageCount: number): string[][] {
  const pages: string[][] = [];
  let next = 0;
  for (let page = 0; page < pageCount; page++) {
    const take = Math.ceil((paragraphs.length - next) / (pageCount - page));
    pages.push(paragraphs.slice(next, next + take));
    next += take;
  }
  return pages;
}

function generateArticle(random: Random, text: TextModel, index: number, total: number, earlierIds: string[]) {
  const step = YEAR_MS / total;
  const publishedAt = agencyTime(NEWEST - index * step - random() * step);
  const title = text.title(random);
  const topics = new Set<string>();
  const topicCount = pickTopicCount(random);
  while (topics.size < topicCount) topics.add(pickTopic(random));
  const paragraphs = Array.from({ length: random() < 0.5 ? 5 : 6 }, () =>
    text.paragraph(random, Math.round(WORDS_PER_PARAGRAPH * (0.6 + random() * 0.8))),
  );
  const article: Article = {
    id: `${slugOf(title, 6) || 'story'}-${1000 + index}`,
    title,
    lead: text.lead(random),
    publishedAt,
    ...(random() < 0.75 ? { dateline: text.place(random).toUpperCase() } : {}),
    topics: [...topics],
    pages: splitIntoPages(paragraphs, pickPageCount(random)),
  };
  if (earlierIds.length && random() < 0.25) {
    const recent = earlierIds.slice(-500);
    article.related = [...new Set(Array.from({ length: randomInt(random, 1, 3) }, () => pick(random, recent)))];
  }
  if (random() < 0.15) article.otherMedia = links(random, text, randomInt(random, 1, 3), publishedAt.slice(0, 10));
  if (random() < 0.12) article.partnerNews = links(random, text, randomInt(random, 1, 2), publishedAt.slice(0, 10));
  return article;
}

/** Writes the three files; returns how many articles and bytes articles.json holds. */
export function generateDataSet({ articles: total, outDir, seed = 20261127 }: GenerateOptions) {
  mkdirSync(outDir, { recursive: true });
  copyFileSync(SAMPLE_TOPICS, path.join(outDir, 'topics.json'));
  writeFileSync(path.join(outDir, RATES_FILE_NAME), serializeRatesFile(generateSampleRates()));

  const random = mulberry32(seed);
  const text = createTextModel();
  const ids: string[] = [];
  const fd = openSync(path.join(outDir, 'articles.json'), 'w');
  let bytes = 0;
  let pending = '[\n';
  const flush = () => {
    bytes += writeSync(fd, pending);
    pending = '';
  };
  try {
    for (let i = 0; i < total; i++) {
      const article = generateArticle(random, text, i, total, ids);
      ids.push(article.id);
      pending += `${JSON.stringify(article)}${i < total - 1 ? ',' : ''}\n`;
      if (pending.length > WRITE_CHUNK) flush();
    }
    pending += ']\n';
    flush();
  } finally {
    closeSync(fd);
  }
  return { articles: total, bytes };
}

function main() {
  const { values } = parseArgs({
    options: { articles: { type: 'string' }, out: { type: 'string' }, seed: { type: 'string' } },
  });
  const articles = Number(values.articles);
  const seed = values.seed === undefined ? undefined : Number(values.seed);
  if (
    !Number.isSafeInteger(articles) ||
    articles < 1 ||
    !values.out ||
    (seed !== undefined && !Number.isSafeInteger(seed))
  ) {
    console.error('usage: npm run gen:data -- --articles N --out DIR [--seed S]');
    process.exit(2);
  }
  const started = performance.now();
  const outDir = path.resolve(values.out);
  const result = generateDataSet({ articles, outDir, seed });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`Wrote ${outDir}: ${result.articles} articles (${(result.bytes / 1e6).toFixed(1)} MB) in ${seconds} s.`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename ?? '')) main();
