// The first-paint script (app/display-boot.ts): it runs on its own before the app, from what is stored.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DISPLAY_STORAGE_KEY } from '@/stores/display-storage';

const html = document.documentElement;
const store = (state: unknown, version = 1) =>
  localStorage.setItem(DISPLAY_STORAGE_KEY, JSON.stringify({ version, state }));
const runBootScript = async () => {
  vi.resetModules();
  await import('@/app/display-boot');
};

describe('display choices before the first paint', () => {
  afterEach(() => {
    vi.resetModules();
  });

  it('puts the stored theme and text size on <html>', async () => {
    store({ theme: 'dark', textSize: 'large' });
    await runBootScript();
    expect(html.dataset.theme).toBe('dark');
    expect(html.dataset.textSize).toBe('large');
  });

  it('uses the system theme and medium text when nothing is stored', async () => {
    await runBootScript();
    expect(html.dataset.theme).toBe('system');
    expect(html.dataset.textSize).toBe('medium');
  });

  it('falls back to the system theme for a bad stored value, keeping a good text size', async () => {
    store({ theme: '"><script>', textSize: 'small' });
    await runBootScript();
    expect(html.dataset.theme).toBe('system');
    expect(html.dataset.textSize).toBe('small');
  });

  it('falls back to the defaults when storage is unreadable', async () => {
    localStorage.setItem(DISPLAY_STORAGE_KEY, 'not json');
    await runBootScript();
    expect(html.dataset.theme).toBe('system');
    vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    html.dataset.theme = 'dark';
    await runBootScript();
    expect(html.dataset.theme).toBe('system');
  });

  it('follows a choice made in another tab', async () => {
    await runBootScript();
    store({ theme: 'light', textSize: 'x-large' });
    window.dispatchEvent(new StorageEvent('storage', { key: DISPLAY_STORAGE_KEY }));
    expect(html.dataset.theme).toBe('light');
    expect(html.dataset.textSize).toBe('x-large');
  });
});
