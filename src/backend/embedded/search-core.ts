// The full-text search behind GET /search, over the flat index (search-index.ts) of the article store: matching
// in search-match.ts, then ranking, paging by cursor, snippets and, when nothing matched, a suggestion.
import { dayKeyInZone } from '../../contract/day-key.ts';
import type { ArticleSummary, TopicRecord } from '../../contract/news.ts';
import type { SearchRequest } from '../../contract/search.ts';
import { queryTerms, tokenize, foldWord } from '../../contract/words.ts';
import { compareNewestFirst } from '../feed-cursor.ts';
import type { ArticleStore } from './article-store.ts';
import { encodeSearchCursor, searchFingerprint, type SearchCursor } from './search-cursor.ts';
import { firstPostingFrom, NOT_IN_BODY, type SearchIndex } from './search-index.ts';
import { expandWord, Matcher, type Expansion, type MatchFilter, type SearchContext } from './search-match.ts';
import { snippetFromBytes } from './search-snippet.ts';
import { suggestQuery } from './search-suggestion.ts';
import { vocabularyOf } from './search-typos.ts';
import { sourceIndexOf } from './source-index.ts';
import { bestFirst } from './top-k.ts';

/** One page of a search: the request (q trimmed and checked), where to resume, how many. */
interface SearchQuery extends SearchRequest {
  cursor: SearchCursor | null;
  limit: number;
}

type SearchItem = ArticleSummary & { snippet: string };

type SearchOutcome =
  | {
      ok: true;
      items: SearchItem[];
      total: number;
      nextCursor: string | null;
      suggestion?: string | null;
      corrected?: string | null;
    }
  | { ok: false; message: string };

export interface SearchCore {
  search(query: SearchQuery): SearchOutcome;
  size: number;
}

