// How the reader's topic filter is kept on the device. Read by the store, and before the app starts by the feed's
// early request (so this module stays free of zustand and React).
import * as v from 'valibot';
import { topicIdSchema } from '@/contract/news';

/** null means every topic; [] is an explicit "None". */
export type TopicSelection = readonly string[] | null;

export const TOPIC_FILTER_STORAGE_KEY = 'agency-news.topic-filter';
export const TOPIC_FILTER_VERSION = 1;

const persistedSchema = v.object({ selected: v.nullable(v.array(topicIdSchema)) });

/** The saved choice from a persisted state; one of the wrong shape (hand-edited, from another app) means all. */
export function restoreSelection(persisted: unknown): TopicSelection {
  const parsed = v.safeParse(persistedSchema, persisted);
  return parsed.success ? parsed.output.selected : null;
}

/** The choice saved on this device, read straight from storage (every topic when nothing usable is there). */
export function readSavedSelection(): TopicSelection {
  try {
    const stored: unknown = JSON.parse(window.localStorage.getItem(TOPIC_FILTER_STORAGE_KEY) ?? 'null');
    const { state, version } = (stored ?? {}) as { state?: unknown; version?: unknown };
    return version === TOPIC_FILTER_VERSION ? restoreSelection(state) : null;
  } catch {
    return null;
  }
}
