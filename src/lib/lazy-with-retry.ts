// Code-split parts of the app that can be downloaded again after a failure. React.lazy remembers a failed download
// for good (only a page reload helps); here an error boundary's "Try again" first calls retryFailedDownloads, which
// swaps a fresh lazy component in for each part that failed, so it is downloaded afresh once the network is back.
// (Browsers do retry a failed import() of an address.) The swap must wait for "Try again": React re-renders once
// after an error before showing the boundary, and a fresh component then would download again, endlessly.
import { createElement, lazy, type ComponentType, type LazyExoticComponent } from 'react';

/** A failed download of code. Browsers word it differently: "Failed to fetch dynamically imported module", "error
 * loading dynamically imported module", "Importing a module script failed". */
export const isCodeDownloadError = (error: unknown): boolean =>
  error instanceof Error && /dynamically imported module|module script failed/i.test(error.message);
export const CODE_DOWNLOAD_FAILED = 'Part of the app could not be downloaded. Check your connection, then try again.';

const pendingRetries = new Set<() => void>();

/** Lets every part whose download failed try again on its next render. */
export function retryFailedDownloads(): void {
  for (const retry of pendingRetries) retry();
  pendingRetries.clear();
}

export function lazyWithRetry<P extends object>(load: () => Promise<{ default: ComponentType<P> }>) {
  const fresh = (): LazyExoticComponent<ComponentType<P>> =>
    lazy(() =>
      load().catch((error: unknown) => {
        pendingRetries.add(() => {
          current = fresh();
        });
        throw error;
      }),
    );
  let current = fresh();
  function LazyPart(props: P) {
    return createElement(current, props);
  }
  /** Starts the download early (e.g. on hover); a failure here is retried when the part renders. */
  const preload = () => load().then(() => undefined);
  return Object.assign(LazyPart, { preload });
}
