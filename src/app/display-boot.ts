// Runs before the first paint, as a classic script of its own in <head> (vite.config.ts builds it and puts it there;
// the CSP forbids inline scripts): puts the reader's theme and text size on <html>, so the first frame already has
// the right colours, even while the app's code is still downloading.
import { applyDisplay } from '@/lib/display';
import { DISPLAY_STORAGE_KEY, readSavedDisplay } from '@/stores/display-storage';

applyDisplay(readSavedDisplay());
// A choice made in another tab is followed here too.
window.addEventListener('storage', (event) => {
  if (event.key === DISPLAY_STORAGE_KEY) applyDisplay(readSavedDisplay());
});
