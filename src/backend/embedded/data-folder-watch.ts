// Watching a data folder that may change while a server runs (new stories arriving). The folder is watched, not the
// files, so an editor that saves by writing a new file and renaming it over the old one is seen as well as one that
// writes in place; its parent is watched too, so a folder moved away or deleted and made again (`mv data data-old;
// mkdir data; cp ...`) is said and watched again.
import { statSync, watch, type FSWatcher } from 'node:fs';
import path from 'node:path';
import { DATA_FILE_NAMES } from './news-data.ts';

/** Where news of the data folder goes (console by default; the dev server passes its own logger). */
export interface FolderLog {
  info(message: string): void;
  error(message: string): void;
}

/**
 * What the data files are now: each one's inode, size and modification time. Equal signatures mean nothing was
 * written in between, so a change this server made itself (or an event without one) is not read again.
 */
export function dataFilesSignature(dir: string): string {
  return DATA_FILE_NAMES.map((name) => {
    try {
      const stats = statSync(path.join(dir, name));
      return `${stats.ino}:${stats.size}:${stats.mtimeMs}`;
    } catch {
      return '-';
    }
  }).join(' ');
}

/** Calls `changed` when a data file of `dir` may have changed, until closed. */
export function watchDataFolder(dir: string, log: FolderLog, changed: () => void): { close(): void } {
  let closed = false;
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
    close() {
      closed = true;
      watcher?.close();
      parentWatcher.close();
    },
  };
}
