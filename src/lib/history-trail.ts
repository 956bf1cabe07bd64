// The entries of this tab's history the app has seen, in order, so a view can go back to a given earlier entry with
// the browser's own Back (its scroll position and state restored), e.g. from a run of stories to the list they came
// from. Followed from the router's navigations; an entry the app never saw (before a reload) is simply unknown.
import { useLayoutEffect, useSyncExternalStore } from 'react';
import { useLocation, useNavigationType, type NavigationType } from 'react-router';

interface TrailEntry {
  key: string;
  /** Path and query. */
  address: string;
}

const trail: TrailEntry[] = [];
let current = -1;
let version = 0;
const listeners = new Set<() => void>();
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

function follow(type: NavigationType, entry: TrailEntry): void {
  if (trail[current]?.key === entry.key) {
    trail[current] = entry;
  } else if (type === 'PUSH') {
    trail.splice(current + 1, Infinity, entry);
    current = trail.length - 1;
  } else if (type === 'REPLACE' && current >= 0) {
    trail[current] = entry;
  } else {
    // Back, Forward or a first visit: an entry seen before, else a trail starting afresh here.
    current = trail.findIndex((seen) => seen.key === entry.key);
    if (current === -1) trail.splice(0, Infinity, entry);
    current = Math.max(current, 0);
    trail[current] = entry;
  }
  version++;
  for (const listener of listeners) listener();
}

/** The app shell keeps the trail (mounted once inside the router). A layout effect: it is up to date before any
 * view's passive effects read it. */
export function useHistoryTrail(): void {
  const { key, pathname, search } = useLocation();
  const type = useNavigationType();
  useLayoutEffect(() => follow(type, { key, address: pathname + search }), [type, key, pathname, search]);
}

/**
 * The nearest earlier entry that `wanted` accepts, past entries `passing` accepts only (e.g. the list behind a run of
 * stories), with the steps back to it (negative, for navigate(n)); null when it is not in the known trail, undefined
 * until the trail has followed the navigation to this entry. Pass functions that never change.
 */
export function useEntryBehind(
  wanted: (address: string) => boolean,
  passing: (address: string) => boolean,
): (TrailEntry & { steps: number }) | null | undefined {
  const { key } = useLocation();
  useSyncExternalStore(
    subscribe,
    () => version,
    () => version,
  );
  if (trail[current]?.key !== key) return undefined;
  for (let i = current - 1; i >= 0; i--) {
    const entry = trail[i]!;
    if (wanted(entry.address)) return { ...entry, steps: i - current };
    if (!passing(entry.address)) return null;
  }
  return null;
}
