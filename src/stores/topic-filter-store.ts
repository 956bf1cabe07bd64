// The reader's topic filter ("Use filter"), kept on the device. null means every topic.
import * as z from 'zod/mini';
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { topicIdSchema } from '@/contract/news';
import { safeJsonStorage } from './safe-storage';

export type TopicSelection = readonly string[] | null;

interface TopicFilterState {
  selected: TopicSelection;
  setSelected: (selection: TopicSelection) => void;
}

const STORE_VERSION = 1;
export const TOPIC_FILTER_STORAGE_KEY = 'agency-news.topic-filter';

const persistedSchema = z.object({ selected: z.nullable(z.array(topicIdSchema)) });

export const useTopicFilterStore = create<TopicFilterState>()(
  persist(
    (set) => ({
      selected: null,
      setSelected: (selection) => set({ selected: selection }),
    }),
    {
      name: TOPIC_FILTER_STORAGE_KEY,
      version: STORE_VERSION,
      storage: safeJsonStorage,
      partialize: (state) => ({ selected: state.selected }),
      // No earlier format was ever released: anything older or newer than this version means defaults.
      migrate: () => ({ selected: null }),
      // A stored value of the wrong shape (hand-edited, from another app) falls back to the default.
      merge: (persisted, current) => {
        const parsed = persistedSchema.safeParse(persisted);
        return { ...current, selected: parsed.success ? parsed.data.selected : null };
      },
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
