// Unread stories per topic, for the filter. The server counts each topic's stories published after a time (its
// read-through line: "mark all as read", or the READ_HORIZON_DAYS horizon); the stories the reader marked one by
// one are then taken off (or added back, when marked unread under a line). A story in two topics counts in both.
import { useQueries } from '@tanstack/react-query';
import { useMemo } from 'react';
import { topicQueries } from '@/api/topics';
import type { Topic } from '@/contract/news';
import { useMinuteClock } from '@/lib/use-now';
import { readHorizon, readThroughFor, useReadMarksStore, type ReadState } from '@/stores/read-marks-store';

/** Each topic's unread count given the server's counts since each line; pure, for tests. */
function unreadCounts(
  topics: readonly Topic[],
  state: ReadState,
  countsSince: (since: number) => ReadonlyMap<string, number> | undefined,
  now: number,
): Map<string, number> | undefined {
  const horizon = readHorizon(now);
  const result = new Map<string, number>();
  for (const topic of topics) {
    const line = readThroughFor(state.readThrough, [topic.id], now);
    const counted = countsSince(line)?.get(topic.id);
    if (counted === undefined) return undefined;
    let unread = counted;
    for (const mark of Object.values(state.marks)) {
      if (!mark.topics.includes(topic.id) || mark.published < horizon) continue;
      if (mark.read && mark.published > line) unread--;
      else if (!mark.read && mark.published <= line) unread++;
    }
    result.set(topic.id, Math.max(0, unread));
  }
  return result;
}

export function useUnreadCounts(topics: readonly Topic[]): Map<string, number> | undefined {
  const marks = useReadMarksStore((s) => s.marks);
  const readThrough = useReadMarksStore((s) => s.readThrough);
  const now = useMinuteClock();
  const lines = useMemo(
    () => [...new Set(topics.map((t) => readThroughFor(readThrough, [t.id], now)))],
    [topics, readThrough, now],
  );
  const results = useQueries({ queries: lines.map((line) => topicQueries.countsSince(line)) });
  const byLine = new Map(lines.map((line, i) => [line, results[i]?.data]));
  return unreadCounts(topics, { marks, readThrough }, (line) => byLine.get(line), now);
}
