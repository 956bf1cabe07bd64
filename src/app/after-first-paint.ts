// The server's HTML is the page's largest paint. The app's code (its evaluation, then hydration: one long task, as
// React hydrates the default lane without yielding) ran before the browser's first paint, so the headlines waited
// for React (LCP 1.58x the same page without scripts at 4x CPU). The page's start script waits with this first.

/** Resolves once the browser has had a chance to paint (after the next frame; at once in a hidden tab, which does
 * not paint and would not run the frame's callback, and after 250 ms at most: a tab hidden meanwhile). */
export function afterFirstPaint(): Promise<void> {
  if (document.visibilityState === 'hidden' || typeof requestAnimationFrame !== 'function') return Promise.resolve();
  return new Promise((resolve) => {
    // The frame's callback runs before the paint; the task it queues runs after it.
    requestAnimationFrame(() => setTimeout(resolve, 0));
    setTimeout(resolve, 250);
  });
}