/** Documents are numbered newest first, so an agency-day range is one range of numbers. */
function dayRange(store: ArticleStore, timeZone: string, from: string | null, to: string | null) {
  const dayOf = (ordinal: number) => dayKeyInZone(new Date(store.times[ordinal]!), timeZone);
  const firstWhere = (test: (ordinal: number) => boolean) => {
    let lo = 0;
    let hi = store.size;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (test(mid)) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
  return {
    from: to ? firstWhere((d) => dayOf(d) <= to) : 0,
    to: from ? firstWhere((d) => dayOf(d) < from) : store.size,
  };
}

export function createSearchCore(
  store: ArticleStore,
  topics: readonly TopicRecord[],
  index: SearchIndex,
  timeZone: string,
): SearchCore {
  const context: SearchContext = { index, vocabulary: vocabularyOf(index) };
  const matcher = new Matcher(index);
  const topicMembers = new Map(topics.map((t) => [t.id, new Uint8Array(store.size)]));
  store.summaries.forEach((summary, ordinal) => {
    for (const topic of summary.topics) topicMembers.get(topic)![ordinal] = 1;
  });

  /** The first body byte of any matched word in this document (null: only the title or lead matched). */
  function firstBodyMatch(doc: number, words: readonly (readonly Expansion[])[]): number | null {
    let first = NOT_IN_BODY;
    for (const expansions of words) {
      for (const { term } of expansions) {
        const p = firstPostingFrom(index, term, doc);
        if (p < index.postingStart[term + 1]! && index.postingDoc[p] === doc) {
          first = Math.min(first, index.postingBodyOffset[p]!);
        }
      }
    }
    return first === NOT_IN_BODY ? null : first;
  }

  /**
   * The query as the results read it when a word matched only through look-alikes ("goverment" -> "government"): each
   * such word becomes the look-alike found in the best result (the closest one it holds); null when every word
   * matched as typed.
   */
  function correctedQuery(
    terms: readonly string[],
    words: readonly (readonly Expansion[])[],
    typed: ReadonlyMap<string, string>,
    docs: Uint32Array,
    scores: Float64Array,
    tiers: Uint16Array,
  ): string | null {
    if (!words.some((expansions) => expansions[0] && expansions[0].tier > 0)) return null;
    let best = 0;
    for (let i = 1; i < docs.length; i++) {
      if (tiers[i]! < tiers[best]! || (tiers[i] === tiers[best] && scores[i]! > scores[best]!)) best = i;
    }
    const doc = docs[best]!;
    const holds = (term: number) => {
      const p = firstPostingFrom(index, term, doc);
      return p < index.postingStart[term + 1]! && index.postingDoc[p] === doc;
    };
    return terms
      .map((term, i) => {
        const expansions = words[i]!;
        if (!expansions[0] || expansions[0].tier === 0) return typed.get(term) ?? term;
        const found = expansions.filter((e) => holds(e.term)).sort((a, b) => a.tier - b.tier)[0];
        return found ? index.terms[found.term]! : (typed.get(term) ?? term);
      })
      .join(' ');
  }

  return {
    size: store.size,
    search({ q, topics: topicIds, sources, excludeSources, from, to, sort, exact = false, cursor, limit }) {
      const terms = queryTerms(q);
      const sourceFilter = { sources, excludeSources };
      const fingerprint = searchFingerprint({ terms, topics: topicIds, ...sourceFilter, from, to, sort, exact });
      if (cursor && (cursor.fingerprint !== fingerprint || cursor.sort !== sort)) {
        return { ok: false, message: 'The cursor belongs to a different search; start again from the first page' };
      }
      if (terms.length === 0) return { ok: true, items: [], total: 0, nextCursor: null, suggestion: null };

      const filter: MatchFilter = {
        ...dayRange(store, timeZone, from, to),
        topics: topicIds ? topicIds.map((id) => topicMembers.get(id)!) : null,
        sources: sourceIndexOf(store).keepOf(sourceFilter),
      };
      const words = terms.map((term, i) => expandWord(context, term, i === terms.length - 1, !exact));
      const { docs, scores, tiers } = matcher.match(words, filter);
      const total = docs.length;
      const typed = new Map(tokenize(q).map((token) => [foldWord(token), token] as const));
      if (total === 0) {
        const suggestion = suggestQuery(context, matcher, terms, typed, filter);
        return { ok: true, items: [], total: 0, nextCursor: null, suggestion };
      }
      const corrected = correctedQuery(terms, words, typed, docs, scores, tiers);

      /** Positions in `docs` of this page's documents, best first. */
      let page: number[];
      let more: boolean;
      if (sort === 'relevance') {
        // Typo tier first (exact and prefix matches above typos, closer typos first), then score, then newest.
        const offset = cursor?.sort === 'relevance' ? cursor.offset : 0;
        const order = bestFirst(
          total,
          offset + limit,
          (a, b) => tiers[a]! - tiers[b]! || scores[b]! - scores[a]! || docs[a]! - docs[b]!,
        );
        page = order.slice(offset);
        more = offset + page.length < total;
      } else {
        // Newest first within each typo tier (exact and prefix matches first, as in relevance): ascending tier,
        // then ascending document number; resume after the cursor's (tier, time, id).
        let after = 0;
        if (cursor?.sort === 'newest') {
          let lo = 0;
          let hi = store.size;
          while (lo < hi) {
            const mid = (lo + hi) >>> 1;
            if (compareNewestFirst(store.position(mid), cursor) > 0) hi = mid;
            else lo = mid + 1;
          }
          after = lo;
        }
        const resumeTier = cursor?.sort === 'newest' ? cursor.tier : 0;
        const rest: number[] = [];
        for (let i = 0; i < total; i++) {
          if (tiers[i]! > resumeTier || (tiers[i] === resumeTier && docs[i]! >= after)) rest.push(i);
        }
        page = Array.from(
          bestFirst(
            rest.length,
            limit,
            (a, b) => tiers[rest[a]!]! - tiers[rest[b]!]! || docs[rest[a]!]! - docs[rest[b]!]!,
          ),
          (i) => rest[i]!,
        );
        more = rest.length > page.length;
      }

      const last = page[page.length - 1];
      const end = (cursor?.sort === 'relevance' ? cursor.offset : 0) + page.length;
      const nextCursor =
        more && last !== undefined
          ? encodeSearchCursor(
              sort === 'relevance'
                ? { sort, fingerprint, offset: end }
                : { sort, fingerprint, tier: tiers[last]!, ...store.position(docs[last]!) },
            )
          : null;
      const items = page
        .map((i) => docs[i]!)
        .map((doc) => ({
          ...store.summaries[doc]!,
          snippet: snippetFromBytes(store.bodyBytes(doc), firstBodyMatch(doc, words)),
        }));
      return { ok: true, items, total, nextCursor, corrected };
    },
  };
}
