// The backend's ports: what the HTTP plugin (and tools such as importers) ask of a backend, whatever stores the
// news. Two adapters implement them: the embedded store over a data folder (one process, no set-up) and
// PostgreSQL (DATABASE_URL: an archive shared by several stateless servers). Every method is async, so a database
// round trip fits; the embedded adapter answers from memory. Parameters arrive parsed and checked by the plugin
// (types, ranges, known topics); adapters only look things up.
import type { Article, ArticleSummary, Topic, TopicRecord } from '../contract/news.ts';
import type { RateHistoryResponse, RatesFile, RatesResponse } from '../contract/rates.ts';
import type { SearchRequest, SearchResult } from '../contract/search.ts';
import type { SourcesResponse } from '../contract/sources.ts';

/** The most stories one feedPage call is asked for: a sitemap walks 100,000 stories in 100 calls, not 2,000. */
export const MAX_WALK_PAGE = 1000;

/** A place in the feed's order (newest first, ties by id): the instant in ms since the epoch and the id. */
export interface FeedPosition {
  time: number;
  id: string;
}

/** Which sources a view holds (ids as sourceIdOf makes them; NO_SOURCE_ID for stories without a source). */
export interface SourceFilter {
  /** Any of these sources (known ids, no duplicates); null or absent for every source. */
  sources?: readonly string[] | null;
  /** None of these sources (known ids); `excludeSources` wins over `sources`. */
  excludeSources?: readonly string[];
}

/** Which stories a feed view holds; the same filter picks a story's neighbours. */
export interface FeedFilter extends SourceFilter {
  /** Any of these topics (known ids, no duplicates), or null for every topic. */
  topics: readonly string[] | null;
  /** None of these topics (known ids; may be empty). */
  exclude: readonly string[];
}

export interface FeedPageRequest extends FeedFilter {
  /** Only stories published strictly after this instant (ms), or null. */
  since: number | null;
  /** Stories after this position in feed order, or null for the first page. */
  after: FeedPosition | null;
  /** 1..MAX_WALK_PAGE (the API's pages are 1..MAX_PAGE_SIZE; sitemaps walk the whole feed in larger ones). */
  limit: number;
}

export interface FeedPage {
  items: ArticleSummary[];
  /** The last item's position when more stories follow, else null. */
  next: FeedPosition | null;
}

export interface Neighbours {
  /** The nearest newer story under the filter, or null. */
  newer: ArticleSummary | null;
  /** The nearest older story under the filter, or null. */
  older: ArticleSummary | null;
}

/** What an import writes: topics first (an article may name a new one), then articles, each kept whole. */
export interface NewsBatch {
  topics?: readonly TopicRecord[];
  articles?: readonly Article[];
}

export interface UpsertResult {
  inserted: number;
  updated: number;
  unchanged: number;
}

/** Said to subscribers when stories or topics change (in this process, or, with PostgreSQL, in another). */
export interface NewsChange {
  /** The newest story's publication instant (ms) after the change, or null when the store is empty. */
  newest: number | null;
}

export interface NewsStorePort {
  /** Every topic with its number of stories (published strictly after `since` when given), in the store's order. */
  topics(since: number | null): Promise<Topic[]>;
  /** The ids of every topic, for checking request parameters. */
  topicIds(): Promise<ReadonlySet<string>>;
  /** Every source with its number of stories (by name), and the number of stories without a source. */
  sources(): Promise<SourcesResponse>;
  /** The ids of every source that has a story, and NO_SOURCE_ID, for checking request parameters. */
  sourceIds(): Promise<ReadonlySet<string>>;
  feedPage(request: FeedPageRequest): Promise<FeedPage>;
  /** Null when no story has that id. */
  article(id: string): Promise<Article | null>;
  /** Null when no story has that id (the story itself need not pass the filter). */
  neighbours(id: string, filter: FeedFilter): Promise<Neighbours | null>;
  /** Inserts new topics and stories, replaces changed ones, leaves equal ones alone; atomic per call. */
  upsert(batch: NewsBatch): Promise<UpsertResult>;
  /** Calls `listener` after every change; returns the unsubscribe function. */
  subscribe(listener: (change: NewsChange) => void): () => void;
}

/** One page of a search: the request (q trimmed and checked, topics known), where to resume, how many. */
export interface SearchPageRequest extends SearchRequest {
  /** An adapter's own opaque cursor from an earlier page of the same search, or null. */
  cursor: string | null;
  limit: number;
}

export type SearchPageOutcome =
  | {
      ok: true;
      items: SearchResult[];
      total: number;
      nextCursor: string | null;
      /** "Did you mean": a query that finds stories when this one found none. */
      suggestion?: string | null;
      /** The query actually searched when look-alikes of the words were used. */
      corrected?: string | null;
    }
  /** The cursor is not this adapter's, or belongs to another search. */
  | { ok: false; code: 'bad_cursor'; message: string };

export interface SearchPort {
  search(request: SearchPageRequest): Promise<SearchPageOutcome>;
}

export type RatesDayOutcome =
  | { ok: true; rates: RatesResponse }
  | { ok: false; code: 'no_rates' }
  | { ok: false; code: 'no_rates_for_date'; firstDate: string };

export type RatesHistoryOutcome =
  | { ok: true; history: RateHistoryResponse }
  | { ok: false; code: 'no_rates' }
  | { ok: false; code: 'unknown_currency' };

export interface RatesPort {
  /** The rates published on `date` (YYYY-MM-DD) or the latest day before it; null: the latest day. */
  day(date: string | null): Promise<RatesDayOutcome>;
  /** One currency's series between two days (inclusive; null: open-ended). */
  history(code: string, from: string | null, to: string | null): Promise<RatesHistoryOutcome>;
  /** Replaces the rates with the file's (what `rates:import` writes). */
  replace(file: RatesFile): Promise<void>;
}

/** A backend cannot answer for now (a database that is down, a search index still being built): HTTP 503. */
export class BackendUnavailable extends Error {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
    readonly code = 'backend_unavailable',
  ) {
    super(message);
    this.name = 'BackendUnavailable';
  }
}

export interface Backend {
  /** "embedded" or "postgres": for the log and the bench. */
  readonly kind: string;
  readonly news: NewsStorePort;
  readonly search: SearchPort;
  readonly rates: RatesPort;
  /** Stops watchers, pools and listeners. */
  close(): Promise<void>;
}
