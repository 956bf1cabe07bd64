// Where the page is after a navigation: one contract for the whole app. (React Router's <ScrollRestoration> needs
// the data router, which costs about 17 KB more on the feed's first load, so the declarative router gets this.)
//
// - Every history entry has a key of its own, the first one of a visit too (keyHistoryEntries runs before the
//   router starts): what is remembered per entry never leaks into a new visit, and comes back on reload and Back.
// - Back/Forward and reload (POP) return to the exact position saved for the entry, retried while the content
//   arrives. With nothing saved, the view's target (below) applies, else the page stays at the top.
// - A new entry (PUSH) starts at the view's target, or at the top with focus on <main>.
// - REPLACE moves nothing: a refined or corrected address shows what was already on screen.
//
// Views use useEntryState for state that belongs to one entry (the feed's expanded items), and useScrollTarget to
// name where a new entry starts (a #p-N paragraph, a multi-page article's ?page=N).
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useLocation, useNavigationType, type NavigationType } from 'react-router';

const positionKey = (entry: string) => `scroll:${entry}`;
/** Entries whose saved position was restored: their views must not move them again. */
const restoredEntries = new Set<string>();

function readStorage(key: string): string | null {
  try {
    return sessionStorage.getItem(key);
  } catch {
    return null;
  }
}

function writeStorage(key: string, value: string): void {
  try {
    sessionStorage.setItem(key, value);
  } catch {
    // Storage full or disabled: restoration is a nicety, the page still works.
  }
}

/** Gives the current history entry a key if it has none (a fresh visit), as the data router does. */
export function keyHistoryEntries(): void {
  if (window.history.state?.key) return;
  window.history.replaceState({ ...window.history.state, key: Math.random().toString(36).slice(2, 10) }, '');
}

/** The app shell's half of the contract: save positions as the reader scrolls, restore or reset on navigation. */
export function useScrollRestoration(): void {
  const { key, hash } = useLocation();
  const navigationType = useNavigationType();

  useEffect(() => {
    if ('scrollRestoration' in history) history.scrollRestoration = 'manual';
  }, []);

  useEffect(() => {
    let frame = 0;
    const save = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => writeStorage(positionKey(key), String(Math.round(window.scrollY))));
    };
    window.addEventListener('scroll', save, { passive: true });
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener('scroll', save);
    };
  }, [key]);

  useLayoutEffect(() => {
    if (navigationType === 'REPLACE') return;
    if (navigationType === 'PUSH') {
      if (hash) return; // the view scrolls to its anchor (useScrollTarget)
      window.scrollTo(0, 0);
      // Keyboard and screen-reader users start at the new content, unless the view has placed focus itself.
      const main = document.getElementById('main');
      if (main && !main.contains(document.activeElement)) main.focus({ preventScroll: true });
      return;
    }
    const saved = readStorage(positionKey(key));
    if (saved === null) return;
    restoredEntries.add(key);
    const target = Number(saved);
    // Content may still be arriving (lazy view, cached data rendering): retry until the page is tall enough.
    let attempts = 0;
    let frame = 0;
    const restore = () => {
      const reachable = document.documentElement.scrollHeight - window.innerHeight >= target;
      window.scrollTo(0, target);
      if (!reachable && attempts++ < 60) frame = requestAnimationFrame(restore);
    };
    restore();
    return () => cancelAnimationFrame(frame);
  }, [key, hash, navigationType]);
}

/**
 * Once per entry, when the view is ready: scrolls to and focuses the element `findTarget` returns, unless the
 * entry's saved position was restored (Back/Forward) or the entry was replaced. `findTarget` is told how the
 * entry was reached, so a view may skip a target that only makes sense for a new entry.
 */
