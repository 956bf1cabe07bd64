// On a first visit the service worker takes the page only after the feed, the topics... have been fetched, so its
// caches miss them: the app opened offline later could not show the news. Asking the server again when the worker
// takes the page would fetch everything twice (and put stories that arrived meanwhile at the top of the feed, without
// the "new stories" banner). Instead, copies of the API's answers are kept here until a worker is in control, then
// handed to it (app/update-offer.tsx puts them in the caches it reads), whatever view the reader has moved on to.
// A server-rendered page holds the answers it was rendered from (the API's JSON bodies and headers): they are handed
// over the same way, made into responses here, with no request at all.

/** Puts one kept answer where the service worker will find it. */
export type StoreAnswer = (url: string, answer: Response) => Promise<void>;

/** An API answer a page was rendered from: its request (path and query), JSON body and the headers a cache needs. */
export interface SentAnswer {
  path: string;
  body: unknown;
  contentType: string;
  date: string;
}

/** A first visit fetches a screenful of resources; past this many the oldest copies go. */
const MAX_KEPT = 40;

let keeping = false;
let kept: { url: string; answer: Response }[] = [];
let store: StoreAnswer | null = null;

let sentWithPage: { url: string; answer: SentAnswer }[] = [];

/** The API answers a server-rendered page arrived with (at `pageUrl`): its state holds their data, and they are
 * given to the worker's caches as they came (`handOverAnswersSentWithPage`), so the page opens offline later. */
export function keepAnswersSentWithPage(answers: readonly SentAnswer[], pageUrl: string): void {
  sentWithPage = answers.map((answer) => ({ url: new URL(answer.path, pageUrl).href, answer }));
}

/** The answer as the API sent it: the same body and the headers the worker's caches look at. Its data is checked
 * when the app reads it (http.ts), as any answer. */
function responseOf({ body, contentType, date }: SentAnswer): Response {
  return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': contentType, Date: date } });
}

/**
 * A worker controls the page: store the answers the page was rendered from with `storeAnswer` (once), without asking
 * the server again. Resolves when they are stored; one that cannot be is skipped.
 */
export async function handOverAnswersSentWithPage(storeAnswer: StoreAnswer): Promise<void> {
  const fromPage = sentWithPage;
  sentWithPage = [];
  await Promise.all(fromPage.map(({ url, answer }) => storeAnswer(url, responseOf(answer)).catch(() => undefined)));
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
 * The first worker takes the page: store every kept answer with `storeAnswer`, the page's own, and the ones still
 * arriving (asked before it took control) as they come. Resolves when the kept ones are stored; one that cannot be
 * is skipped.
 */
export async function handOverAnswers(storeAnswer: StoreAnswer): Promise<void> {
  if (!keeping) return;
  store = storeAnswer;
  const answers = kept;
  kept = [];
  await Promise.all([
    ...answers.map(({ url, answer }) => storeAnswer(url, answer).catch(() => undefined)),
    handOverAnswersSentWithPage(storeAnswer),
  ]);
}

/** No worker will take the page (it could not be registered): nothing to keep. */
export function stopKeepingAnswers(): void {
  keeping = false;
  kept = [];
  sentWithPage = [];
  store = null;
}
