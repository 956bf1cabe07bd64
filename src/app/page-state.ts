// What a server-rendered page carries for its hydration, in a JSON data island (`<script type="application/json">`:
// data, not code, so the strict CSP stays): the query cache the HTML was rendered from, and what only the server knew.
import type { DehydratedState } from '@tanstack/react-query';
import type { SentAnswer } from '@/api/answers-for-service-worker';
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
  /** The API answers the page holds the data of, for the service worker's caches (a first visit's worker has not
   * seen them): put there as the API's own answers, so nothing is asked twice. */
  answers: SentAnswer[];
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
