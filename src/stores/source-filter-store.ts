// The reader's source filter (the sources part of "Use filter"), kept on the device (format: source-filter-storage.ts).
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { safeJsonStorage } from './safe-storage';
import {
  EVERY_SOURCE,
  restoreSourceSelection,
  SOURCE_FILTER_STORAGE_KEY,
  SOURCE_FILTER_VERSION,
  type SourceSelection,
} from './source-filter-storage';

interface SourceFilterState {
  selection: SourceSelection;
  setSelection: (selection: SourceSelection) => void;
}

export const useSourceFilterStore = create<SourceFilterState>()(
  persist(
    (set) => ({
      selection: EVERY_SOURCE,
      setSelection: (selection) => set({ selection }),
    }),
    {
      name: SOURCE_FILTER_STORAGE_KEY,
      version: SOURCE_FILTER_VERSION,
      storage: safeJsonStorage,
      partialize: (state) => ({ selection: state.selection }),
      // No earlier format was ever released: anything older or newer than this version means defaults.
      migrate: () => ({ selection: EVERY_SOURCE }),
      // A stored value of the wrong shape (hand-edited, from another app) falls back to the default.
      merge: (persisted, current) => ({ ...current, selection: restoreSourceSelection(persisted) }),
    },
  ),
);

export const isEverySource = (selection: SourceSelection) => selection.keep === null && selection.drop.length === 0;

/**
 * Keeps only known ids, in the list's own order: a "keep" that names every source means every source, one whose
 * sources have all gone away means every source too (an explicit "None", [], stays).
 */
export function normalizeSourceSelection(selection: SourceSelection, allIds: readonly string[]): SourceSelection {
  const known = (chosen: readonly string[]) => allIds.filter((id) => chosen.includes(id));
  if (selection.keep === null) {
    const drop = known(selection.drop);
    return drop.length === 0 ? EVERY_SOURCE : { keep: null, drop };
  }
  const keep = known(selection.keep);
  if ((keep.length === 0 && selection.keep.length > 0) || keep.length === allIds.length) return EVERY_SOURCE;
  return { keep, drop: [] };
}

export function isSourceShown(selection: SourceSelection, id: string): boolean {
  return selection.keep === null ? !selection.drop.includes(id) : selection.keep.includes(id);
}

/** Ticking or unticking one source: from "every source" it is dropped (new sources still show), else kept or not. */
export function toggleSource(selection: SourceSelection, id: string, allIds: readonly string[]): SourceSelection {
  const flip = (list: readonly string[]) => (list.includes(id) ? list.filter((x) => x !== id) : [...list, id]);
  return normalizeSourceSelection(
    selection.keep === null ? { keep: null, drop: flip(selection.drop) } : { keep: flip(selection.keep), drop: [] },
    allIds,
  );
}
