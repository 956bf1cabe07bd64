// The full-text search behind GET /search: a minisearch index built once from the articles.
import MiniSearch, { type SearchResult } from 'minisearch';
import { dayKeyInZone } from '../contract/day-key.ts';
import type { Article, ArticleSummary } from '../contract/news.ts';
import type { SearchRequest } from '../contract/search.ts';
import { normalizeTerm, queryTerms, tokenize, typoAllowance } from '../contract/words.ts';
import { compareNewestFirst } from './cursor.ts';
import { toSummary } from './news-routes.ts';
import { encodeSearchCursor, searchFingerprint, type SearchCursor } from './search-cursor.ts';
import { buildSnippet } from './search-snippet.ts';

/** One page of a search: the request (q trimmed and checked), where to resume, how many. */
interface SearchQuery extends SearchRequest {
  cursor: SearchCursor | null;
  limit: number;
}

type SearchItem = ArticleSummary & { snippet: string };

type SearchOutcome =
  { ok: true; items: SearchItem[]; total: number; nextCursor: string | null } | { ok: false; message: string };

interface Entry {
  article: Article;
  summary: ArticleSummary;
  time: number;
  day: string;
  body: string;
}

interface IndexedDoc {
  id: string;
  title: string;
  lead: string;
  body: string;
}

/** Title counts most, then the lead, then the body. */
const FIELD_BOOST = { title: 4, lead: 2, body: 1 } as const;

function sortedIncludesPrefix(sorted: readonly string[], prefix: string): boolean {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < prefix) lo = mid + 1;
    else hi = mid;
  }
  return lo < sorted.length && sorted[lo]!.startsWith(prefix);
}

export interface SearchCore {
  search(query: SearchQuery): SearchOutcome;
  size: number;
}

export function createSearchCore(articles: readonly Article[], timeZone: string): SearchCore {
  const entries = new Map<string, Entry>(
    articles.map((article) => [
      article.id,
      {
        article,
        summary: toSummary(article),
        time: Date.parse(article.publishedAt),
        day: dayKeyInZone(article.publishedAt, timeZone),
        body: article.pages.flat().join(' ').replace(/\s+/g, ' ').trim(),
      },
    ]),
  );

  const words = new Set<string>();
  for (const { article, body } of entries.values()) {
    for (const text of [article.title, article.lead, body]) {
      for (const token of tokenize(text)) {
        const term = normalizeTerm(token);
        if (term) words.add(term);
      }
    }
  }
  const vocabulary = [...words].sort();

  const index = new MiniSearch<IndexedDoc>({
    fields: ['title', 'lead', 'body'],
    idField: 'id',
    tokenize: (text) => tokenize(text),
    processTerm: (term) => normalizeTerm(term),
    searchOptions: {
      boost: FIELD_BOOST,
      combineWith: 'AND',
      // The last word may still be being typed, so it also matches as the start of a longer word.
      prefix: (_term, i, terms) => i === terms.length - 1,
      // Typos are forgiven only in a word that appears nowhere as written (for the last word: as a word's start).
      fuzzy: (term, i, terms) => {
        const known = i === terms.length - 1 ? sortedIncludesPrefix(vocabulary, term) : words.has(term);
        return (!known && typoAllowance(term)) || false;
      },
    },
  });
  index.addAll(
    [...entries.values()].map(({ article, body }) => ({
      id: article.id,
      title: article.title,
      lead: article.lead,
      body,
    })),
  );

  const position = (e: Entry) => ({ time: e.time, id: e.article.id });

  return {
    size: entries.size,
    search({ q, topics, from, to, sort, cursor, limit }) {
      const terms = queryTerms(q);
      const fingerprint = searchFingerprint({ terms, topics, from, to, sort });
      if (cursor && (cursor.fingerprint !== fingerprint || cursor.sort !== sort)) {
        return { ok: false, message: 'The cursor belongs to a different search; start again from the first page' };
      }

      const accepts = (e: Entry) =>
        (!topics || e.article.topics.some((t) => topics.includes(t))) &&
        (!from || e.day >= from) &&
        (!to || e.day <= to);
      const hits: { entry: Entry; result: SearchResult }[] = [];
      for (const result of terms.length ? index.search(q) : []) {
        const entry = entries.get(result.id as string)!;
        if (accepts(entry)) hits.push({ entry, result });
      }
      hits.sort(
        sort === 'relevance'
          ? (a, b) => b.result.score - a.result.score || compareNewestFirst(position(a.entry), position(b.entry))
          : (a, b) => compareNewestFirst(position(a.entry), position(b.entry)),
      );

      let start = 0;
      if (cursor?.sort === 'relevance') start = cursor.offset;
      if (cursor?.sort === 'newest') {
        const after = hits.findIndex((h) => compareNewestFirst(position(h.entry), cursor) > 0);
        start = after === -1 ? hits.length : after;
      }
      const page = hits.slice(start, start + limit);
      const end = start + page.length;
      const last = page[page.length - 1];
      const nextCursor =
        end < hits.length && last
          ? encodeSearchCursor(
              sort === 'relevance'
                ? { sort, fingerprint, offset: end }
                : { sort, fingerprint, ...position(last.entry) },
            )
          : null;

      const items = page.map(({ entry, result }) => {
        const bodyTerms = new Set(
          Object.entries(result.match)
            .filter(([, fields]) => fields.includes('body'))
            .map(([term]) => term),
        );
        return { ...entry.summary, snippet: buildSnippet(entry.body, bodyTerms) };
      });
      return { ok: true, items, total: hits.length, nextCursor };
    },
  };
}
