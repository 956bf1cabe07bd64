import { describe, expect, it } from 'vitest';
import { READING_PREFS_STORAGE_KEY, useReadingPrefsStore } from '@/stores/reading-prefs-store';

async function rehydrateFrom(stored: string) {
  useReadingPrefsStore.setState({ density: 'summaries', timeZone: 'agency' });
  localStorage.setItem(READING_PREFS_STORAGE_KEY, stored);
  await useReadingPrefsStore.persist.rehydrate();
  const { density, timeZone } = useReadingPrefsStore.getState();
  return { density, timeZone };
}

describe('reading preferences', () => {
  it('keeps the density and time zone on the device with a version', async () => {
    useReadingPrefsStore.getState().setDensity('headlines');
    useReadingPrefsStore.getState().setTimeZone('local');
    expect(JSON.parse(localStorage.getItem(READING_PREFS_STORAGE_KEY)!)).toEqual({
      state: { density: 'headlines', timeZone: 'local' },
      version: 1,
    });
    const stored = localStorage.getItem(READING_PREFS_STORAGE_KEY)!;
    expect(await rehydrateFrom(stored)).toEqual({ density: 'headlines', timeZone: 'local' });
  });

  it('keeps a good value beside a bad one, and falls back to defaults for garbage', async () => {
    expect(
      await rehydrateFrom(JSON.stringify({ state: { density: 'headlines', timeZone: 'mars' }, version: 1 })),
    ).toEqual({ density: 'headlines', timeZone: 'agency' });
    expect(await rehydrateFrom('"headlines"')).toEqual({ density: 'summaries', timeZone: 'agency' });
    expect(await rehydrateFrom(JSON.stringify({ state: { density: 'headlines' }, version: 4 }))).toEqual({
      density: 'summaries',
      timeZone: 'agency',
    });
  });
});
