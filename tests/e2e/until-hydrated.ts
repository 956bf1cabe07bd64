// Shared by the browser tests and the bench (which runs outside Vitest, so this file imports nothing of it).
import type { Page } from 'playwright-core';

/**
 * Until the app has taken over the server's HTML: every element under the root is React's (hydration attaches each
 * one as it goes, lazy views last). A page the server rendered shows its content, and its buttons, before that; a
 * click then would do nothing, as for a reader who clicks at once. A page without the server's state (the shell) has
 * nothing to hydrate.
 */
export async function untilHydrated(page: Page): Promise<void> {
  await page
    .waitForFunction(
      () => {
        const root = document.getElementById('root');
        if (!root || !document.getElementById('page-state')) return true;
        const own = (element: Element) => Object.keys(element).some((key) => key.startsWith('__reactFiber'));
        return own(root.firstElementChild ?? root) && [...root.querySelectorAll('*')].every(own);
      },
      undefined,
      { timeout: 15_000 },
    )
    // A page whose code never runs (blocked on purpose, offline) stays as the server sent it: the test goes on.
    .catch(() => {});
}
