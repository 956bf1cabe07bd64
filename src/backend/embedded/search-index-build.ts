// Builds the search index from the article store, as a generator that yields its progress (0..1) every few
// hundred articles: the server runs the steps in slices between requests, so the feed keeps answering meanwhile.
import type { ArticleStore } from './article-store.ts';
import type { SearchIndex } from './search-index.ts';
import { NOT_IN_BODY } from './search-index.ts';
import { runToEnd } from './time-slices.ts';
import { createFolder, scanWords } from './word-scanner.ts';

/** Title counts most, then the lead, then the body. */
const FIELD_BOOST: readonly number[] = [4, 2, 1];
const K1 = 1.2;
const B = 0.75;
/** Work between two yields: small, so a slice of the server's build loop stays near its time budget. */
const DOCS_PER_STEP = 25;
const POSTINGS_PER_STEP = 200_000;

class GrowableUint32 {
  data: Uint32Array;
  length = 0;
  constructor(capacity: number) {
    this.data = new Uint32Array(Math.max(16, capacity));
  }
  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Uint32Array(Math.ceil(this.data.length * 1.5));
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }
}

/** Term frequencies of one posting packed in 32 bits: title (8 bits), lead (8), body (16), each capped. */
const packTf = (title: number, lead: number, body: number) =>
  ((Math.min(title, 255) << 24) | (Math.min(lead, 255) << 16) | Math.min(body, 65535)) >>> 0;

