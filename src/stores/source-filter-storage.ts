// How the reader's source filter is kept on the device. Read by the store, and before the app starts by the feed's
// early request (so this module stays free of zustand and React).
import * as v from 'valibot';
import { isSlug } from '@/contract/news';

/**
 * The sources a feed shows: either every source but `drop` (keep null: sources that appear later are shown), or only
 * those in `keep` (drop empty: later sources are not shown). `keep: []` is an explicit "None".
 */
export interface SourceSelection {
  keep: readonly string[] | null;
  drop: readonly string[];
}

export const EVERY_SOURCE: SourceSelection = { keep: null, drop: [] };

export const SOURCE_FILTER_STORAGE_KEY = 'agency-news.source-filter';
export const SOURCE_FILTER_VERSION = 1;

const ids = v.array(v.pipe(v.string(), v.check(isSlug)));
const persistedSchema = v.object({ selection: v.object({ keep: v.nullable(ids), drop: ids }) });

/** The saved choice from a persisted state; one of the wrong shape (hand-edited, from another app) means every source. */
export function restoreSourceSelection(persisted: unknown): SourceSelection {
  const parsed = v.safeParse(persistedSchema, persisted);
  if (!parsed.success) return EVERY_SOURCE;
  const { keep, drop } = parsed.output.selection;
  return keep === null ? { keep: null, drop } : { keep, drop: [] };
}

/** The choice saved on this device, read straight from storage (every source when nothing usable is there). */
export function readSavedSourceSelection(): SourceSelection {
  try {
    const stored: unknown = JSON.parse(window.localStorage.getItem(SOURCE_FILTER_STORAGE_KEY) ?? 'null');
    const { state, version } = (stored ?? {}) as { state?: unknown; version?: unknown };
    return version === SOURCE_FILTER_VERSION ? restoreSourceSelection(state) : EVERY_SOURCE;
  } catch {
    return EVERY_SOURCE;
  }
}
