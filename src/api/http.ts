// The one place that performs HTTP requests. Every response body is validated before anyone sees it.
import * as z from 'zod/mini';
import { apiErrorSchema, describeIssues } from '@/contract/news';
import { env } from '@/lib/env';

export type ApiErrorKind = 'http' | 'network' | 'invalid-response';

export class ApiError extends Error {
  constructor(
    readonly kind: ApiErrorKind,
    message: string,
    readonly status?: number,
    readonly code?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  get isNotFound(): boolean {
    return this.kind === 'http' && this.status === 404;
  }
}

export type QueryParams = Record<string, string | number | undefined>;

function apiUrl(path: string, params: QueryParams = {}): string {
  const base = new URL(`${env.apiBaseUrl}${path}`, window.location.href);
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') base.searchParams.set(key, String(value));
  }
  return base.toString();
}

export async function getJson<Schema extends z.ZodMiniType>(
  path: string,
  schema: Schema,
  { params, signal }: { params?: QueryParams; signal?: AbortSignal } = {},
): Promise<z.infer<Schema>> {
  const url = apiUrl(path, params);
  let response: Response;
  try {
    response = await fetch(url, { signal, headers: { Accept: 'application/json' } });
  } catch (cause) {
    if (signal?.aborted) throw cause;
    throw new ApiError('network', 'The news service could not be reached. Check your connection.');
  }

  let body: unknown;
  try {
    body = await response.json();
  } catch {
    throw new ApiError(
      response.ok ? 'invalid-response' : 'http',
      response.ok
        ? 'The news service sent a response that is not JSON.'
        : `The news service answered with an error (HTTP ${response.status}).`,
      response.status,
    );
  }

  if (!response.ok) {
    const parsedError = apiErrorSchema.safeParse(body);
    throw new ApiError(
      'http',
      parsedError.success
        ? parsedError.data.error.message
        : `The news service answered with an error (HTTP ${response.status}).`,
      response.status,
      parsedError.success ? parsedError.data.error.code : undefined,
    );
  }

  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new ApiError(
      'invalid-response',
      `The news service sent data in an unexpected shape (${describeIssues(parsed.error, 2)}).`,
      response.status,
    );
  }
  return parsed.data;
}

/** Retry network failures and 5xx, never 4xx or malformed data: retrying cannot fix those. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (failureCount >= 2) return false;
  if (!(error instanceof ApiError)) return false;
  return error.kind === 'network' || (error.kind === 'http' && (error.status ?? 0) >= 500);
}
