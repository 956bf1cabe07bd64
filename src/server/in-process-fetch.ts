// A fetch for the server's own render: the app's API requests are answered by the same Fastify instance (app.inject),
// through the same plugin, hooks and validation as a browser's, with no HTTP round trip or socket.
import type { FastifyInstance } from 'fastify';

/** A request the render made, and whether it was answered with data (the page's state then holds it). */
export interface AnsweredRequest {
  /** Path and query, as the browser would ask for it (e.g. /api/articles?limit=20). */
  path: string;
  ok: boolean;
  /** The answer as the browser would get it, when ok: its JSON body and the headers a cache entry needs (the page
   * carries them, for the client to hand the service worker without asking again). */
  answer?: { body: unknown; contentType: string; date: string };
}

/** Marks the render's own API requests, so the access log can tell them from readers'. */
export const RENDER_REQUEST_HEADER = 'x-page-render';

export function inProcessFetch(app: FastifyInstance, onAnswer?: (request: AnsweredRequest) => void): typeof fetch {
  return async (input, init) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    init?.signal?.throwIfAborted();
    const path = `${url.pathname}${url.search}`;
    const answer = await app.inject({
      method: 'GET',
      url: path,
      headers: { accept: 'application/json', [RENDER_REQUEST_HEADER]: '1' },
    });
    init?.signal?.throwIfAborted();
    const contentType = String(answer.headers['content-type'] ?? '');
    const ok = answer.statusCode === 200;
    onAnswer?.({
      path,
      ok,
      answer:
        ok && contentType.includes('json')
          ? { body: answer.json(), contentType, date: String(answer.headers.date ?? new Date().toUTCString()) }
          : undefined,
    });
    const headers = new Headers();
    for (const [name, value] of Object.entries(answer.headers)) {
      if (value === undefined) continue;
      for (const one of Array.isArray(value) ? value : [value]) headers.append(name, String(one));
    }
    const empty = answer.statusCode === 204 || answer.statusCode === 304;
    return new Response(empty ? null : new Uint8Array(answer.rawPayload), { status: answer.statusCode, headers });
  };
}
