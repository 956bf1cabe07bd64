// Code-split parts of the app that can be downloaded again after a failure. React.lazy remembers a failed download
// for good (only a page reload helps); here an error boundary's "Try again" (or the browser coming back online) first
// calls retryFailedDownloads, which swaps a fresh lazy component in for each part that failed, so it is downloaded
// afresh. The swap must wait for that: React re-renders once after an error before showing the boundary, and a fresh
// component then would download again, endlessly.
//
// Browsers themselves long remembered a failed module download too (the HTML standard did until whatwg/html#10327;
// Chromium does before its ModuleMapDoNotCacheFailedFetch feature): importing the same address again fails at once.
// So a part is not even asked for while the browser is offline with no service worker to answer (the offline case
// would otherwise break it until a reload), and a retry that fails at once asks for the address the browser named
// under a new query string.
import { createElement, lazy, type ComponentType, type LazyExoticComponent } from 'react';

/** A failed download of code. Browsers word it differently: "Failed to fetch dynamically imported module", "error
 * loading dynamically imported module", "Importing a module script failed"; Vite's "Unable to preload CSS". */
export const isCodeDownloadError = (error: unknown): boolean =>
  error instanceof Error &&
  /dynamically imported module|module script failed|unable to preload css/i.test(error.message);
export const CODE_DOWNLOAD_FAILED = 'Part of the app could not be downloaded. Check your connection, then try again.';

/** The address of the module a browser could not download, where its message names it (Chromium, Firefox). */
const failedModuleAddress = (error: unknown): string | null =>
  (error instanceof Error && /\bhttps?:\/\/\S+?\.m?js\b/.exec(error.message)?.[0]) || null;

/** Offline, with no service worker in control to answer from its cache: a download could only fail. */
const cannotDownload = () =>
  typeof navigator !== 'undefined' && !navigator.onLine && !navigator.serviceWorker?.controller;

const pendingRetries = new Set<() => void>();

/** Lets every part whose download failed try again on its next render. */
export function retryFailedDownloads(): void {
  // A style sheet that failed stays in the page, and Vite would not ask for it again: take it out.
  for (const link of document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')) {
    if (!link.sheet) link.remove();
  }
  for (const retry of pendingRetries) retry();
  pendingRetries.clear();
}

type Part<P extends object> = ComponentType<P>;

export function lazyWithRetry<P extends object>(
  load: () => Promise<{ default: Part<P> }>,
): ReturnType<typeof retryable<{ default: Part<P> }, P>>;
export function lazyWithRetry<M, P extends object>(
  load: () => Promise<M>,
  pick: (module: M) => Part<P>,
): ReturnType<typeof retryable<M, P>>;
export function lazyWithRetry<M, P extends object>(load: () => Promise<M>, pick?: (module: M) => Part<P>) {
  return retryable(load, pick ?? ((module) => (module as { default: Part<P> }).default));
}

/** `load` imports the module (a literal import(), so the bundler knows it); `pick` finds the component in it. */
function retryable<M, P extends object>(load: () => Promise<M>, pick: (module: M) => Part<P>) {
  let failedAddress: string | null = null;
  let attempt = 0;
  // A part already downloaded (e.g. preloaded on hover) is in the page: it renders offline without asking again.
  let downloaded: M | undefined;
  const download = async (): Promise<M> => {
    if (downloaded) return downloaded;
    if (cannotDownload()) throw new TypeError(`Failed to fetch dynamically imported module while offline`);
    try {
      downloaded = await load();
    } catch (error) {
      failedAddress = failedModuleAddress(error) ?? failedAddress;
      if (!failedAddress || attempt === 0 || !isCodeDownloadError(error)) throw error;
      downloaded = (await import(/* @vite-ignore */ `${failedAddress}?retry=${attempt}`)) as M;
    } finally {
      attempt++;
    }
    return downloaded;
  };
  const fresh = (): LazyExoticComponent<Part<P>> =>
    lazy(() =>
      download().then(
        (module) => ({ default: pick(module) }),
        (error: unknown) => {
          pendingRetries.add(() => {
            current = fresh();
          });
          throw error;
        },
      ),
    );
  let current = fresh();
  function LazyPart(props: P) {
    return createElement(current, props);
  }
  /** Starts the download early (e.g. on hover); a failure here is retried when the part renders. */
  const preload = () => download().then(() => undefined);
  return Object.assign(LazyPart, { preload });
}