export function useScrollTarget(findTarget: (navigation: NavigationType) => HTMLElement | null, ready = true): void {
  const { key } = useLocation();
  const navigationType = useNavigationType();
  const handled = useRef<string | null>(null);
  const find = useRef(findTarget);
  useLayoutEffect(() => {
    find.current = findTarget;
  });
  useEffect(() => {
    if (!ready || handled.current === key) return;
    handled.current = key;
    if (navigationType === 'REPLACE' || restoredEntries.has(key)) return;
    const target = find.current(navigationType);
    if (!target) return;
    target.scrollIntoView({ block: 'start' });
    target.focus({ preventScroll: true });
  }, [key, navigationType, ready]);
}

/**
 * State that belongs to the current history entry (kept in sessionStorage): Back to the entry finds it again.
 * A REPLACE keeps the entry, so its state carries over to the entry's new key.
 */
export function useEntryState<T>(name: string, initial: T, isValid: (value: unknown) => value is T) {
  const { key } = useLocation();
  const navigationType = useNavigationType();
  const storageKey = `${name}:${key}`;
  const read = useCallback(() => {
    const raw = readStorage(storageKey);
    try {
      const parsed: unknown = raw === null ? undefined : JSON.parse(raw);
      return isValid(parsed) ? parsed : initial;
    } catch {
      return initial;
    }
  }, [storageKey, initial, isValid]);
  const [entry, setEntry] = useState(() => ({ key: storageKey, value: read() }));
  if (entry.key !== storageKey) {
    // Another entry: start from what was kept for it, or from this one's state when it replaced this entry.
    setEntry({ key: storageKey, value: navigationType === 'REPLACE' ? entry.value : read() });
  }
  const value = entry.key === storageKey ? entry.value : navigationType === 'REPLACE' ? entry.value : read();
  useEffect(() => {
    if (entry.key === storageKey && entry.value !== initial) writeStorage(storageKey, JSON.stringify(entry.value));
  }, [entry, storageKey, initial]);
  const update = useCallback((next: (current: T) => T) => {
    setEntry((current) => ({ key: current.key, value: next(current.value) }));
  }, []);
  return [value, update] as const;
}

/** What a windowed list remembers of itself in a history entry. */
export interface ListMemory {
  /** Row heights by row key: the list can be exactly as tall again on Back. */
  sizes: Map<string, number>;
  /** The first row on screen and how far its top was from the list's visible top, for landing on it again. */
  anchor: ListAnchor | null;
  setAnchor: (anchor: ListAnchor) => void;
}

export interface ListAnchor {
  key: string;
  offset: number;
}

/**
 * A list's memory for the current history entry (sessionStorage, written when the list goes away or the page is
 * hidden). With the heights, the saved scroll position lands near the same row; the anchor then puts that row
 * exactly where it was, whatever rows above it measured differently.
 */
function withSetter(memory: Omit<ListMemory, 'setAnchor'>): ListMemory {
  const full = memory as ListMemory;
  full.setAnchor = (anchor) => {
    full.anchor = anchor;
  };
  return full;
}

export function useListMemory(name: string): ListMemory {
  const storageKey = `${name}:${useLocation().key}`;
  const memory = useMemo((): ListMemory => {
    try {
      const stored = JSON.parse(readStorage(storageKey) ?? '{}') as { sizes?: unknown; anchor?: unknown };
      const anchor = stored.anchor as ListAnchor | null;
      return withSetter({
        sizes: new Map(Array.isArray(stored.sizes) ? (stored.sizes as [string, number][]) : []),
        anchor: anchor && typeof anchor.key === 'string' && typeof anchor.offset === 'number' ? anchor : null,
      });
    } catch {
      return withSetter({ sizes: new Map(), anchor: null });
    }
  }, [storageKey]);
  useEffect(() => {
    const save = () => writeStorage(storageKey, JSON.stringify({ sizes: [...memory.sizes], anchor: memory.anchor }));
    window.addEventListener('pagehide', save);
    return () => {
      save();
      window.removeEventListener('pagehide', save);
    };
  }, [storageKey, memory]);
  return memory;
}
