// How the reader likes the news laid out and timed: the feed's density and the zone times are shown in.
import * as v from 'valibot';
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { safeJsonStorage } from './safe-storage';

export const DENSITIES = ['summaries', 'headlines'] as const;
export type Density = (typeof DENSITIES)[number];
/** 'agency': the agency's own zone ("4:50 UTC+3"); 'local': the zone this device is set to. */
const TIME_ZONE_CHOICES = ['agency', 'local'] as const;
export type TimeZoneChoice = (typeof TIME_ZONE_CHOICES)[number];

interface ReadingPrefsState {
  density: Density;
  timeZone: TimeZoneChoice;
  setDensity: (density: Density) => void;
  setTimeZone: (timeZone: TimeZoneChoice) => void;
}

export const READING_PREFS_STORAGE_KEY = 'agency-news.reading-prefs';
const DEFAULTS = { density: 'summaries', timeZone: 'agency' } as const;
// Each field on its own: one unreadable value does not throw away the others.
const persistedSchema = v.object({
  density: v.fallback(v.picklist(DENSITIES), DEFAULTS.density),
  timeZone: v.fallback(v.picklist(TIME_ZONE_CHOICES), DEFAULTS.timeZone),
});

export const useReadingPrefsStore = create<ReadingPrefsState>()(
  persist(
    (set) => ({
      ...DEFAULTS,
      setDensity: (density) => set({ density }),
      setTimeZone: (timeZone) => set({ timeZone }),
    }),
    {
      name: READING_PREFS_STORAGE_KEY,
      version: 1,
      storage: safeJsonStorage,
      partialize: ({ density, timeZone }) => ({ density, timeZone }),
      // The first version: anything else stored under this name is not ours to read.
      migrate: () => DEFAULTS,
      merge: (persisted, current) => {
        const parsed = v.safeParse(persistedSchema, persisted);
        return parsed.success ? { ...current, ...parsed.output } : current;
      },
    },
  ),
);
