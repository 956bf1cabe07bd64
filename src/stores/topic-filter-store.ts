// The reader's topic filter ("Use filter"), kept on the device (format: topic-filter-storage.ts).
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { safeJsonStorage } from './safe-storage';
import {
  restoreSelection,
  TOPIC_FILTER_STORAGE_KEY,
  TOPIC_FILTER_VERSION,
  type TopicSelection,
} from './topic-filter-storage';

interface TopicFilterState {
  selected: TopicSelection;
  setSelected: (selection: TopicSelection) => void;
}

export const useTopicFilterStore = create<TopicFilterState>()(
  persist(
    (set) => ({
      selected: null,
      setSelected: (selection) => set({ selected: selection }),
    }),
    {
      name: TOPIC_FILTER_STORAGE_KEY,
      version: TOPIC_FILTER_VERSION,
      storage: safeJsonStorage,
      partialize: (state) => ({ selected: state.selected }),
      // No earlier format was ever released: anything older or newer than this version means defaults.
      migrate: () => ({ selected: null }),
      // A stored value of the wrong shape (hand-edited, from another app) falls back to the default.
      merge: (persisted, current) => ({ ...current, selected: restoreSelection(persisted) }),
    },
  ),
);

/** Keeps only known ids, in the topics' own order; every topic (or none still known) collapses to null. */
export function normalizeSelection(selection: TopicSelection, allIds: readonly string[]): TopicSelection {
  if (selection === null) return null;
  const chosen = new Set(selection);
  const kept = allIds.filter((id) => chosen.has(id));
  // A choice whose topics have all gone away means nothing any more; an explicit "None" ([]) stays.
  if (kept.length === 0 && selection.length > 0) return null;
  return kept.length === allIds.length ? null : kept;
}

export function toggleTopic(selection: TopicSelection, id: string, allIds: readonly string[]): TopicSelection {
  const current = selection ?? allIds;
  const next = current.includes(id) ? current.filter((t) => t !== id) : [...current, id];
  return normalizeSelection(next, allIds);
}

export function isTopicSelected(selection: TopicSelection, id: string): boolean {
  return selection === null || selection.includes(id);
}
