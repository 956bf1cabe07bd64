// Which documents match a search, and how well: each query word becomes a few archive words (itself; for the
// last word, its most widespread completions; for a word found nowhere, its closest typo candidates), every word
// must match, and the topic and day filters are applied while the postings are read, never after scoring.
import { typoAllowance } from '../../contract/words.ts';
import { documentFrequency, firstPostingFrom, prefixRange, termNumber, type SearchIndex } from './search-index.ts';
import { closeWords, type Vocabulary } from './search-typos.ts';

/**
 * The last word matches as the start of at most this many archive words, the most widespread ones: fewer for one
 * or two letters, whose completions are each in a large share of the archive.
 */
export const MAX_PREFIX_EXPANSION = 50;
export const prefixExpansionCap = (prefix: string) =>
  prefix.length === 1 ? 10 : prefix.length === 2 ? 25 : MAX_PREFIX_EXPANSION;
/** A word found nowhere matches at most this many archive words within its typo allowance. */
const MAX_TYPO_CANDIDATES = 20;
/** A completion counts a little less than the whole word typed. */
const PREFIX_WEIGHT = 0.7;

export interface Expansion {
  term: number;
  weight: number;
  /** 0 for the word as typed or a completion of it; the edit distance for a typo candidate. */
  tier: number;
}

export interface SearchContext {
  index: SearchIndex;
  vocabulary: Vocabulary;
}

/** The archive words standing for one query word. */
export function expandWord(
  { index, vocabulary }: SearchContext,
  word: string,
  isLast: boolean,
  typos = true,
): Expansion[] {
  const exact = termNumber(index, word);
  const expansions: Expansion[] = exact >= 0 ? [{ term: exact, weight: 1, tier: 0 }] : [];
  if (isLast) {
    const [from, to] = prefixRange(index, word);
    const completions: number[] = [];
    for (let t = from; t < to; t++) if (t !== exact) completions.push(t);
    const cap = prefixExpansionCap(word);
    if (completions.length > cap) {
      completions.sort((a, b) => documentFrequency(index, b) - documentFrequency(index, a) || a - b);
      completions.length = cap;
    }
    for (const term of completions) expansions.push({ term, weight: PREFIX_WEIGHT, tier: 0 });
  }
  if (expansions.length > 0 || !typos) return expansions;
  // Typos are forgiven only in a word that appears nowhere as written (the last word: nowhere as a start).
  const allowance = typoAllowance(word);
  if (allowance === 0) return [];
  return closeWords(index, vocabulary, word, allowance, MAX_TYPO_CANDIDATES).map(({ term, distance }) => ({
    term,
    weight: 1 / (1 + distance),
    tier: distance,
  }));
}

export interface MatchFilter {
  /** Documents [from, to) by number: the day range, as documents are numbered newest first. */
  from: number;
  to: number;
  /** Null for every topic; else membership per topic asked for (any of them). */
  topics: readonly Uint8Array[] | null;
  /** The source filter's test of a document; null for every source. */
  sources: ((doc: number) => boolean) | null;
}

export interface Matches {
  docs: Uint32Array;
  scores: Float64Array;
  tiers: Uint16Array;
}

const idf = (documentCount: number, df: number) => Math.log(1 + (documentCount - df + 0.5) / (df + 0.5));

/** Scratch arrays reused by every search (one search runs at a time). */
export class Matcher {
  private readonly wordStamp: Uint32Array;
  private readonly setStamp: Uint32Array;
  private readonly wordScore: Float64Array;
  private readonly wordTier: Uint16Array;
  private readonly totalScore: Float64Array;
  private readonly totalTier: Uint16Array;
  private generation = 0;

  constructor(private readonly index: SearchIndex) {
    const n = index.documentCount;
    this.wordStamp = new Uint32Array(n);
    this.setStamp = new Uint32Array(n);
    this.wordScore = new Float64Array(n);
    this.wordTier = new Uint16Array(n);
    this.totalScore = new Float64Array(n);
    this.totalTier = new Uint16Array(n);
  }

  /** Documents matching every word (each through any of its expansions), with score and typo tier. */
  match(words: readonly (readonly Expansion[])[], filter: MatchFilter): Matches {
    const { index } = this;
    const cost = (expansions: readonly Expansion[]) =>
      expansions.reduce((sum, e) => sum + documentFrequency(index, e.term), 0);
    const ordered = [...words].sort((a, b) => cost(a) - cost(b));
    let candidates: number[] | null = null;
    for (const expansions of ordered) {
      if (expansions.length === 0)
        return { docs: new Uint32Array(0), scores: new Float64Array(0), tiers: new Uint16Array(0) };
      candidates = this.matchWord(expansions, filter, candidates);
      if (candidates.length === 0) break;
    }
    const docs = Uint32Array.from(candidates ?? []);
    return {
      docs,
      scores: Float64Array.from(docs, (d) => this.totalScore[d]!),
      tiers: Uint16Array.from(docs, (d) => this.totalTier[d]!),
    };
  }

  private matchWord(expansions: readonly Expansion[], filter: MatchFilter, candidates: number[] | null): number[] {
    const { index, wordStamp, wordScore, wordTier } = this;
    const wordGeneration = ++this.generation;
    const setGeneration = ++this.generation;
    if (candidates) for (const d of candidates) this.setStamp[d] = setGeneration;
    const found: number[] = [];
    const accepts = acceptsOf(filter);
    const visit = (doc: number, score: number, tier: number) => {
      if (wordStamp[doc] !== wordGeneration) {
        if (candidates ? this.setStamp[doc] !== setGeneration : accepts !== null && !accepts(doc)) return;
        wordStamp[doc] = wordGeneration;
        wordScore[doc] = score;
        wordTier[doc] = tier;
        found.push(doc);
      } else if (tier < wordTier[doc]! || (tier === wordTier[doc] && score > wordScore[doc]!)) {
        wordScore[doc] = score;
        wordTier[doc] = tier;
      }
    };
    for (const { term, weight, tier } of expansions) {
      const termIdf = idf(index.documentCount, documentFrequency(index, term)) * weight;
      const end = index.postingStart[term + 1]!;
      const scanCost = end - index.postingStart[term]!;
      if (candidates && candidates.length * 20 < scanCost) {
        // Few candidates left: look each one up in this word's postings instead of reading them all.
        for (const doc of candidates) {
          const p = firstPostingFrom(index, term, doc);
          if (p < end && index.postingDoc[p] === doc) visit(doc, termIdf * index.postingWeight[p]!, tier);
        }
      } else {
        for (let p = firstPostingFrom(index, term, filter.from); p < end; p++) {
          const doc = index.postingDoc[p]!;
          if (doc >= filter.to) break;
          visit(doc, termIdf * index.postingWeight[p]!, tier);
        }
      }
    }
    const first = candidates === null;
    for (const doc of found) {
      this.totalScore[doc] = (first ? 0 : this.totalScore[doc]!) + wordScore[doc]!;
      this.totalTier[doc] = (first ? 0 : this.totalTier[doc]!) + wordTier[doc]!;
    }
    return found;
  }
}

/** The filter's test of a document beyond its day range; null when every document passes (no call per posting). */
function acceptsOf({ topics, sources }: MatchFilter): ((doc: number) => boolean) | null {
  if (!topics) return sources;
  const inTopics = (doc: number) => {
    for (const members of topics) if (members[doc]) return true;
    return false;
  };
  return sources ? (doc) => sources(doc) && inTopics(doc) : inTopics;
}
