import { describe, expect, it } from 'vitest';
import {
  ALL_TOPICS,
  isRead,
  MAX_MARKS,
  READ_HORIZON_DAYS,
  READ_MARKS_STORAGE_KEY,
  restoreReadState,
  useReadMarksStore,
  type ReadableStory,
} from '@/stores/read-marks-store';

const DAY = 86_400_000;
const story = (id: string, daysAgo: number, topics = ['world']): ReadableStory => ({
  id,
  publishedAt: new Date(Date.now() - daysAgo * DAY).toISOString(),
  topics,
});
const read = (s: ReadableStory) => isRead(useReadMarksStore.getState(), s);

describe('read marks', () => {
  it('marks a story read and unread, and keeps the marks on the device with a version', () => {
    const a = story('a', 1);
    expect(read(a)).toBe(false);
    useReadMarksStore.getState().setRead(a, true);
    expect(read(a)).toBe(true);
    const stored = JSON.parse(localStorage.getItem(READ_MARKS_STORAGE_KEY)!);
    expect(stored.version).toBe(1);
    expect(stored.state.marks.a).toMatchObject({ read: true, topics: ['world'] });
    useReadMarksStore.getState().setRead(a, false);
    expect(read(a)).toBe(false);
  });

  it(`counts stories older than ${READ_HORIZON_DAYS} days as read, and drops their marks`, () => {
    const old = story('old', READ_HORIZON_DAYS + 1);
    expect(read(old)).toBe(true);
    useReadMarksStore.getState().setRead(old, false);
    expect(useReadMarksStore.getState().marks.old).toBeUndefined();
  });

  it(`keeps at most ${MAX_MARKS} marks, the newest stories'`, () => {
    const published = (i: number) => Date.now() - (i + 1) * 1000;
    useReadMarksStore.setState({
      marks: Object.fromEntries(
        Array.from({ length: MAX_MARKS }, (_, i) => [
          `s${i + 1}`,
          { read: true, published: published(i + 1), topics: ['world'] },
        ]),
      ),
    });
    useReadMarksStore
      .getState()
      .setRead({ ...story('s0', 0), publishedAt: new Date(published(0)).toISOString() }, true);
    const marks = useReadMarksStore.getState().marks;
    expect(Object.keys(marks)).toHaveLength(MAX_MARKS);
    expect(marks.s0).toBeDefined();
    expect(marks[`s${MAX_MARKS}`]).toBeUndefined(); // the oldest story's mark went
  });

  it('"mark all as read" covers every story up to a time, in all topics or only the chosen ones', () => {
    const world = story('w', 2, ['world']);
    const sports = story('s', 2, ['sports']);
    const later = story('later', 0, ['world']);
    const { markAllRead, restore } = useReadMarksStore.getState();
    const before = useReadMarksStore.getState();

    markAllRead(['world'], Date.now() - DAY);
    expect([read(world), read(sports), read(later)]).toEqual([true, false, false]);

    markAllRead(null, Date.now() - DAY);
    expect(useReadMarksStore.getState().readThrough[ALL_TOPICS]).toBe(Date.now() - DAY);
    expect([read(world), read(sports), read(later)]).toEqual([true, true, false]);

    restore(before); // Undo
    expect([read(world), read(sports), read(later)]).toEqual([false, false, false]);
  });

  it('lets the reader mark one story unread under a "mark all" line', () => {
    const w = story('w', 2);
    useReadMarksStore.getState().markAllRead(null, Date.now());
    useReadMarksStore.getState().setRead(w, false);
    expect(read(w)).toBe(false);
    expect(read(story('other', 2))).toBe(true);
  });

  it.each([
    ['garbage', 'nonsense'],
    ['a list', []],
    ['a mark of the wrong shape', { marks: { a: { read: 'yes' } }, readThrough: {} }],
    ['a line that is not a time', { marks: {}, readThrough: { '*': 'yesterday' } }],
  ])('restores the usable part of %s and nothing else', (_label, persisted) => {
    expect(restoreReadState(persisted)).toEqual({ marks: {}, readThrough: {} });
  });

  it('restores good marks beside a damaged one', () => {
    const published = Date.now() - DAY;
    const restored = restoreReadState({
      marks: { good: { read: true, published, topics: ['world'] }, bad: { read: true } },
      readThrough: { world: published - DAY },
    });
    expect(restored).toEqual({
      marks: { good: { read: true, published, topics: ['world'] } },
      readThrough: { world: published - DAY },
    });
  });
});
