// When the search is ready. At server start the index is read from the disk cache next to the data (keyed by the
// data files' SHA-256) or built in short slices between requests, so the feed answers at once; until then
// /search answers 503 with a Retry-After. A built index is written to the cache in the background. When the data
// is replaced (a reload), the old build is stopped, so it neither takes time slices nor overwrites the cache.
import { constants } from 'node:fs';
import { mkdir, open, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomically } from './atomic-file.ts';
import type { NewsData } from './news-data.ts';
import { createSearchCore, type SearchCore } from './search-core.ts';
import { buildSearchIndex, buildSearchIndexNow } from './search-index-build.ts';
import {
  checksumMatches,
  deserializeIndex,
  INDEX_FORMAT_VERSION,
  serializeIndex,
  type SearchIndex,
} from './search-index.ts';
import { runInSlices, SlicedWorkStopped } from './time-slices.ts';

const CACHE_PREFIX = 'search-index-';

type SearchState =
  | { status: 'ready'; core: SearchCore }
  | { status: 'warming'; retryAfterSeconds: number }
  | { status: 'failed'; message: string };

export interface SearchService {
  state(): SearchState;
  /** Resolves when the search is ready (or failed, or stopped), with how the index was obtained. */
  readonly ready: Promise<'built' | 'cache' | 'stopped'>;
  /** Resolves once a freshly built index is on disk (or could not be written). */
  readonly cached: Promise<void>;
  /** Gives up a build in progress: its data is no longer served. Nothing is cached then. */
  stop(): void;
}

/** Builds the index at once: for tests and small in-memory data. */
export function searchNow(data: NewsData, timeZone: string): SearchService {
  const core = createSearchCore(data.store, data.topics, buildSearchIndexNow(data.store), timeZone);
  return {
    state: () => ({ status: 'ready', core }),
    ready: Promise.resolve('built'),
    cached: Promise.resolve(),
    stop: () => {},
  };
}

const cacheFileOf = (cacheDir: string, key: string) =>
  path.join(cacheDir, `${CACHE_PREFIX}v${INDEX_FORMAT_VERSION}-${key.slice(0, 24)}.bin`);

/** Where news of the cache goes: a damaged one is worth a line (it is rebuilt). */
export interface CacheLog {
  error(message: string): void;
}

/** The bytes of the cache file, when it is a regular file (a FIFO would block the read for ever); null when absent. */
async function readCacheFile(file: string): Promise<Buffer | null> {
  let handle;
  try {
    handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return null; // no cache (yet)
    throw error;
  }
  try {
    if (!(await handle.stat()).isFile()) throw new Error('not a regular file');
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}

/** The cached index for `key`, or null (then it is built): none yet, or one that fails its checks (said in `log`). */
async function readCachedIndex(
  cacheDir: string,
  key: string,
  documentCount: number,
  log: CacheLog,
): Promise<SearchIndex | null> {
  const file = cacheFileOf(cacheDir, key);
  let problem: string;
  try {
    const bytes = await readCacheFile(file);
    if (!bytes) return null;
    if (!(await runInSlices(checksumMatches(bytes)))) {
      problem = 'its checksum does not match its content';
    } else {
      const index = deserializeIndex(bytes, key);
      if (index && index.documentCount === documentCount) return index;
      problem = 'it does not hold the index of these data files';
    }
  } catch (error) {
    problem = `it cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`;
  }
  log.error(`${file}: the search index cache is damaged (${problem}); building the index again`);
  return null;
}

/**
 * Writes the index beside the data (atomically), then removes older indexes unless its data was replaced meanwhile
 * (the newer data's index may be among them); any failure just means no cache.
 */
async function writeCachedIndex(cacheDir: string, key: string, index: SearchIndex, stopped: () => boolean) {
  const file = cacheFileOf(cacheDir, key);
  try {
    await mkdir(cacheDir, { recursive: true });
    await writeFileAtomically(file, serializeIndex(index, key));
    if (stopped()) return;
    for (const name of await readdir(cacheDir)) {
      if (name.startsWith(CACHE_PREFIX) && path.join(cacheDir, name) !== file)
        await rm(path.join(cacheDir, name), { force: true });
    }
  } catch {
    // No cache: the index is built again at the next start.
  }
}

/** Starts loading or building the index without blocking; the feed is served meanwhile. */
export function searchInBackground(
  data: NewsData,
  timeZone: string,
  cacheDir: string | null,
  log: CacheLog = console,
): SearchService {
  let state: SearchState = { status: 'warming', retryAfterSeconds: 2 };
  const started = performance.now();
  const key = data.dataKey;
  let written: Promise<void> = Promise.resolve();
  let stopped = false;

  async function prepare(): Promise<'built' | 'cache' | 'stopped'> {
    const cached = cacheDir && key ? await readCachedIndex(cacheDir, key, data.store.size, log) : null;
    const index =
      cached ??
      (await runInSlices(buildSearchIndex(data.store), {
        stopped: () => stopped,
        onPause: (done) => {
          const elapsed = (performance.now() - started) / 1000;
          const remaining = done > 0.02 ? (elapsed * (1 - done)) / done : 5;
          state = { status: 'warming', retryAfterSeconds: Math.min(30, Math.max(1, Math.ceil(remaining))) };
        },
      }));
    if (stopped) return 'stopped';
    state = { status: 'ready', core: createSearchCore(data.store, data.topics, index, timeZone) };
    if (!cached && cacheDir && key) written = writeCachedIndex(cacheDir, key, index, () => stopped);
    return cached ? 'cache' : 'built';
  }

  const ready = prepare().catch((error: unknown) => {
    if (error instanceof SlicedWorkStopped) return 'stopped' as const;
    state = { status: 'failed', message: (error as Error).message };
    return 'built' as const;
  });
  return {
    state: () => state,
    ready,
    cached: ready.then(() => written),
    stop: () => {
      stopped = true;
    },
  };
}
