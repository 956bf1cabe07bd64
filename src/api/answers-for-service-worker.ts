// On a first visit the service worker takes the page only after the feed, the topics... have been fetched, so its
// caches miss them: the app opened offline later could not show the news. Asking the server again when the worker
// takes the page would fetch everything twice (and put stories that arrived meanwhile at the top of the feed, without
// the "new stories" banner). Instead, copies of the API's answers are kept here until a worker is in control, then
// handed to it (app/update-offer.tsx puts them in the caches it reads), whatever view the reader has moved on to.

/** Puts one kept answer where the service worker will find it. */
export type StoreAnswer = (url: string, answer: Response) => Promise<void>;

/** A first visit fetches a screenful of resources; past this many the oldest copies go. */
const MAX_KEPT = 40;

let keeping = false;
let kept: { url: string; answer: Response }[] = [];
let store: StoreAnswer | null = null;

let sentWithPage: string[] = [];

/** The API answers a server-rendered page arrived with (its state holds their data, not the answers): asked again
 * only if a worker takes the page, for its caches, so the page still opens offline later. */
export function keepAnswersSentWithPage(urls: readonly string[]): void {
  sentWithPage = [...urls];
}

async function fetchForWorker(url: string, storeAnswer: StoreAnswer): Promise<void> {
  const answer = await fetch(url, { headers: { Accept: 'application/json' } });
  if (answer.ok) await storeAnswer(url, answer);
}

/** From now on, keep a copy of each successful answer until `handOverAnswers` or `stopKeepingAnswers`. */
export function keepAnswersForServiceWorker(): void {
  keeping = true;
}

/** Called by http.ts with every successful answer, before its body is read. */
export function keepAnswer(url: string, response: Response): void {
  if (!keeping) return;
  const answer = response.clone();
  if (store) {
    void store(url, answer).catch(() => undefined);
    return;
  }
  kept.push({ url, answer });
  if (kept.length > MAX_KEPT) kept.shift();
}

/**
 * A worker controls the page: store every kept answer with `storeAnswer`, and the ones still arriving (asked before
 * it took control) as they come. Resolves when the kept ones are stored; one that cannot be is skipped.
 */
export async function handOverAnswers(storeAnswer: StoreAnswer): Promise<void> {
  if (!keeping) return;
  store = storeAnswer;
  const answers = kept;
  kept = [];
  const fromPage = sentWithPage;
  sentWithPage = [];
  await Promise.all([
    ...answers.map(({ url, answer }) => storeAnswer(url, answer).catch(() => undefined)),
    ...fromPage.map((url) => fetchForWorker(url, storeAnswer).catch(() => undefined)),
  ]);
}

/** No worker will take the page (it could not be registered): nothing to keep. */
export function stopKeepingAnswers(): void {
  keeping = false;
  kept = [];
  sentWithPage = [];
  store = null;
}
