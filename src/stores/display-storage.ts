// How the reader's display choices (theme, text size) are kept on the device. Read by the store, and before the
// first paint by app/display-boot.ts (a script of its own that must stay tiny, so no zustand or valibot here).
import { DEFAULT_DISPLAY, isTextSize, isTheme, type DisplayPrefs } from '@/lib/display';

export const DISPLAY_STORAGE_KEY = 'agency-news.display';
export const DISPLAY_VERSION = 1;

/**
 * The choices in a persisted state of any version: each field that still reads as a known value is kept, anything
 * else (hand-edited, damaged, from another app) falls back to its default. Every version so far stores the same two
 * fields, so this is also the migration path: a later version only needs to map what it renamed before this.
 */
export function restoreDisplay(persisted: unknown): DisplayPrefs {
  const stored = (typeof persisted === 'object' && persisted !== null ? persisted : {}) as Record<string, unknown>;
  return {
    theme: isTheme(stored.theme) ? stored.theme : DEFAULT_DISPLAY.theme,
    textSize: isTextSize(stored.textSize) ? stored.textSize : DEFAULT_DISPLAY.textSize,
  };
}

/** The choices saved on this device, read straight from storage (defaults when nothing usable is there). */
export function readSavedDisplay(): DisplayPrefs {
  try {
    const stored: unknown = JSON.parse(window.localStorage.getItem(DISPLAY_STORAGE_KEY) ?? 'null');
    return restoreDisplay((stored as { state?: unknown } | null)?.state);
  } catch {
    return DEFAULT_DISPLAY;
  }
}