export function* buildSearchIndex(store: ArticleStore): Generator<number, SearchIndex, void> {
  const documentCount = store.size;
  const fold = createFolder();
  const termOfWord = new Map<string, number>();
  const termIds = new Map<string, number>();
  const termTexts: string[] = [];
  let slotOfTerm = new Int32Array(1 << 16);
  let stampOfTerm = new Int32Array(1 << 16).fill(-1);
  const slotTerms: number[] = [];
  const slotTf: number[][] = [[], [], []];
  const slotOffset: number[] = [];

  let bodyBytesTotal = 0;
  for (let d = 0; d < documentCount; d++) bodyBytesTotal += store.bodyBytes(d).length;
  const estimate = Math.ceil(bodyBytesTotal / 9) + documentCount * 16;
  const postingTerm = new GrowableUint32(estimate);
  const postingTf = new GrowableUint32(estimate);
  const postingOffset = new GrowableUint32(estimate);
  const docPostingEnd = new Uint32Array(documentCount);
  const fieldLength = [new Uint32Array(documentCount), new Uint32Array(documentCount), new Uint32Array(documentCount)];

  const termOf = (word: string): number => {
    let term = termOfWord.get(word);
    if (term === undefined) {
      const folded = fold(word);
      term = folded ? termIds.get(folded) : -1;
      if (term === undefined) {
        term = termTexts.length;
        termIds.set(folded, term);
        termTexts.push(folded);
        if (term >= slotOfTerm.length) {
          const slots = new Int32Array(slotOfTerm.length * 2);
          slots.set(slotOfTerm);
          slotOfTerm = slots;
          const stamps = new Int32Array(stampOfTerm.length * 2).fill(-1);
          stamps.set(stampOfTerm);
          stampOfTerm = stamps;
        }
      }
      termOfWord.set(word, term);
    }
    return term;
  };

  // Phase 1: every document's distinct words with their frequencies per field and first body offset.
  for (let d = 0; d < documentCount; d++) {
    const summary = store.summaries[d]!;
    slotTerms.length = 0;
    const texts = [summary.title, summary.lead, store.bodyBytes(d).toString('utf8')];
    texts.forEach((text, field) => {
      let words = 0;
      scanWords(text, (start, end, byteStart) => {
        const term = termOf(text.slice(start, end));
        if (term < 0) return;
        words++;
        let slot = slotOfTerm[term]!;
        if (stampOfTerm[term] !== d) {
          stampOfTerm[term] = d;
          slot = slotTerms.length;
          slotOfTerm[term] = slot;
          slotTerms.push(term);
          slotTf[0]![slot] = 0;
          slotTf[1]![slot] = 0;
          slotTf[2]![slot] = 0;
          slotOffset[slot] = NOT_IN_BODY;
        }
        slotTf[field]![slot]!++;
        if (field === 2 && slotOffset[slot] === NOT_IN_BODY) slotOffset[slot] = byteStart;
      });
      fieldLength[field]![d] = words;
    });
    for (let slot = 0; slot < slotTerms.length; slot++) {
      postingTerm.push(slotTerms[slot]!);
      postingTf.push(packTf(slotTf[0]![slot]!, slotTf[1]![slot]!, slotTf[2]![slot]!));
      postingOffset.push(slotOffset[slot]!);
    }
    docPostingEnd[d] = postingTerm.length;
    if (d % DOCS_PER_STEP === DOCS_PER_STEP - 1) yield (0.8 * d) / documentCount;
  }
  termOfWord.clear();
  termIds.clear();

  // Phase 2: vocabulary in sorted order, then every posting placed under its word (documents stay ascending).
  const order = termTexts.map((_, t) => t).sort((a, b) => (termTexts[a]! < termTexts[b]! ? -1 : 1));
  yield 0.8;
  const rank = new Uint32Array(termTexts.length);
  order.forEach((term, r) => (rank[term] = r));
  const terms = order.map((t) => termTexts[t]!);
  yield 0.8;
  const postingCount = postingTerm.length;
  const postingStart = new Uint32Array(terms.length + 1);
  for (let p = 0; p < postingCount; p++) {
    postingStart[rank[postingTerm.data[p]!]! + 1]!++;
    if (p % POSTINGS_PER_STEP === 0) yield 0.8 + (0.05 * p) / postingCount;
  }
  for (let r = 0; r < terms.length; r++) postingStart[r + 1]! += postingStart[r]!;
  const next = postingStart.slice(0, terms.length);
  const postingDoc = new Uint32Array(postingCount);
  const postingWeight = new Float32Array(postingCount);
  const postingBodyOffset = new Uint32Array(postingCount);
  // Touch the new arrays' pages a slice at a time: the placement below writes all over them at once.
  for (const array of [postingDoc, postingWeight, postingBodyOffset]) {
    for (let from = 0; from < postingCount; from += POSTINGS_PER_STEP * 5) {
      array.fill(0, from, from + POSTINGS_PER_STEP * 5);
      yield 0.85;
    }
  }
  const [titles, leads, bodies] = fieldLength as [Uint32Array, Uint32Array, Uint32Array];
  const average = (lengths: Uint32Array) => lengths.reduce((sum, n) => sum + n, 0) / Math.max(1, documentCount) || 1;
  const [titleAverage, leadAverage, bodyAverage] = [average(titles), average(leads), average(bodies)];
  const [titleBoost, leadBoost, bodyBoost] = FIELD_BOOST as [number, number, number];
  /** BM25's saturated term frequency, times the field's boost. */
  const fieldWeight = (boost: number, tf: number, norm: number) => (tf ? (boost * tf * (K1 + 1)) / (tf + norm) : 0);
  let p = 0;
  for (let d = 0; d < documentCount; d++) {
    const titleNorm = K1 * (1 - B + (B * titles[d]!) / titleAverage);
    const leadNorm = K1 * (1 - B + (B * leads[d]!) / leadAverage);
    const bodyNorm = K1 * (1 - B + (B * bodies[d]!) / bodyAverage);
    for (; p < docPostingEnd[d]!; p++) {
      const tf = postingTf.data[p]!;
      const at = next[rank[postingTerm.data[p]!]!]!++;
      postingDoc[at] = d;
      postingWeight[at] =
        fieldWeight(titleBoost, tf >>> 24, titleNorm) +
        fieldWeight(leadBoost, (tf >>> 16) & 0xff, leadNorm) +
        fieldWeight(bodyBoost, tf & 0xffff, bodyNorm);
      postingBodyOffset[at] = postingOffset.data[p]!;
    }
    if (d % (DOCS_PER_STEP * 20) === 0) yield 0.85 + (0.15 * d) / documentCount;
  }
  return { terms, postingStart, postingDoc, postingWeight, postingBodyOffset, documentCount };
}

/** Runs every step at once (small data sets, tests). */
export const buildSearchIndexNow = (store: ArticleStore): SearchIndex => runToEnd(buildSearchIndex(store));
