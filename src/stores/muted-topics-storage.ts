// How muted topics are kept on the device. Read by the store, and before the app starts by the feed's early
// request (so this module stays free of zustand and React).
import * as v from 'valibot';
import { topicIdSchema } from '@/contract/news';

/** Topic id → the time (ms since epoch) its mute ends. */
export type MutedTopics = Readonly<Record<string, number>>;

export const MUTED_TOPICS_STORAGE_KEY = 'agency-news.muted-topics';
export const MUTED_TOPICS_VERSION = 1;

const untilSchema = v.pipe(
  v.number(),
  v.check((n) => Number.isFinite(n), 'not a time'),
);
const persistedSchema = v.object({ muted: v.record(topicIdSchema, v.unknown()) });

/** The well-formed mutes of a persisted state that have not ended yet. */
export function restoreMutes(persisted: unknown, now = Date.now()): MutedTopics {
  const parsed = v.safeParse(persistedSchema, persisted);
  if (!parsed.success) return {};
  const kept: Record<string, number> = {};
  for (const [id, until] of Object.entries(parsed.output.muted)) {
    if (v.is(untilSchema, until) && until > now) kept[id] = until;
  }
  return kept;
}

/** The ids of the topics muted at `now`, sorted (they go into request addresses: one order, one cache entry). */
export function activeMutes(muted: MutedTopics, now = Date.now()): string[] {
  return Object.keys(muted)
    .filter((id) => muted[id]! > now)
    .sort();
}

/** The topics muted on this device now, read straight from storage. */
export function readActiveMutes(): string[] {
  try {
    const stored: unknown = JSON.parse(window.localStorage.getItem(MUTED_TOPICS_STORAGE_KEY) ?? 'null');
    const { state, version } = (stored ?? {}) as { state?: unknown; version?: unknown };
    return version === MUTED_TOPICS_VERSION ? activeMutes(restoreMutes(state)) : [];
  } catch {
    return [];
  }
}
