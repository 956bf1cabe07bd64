// The reader's display choices (format and first-paint reading: display-storage.ts). Every change is applied to
// <html> at once, so the whole app follows.
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { applyDisplay, DEFAULT_DISPLAY, type DisplayPrefs, type TextSize, type Theme } from '@/lib/display';
import { DISPLAY_STORAGE_KEY, DISPLAY_VERSION, restoreDisplay } from './display-storage';
import { safeJsonStorage } from './safe-storage';

interface DisplayState extends DisplayPrefs {
  setTheme: (theme: Theme) => void;
  setTextSize: (textSize: TextSize) => void;
}

export const useDisplayStore = create<DisplayState>()(
  persist(
    (set) => ({
      ...DEFAULT_DISPLAY,
      setTheme: (theme) => set({ theme }),
      setTextSize: (textSize) => set({ textSize }),
    }),
    {
      name: DISPLAY_STORAGE_KEY,
      version: DISPLAY_VERSION,
      storage: safeJsonStorage,
      partialize: ({ theme, textSize }): DisplayPrefs => ({ theme, textSize }),
      // Another version's state keeps the fields that still read (see restoreDisplay).
      migrate: (persisted) => restoreDisplay(persisted),
      merge: (persisted, current) => ({ ...current, ...restoreDisplay(persisted) }),
    },
  ),
);

// Only in a browser: the server renders the same modules (src/server/render-page.tsx) and puts the choices on <html>
// itself.
if (typeof window !== 'undefined') {
  useDisplayStore.subscribe(({ theme, textSize }) => applyDisplay({ theme, textSize }));
  // A choice made in another tab is followed here too.
  window.addEventListener('storage', (event) => {
    if (event.key === DISPLAY_STORAGE_KEY) void useDisplayStore.persist.rehydrate();
  });
}
