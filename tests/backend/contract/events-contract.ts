// GET /api/events: server-sent events telling open pages that the stories changed (the store port's `subscribe`),
// over a real socket, since the stream never ends by itself: the change event with the newest story's time,
// heartbeats, a cap on open streams (503 with Retry-After beyond it), and every stream ended when the server closes.
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createApiServer } from '@/backend/http/api-server';
import type { Article } from '@/contract/news';
import { openStream, type OpenStream } from '../../helpers/event-stream';
import { sampleData } from '../../helpers/fixtures';
import type { BackendFactory } from './contract-api';

const breaking: Article = {
  id: 'breaking-story',
  title: 'A story just in',
  lead: 'Details follow.',
  publishedAt: '2026-11-28T09:15:00+03:00',
  topics: ['world'],
  pages: [['Details follow.']],
};

async function listening(make: BackendFactory, eventStreams?: { max?: number; heartbeatMs?: number }) {
  const backend = await make(sampleData);
  const app = await createApiServer(backend, { eventStreams });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  return {
    backend,
    app,
    base,
    async close() {
      await app.close();
      await backend.close();
    },
  };
}

export function describeEventsContract(make: BackendFactory): void {
  describe('GET /api/events', () => {
    it('streams a change event with the newest story time when stories are written', async () => {
      const server = await listening(make);
      try {
        const stream = await openStream(server.base);
        expect(stream.status).toBe(200);
        expect(stream.headers['content-type']).toBe('text/event-stream; charset=utf-8');
        expect(stream.headers['cache-control']).toBe('no-store');
        await stream.received(': connected');
        await server.backend.news.upsert({ articles: [breaking] });
        const text = await stream.received('event: change');
        expect(text).toContain(`event: change\ndata: {"newest":"2026-11-28T06:15:00.000Z"}\n\n`);
        stream.close();
      } finally {
        await server.close();
      }
    });

    it('sends heartbeats, refuses streams over the cap with 503 and Retry-After, and ends streams on close', async () => {
      const server = await listening(make, { max: 1, heartbeatMs: 50 });
      let closed = false;
      try {
        const first = await openStream(server.base);
        await first.received(': heartbeat');
        const refused = await openStream(server.base);
        expect(refused.status).toBe(503);
        expect(refused.headers['retry-after']).toBe('60');
        expect(await refused.received('too_many_streams')).toContain('"code":"too_many_streams"');

        first.close();
        await first.ended;
        const next = await waitForAccepted(server.base);
        await server.close();
        closed = true;
        await next.ended; // the server ended it when it closed
      } finally {
        if (!closed) await server.close();
      }
    });
  });
}

/** A stream once the server has taken the previous one's place back (its close is seen a moment later). */
async function waitForAccepted(base: string): Promise<OpenStream> {
  for (;;) {
    const stream = await openStream(base);
    if (stream.status === 200) return stream;
    await stream.ended;
  }
}
