// The currency converter's state, kept on the device: pair, amount (and which field it was typed in), extra
// targets, favourites, chart range. Codes are checked against the rates when they load, not here.
import * as z from 'zod/mini';
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { safeJsonStorage } from './safe-storage';

export type AmountSide = 'from' | 'to';
export const CHART_RANGES = ['7d', '30d', '90d', '1y'] as const;
export type ChartRange = (typeof CHART_RANGES)[number];
export const MAX_TARGETS = 10;
const DEFAULT_AMOUNT = '100';

export interface ConverterPrefs {
  /** null: not chosen yet (the view picks a sensible default from the rates). */
  from: string | null;
  to: string | null;
  /** The text of the field the reader edited last: the source of truth, kept as typed. */
  amount: string;
  side: AmountSide;
  /** More target currencies shown under the pair. */
  targets: string[];
  favourites: string[];
  range: ChartRange;
}

interface ConverterState extends ConverterPrefs {
  /** A problem with the link the view was opened with (not persisted). */
  linkNotice: string | null;
  setLinkNotice: (notice: string | null) => void;
  setPair: (from: string, to: string) => void;
  setAmount: (side: AmountSide, text: string) => void;
  addTarget: (code: string) => void;
  removeTarget: (code: string) => void;
  toggleFavourite: (code: string) => void;
  setRange: (range: ChartRange) => void;
  apply: (prefs: Partial<ConverterPrefs>) => void;
}

const STORE_VERSION = 1;
export const CONVERTER_STORAGE_KEY = 'agency-news.converter';

export const DEFAULT_CONVERTER_PREFS: ConverterPrefs = {
  from: null,
  to: null,
  amount: DEFAULT_AMOUNT,
  side: 'from',
  targets: [],
  favourites: [],
  range: '30d',
};

const code = z.string().check(z.regex(/^[A-Z]{3}$/));
const codeList = z.array(code).check(z.maxLength(200));
const persistedSchema = z.object({
  from: z.nullable(code),
  to: z.nullable(code),
  amount: z.string().check(z.maxLength(64)),
  side: z.enum(['from', 'to']),
  targets: codeList,
  favourites: codeList,
  range: z.enum(CHART_RANGES),
});

const unique = (codes: readonly string[]) => [...new Set(codes)];

export const useConverterStore = create<ConverterState>()(
  persist(
    (set) => ({
      ...DEFAULT_CONVERTER_PREFS,
      linkNotice: null,
      setLinkNotice: (linkNotice) => set({ linkNotice }),
      setPair: (from, to) => set({ from, to }),
      setAmount: (side, amount) => set({ side, amount }),
      addTarget: (target) =>
        set((s) => (s.targets.includes(target) ? s : { targets: [...s.targets, target].slice(0, MAX_TARGETS) })),
      removeTarget: (target) => set((s) => ({ targets: s.targets.filter((t) => t !== target) })),
      toggleFavourite: (fav) =>
        set((s) => ({
          favourites: s.favourites.includes(fav) ? s.favourites.filter((f) => f !== fav) : [...s.favourites, fav],
        })),
      setRange: (range) => set({ range }),
      apply: (prefs) => set(prefs),
    }),
    {
      name: CONVERTER_STORAGE_KEY,
      version: STORE_VERSION,
      storage: safeJsonStorage,
      partialize: ({ from, to, amount, side, targets, favourites, range }): ConverterPrefs => ({
        from,
        to,
        amount,
        side,
        targets,
        favourites,
        range,
      }),
      // No earlier format was ever released: anything older or newer than this version means defaults.
      migrate: () => DEFAULT_CONVERTER_PREFS,
      // Fields are checked one by one: a bad field falls back to its default, the good ones are kept.
      merge: (persisted, current) => {
        if (typeof persisted !== 'object' || persisted === null) return current;
        const stored = persisted as Record<string, unknown>;
        const next: Partial<ConverterPrefs> = {};
        for (const key of Object.keys(persistedSchema.shape) as (keyof ConverterPrefs)[]) {
          const parsed = persistedSchema.shape[key].safeParse(stored[key]);
          if (parsed.success) Object.assign(next, { [key]: parsed.data });
        }
        if (next.targets) next.targets = unique(next.targets).slice(0, MAX_TARGETS);
        if (next.favourites) next.favourites = unique(next.favourites);
        return { ...current, ...next };
      },
    },
  ),
);
