import { describe, expect, it } from 'vitest';
import { TEXT_SIZES, THEMES } from '@/lib/display';
import { DISPLAY_STORAGE_KEY, readSavedDisplay } from '@/stores/display-storage';
import { useDisplayStore } from '@/stores/display-store';

const stored = () => JSON.parse(localStorage.getItem(DISPLAY_STORAGE_KEY)!) as { version: number; state: object };
const rehydrateWith = async (value: string) => {
  localStorage.setItem(DISPLAY_STORAGE_KEY, value);
  await useDisplayStore.persist.rehydrate();
  const { theme, textSize } = useDisplayStore.getState();
  return { theme, textSize };
};
const html = document.documentElement;

describe('display store', () => {
  it('starts with the system theme and medium text', () => {
    expect(useDisplayStore.getState()).toMatchObject({ theme: 'system', textSize: 'medium' });
    expect(readSavedDisplay()).toEqual({ theme: 'system', textSize: 'medium' });
  });

  it('keeps the theme and text size on the device, versioned, and puts them on <html> at once', () => {
    useDisplayStore.getState().setTheme('dark');
    expect(html.dataset.theme).toBe('dark');
    useDisplayStore.getState().setTextSize('x-large');
    expect(html.dataset.textSize).toBe('x-large');
    expect(stored()).toEqual({ version: 1, state: { theme: 'dark', textSize: 'x-large' } });
    // What the first-paint script reads is what the store wrote.
    expect(readSavedDisplay()).toEqual({ theme: 'dark', textSize: 'x-large' });
  });

  it.each(THEMES.flatMap((theme) => TEXT_SIZES.map((textSize) => [theme, textSize] as const)))(
    'restores %s / %s from an earlier visit',
    async (theme, textSize) => {
      expect(await rehydrateWith(JSON.stringify({ version: 1, state: { theme, textSize } }))).toEqual({
        theme,
        textSize,
      });
    },
  );

  it.each([
    ['an unknown theme', { theme: 'purple', textSize: 'large' }, { theme: 'system', textSize: 'large' }],
    ['an unknown text size', { theme: 'dark', textSize: 'huge' }, { theme: 'dark', textSize: 'medium' }],
    ['values of the wrong type', { theme: 1, textSize: ['large'] }, { theme: 'system', textSize: 'medium' }],
    ['a prototype key as theme', { theme: 'toString', textSize: 'small' }, { theme: 'system', textSize: 'small' }],
    ['no fields', {}, { theme: 'system', textSize: 'medium' }],
    ['a bare string', 'dark', { theme: 'system', textSize: 'medium' }],
    ['null', null, { theme: 'system', textSize: 'medium' }],
  ])('falls back field by field when the stored value has %s', async (_label, state, expected) => {
    expect(await rehydrateWith(JSON.stringify({ version: 1, state }))).toEqual(expected);
    expect(readSavedDisplay()).toEqual(expected);
  });

  it('falls back to the defaults when what is stored is not JSON', async () => {
    useDisplayStore.getState().setTheme('light');
    expect(await rehydrateWith('{"state": {"theme": "dark"')).toEqual({ theme: 'system', textSize: 'medium' });
    expect(readSavedDisplay()).toEqual({ theme: 'system', textSize: 'medium' });
  });

  it.each([0, 2])('migrates a state of version %i, keeping the fields that still read', async (version) => {
    const restored = await rehydrateWith(JSON.stringify({ version, state: { theme: 'dark', textSize: 'giant' } }));
    expect(restored).toEqual({ theme: 'dark', textSize: 'medium' });
    expect(stored()).toEqual({ version: 1, state: { theme: 'dark', textSize: 'medium' } });
  });

  it('follows a choice made in another tab', async () => {
    localStorage.setItem(
      DISPLAY_STORAGE_KEY,
      JSON.stringify({ version: 1, state: { theme: 'dark', textSize: 'small' } }),
    );
    window.dispatchEvent(new StorageEvent('storage', { key: DISPLAY_STORAGE_KEY }));
    await expect.poll(() => useDisplayStore.getState().theme).toBe('dark');
    expect(html.dataset.textSize).toBe('small');
  });
});
