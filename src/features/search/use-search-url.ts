// The search view's whole state lives in the URL: ?q=&topics=&from=&to=&sort=, so it can be shared,
// reloaded and reached with Back.
import { startTransition, useCallback, useMemo, useOptimistic } from 'react';
import { useSearchParams } from 'react-router';
import type { SearchSort } from '@/api/search';

export interface SearchUrlState {
  /** As typed (untrimmed); the search uses it trimmed. */
  q: string;
  topics: string[];
  from: string | null;
  to: string | null;
  sort: SearchSort;
}

export type SearchUrlPatch = Partial<SearchUrlState>;

function parseTopics(raw: string | null): string[] {
  if (!raw) return [];
  return [
    ...new Set(
      raw
        .split(',')
        .map((id) => id.trim())
        .filter(Boolean),
    ),
  ];
}

function readSearchUrl(params: URLSearchParams): SearchUrlState {
  return {
    q: params.get('q') ?? '',
    topics: parseTopics(params.get('topics')),
    from: params.get('from') || null,
    to: params.get('to') || null,
    sort: params.get('sort') === 'newest' ? 'newest' : 'relevance',
  };
}

/** The canonical address of a search: parameters in a fixed order, defaults left out. */
export function searchUrlParams(state: SearchUrlState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.q.trim()) params.set('q', state.q.trim());
  if (state.topics.length) params.set('topics', state.topics.join(','));
  if (state.from) params.set('from', state.from);
  if (state.to) params.set('to', state.to);
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  return params;
}

export function useSearchUrl() {
  const [searchParams, setSearchParams] = useSearchParams();
  const urlState = useMemo(() => readSearchUrl(searchParams), [searchParams]);
  // The router applies navigations in a transition; until it lands, the controls show the reader's choice
  // at once instead of flicking back to the old value.
  const [state, setOptimisticState] = useOptimistic(urlState, (current: SearchUrlState, patch: SearchUrlPatch) => ({
    ...current,
    ...patch,
  }));
  const update = useCallback(
    (patch: SearchUrlPatch, { replace = false } = {}) => {
      startTransition(() => {
        setOptimisticState(patch);
        setSearchParams((current) => searchUrlParams({ ...readSearchUrl(current), ...patch }), { replace });
      });
    },
    [setSearchParams, setOptimisticState],
  );
  return { state, update, searchParams };
}
