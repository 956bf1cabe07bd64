// The one place that performs HTTP requests. Every response body is validated before anyone sees it.
import { apiErrorSchema } from '@/contract/news';
import { check, describeProblems, type Output, type Schema } from '@/contract/validate';
import { env } from '@/lib/env';
import { keepAnswer } from './answers-for-service-worker';

export type ApiErrorKind = 'http' | 'network' | 'invalid-response';

export class ApiError extends Error {
  constructor(
    readonly kind: ApiErrorKind,
    message: string,
    readonly status?: number,
    readonly code?: string,
    /** How long the server asked us to wait before trying again (its Retry-After header), in ms. */
    readonly retryAfterMs?: number,
    /** Technical detail for a bug report (the server's own message, what was wrong with the data). */
    readonly detail?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  get isNotFound(): boolean {
    return this.kind === 'http' && this.status === 404;
  }
}

/** The search index is still being built: the server answers 503 with this code and a Retry-After header. */
export const SEARCH_WARMING_UP = 'search_warming_up';

/** Retry-After as seconds ("5") or an HTTP date, in ms from now; undefined when absent or unreadable. */
function retryAfterMs(header: string | null): number | undefined {
  if (!header) return undefined;
  const ms = /^\d+$/.test(header.trim()) ? Number(header) * 1000 : Date.parse(header) - Date.now();
  return Number.isFinite(ms) ? Math.max(0, ms) : undefined;
}

export type QueryParams = Record<string, string | number | undefined>;

/** Where a relative API base is resolved without a page: the server's render sets the page's own address
 * (sendApiRequestsWith), so addresses it renders (photos) are the ones the browser builds. */
let pageAddress = 'http://localhost/';

export function apiUrl(path: string, params: QueryParams = {}): string {
  const base = new URL(`${env.apiBaseUrl}${path}`, typeof window === 'undefined' ? pageAddress : window.location.href);
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') base.searchParams.set(key, String(value));
  }
  return base.toString();
}

const UNREADABLE =
  'The news service sent data this app cannot read. Try again later; if it keeps happening, the service may have changed.';

let send: typeof fetch = (input, init) => fetch(input, init);

/** Sends the API's requests with `fetcher` instead of the network, as if from a page at `origin` (the server's
 * render asks its own API in-process). */
export function sendApiRequestsWith(fetcher: typeof fetch, origin: string): void {
  send = fetcher;
  pageAddress = `${origin}/`;
}

/** A request that has not answered (headers and body) by then ends in the usual retryable network error. */
const REQUEST_TIMEOUT_MS = 15_000;

/** GET `url` (an address made with apiUrl) and validate its JSON body with `schema`. */
export async function getJson<S extends Schema>(
  url: string,
  schema: S,
  { signal, timeoutMs = REQUEST_TIMEOUT_MS }: { signal?: AbortSignal; timeoutMs?: number } = {},
): Promise<Output<S>> {
  const timeout = AbortSignal.timeout(timeoutMs);
  const unanswered = () =>
    new ApiError(
      'network',
      `The news service did not answer within ${Math.max(1, Math.round(timeoutMs / 1000))} seconds.`,
    );
  let response: Response;
  try {
    response = await send(url, {
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      headers: { Accept: 'application/json' },
    });
  } catch (cause) {
    if (signal?.aborted) throw cause;
    if (timeout.aborted) throw unanswered();
    throw new ApiError('network', 'The news service could not be reached. Check your connection.');
  }

  if (response.ok) keepAnswer(url, response);
  let body: unknown;
  try {
    body = await response.json();
  } catch (cause) {
    if (signal?.aborted) throw cause;
    if (timeout.aborted) throw unanswered();
    throw new ApiError(
      response.ok ? 'invalid-response' : 'http',
      response.ok ? UNREADABLE : `The news service answered with an error (HTTP ${response.status}).`,
      response.status,
      undefined,
      undefined,
      `HTTP ${response.status}: the body is not JSON`,
    );
  }

  if (!response.ok) {
    const parsedError = check(apiErrorSchema, body);
    const detail = parsedError.ok
      ? `HTTP ${response.status} ${parsedError.value.error.code}: ${parsedError.value.error.message}`
      : `HTTP ${response.status}`;
    throw new ApiError(
      'http',
      parsedError.ok
        ? parsedError.value.error.message
        : `The news service answered with an error (HTTP ${response.status}).`,
      response.status,
      parsedError.ok ? parsedError.value.error.code : undefined,
      retryAfterMs(response.headers.get('Retry-After')),
      detail,
    );
  }

  const parsed = check(schema, body);
  if (!parsed.ok) {
    throw new ApiError(
      'invalid-response',
      UNREADABLE,
      response.status,
      undefined,
      undefined,
      `Unexpected shape: ${describeProblems(parsed.problems, 2)}`,
    );
  }
  return parsed.value;
}

/** Retry network failures and 5xx, never 4xx or malformed data: retrying cannot fix those. A search index that is
 * still being built is waited for longer. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (!(error instanceof ApiError)) return false;
  if (error.code === SEARCH_WARMING_UP) return failureCount < 30;
  if (failureCount >= 2) return false;
  return error.kind === 'network' || (error.kind === 'http' && (error.status ?? 0) >= 500);
}

/** The server's Retry-After when it gave one (capped at 30 s), else 1 s, 2 s, 4 s... */
export function retryDelay(failureCount: number, error: unknown): number {
  const asked = error instanceof ApiError ? error.retryAfterMs : undefined;
  return Math.min(asked ?? 1000 * 2 ** failureCount, 30_000);
}
