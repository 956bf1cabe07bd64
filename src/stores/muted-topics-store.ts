// Topics the reader muted for a while: their stories leave the feed until then (format: muted-topics-storage.ts).
import { useEffect, useMemo, useState } from 'react';
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import {
  activeMutes,
  MUTED_TOPICS_STORAGE_KEY,
  MUTED_TOPICS_VERSION,
  restoreMutes,
  type MutedTopics,
} from './muted-topics-storage';
import { safeJsonStorage } from './safe-storage';

export const MUTE_DURATIONS = [
  { label: '24 hours', ms: 24 * 3600_000 },
  { label: '7 days', ms: 7 * 24 * 3600_000 },
] as const;

interface MutedTopicsState {
  muted: MutedTopics;
  /** Returns when the mute ends (ms since epoch). */
  mute: (id: string, forMs: number, now?: number) => number;
  unmute: (id: string) => void;
  /** Puts back an earlier state (Undo). */
  restore: (muted: MutedTopics) => void;
}

export const useMutedTopicsStore = create<MutedTopicsState>()(
  persist(
    (set) => ({
      muted: {},
      mute: (id, forMs, now = Date.now()) => {
        set(({ muted }) => ({ muted: { ...restoreMutes({ muted }, now), [id]: now + forMs } }));
        return now + forMs;
      },
      unmute: (id) =>
        set(({ muted }) => {
          const { [id]: _gone, ...rest } = muted;
          return { muted: rest };
        }),
      restore: (muted) => set({ muted }),
    }),
    {
      name: MUTED_TOPICS_STORAGE_KEY,
      version: MUTED_TOPICS_VERSION,
      storage: safeJsonStorage,
      partialize: ({ muted }) => ({ muted }),
      migrate: () => ({ muted: {} }),
      merge: (persisted, current) => ({ ...current, muted: restoreMutes(persisted) }),
    },
  ),
);

const NONE: readonly string[] = [];

/** The ids muted right now (sorted); re-renders when the next mute ends, so its stories come back on time. */
export function useActiveMutes(): readonly string[] {
  const muted = useMutedTopicsStore((s) => s.muted);
  const [now, setNow] = useState(() => Date.now());
  const active = useMemo(() => activeMutes(muted, now), [muted, now]);
  useEffect(() => {
    const ends = active.map((id) => muted[id]!);
    if (ends.length === 0) return;
    // setTimeout holds at most about 24.8 days; a longer wait simply checks again then.
    const wait = Math.min(Math.min(...ends) - Date.now(), 2 ** 31 - 1);
    const timer = setTimeout(() => setNow(Date.now()), Math.max(0, wait) + 50);
    return () => clearTimeout(timer);
  }, [active, muted]);
  return active.length ? active : NONE;
}
