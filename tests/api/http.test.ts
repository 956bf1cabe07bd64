import { delay, http, HttpResponse } from 'msw';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { ApiError, apiUrl, getJson, retryDelay, shouldRetry } from '@/api/http';
import { server } from '../helpers/msw-server';

const anything = v.object({ ok: v.boolean() });

describe('requests to the news service', () => {
  it('give up on a request that does not answer, with the usual retryable error', async () => {
    server.use(http.get('*/api/slow', async () => delay('infinite')));
    const error = await getJson(apiUrl('/slow'), anything, { timeoutMs: 100 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ kind: 'network', message: 'The news service did not answer within 1 seconds.' });
    expect(shouldRetry(0, error)).toBe(true);
  });

  it('wait as long as the server asks with Retry-After (capped), else back off', async () => {
    server.use(
      http.get('*/api/busy', () =>
        HttpResponse.json(
          { error: { code: 'busy', message: 'Busy' } },
          { status: 503, headers: { 'Retry-After': '7' } },
        ),
      ),
    );
    const error = await getJson(apiUrl('/busy'), anything).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 503, retryAfterMs: 7000 });
    expect(retryDelay(0, error)).toBe(7000);
    expect(retryDelay(0, new ApiError('http', 'x', 503, 'busy', 600_000))).toBe(30_000);
    expect(retryDelay(2, new ApiError('network', 'x'))).toBe(4000);
  });
});
