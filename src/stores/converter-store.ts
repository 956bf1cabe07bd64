// The reader's last converter choices, kept on the device: pair, amount (and which field it was typed in), extra
// targets, favourites, chart range. The view's address wins over them; they apply when it names nothing.
// Codes are checked against the rates when they load, not here.
import * as v from 'valibot';
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { isCurrencyCode } from '@/contract/rates';
import { safeJsonStorage } from './safe-storage';

export type AmountSide = 'from' | 'to';
export const CHART_RANGES = ['7d', '30d', '90d', '1y'] as const;
export type ChartRange = (typeof CHART_RANGES)[number];
export const MAX_TARGETS = 10;
/** Longer amount texts are cut: no real amount needs more. */
export const MAX_AMOUNT_LENGTH = 64;
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
  /** Records what the reader has just chosen (targets are de-duplicated and capped). */
  remember: (prefs: Partial<Omit<ConverterPrefs, 'favourites' | 'range'>>) => void;
  toggleFavourite: (code: string) => void;
  setRange: (range: ChartRange) => void;
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

const code = v.pipe(v.string(), v.check(isCurrencyCode));
const codeList = v.pipe(v.array(code), v.maxLength(200));
const persistedSchema = v.object({
  from: v.nullable(code),
  to: v.nullable(code),
  amount: v.pipe(v.string(), v.maxLength(MAX_AMOUNT_LENGTH)),
  side: v.picklist(['from', 'to']),
  targets: codeList,
  favourites: codeList,
  range: v.picklist(CHART_RANGES),
});

const unique = (codes: readonly string[]) => [...new Set(codes)];

export const useConverterStore = create<ConverterState>()(
  persist(
    (set) => ({
      ...DEFAULT_CONVERTER_PREFS,
      remember: (prefs) =>
        set(prefs.targets ? { ...prefs, targets: unique(prefs.targets).slice(0, MAX_TARGETS) } : prefs),
      toggleFavourite: (fav) =>
        set((s) => ({
          favourites: s.favourites.includes(fav) ? s.favourites.filter((f) => f !== fav) : [...s.favourites, fav],
        })),
      setRange: (range) => set({ range }),
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
        for (const key of Object.keys(persistedSchema.entries) as (keyof ConverterPrefs)[]) {
          const parsed = v.safeParse(persistedSchema.entries[key], stored[key]);
          if (parsed.success) Object.assign(next, { [key]: parsed.output });
        }
        if (next.targets) next.targets = unique(next.targets).slice(0, MAX_TARGETS);
        if (next.favourites) next.favourites = unique(next.favourites);
        return { ...current, ...next };
      },
    },
  ),
);
