// What a server-rendered page carries for its hydration, in a JSON data island (`<script type="application/json">`:
// data, not code, so the strict CSP stays): the query cache the HTML was rendered from, and what only the server knew.
import type { DehydratedState } from '@tanstack/react-query';
import type { ReaderChoices } from '@/stores/choices-cookie';

export const PAGE_STATE_ID = 'page-state';

export interface PageState {
  queries: DehydratedState;
  /** The clock the server rendered "5 min ago" with (ms since epoch). */
  at: number;
  /** The reader's own time zone as the server knew it (their cookie), or null. */
  zone: string | null;
  /** The reader's choices the page was rendered with (their cookie), or null for the defaults. */
  choices: ReaderChoices | null;
  /** The API requests whose answers the page holds (path and query), for the service worker's caches. */
  answered: string[];
  /** The API answers the page holds the data of, as the API sent them (JSON body, content type, date), for the
   * service worker's caches: a first visit's worker has not seen them, and need not ask for them again. */
  answers: { path: string; body: unknown; contentType: string; date: string }[];
}

/** The state of the server-rendered page this document is, or null when it is the plain app shell. */
export function readPageState(): PageState | null {
  const island = document.getElementById(PAGE_STATE_ID);
  if (!island?.textContent) return null;
  try {
    return JSON.parse(island.textContent) as PageState;
  } catch {
    return null;
  }
}
