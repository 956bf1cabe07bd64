// The current time to the minute, shared: every "5 min ago" on the page moves on together, from one timer that
// runs only while something shows such a time.
import { useSyncExternalStore } from 'react';
import { renderedWith } from './rendered-with';

const MINUTE_MS = 60_000;
const listeners = new Set<() => void>();
let now = Date.now();
let timer: ReturnType<typeof setInterval> | undefined;

function subscribe(listener: () => void) {
  if (listeners.size === 0) {
    now = Date.now();
    timer = setInterval(() => {
      now = Date.now();
      listeners.forEach((l) => l());
    }, MINUTE_MS);
  }
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) clearInterval(timer);
  };
}

// With no timer running, the last reading may be old: take a fresh one (at most once a minute, so consecutive reads
// during one render agree).
function read() {
  if (listeners.size === 0 && Date.now() - now >= MINUTE_MS) now = Date.now();
  return now;
}

/** Date.now(), updated every minute. */
export function useMinuteClock(): number {
  // The server's time while it renders and while the browser hydrates its page.
  return useSyncExternalStore(subscribe, read, () => renderedWith.at ?? read());
}
