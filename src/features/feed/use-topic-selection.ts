// The effective topic filter: the URL's ?topics= wins over the stored choice; both are kept in step.
import { useQuery } from '@tanstack/react-query';
import { startTransition, useCallback, useEffect, useMemo, useOptimistic } from 'react';
import { useSearchParams } from 'react-router';
import { topicQueries } from '@/api/topics';
import { normalizeSelection, useTopicFilterStore, type TopicSelection } from '@/stores/topic-filter-store';

function parseTopicsParam(raw: string | null): string[] | null {
  if (raw === null) return null;
  const ids = raw
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean);
  return ids.length ? ids : null;
}

export function useTopicSelection() {
  const [searchParams, setSearchParams] = useSearchParams();
  const stored = useTopicFilterStore((s) => s.selected);
  const setStored = useTopicFilterStore((s) => s.setSelected);
  const topicsQuery = useQuery(topicQueries.all());
  const topics = topicsQuery.data;
  const rawParam = searchParams.get('topics');

  const selection: TopicSelection = useMemo(() => {
    const fromUrl = parseTopicsParam(rawParam);
    if (!topics) return fromUrl ?? stored;
    const allIds = topics.map((t) => t.id);
    const knownFromUrl = fromUrl?.filter((id) => allIds.includes(id));
    // Unknown ids are dropped; a link with none we know falls back to the reader's own choice.
    return normalizeSelection(knownFromUrl?.length ? knownFromUrl : stored, allIds);
  }, [rawParam, topics, stored]);

  // Requests with topic ids wait for the topic list, so a stale or hand-typed id never reaches the API. If the list
  // cannot be had, the saved choice is used as it is: the feed still loads, or the API says which id it refused.
  // (errorUpdatedAt, not isError: a retry of the topic list resets isError, which would unmount the feed meanwhile.)
  const ready = selection === null || topics !== undefined || topicsQuery.errorUpdatedAt > 0;

  const writeParam = useCallback(
    (next: TopicSelection) => {
      setSearchParams(
        (params) => {
          const copy = new URLSearchParams(params);
          if (next && next.length) copy.set('topics', next.join(','));
          else copy.delete('topics');
          return copy;
        },
        { replace: true },
      );
    },
    [setSearchParams],
  );

  // Keep the address shareable: it always names the filter being shown.
  useEffect(() => {
    if (!topics) return;
    const wanted = selection && selection.length ? selection.join(',') : null;
    if (rawParam !== wanted && !(rawParam === '' && wanted === null)) writeParam(selection);
  }, [topics, selection, rawParam, writeParam]);

  // The router applies URL changes in a transition; until it commits, show the reader's new choice rather
  // than the old address's (which would briefly undo a tick).
  const [shownSelection, showSelection] = useOptimistic(selection);
  const setSelection = useCallback(
    (next: TopicSelection) => {
      startTransition(() => {
        showSelection(next);
        setStored(next);
        writeParam(next);
      });
    },
    [showSelection, setStored, writeParam],
  );

  return { topicsQuery, topics, selection: shownSelection, ready, setSelection };
}
