// The archive words standing for each word of a query, read from search_words (each word with the number of
// stories holding it), by the embedded engine's rules (README "Search"): the word itself; for the last word, its
// most widespread completions; for a word found nowhere, its closest look-alikes. pg_trgm's index picks the
// candidates, with a similarity bound no look-alike within the allowance falls under, and the contract's edit
// distance decides, so the look-alikes are the embedded engine's.
import type { ClientBase } from 'pg';
import { editDistance, typoAllowance } from '../../contract/words.ts';

interface ArchiveWord {
  word: string;
  /** How many stories hold it. */
  documents: number;
}

export interface Expansion extends ArchiveWord {
  /** 1 for the word itself, less for a completion or a look-alike. */
  weight: number;
  /** 0 for the word as typed or a completion of it; the edit distance for a look-alike. */
  tier: number;
}

export interface CloseWord extends ArchiveWord {
  distance: number;
}

/** The last word stands for at most this many completions: fewer for one or two letters (README "Search"). */
const prefixExpansionCap = (prefix: string) => (prefix.length === 1 ? 10 : prefix.length === 2 ? 25 : 50);
/** A word found nowhere stands for at most this many look-alikes. */
const MAX_TYPO_CANDIDATES = 20;
/** A completion counts a little less than the whole word typed. */
const PREFIX_WEIGHT = 0.7;

/**
 * pg_trgm's trigrams of one word (two spaces before, one after), or null when pg_trgm would cut the word into
 * several (it keeps only letters and digits).
 */
function trigramCount(word: string): number | null {
  if (/[^\p{L}\p{N}]/u.test(word)) return null;
  const letters = [...`  ${word} `];
  const trigrams = new Set<string>();
  for (let i = 0; i + 3 <= letters.length; i++) trigrams.add(letters.slice(i, i + 3).join(''));
  return trigrams.size;
}

/**
 * The lowest trigram similarity a word within `max` edits of `word` can have: each edit spoils at most 4 of the
 * word's trigrams (a swap of neighbours does), and the other word has at most `max` more letters. Null when the
 * bound is too low to narrow anything (then every word of a possible length is read).
 */
function similarityFloor(word: string, max: number): number | null {
  const trigrams = trigramCount(word);
  if (trigrams === null) return null;
  const floor = (trigrams - 4 * max) / ([...word].length + 5 * max + 1);
  return floor >= 0.1 ? Math.floor(floor * 1000) / 1000 : null;
}

/**
 * Archive words within `max` edits of `word` (with `prefixMax`, also longer words whose start is within that many
 * edits), closest first, then those keeping the first letter, then the most widespread; at most `limit`.
 */
export async function closeWords(
  client: ClientBase,
  word: string,
  max: number,
  limit: number,
  prefixMax: number | null = null,
): Promise<CloseWord[]> {
  const length = [...word].length;
  const params: unknown[] = [length - max, length + max];
  const parts = ['SELECT word, documents FROM search_words WHERE char_length(word) BETWEEN $1 AND $2'];
  const floor = similarityFloor(word, max);
  if (floor !== null) {
    await client.query(`SELECT set_config('pg_trgm.similarity_threshold', $1, true)`, [String(floor)]);
    params.push(word);
    parts[0] += ` AND word % $${params.length}`;
  }
  if (prefixMax !== null) {
    // Longer words whose start is one letter changed or two neighbours swapped (the only single edits that keep
    // the start's length): a LIKE pattern each, which the trigram index answers.
    const letters = [...word];
    const patterns: string[] = [];
    for (let i = 0; i < letters.length; i++) {
      patterns.push(`${[...letters.slice(0, i), '_', ...letters.slice(i + 1)].join('')}%`);
      if (i + 1 < letters.length) {
        const swapped = [...letters];
        [swapped[i], swapped[i + 1]] = [swapped[i + 1]!, swapped[i]!];
        patterns.push(`${swapped.join('')}%`);
      }
    }
    params.push(length, patterns);
    parts.push(
      `SELECT word, documents FROM search_words
       WHERE char_length(word) > $${params.length - 1} AND word LIKE ANY($${params.length}::text[])`,
    );
  }
  const sql = parts.join(' UNION ');
  const { rows } = await client.query<ArchiveWord>(sql, params);
  const found: CloseWord[] = [];
  for (const candidate of rows) {
    const reach = candidate.word.length - word.length;
    let distance = Math.abs(reach) <= max ? editDistance(word, candidate.word, max) : max + 1;
    if (prefixMax !== null && reach > 0 && distance > max) {
      const start = editDistance(word, candidate.word.slice(0, word.length), prefixMax);
      if (start <= prefixMax) distance = start;
    }
    if (distance <= max) found.push({ ...candidate, distance });
  }
  // Slips of the first letter are the rarest, so among equally close words those that keep it come first.
  const changesFirst = (other: string) => (other.charCodeAt(0) === word.charCodeAt(0) ? 0 : 1);
  found.sort(
    (a, b) =>
      a.distance - b.distance ||
      changesFirst(a.word) - changesFirst(b.word) ||
      b.documents - a.documents ||
      a.word.length - b.word.length ||
      (a.word < b.word ? -1 : 1),
  );
  return found.slice(0, limit);
}

export interface QueryWords {
  /** Per query word, the archive words standing for it (none: the word matches nothing). */
  expansions: Expansion[][];
  /** Per query word, whether the archive has it (the last word: as the start of a word). */
  known: boolean[];
}

/** The expansions of the query's folded words; `typos` false: no look-alikes ("search instead for …"). */
export async function expandQuery(client: ClientBase, terms: readonly string[], typos: boolean): Promise<QueryWords> {
  const last = terms[terms.length - 1]!;
  const { rows } = await client.query<ArchiveWord & { term: number }>(
    `SELECT t.term::integer - 1 AS term, w.word, w.documents
     FROM unnest($1::text[]) WITH ORDINALITY AS t(word, term) JOIN search_words w ON w.word = t.word
     UNION ALL
     (SELECT -1, word, documents FROM search_words WHERE word > $2 AND word < $3
      ORDER BY documents DESC, word LIMIT $4)`,
    // The words after the last word itself and before anything it does not start: a range of the primary key.
    [terms, last, `${last}\u{10FFFF}`, prefixExpansionCap(last)],
  );
  const expansions: Expansion[][] = terms.map(() => []);
  const completions: Expansion[] = [];
  for (const { term, word, documents } of rows) {
    if (term >= 0) expansions[term]!.push({ word, documents, weight: 1, tier: 0 });
    else completions.push({ word, documents, weight: PREFIX_WEIGHT, tier: 0 });
  }
  completions.sort((a, b) => b.documents - a.documents || (a.word < b.word ? -1 : 1));
  expansions[terms.length - 1]!.push(...completions);
  const known = expansions.map((list) => list.length > 0);
  if (typos) {
    for (const [i, term] of terms.entries()) {
      // Typos are forgiven only in a word that appears nowhere as written (the last word: nowhere as a start).
      const allowance = typoAllowance(term);
      if (known[i] || allowance === 0) continue;
      const close = await closeWords(client, term, allowance, MAX_TYPO_CANDIDATES);
      expansions[i] = close.map(({ word, documents, distance }) => ({
        word,
        documents,
        weight: 1 / (1 + distance),
        tier: distance,
      }));
    }
  }
  return { expansions, known };
}
