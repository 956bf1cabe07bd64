// The embedded backend: the news, search and rates of one data folder held in this process, behind the ports (or
// of data given in memory, for tests). The feed answers from a precomputed index at once; search from an inverted
// index read from the cache beside the data or built in slices between requests (503 search_warming_up meanwhile).
// The folder is watched: once changed files settle they are read again in slices between requests, and valid data
// replaces the old in one step (each request sees the old or the new, never a mix); invalid data is reported with
// file, record and field, and the old kept. Writes (upsert, rates.replace) rewrite the data files atomically and
// serve the result; they and the reloads run one at a time.
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Article, TopicRecord } from '../../contract/news.ts';
import type { RatesFile } from '../../contract/rates.ts';
import { agencyTimeZoneFromEnv } from '../agency-time-zone.ts';
import {
  BackendUnavailable,
  type Backend,
  type NewsBatch,
  type NewsChange,
  type NewsStorePort,
  type SearchPageOutcome,
  type SearchPageRequest,
  type SearchPort,
  type UpsertResult,
} from '../ports.ts';
import { ArticleStoreBuilder, type ArticleStore } from './article-store.ts';
import { jsonLines, writeFileAtomically } from './atomic-file.ts';
import { DataFileError } from './data-file-error.ts';
import { dataFilesSignature, watchDataFolder, type FolderLog } from './data-folder-watch.ts';
import { embeddedRates, writeRatesFile, type EmbeddedRates } from './embedded-rates.ts';
import { createFeedIndex, type FeedIndex } from './feed-index.ts';
import {
  ARTICLES_FILE_NAME,
  ArticleCollector,
  checkTopics,
  dataKeyOf,
  loadNewsData,
  loadNewsDataInSlices,
  TOPICS_FILE_NAME,
  type NewsData,
} from './news-data.ts';
import { parseRatesData, toRatesFile } from './rates-data.ts';
import { decodeSearchCursor } from './search-cursor.ts';
import { searchInBackground, searchNow, type SearchService } from './search-service.ts';
import { SlicedWorkStopped } from './time-slices.ts';

export interface EmbeddedBackend extends Backend {
  readonly kind: 'embedded';
  /** The search over the news served now: its state, when its index is ready, whether it was cached. */
  currentSearch(): SearchService;
}

/** The news served at one moment: replaced as a whole, never changed in place. */
interface Served {
  data: NewsData;
  feed: FeedIndex;
  search: SearchService;
}

const servedOf = (data: NewsData, search: SearchService): Served => ({
  data,
  feed: createFeedIndex(data.store, data.topics),
  search,
});

/** Runs work one piece at a time, in the order asked; a failure is its caller's and does not stop the queue. */
function serialQueue() {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(work: () => Promise<T>): Promise<T> => {
    const run = tail.then(work, work);
    tail = run.catch(() => {});
    return run;
  };
}

/** Keys in a fixed order, so two records with the same fields compare equal whatever order they were written in. */
const canonicalJson = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );

interface Merged {
  topics: TopicRecord[];
  store: ArticleStore;
  result: UpsertResult;
}

/**
 * The news after `batch`: topics, then articles, checked as the loader checks a file (messages name the batch's
 * record and field); new ones added, changed ones replaced, equal ones counted as unchanged. Null when nothing changes.
 */
function mergeBatch({ topics, store }: NewsData, batch: NewsBatch): { merged: Merged | null; result: UpsertResult } {
  const result: UpsertResult = { inserted: 0, updated: 0, unchanged: 0 };
  const count = (old: unknown, record: unknown) => {
    if (old === undefined) result.inserted++;
    else if (canonicalJson(old) === canonicalJson(record)) result.unchanged++;
    else result.updated++;
  };
  const topicById = new Map(topics.map((topic) => [topic.id, topic]));
  for (const topic of checkTopics(batch.topics ?? [], 'batch topics')) {
    count(topicById.get(topic.id), topic);
    topicById.set(topic.id, topic); // a replaced topic keeps its place in the list
  }
  const known = new Set(store.summaries.map((summary) => summary.id));
  const collector = new ArticleCollector(new Set(topicById.keys()), 'batch articles', known);
  const articles = (batch.articles ?? []).map(collector.add);
  collector.finish();
  const replaced = new Map<string, Article>();
  const added: Article[] = [];
  for (const article of articles) {
    const ordinal = store.ordinalOf(article.id);
    count(ordinal === undefined ? undefined : store.article(ordinal), article);
    if (ordinal === undefined) added.push(article);
    else replaced.set(article.id, article);
  }
  if (result.inserted + result.updated === 0) return { merged: null, result };
  const builder = new ArticleStoreBuilder();
  for (let ordinal = 0; ordinal < store.size; ordinal++) {
    builder.add(replaced.get(store.summaries[ordinal]!.id) ?? store.article(ordinal));
  }
  for (const article of added) builder.add(article);
  return { merged: { topics: [...topicById.values()], store: builder.finish(), result }, result };
}

