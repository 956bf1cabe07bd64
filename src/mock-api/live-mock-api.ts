// The servers' API over a data folder that may change while they run (new stories arriving). The folder is watched,
// not the files, so an editor that saves by writing a new file and renaming it over the old one is seen as well as
// one that writes in place; its parent is watched too, so a folder moved away or deleted and made again (`mv data
// data-old; mkdir data; cp ...`) is said and watched again. Once the files settle they are read again in slices
// between requests; valid data replaces the old in one step (each request sees the old or the new, never a mix)
// and invalid data is reported and the old kept. Tests' in-memory APIs (createMockApi) never watch anything.
import { statSync, watch, type FSWatcher } from 'node:fs';
import path from 'node:path';
import {
  cacheDirOf,
  createMockApi,
  serveNewsData,
  startMockApi,
  type MockApi,
  type StartedMockApi,
} from './api-core.ts';
import { DATA_FILE_NAMES, loadNewsDataInSlices, type NewsData } from './load-mock-data.ts';
import { MockDataError } from './mock-data-error.ts';
import { SlicedWorkStopped } from './time-slices.ts';

/** Where reload news goes (console by default; the dev server passes its own logger). */
export interface ReloadLog {
  info(message: string): void;
  error(message: string): void;
}

export interface LiveMockApi {
  /** Answers each request from the data served at that moment. */
  api: MockApi;
  /** The data and search served now. */
  current(): StartedMockApi;
  /** Stops watching, and any reload or index build in progress. */
  close(): void;
}

/** Quiet time after the last change before reading: an editor's save or a generator's write is several events. */
const SETTLE_MS = 300;

/**
 * Starts like startMockApi (a data file that cannot be served throws MockDataError, so the server does not start),
 * then keeps the data current with the folder.
 */
export function startLiveMockApi(
  dir: string,
  {
    cacheDir,
    log = console,
    settleMs = SETTLE_MS,
  }: { cacheDir?: string | null; log?: ReloadLog; settleMs?: number } = {},
): LiveMockApi {
  const cache = cacheDirOf(dir, cacheDir);
  let served = startMockApi(dir, { cacheDir: cache, log });
  let closed = false;
  let loading = false;
  /** The files changed after the current load started: its result is out of date. */
  let stale = false;
  let timer: NodeJS.Timeout | undefined;

  /** New data in place of the old; unchanged articles and topics keep their store and search index. */
  function swap(data: NewsData) {
    const previous = served;
    if (data.dataKey !== null && data.dataKey === previous.data.dataKey) {
      const kept = { ...previous.data, rates: data.rates };
      served = { api: createMockApi(kept, { search: previous.search }), data: kept, search: previous.search };
    } else {
      served = serveNewsData(data, cache, log);
      previous.search.stop();
    }
    log.info(`${dir}: data files reloaded (${data.store.size} articles)`);
  }

  async function load() {
    loading = true;
    stale = false;
    try {
      const data = await loadNewsDataInSlices(dir, () => closed || stale);
      if (!closed && !stale) swap(data);
    } catch (error) {
      // A file caught half-written is read again once it settles; only a settled file's problem is reported.
      if (error instanceof SlicedWorkStopped || stale || closed) return;
      // The same message as at start: file, record and field; a stack trace would only bury it.
      const message = error instanceof MockDataError ? error.message : String(error);
      log.error(`${dir}: the changed data files cannot be served, so the previous data stays in use.\n${message}`);
    } finally {
      loading = false;
      // Changed again while loading, and that change's timer already fired: read once more.
      if (stale && !closed && timer === undefined) void load();
    }
  }

  function changed() {
    stale = true;
    clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      if (!loading) void load();
    }, settleMs);
    timer.unref();
  }

  /** The folder's inode while it is there (a folder made again in its place has another), or null. */
  const folderId = () => {
    try {
      return statSync(dir).ino;
    } catch {
      return null;
    }
  };
  let watchedId = folderId();
  let watcher: FSWatcher | null = null;
  function watchFolder() {
    watcher = watch(dir, { persistent: false }, (_event, fileName) => {
      if (!closed && (fileName === null || DATA_FILE_NAMES.includes(fileName))) changed();
    });
    watcher.on('error', () => checkFolder()); // the folder itself went away
  }
  /** After a change in the parent folder: has the data folder gone, or come back? */
  function checkFolder() {
    const id = folderId();
    if (closed || id === watchedId) return;
    watcher?.close();
    watcher = null;
    if (id === null) {
      log.error(`${dir}: the data folder is gone; the data read last stays in use until a folder is back in its place`);
    } else {
      log.info(`${dir}: a data folder is back in its place; watching it and reading its files`);
      watchFolder();
      changed();
    }
    watchedId = id;
  }
  watchFolder();
  const parentWatcher = watch(path.dirname(dir), { persistent: false }, (_event, name) => {
    if (name === null || name === path.basename(dir)) checkFolder();
  });
  parentWatcher.on('error', (error) => {
    log.error(`${path.dirname(dir)}: no longer watched (${error.message}); a data folder moved away is not noticed`);
  });

  return {
    api: (request) => served.api(request),
    current: () => served,
    close() {
      closed = true;
      clearTimeout(timer);
      watcher?.close();
      parentWatcher.close();
      served.search.stop();
    },
  };
}
