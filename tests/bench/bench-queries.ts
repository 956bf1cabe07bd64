// 200 varied search requests drawn from a data set itself, the same for every engine and for the API bench:
// single words, two words, prefixes while typing (one and two letters too), typos, accents, topic filters, day
// ranges, sort=newest and second pages. Deterministic for a given data set.
import type { ArticleSummary } from '../../src/contract/news.ts';

export interface BenchQuery {
  q: string;
  topics?: string[];
  /** Inclusive agency days, YYYY-MM-DD. */
  from?: string;
  to?: string;
  sort?: 'newest';
  /** 1 = the first page; 2 = the page after it (by cursor through the API, by offset in the engine bench). */
  page: 1 | 2;
}

const ACCENTED = ['zurich', 'Zürich', 'sao paulo', 'plzen', 'PLZEŇ', 'krakow', 'malmo', 'bogota', 'lodz', 'tromso'];
const TOPIC_SETS = [['politics'], ['economy', 'world'], ['science', 'defense', 'emergencies'], ['sports'], ['society']];

/** One edit inside the word, like a hurried typist: a letter dropped, doubled or swapped for its neighbour. */
function typo(word: string, i: number): string {
  const at = 1 + (i % (word.length - 2));
  if (i % 3 === 0) return word.slice(0, at) + word.slice(at + 1);
  if (i % 3 === 1) return word.slice(0, at) + word[at] + word.slice(at);
  return word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
}

export function benchQueries(summaries: readonly ArticleSummary[]): BenchQuery[] {
  const titleWords = summaries
    .filter((_, i) => i % Math.max(1, Math.floor(summaries.length / 400)) === 0)
    .map((s) =>
      s.title
        .toLowerCase()
        .split(/[^\p{L}]+/u)
        .filter((w) => w.length >= 4),
    );
  const words = [...new Set(titleWords.flat())];
  const long = words.filter((w) => w.length >= 6);
  const pairs = titleWords.filter((t) => t.length >= 2).map((t) => `${t[0]} ${t[1]}`);
  const newest = summaries[0]!.publishedAt.slice(0, 10);
  const daysBefore = (n: number) =>
    new Date(Date.parse(`${newest}T12:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);
  const word = (i: number) => words[(i * 37) % words.length]!;
  const queries: BenchQuery[] = [];
  for (let i = 0; queries.length < 200; i++) {
    const kind = i % 10;
    if (kind === 0) queries.push({ q: word(i), page: 1 });
    else if (kind === 1) queries.push({ q: pairs[(i * 13) % pairs.length]!, page: 1 });
    else if (kind === 2)
      queries.push({ q: word(i).slice(0, 1 + (i % 4)), page: 1 }); // typing: 1 to 4 letters
    else if (kind === 3) queries.push({ q: `${word(i + 1)} ${word(i).slice(0, 1 + (i % 2))}`, page: 1 });
    else if (kind === 4) queries.push({ q: typo(long[(i * 11) % long.length]!, i), page: 1 });
    else if (kind === 5) queries.push({ q: ACCENTED[i % ACCENTED.length]!, page: 1 });
    else if (kind === 6) queries.push({ q: word(i), topics: TOPIC_SETS[i % TOPIC_SETS.length]!, page: 1 });
    else if (kind === 7)
      queries.push({ q: word(i + 2), from: daysBefore(30 + (i % 60)), to: daysBefore(i % 30), page: 1 });
    else if (kind === 8) queries.push({ q: i % 20 === 8 ? 's' : word(i + 3), sort: 'newest', page: 1 });
    else queries.push({ q: word(i + 4).slice(0, 3), page: 2, ...(i % 20 === 9 ? { sort: 'newest' as const } : {}) });
  }
  return queries;
}

export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
}

export const round = (ms: number, digits = 2) => Math.round(ms * 10 ** digits) / 10 ** digits;