interface Assembly {
  initial: NewsData;
  rates: EmbeddedRates;
  /** The search over freshly served news. */
  searchFor(data: NewsData): SearchService;
  /** Keeps merged news where the backend keeps it (the data files); returns its cache key. */
  keep(merged: Merged): Promise<string | null>;
  /** Runs a write after the reads and writes before it. */
  queue: <T>(work: () => Promise<T>) => Promise<T>;
  /** Before a write: brings the served data up to date with where it is kept. */
  beforeWrite(): Promise<void>;
  close(): Promise<void>;
}

/** The ports over the news served now; `serve` replaces it (unchanged news, the same cache key, keeps its index). */
function assemble({ initial, rates, searchFor, keep, queue, beforeWrite, close }: Assembly) {
  let served = servedOf(initial, searchFor(initial));
  const listeners = new Set<(change: NewsChange) => void>();

  function serve(data: NewsData): void {
    const previous = served;
    rates.set(data.rates);
    if (data.dataKey !== null && data.dataKey === previous.data.dataKey) {
      served = { ...previous, data: { ...previous.data, rates: data.rates } };
      return;
    }
    served = servedOf(data, searchFor(data));
    previous.search.stop();
    const change: NewsChange = { newest: data.store.size > 0 ? data.store.times[0]! : null };
    for (const listener of listeners) listener(change);
  }

  const news: NewsStorePort = {
    topics: async (since) => served.feed.topics(since),
    topicIds: async () => served.feed.topicIds,
    sources: async () => served.feed.sources,
    sourceIds: async () => served.feed.sourceIds,
    feedPage: async (request) => served.feed.feedPage(request),
    article: async (id) => served.feed.article(id),
    neighbours: async (id, filter) => served.feed.neighbours(id, filter),
    upsert: (batch) =>
      queue(async () => {
        await beforeWrite();
        const { merged, result } = mergeBatch(served.data, batch);
        if (merged) {
          const dataKey = await keep(merged);
          serve({ topics: merged.topics, store: merged.store, rates: rates.current(), dataKey });
        }
        return result;
      }),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };

  const search: SearchPort = {
    async search(request: SearchPageRequest): Promise<SearchPageOutcome> {
      const cursor = request.cursor === null ? null : decodeSearchCursor(request.cursor);
      if (request.cursor !== null && !cursor) {
        return { ok: false, code: 'bad_cursor', message: 'The cursor is not valid; start again from the first page' };
      }
      const state = served.search.state();
      if (state.status === 'warming') {
        throw new BackendUnavailable(
          'The search index is still being built; try again shortly',
          state.retryAfterSeconds,
          'search_warming_up',
        );
      }
      if (state.status === 'failed') throw new Error(`The search index failed: ${state.message}`);
      const outcome = state.core.search({ ...request, cursor });
      return outcome.ok ? outcome : { ok: false, code: 'bad_cursor', message: outcome.message };
    },
  };

  const backend: EmbeddedBackend = {
    kind: 'embedded',
    news,
    search,
    rates: { ...rates.port, replace: (file) => queue(() => rates.port.replace(file)) },
    currentSearch: () => served.search,
    async close() {
      await close();
      served.search.stop();
    },
  };
  return { backend, serve, current: () => served };
}

/** Data given in memory: the records a data folder would hold. */
export interface EmbeddedData {
  topics: readonly TopicRecord[];
  articles: readonly Article[];
  rates: RatesFile | null;
}

/**
 * A backend over data in memory (tests, small sets), checked as a data folder would be. Its search index is built at
 * once, here and after each upsert, so it is never warming up; nothing is written anywhere.
 */
export async function createEmbeddedBackendFromData(
  data: EmbeddedData,
  { timeZone = agencyTimeZoneFromEnv() }: { timeZone?: string } = {},
): Promise<EmbeddedBackend> {
  const topics = checkTopics(data.topics, 'topics');
  const collector = new ArticleCollector(new Set(topics.map((t) => t.id)), 'articles');
  data.articles.forEach(collector.add);
  const rates = embeddedRates(data.rates && parseRatesData(toRatesFile(data.rates)), async () => {});
  const initial: NewsData = { topics, store: collector.finish(), rates: rates.current(), dataKey: null };
  return assemble({
    initial,
    rates,
    searchFor: (news) => searchNow(news, timeZone),
    keep: async () => null,
    queue: serialQueue(),
    beforeWrite: async () => {},
    close: async () => {},
  }).backend;
}

