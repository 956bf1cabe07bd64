// The search index as flat typed arrays: a sorted vocabulary of folded words and, per word, the documents
// holding it (ascending document number = newest first), each with its precomputed BM25 weight (title above lead
// above body) and the byte offset of the word's first appearance in the body (for snippets). Flat arrays make
// the index small (about 12 bytes per word-in-document) and let it be written to and read from disk as it is.

import { createHash } from 'node:crypto';

const HASH_STEP_BYTES = 4 << 20;

export interface SearchIndex {
  /** Folded words, sorted (code unit order), so a prefix is one contiguous range. */
  readonly terms: readonly string[];
  /** postings of terms[t] are postingStart[t] .. postingStart[t + 1] - 1. */
  readonly postingStart: Uint32Array;
  readonly postingDoc: Uint32Array;
  /** Field-weighted BM25 term-frequency part; multiplied by the word's idf at query time. */
  readonly postingWeight: Float32Array;
  /** Byte offset of the word's first appearance in the body, NOT_IN_BODY when only the title or lead has it. */
  readonly postingBodyOffset: Uint32Array;
  readonly documentCount: number;
}

export const NOT_IN_BODY = 0xffffffff;
/** Bump when the layout or the weighting changes: cached indexes of another version are rebuilt. */
export const INDEX_FORMAT_VERSION = 3;

export const documentFrequency = (index: SearchIndex, term: number) =>
  index.postingStart[term + 1]! - index.postingStart[term]!;

/** First position in `sorted` whose value is >= `target` (or the length). */
function lowerBound(sorted: readonly string[], target: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The number of `term` in the vocabulary, or -1. */
export function termNumber(index: SearchIndex, term: string): number {
  const at = lowerBound(index.terms, term);
  return index.terms[at] === term ? at : -1;
}

/** The range [from, to) of vocabulary words starting with `prefix`. */
export function prefixRange(index: SearchIndex, prefix: string): [number, number] {
  const from = lowerBound(index.terms, prefix);
  let to = from;
  // The range ends at the first word that no longer starts with the prefix: binary search on "startsWith".
  let hi = index.terms.length;
  while (to < hi) {
    const mid = (to + hi) >>> 1;
    if (index.terms[mid]!.startsWith(prefix)) to = mid + 1;
    else hi = mid;
  }
  return [from, to];
}

/** First posting of `term` at or after document `doc` (binary search in its ascending list). */
export function firstPostingFrom(index: SearchIndex, term: number, doc: number): number {
  let lo = index.postingStart[term]!;
  let hi = index.postingStart[term + 1]!;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (index.postingDoc[mid]! < doc) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// --- On disk: a JSON header line, the vocabulary, then the arrays, each 8-byte aligned; last, the SHA-256 of all
// that (checked before the file is trusted: a damaged cache must be rebuilt, never searched). ---

const CHECKSUM_BYTES = 32;

const align = (n: number) => Math.ceil(n / 8) * 8;

export function serializeIndex(index: SearchIndex, key: string): Buffer[] {
  const vocabulary = Buffer.from(index.terms.join('\n'), 'utf8');
  const arrays = [index.postingStart, index.postingDoc, index.postingWeight, index.postingBodyOffset];
  const header = {
    version: INDEX_FORMAT_VERSION,
    key,
    documentCount: index.documentCount,
    termCount: index.terms.length,
    postingCount: index.postingDoc.length,
    vocabularyBytes: vocabulary.length,
  };
  const headerBytes = Buffer.from(`${JSON.stringify(header)}\n`, 'utf8');
  const parts: Buffer[] = [];
  const push = (bytes: Buffer) => {
    parts.push(bytes, Buffer.alloc(align(bytes.length) - bytes.length));
  };
  const lengthField = Buffer.alloc(8);
  lengthField.writeUInt32LE(headerBytes.length, 0);
  parts.push(lengthField);
  push(headerBytes);
  push(vocabulary);
  for (const array of arrays) push(Buffer.from(array.buffer, array.byteOffset, array.byteLength));
  const checksum = createHash('sha256');
  for (const part of parts) checksum.update(part);
  parts.push(checksum.digest());
  return parts;
}

/** Hashes the file's content a slice at a time (an index of 100,000 articles is hundreds of MB); the result says
 * whether it matches the checksum at its end. */
export function* checksumMatches(file: Buffer): Generator<void, boolean, void> {
  if (file.length < 8 + CHECKSUM_BYTES) return false;
  const end = file.length - CHECKSUM_BYTES;
  const checksum = createHash('sha256');
  for (let at = 0; at < end; at += HASH_STEP_BYTES) {
    checksum.update(file.subarray(at, Math.min(end, at + HASH_STEP_BYTES)));
    yield;
  }
  return checksum.digest().equals(file.subarray(end));
}

/**
 * The index in `file` (the bytes of serializeIndex, whose checksum has been checked), or null when it is not one for
 * `key` of this version.
 */
export function deserializeIndex(file: Buffer, key: string): SearchIndex | null {
  if (file.length < 8 + CHECKSUM_BYTES) return null;
  // Typed arrays over the file need aligned memory; a large read normally is, a copy fixes the rare case.
  const bytes = file.byteOffset % 8 === 0 ? file : Buffer.from(file);
  const headerLength = bytes.readUInt32LE(0);
  let header: Record<string, number | string>;
  try {
    header = JSON.parse(bytes.toString('utf8', 8, 8 + headerLength)) as Record<string, number | string>;
  } catch {
    return null;
  }
  if (header.version !== INDEX_FORMAT_VERSION || header.key !== key) return null;
  const termCount = Number(header.termCount);
  const postingCount = Number(header.postingCount);
  let at = 8 + align(headerLength);
  const vocabularyBytes = Number(header.vocabularyBytes);
  const terms = termCount ? bytes.toString('utf8', at, at + vocabularyBytes).split('\n') : [];
  at += align(vocabularyBytes);
  const view = <T>(
    Type: new (buffer: ArrayBufferLike, offset: number, length: number) => T,
    length: number,
    size: number,
  ) => {
    const array = new Type(bytes.buffer, bytes.byteOffset + at, length);
    at += align(length * size);
    return array;
  };
  const postingStart = view(Uint32Array, termCount + 1, 4);
  const postingDoc = view(Uint32Array, postingCount, 4);
  const postingWeight = view(Float32Array, postingCount, 4);
  const postingBodyOffset = view(Uint32Array, postingCount, 4);
  if (at > bytes.length - CHECKSUM_BYTES || terms.length !== termCount) return null;
  return {
    terms,
    postingStart,
    postingDoc,
    postingWeight,
    postingBodyOffset,
    documentCount: Number(header.documentCount),
  };
}
