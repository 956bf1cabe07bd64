// What a server-rendered page depends on besides the stored news and rates, known before rendering: shared by the
// renderer (which makes the key) and the servers (which make the page's tag from it).

/** A page's address, origins, the reader's choices and minute, as one string. */
export interface PageKey {
  key: string;
  /** Rendered with the reader's own choices (their cookie): not for shared caches. */
  personal: boolean;
}

const MINUTE_MS = 60_000;

/** A page's clock, to the minute: the same news gives the same page (relative times included), and tag, for a minute. */
export const pageMinute = (now = Date.now()) => Math.floor(now / MINUTE_MS) * MINUTE_MS;
