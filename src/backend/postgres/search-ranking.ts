// Relevance as the embedded engine scores it (README "Search"): per query word, the best of its expansions a story
// holds (the closest typo tier first, then the highest score); a word's score is its idf times the expansion's
// weight times BM25 per field (title 4, lead 2, body 1); a story's tier and score are the sums over the words.
// PostgreSQL hands over, per story, only the query's words from its vector (search-documents.ts: the position
// range names the field), so scoring reads a few bytes per story instead of the whole vector.
import { FIELD_POSITION_START } from './search-documents.ts';
import type { Expansion } from './search-words.ts';

const FIELD_BOOST = [4, 2, 1] as const;
const K1 = 1.2;
const B = 0.75;

/** The archive's size and summed field lengths (search_totals). */
export interface Totals {
  documents: number;
  titleWords: number;
  leadWords: number;
  bodyWords: number;
}

/** A story with what ranking needs: its field lengths and the query's words it holds (a filtered tsvector's text). */
export interface RankRow {
  id: string;
  micros: number;
  titleWords: number;
  leadWords: number;
  bodyWords: number;
  hits: string;
}

export interface RankedStory {
  id: string;
  micros: number;
  tier: number;
  score: number;
  /** The query's words the story holds. */
  holds: ReadonlySet<string>;
}

/**
 * Occurrences per field (title, lead, body) of each word in a tsvector's text whose positions name the field:
 * `'word':1,2,4097,8193 'other':8193`. Read character by character: a window's text holds a million positions.
 */
function fieldCounts(vectorText: string): Map<string, [number, number, number]> {
  const counts = new Map<string, [number, number, number]>();
  const [, leadStart, bodyStart] = FIELD_POSITION_START;
  let at = 0;
  while (at < vectorText.length) {
    if (vectorText[at] !== "'") {
      at++;
      continue;
    }
    // A quoted word: '' stands for ' and a backslash escapes the next character.
    let word = '';
    for (at++; at < vectorText.length; at++) {
      const char = vectorText[at]!;
      if (char === '\\') word += vectorText[++at] ?? '';
      else if (char === "'" && vectorText[at + 1] === "'") word += vectorText[at++];
      else if (char === "'") break;
      else word += char;
    }
    at++;
    const count: [number, number, number] = [0, 0, 0];
    if (vectorText[at] === ':') {
      let position = 0;
      for (at++; at <= vectorText.length; at++) {
        const code = vectorText.charCodeAt(at);
        if (code >= 48 && code <= 57) position = position * 10 + code - 48;
        else {
          if (position) count[position >= bodyStart ? 2 : position >= leadStart ? 1 : 0]++;
          position = 0;
          if (code !== 44) break; // anything but a comma ends the positions
        }
      }
    }
    counts.set(word, count);
  }
  return counts;
}

const idf = (documentCount: number, df: number) => Math.log(1 + (documentCount - df + 0.5) / (df + 0.5));

/** Sort order of relevance: closest tier, best score, newest, then id. */
function compareRanked(a: RankedStory, b: RankedStory): number {
  return a.tier - b.tier || b.score - a.score || b.micros - a.micros || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Tier and score of each story (best first); a story missing a word (changed meanwhile) is left out. */
export function rankStories(rows: readonly RankRow[], words: readonly (readonly Expansion[])[], totals: Totals) {
  const n = totals.documents;
  const averages = [totals.titleWords, totals.leadWords, totals.bodyWords].map((sum) => sum / Math.max(1, n) || 1);
  // The embedded engine adds the words' scores rarest word first; the same order gives the same sums.
  const cost = (expansions: readonly Expansion[]) => expansions.reduce((sum, e) => sum + e.documents, 0);
  const ordered = [...words].sort((a, b) => cost(a) - cost(b));
  /** For each archive word, the query words it stands for, with its tier and its idf times its weight. */
  const standsFor = new Map<string, { word: number; tier: number; factor: number }[]>();
  ordered.forEach((expansions, word) => {
    for (const { word: text, tier, documents, weight } of expansions) {
      standsFor.set(text, [...(standsFor.get(text) ?? []), { word, tier, factor: idf(n, documents) * weight }]);
    }
  });
  const bestTier = new Float64Array(ordered.length);
  const bestScore = new Float64Array(ordered.length);
  const ranked: RankedStory[] = [];
  for (const row of rows) {
    const counts = fieldCounts(row.hits);
    const norms = [row.titleWords, row.leadWords, row.bodyWords].map(
      (length, f) => K1 * (1 - B + (B * length) / averages[f]!),
    );
    bestTier.fill(Infinity);
    bestScore.fill(0);
    for (const [text, count] of counts) {
      // BM25's saturated frequency per field times the field's boost, kept as float32 as the embedded index does.
      const weight = Math.fround(
        count.reduce((sum, tf, f) => sum + (tf ? (FIELD_BOOST[f]! * tf * (K1 + 1)) / (tf + norms[f]!) : 0), 0),
      );
      for (const { word, tier, factor } of standsFor.get(text) ?? []) {
        const score = factor * weight;
        if (tier < bestTier[word]! || (tier === bestTier[word] && score > bestScore[word]!)) {
          bestTier[word] = tier;
          bestScore[word] = score;
        }
      }
    }
    let tier = 0;
    let score = 0;
    for (let word = 0; word < ordered.length; word++) {
      tier += bestTier[word]!;
      score += bestScore[word]!;
    }
    if (tier !== Infinity) ranked.push({ id: row.id, micros: row.micros, tier, score, holds: new Set(counts.keys()) });
  }
  return ranked.sort(compareRanked);
}
