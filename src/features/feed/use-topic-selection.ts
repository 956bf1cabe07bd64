// The topic filter in force: the address's ?topics= when it names any topic we know, else the reader's last choice
// (kept on the device). Choosing writes both; nothing copies one into the other.
import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo, useRef } from 'react';
import { topicQueries } from '@/api/topics';
import { useUrlState } from '@/lib/use-url-state';
import type { TopicSelection } from '@/stores/topic-filter-storage';
import { useTopicFilterStore } from '@/stores/topic-filter-store';
import { feedSelection } from './feed-selection';
import { feedUrlSchema } from './feed-url';

export function useTopicSelection() {
  const [url, updateUrl] = useUrlState(feedUrlSchema);
  const stored = useTopicFilterStore((s) => s.selected);
  const setStored = useTopicFilterStore((s) => s.setSelected);
  const topicsQuery = useQuery(topicQueries.all());
  const topics = topicsQuery.data;

  const selection: TopicSelection = useMemo(
    () => feedSelection(url.topics, stored, topics),
    [url.topics, stored, topics],
  );

  // Requests with topic ids wait for the topic list, so a stale or hand-typed id never reaches the API. If the list
  // cannot be had, the choice is used as it is: the feed still loads, or the API says which id it refused.
  // (errorUpdatedAt, not isError: a retry of the topic list resets isError, which would unmount the feed meanwhile.)
  const ready = selection === null || topics !== undefined || topicsQuery.errorUpdatedAt > 0;

  const pendingStore = useRef<ReturnType<typeof setTimeout>>(undefined);
  const setSelection = useCallback(
    (next: TopicSelection) => {
      // Another filter starts at the newest story.
      updateUrl({ topics: next?.length ? [...next] : null, before: null }, { replace: true });
      // The address (a router transition, which React can interrupt) then decides, so the device's copy is written
      // in the next task and the tick paints at once. With no topics in the address the stored choice decides:
      // written at once.
      clearTimeout(pendingStore.current);
      if (next?.length) pendingStore.current = setTimeout(() => setStored(next), 0);
      else setStored(next);
    },
    [setStored, updateUrl],
  );

  return { topicsQuery, topics, selection, ready, setSelection };
}