export interface EmbeddedBackendOptions {
  dataDir: string;
  /** Where the search index is cached (default: `dataDir/.cache`; null for none). */
  cacheDir?: string | null;
  /** Reloads and their problems, a damaged index cache (default: the console). */
  log?: FolderLog;
  /** Serve the folder's changes while running (default: true). */
  watch?: boolean;
  /** Quiet time after the last change before the files are read: an editor's save is several events. */
  settleMs?: number;
  timeZone?: string;
  /**
   * A missing folder, or one without topics.json or articles.json, starts empty (importers): the folder and the
   * missing files are made (empty lists) before they are read. Default false: a server refuses such a folder.
   */
  startEmpty?: boolean;
}

/** Makes `dir` and empty topics.json and articles.json where they are missing; other files are left alone. */
async function makeEmptyDataFiles(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const name of [TOPICS_FILE_NAME, ARTICLES_FILE_NAME]) {
    const file = path.join(dir, name);
    if (!existsSync(file)) await writeFileAtomically(file, ['[]\n']);
  }
}

const SETTLE_MS = 300;

/**
 * The backend over a data folder: its files loaded and checked (a file that cannot be served throws DataFileError,
 * so a server does not start), the feed served from then on, search once its index is read from the cache or built.
 */
export async function createEmbeddedBackend({
  dataDir,
  cacheDir,
  log = console,
  watch = true,
  settleMs = SETTLE_MS,
  timeZone = agencyTimeZoneFromEnv(),
  startEmpty = false,
}: EmbeddedBackendOptions): Promise<EmbeddedBackend> {
  const dir = path.resolve(dataDir);
  if (startEmpty) await makeEmptyDataFiles(dir);
  const cache = cacheDir === undefined ? path.join(dir, '.cache') : cacheDir;
  const queue = serialQueue();
  /** What the files were when last read or written here: an event that changed nothing is not read again. */
  let signature = dataFilesSignature(dir);
  const initial = loadNewsData(dir);
  const rates = embeddedRates(initial.rates, async (file) => {
    await writeRatesFile(dir, file);
    signature = dataFilesSignature(dir);
  });
  let closed = false;
  /** The files changed after the current read started: its result is out of date. */
  let stale = false;
  let timer: NodeJS.Timeout | undefined;

  async function keep({ topics, store }: Merged): Promise<string> {
    // Topics first: between the two renames a reader sees the new topics with the old articles, which is valid.
    const topicsJson = JSON.stringify(topics);
    await writeFileAtomically(path.join(dir, TOPICS_FILE_NAME), jsonLines(topics));
    const articles = function* () {
      for (let ordinal = 0; ordinal < store.size; ordinal++) yield store.article(ordinal);
    };
    const articlesHash = await writeFileAtomically(path.join(dir, ARTICLES_FILE_NAME), jsonLines(articles()));
    signature = dataFilesSignature(dir);
    return dataKeyOf(topicsJson, articlesHash);
  }

  /**
   * Reads the folder again (in slices) and serves it; a problem is logged and the data served before kept. A read
   * for a watcher's event stops when the files change again (another event follows); a read before a write
   * (`beforeWrite`) never does: the write must start from what is on disk, or it would undo a change whose event
   * arrived while the read ran (seen on a busy machine).
   */
  async function reload({ beforeWrite = false } = {}): Promise<void> {
    const before = dataFilesSignature(dir);
    if (before === signature) return;
    stale = false;
    try {
      const data = await loadNewsDataInSlices(dir, () => closed || (stale && !beforeWrite));
      if (closed || (stale && !beforeWrite)) return;
      signature = before;
      assembly.serve(data);
      log.info(`${dir}: data files reloaded (${data.store.size} articles)`);
    } catch (error) {
      // A file caught half-written is read again once it settles; only a settled file's problem is reported.
      if (error instanceof SlicedWorkStopped || (stale && !beforeWrite) || closed) return;
      signature = before;
      // The same message as at start: file, record and field; a stack trace would only bury it.
      const message = error instanceof DataFileError ? error.message : String(error);
      log.error(`${dir}: the changed data files cannot be served, so the previous data stays in use.\n${message}`);
    }
  }

  function changed() {
    stale = true;
    clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      void queue(reload);
    }, settleMs);
    timer.unref();
  }

  const watcher = watch ? watchDataFolder(dir, log, changed) : null;
  const assembly = assemble({
    initial,
    rates,
    searchFor: (data) => searchInBackground(data, timeZone, cache, log),
    keep,
    queue,
    // Changes not read yet are read first, so a write never undoes them.
    beforeWrite: () => reload({ beforeWrite: true }),
    async close() {
      closed = true;
      clearTimeout(timer);
      watcher?.close();
    },
  });
  return assembly.backend;
}
