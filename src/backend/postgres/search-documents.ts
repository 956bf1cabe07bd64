// What search keeps of a story in PostgreSQL (migration 002-search): its words cut and folded here, with the
// contract's rules (src/contract/words.ts), exactly as the embedded engine reads them, so both adapters find the
// same stories. PostgreSQL's own parser and unaccent would cut and fold differently ("4.5" stays one word there;
// unaccent folds letters the contract keeps and misses some it folds), and cost more per story than this does.
import type { ClientBase } from 'pg';
import type { Article } from '../../contract/news.ts';
import { foldWord, tokenize } from '../../contract/words.ts';
import { sourceIdOf } from '../source-ids.ts';

/**
 * Where each field's positions start in a word's entry of the vector: the range says the field, the count the
 * occurrences (search-ranking.ts reads them back for BM25). PostgreSQL keeps positions up to 16383.
 */
export const FIELD_POSITION_START = [1, 4097, 8193] as const;
/** PostgreSQL keeps at most 256 positions per word: more occurrences count as 256. */
const MAX_POSITIONS = 256;
/** PostgreSQL refuses a word of 2 KB or more in a vector; such a "word" is not indexed (it is counted). */
const MAX_WORD_BYTES = 2047;
/** A vector holds at most 1 MB; a body with more distinct words than fit has its later new words left out. */
const MAX_VECTOR_BYTES = 1_000_000;
/** Weight letters per field: title A, lead B, body C (D marks a query's words when ranking reads them). */
const FIELD_WEIGHT = ['A', 'B', 'C'] as const;

interface SearchDocument {
  id: string;
  /** ms since the epoch: any instant the contract allows (a year-0000 ISO string is out of PostgreSQL's range). */
  publishedMs: number;
  topics: readonly string[];
  /** sourceIdOf the story: the search's source filter. */
  sourceId: string;
  /** The tsvector's text form. */
  vector: string;
  titleWords: number;
  leadWords: number;
  bodyWords: number;
}

/** The body as search reads it (and snippets quote it): the paragraphs joined, white space collapsed. */
export const searchBody = (pages: readonly (readonly string[])[]): string =>
  pages.flat().join(' ').replace(/\s+/g, ' ').trim();

const quoteLexeme = (word: string) => `'${word.replace(/['\\]/g, '$&$&')}'`;

/** The search document of a story; `fold` may remember words across stories (most repeat). */
function searchDocumentOf(article: Article, fold: (word: string) => string = foldWord): SearchDocument {
  const fields = [article.title, article.lead, searchBody(article.pages)];
  const lengths = [0, 0, 0];
  /** Occurrences per field of each folded word, in order of first appearance. */
  const counts = new Map<string, [number, number, number]>();
  fields.forEach((text, field) => {
    for (const token of tokenize(text)) {
      const word = fold(token);
      if (!word) continue;
      lengths[field]!++;
      let count = counts.get(word);
      if (!count) {
        count = [0, 0, 0];
        counts.set(word, count);
      }
      count[field]!++;
    }
  });
  const entries: string[] = [];
  let bytes = 0;
  for (const [word, count] of counts) {
    const positions: string[] = [];
    count.forEach((occurrences, field) => {
      const take = Math.min(occurrences, MAX_POSITIONS - positions.length);
      for (let k = 0; k < take; k++) positions.push(`${FIELD_POSITION_START[field]! + k}${FIELD_WEIGHT[field]}`);
    });
    // Bytes the word takes in the vector: its entry, its text, its positions.
    const size = Buffer.byteLength(word);
    const needed = 8 + size + 2 * positions.length;
    if (size > MAX_WORD_BYTES || bytes + needed > MAX_VECTOR_BYTES) continue;
    bytes += needed;
    entries.push(`${quoteLexeme(word)}:${positions.join(',')}`);
  }
  return {
    id: article.id,
    publishedMs: Date.parse(article.publishedAt),
    topics: article.topics,
    sourceId: sourceIdOf(article),
    vector: entries.join(' '),
    titleWords: lengths[0]!,
    leadWords: lengths[1]!,
    bodyWords: lengths[2]!,
  };
}

/** The lock every writer of search_documents takes first (the migration's trigger takes it too). */
const SEARCH_WRITE_LOCK = 4_715_002;

/**
 * Makes these stories searchable as they now are (new or changed; the rows of `articles` must exist): the news
 * store's upsert calls it inside its own transaction, so stories and their search entries change together. The
 * vocabulary and the totals follow through the table's triggers. Callers pass batches of a few hundred.
 */
export async function indexForSearch(client: ClientBase, articles: readonly Article[]): Promise<void> {
  if (articles.length === 0) return;
  // An import folds the same few thousand words again and again: remember them.
  const folded = new Map<string, string>();
  const fold = (word: string) => folded.get(word) ?? folded.set(word, foldWord(word)).get(word)!;
  const documents = articles.map((article) => searchDocumentOf(article, fold));
  await client.query('SELECT pg_advisory_xact_lock($1)', [SEARCH_WRITE_LOCK]);
  await client.query(
    `INSERT INTO search_documents AS d
       (id, published_at, topics, source_id, vector, title_words, lead_words, body_words)
     SELECT id, 'epoch'::timestamptz + "publishedMs" * interval '1 millisecond', topics, "sourceId", vector::tsvector,
       "titleWords", "leadWords", "bodyWords"
     FROM jsonb_to_recordset($1::jsonb) AS r(id text, "publishedMs" bigint, topics text[], "sourceId" text,
       vector text, "titleWords" integer, "leadWords" integer, "bodyWords" integer)
     ORDER BY id
     ON CONFLICT (id) DO UPDATE SET published_at = excluded.published_at, topics = excluded.topics,
       source_id = excluded.source_id, vector = excluded.vector, title_words = excluded.title_words,
       lead_words = excluded.lead_words, body_words = excluded.body_words
     WHERE (d.published_at, d.topics, d.source_id, d.vector)
       IS DISTINCT FROM (excluded.published_at, excluded.topics, excluded.source_id, excluded.vector)`,
    [JSON.stringify(documents)],
  );
}
