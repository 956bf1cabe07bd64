// Which stories the reader has read, kept on this device. Opening or expanding a story marks it; "Mark all as read"
// sets a line (by publication time) for every topic or for the topics in view, so it costs nothing however many
// stories it covers. Bounded: stories older than READ_HORIZON_DAYS count as read (as in Feedly) and their marks are
// dropped, and at most MAX_MARKS are kept.
import * as v from 'valibot';
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { topicIdSchema } from '@/contract/news';
import { safeJsonStorage } from './safe-storage';

export const READ_MARKS_STORAGE_KEY = 'agency-news.read-marks';
export const READ_HORIZON_DAYS = 30;
export const MAX_MARKS = 2000;
const DAY_MS = 24 * 3600_000;
/** The `readThrough` key that covers every topic. */
export const ALL_TOPICS = '*';

/** What a story needs for the read rules. */
export interface ReadableStory {
  id: string;
  publishedAt: string;
  topics: readonly string[];
}

export interface ReadMark {
  read: boolean;
  /** Publication time, ms since epoch: for expiry and for counting against the read-through lines. */
  published: number;
  topics: readonly string[];
}

export interface ReadState {
  /** Marks the reader set one by one; an explicit "unread" wins over a read-through line. */
  marks: Readonly<Record<string, ReadMark>>;
  /** Topic id (or ALL_TOPICS) → stories published at or before this time (ms) are read. */
  readThrough: Readonly<Record<string, number>>;
}

interface ReadMarksStore extends ReadState {
  setRead: (story: ReadableStory, read: boolean) => void;
  /** Marks everything published up to `through` in these topics (null: every topic) as read. */
  markAllRead: (topics: readonly string[] | null, through: number) => void;
  /** Puts back an earlier state (Undo). */
  restore: (state: ReadState) => void;
}

/** Stories published before this time count as read whatever their marks say. Rounded to the hour, so the counts
 * asked of the server with it stay the same request for an hour. */
export function readHorizon(now = Date.now()): number {
  return Math.floor((now - READ_HORIZON_DAYS * DAY_MS) / 3600_000) * 3600_000;
}

/** The time up to which a story with these topics is read by the read-through lines (or the horizon). */
export function readThroughFor(readThrough: ReadState['readThrough'], topics: readonly string[], now?: number) {
  let line = Math.max(readHorizon(now), readThrough[ALL_TOPICS] ?? -Infinity);
  for (const topic of topics) line = Math.max(line, readThrough[topic] ?? -Infinity);
  return line;
}

export function isRead({ marks, readThrough }: ReadState, story: ReadableStory, now?: number): boolean {
  const mark = marks[story.id];
  if (mark) return mark.read;
  return Date.parse(story.publishedAt) <= readThroughFor(readThrough, story.topics, now);
}

/** Drops marks that say nothing any more (past the horizon, or "read" under a line) and keeps the newest MAX_MARKS. */
function pruneMarks(state: ReadState, now = Date.now()): ReadState['marks'] {
  const horizon = readHorizon(now);
  const kept = Object.entries(state.marks).filter(
    ([, mark]) =>
      mark.published >= horizon &&
      !(mark.read && mark.published <= readThroughFor(state.readThrough, mark.topics, now)),
  );
  if (kept.length > MAX_MARKS) kept.sort(([, a], [, b]) => b.published - a.published).splice(MAX_MARKS);
  return Object.fromEntries(kept);
}

const markSchema = v.object({
  read: v.boolean(),
  published: v.pipe(
    v.number(),
    v.check((n) => Number.isFinite(n), 'not a time'),
  ),
  topics: v.array(topicIdSchema),
});
const persistedSchema = v.object({
  marks: v.record(v.string(), v.unknown()),
  readThrough: v.record(v.string(), v.unknown()),
});

/** The well-formed parts of a persisted state (a damaged mark is dropped, not the whole list). */
export function restoreReadState(persisted: unknown, now = Date.now()): ReadState {
  const parsed = v.safeParse(persistedSchema, persisted);
  if (!parsed.success) return { marks: {}, readThrough: {} };
  const marks: Record<string, ReadMark> = {};
  for (const [id, raw] of Object.entries(parsed.output.marks)) {
    const mark = v.safeParse(markSchema, raw);
    if (mark.success) marks[id] = mark.output;
  }
  const readThrough: Record<string, number> = {};
  for (const [key, time] of Object.entries(parsed.output.readThrough)) {
    if (typeof time === 'number' && Number.isFinite(time)) readThrough[key] = time;
  }
  return { marks: pruneMarks({ marks, readThrough }, now), readThrough };
}

export const useReadMarksStore = create<ReadMarksStore>()(
  persist(
    (set) => ({
      marks: {},
      readThrough: {},
      setRead: (story, read) =>
        set((state) => {
          const mark: ReadMark = { read, published: Date.parse(story.publishedAt), topics: [...story.topics] };
          return { marks: pruneMarks({ ...state, marks: { ...state.marks, [story.id]: mark } }) };
        }),
      markAllRead: (topics, through) =>
        set((state) => {
          const readThrough = { ...state.readThrough };
          for (const key of topics ?? [ALL_TOPICS]) readThrough[key] = Math.max(readThrough[key] ?? through, through);
          // Everything under the new line is read, including stories the reader had marked unread.
          const covered = (mark: ReadMark) =>
            mark.published <= through && (topics === null || mark.topics.some((t) => topics.includes(t)));
          const marks = Object.fromEntries(Object.entries(state.marks).filter(([, mark]) => !covered(mark)));
          return { readThrough, marks: pruneMarks({ marks, readThrough }) };
        }),
      restore: ({ marks, readThrough }) => set({ marks, readThrough }),
    }),
    {
      name: READ_MARKS_STORAGE_KEY,
      version: 1,
      storage: safeJsonStorage,
      partialize: ({ marks, readThrough }) => ({ marks, readThrough }),
      migrate: () => ({ marks: {}, readThrough: {} }),
      merge: (persisted, current) => ({ ...current, ...restoreReadState(persisted) }),
    },
  ),
);
