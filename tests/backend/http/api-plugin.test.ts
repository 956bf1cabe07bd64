// What the plugin itself promises, whatever the backend: a failure says nothing of the server's insides (the details
// go to the log, found by the request id the answer gives), a backend that cannot answer for now is a 503 with
// Retry-After, and an address that cannot be decoded is a 400 in the API's error shape.
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { createEmbeddedBackendFromData } from '@/backend/embedded/embedded-backend';
import { createApiServer } from '@/backend/http/api-server';
import { BackendUnavailable, type Backend } from '@/backend/ports';
import { sampleData } from '../../helpers/fixtures';

/** The sample backend with its feed failing as `failure` says. */
async function backendFailingWith(failure: Error): Promise<Backend> {
  const backend = await createEmbeddedBackendFromData(sampleData);
  return {
    ...backend,
    news: {
      ...backend.news,
      feedPage: () => Promise.reject(failure),
    },
  };
}

/** The server's log lines, as JSON. */
function logLines() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString('utf8')) as Record<string, unknown>);
      done();
    },
  });
  return { lines, stream };
}

const closers: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

describe('the API plugin', () => {
  it('answers a failure 500 internal with the request id, and logs the details under that id', async () => {
    const log = logLines();
    const app = await createApiServer(await backendFailingWith(new Error('disk on fire at /var/lib/x')), {
      logger: { level: 'error', stream: log.stream },
    });
    closers.push(() => app.close());
    const response = await app.inject('/api/articles?limit=3');
    expect(response.statusCode).toBe(500);
    const { error } = response.json() as { error: { code: string; message: string } };
    expect(error.code).toBe('internal');
    const id = /^Something went wrong \(request (\S+)\)$/.exec(error.message)?.[1];
    expect(id).toBeDefined();
    expect(response.body).not.toContain('disk on fire');
    expect(response.headers['cache-control']).toBe('no-store');
    expect(log.lines).toContainEqual(
      expect.objectContaining({ reqId: id, err: expect.objectContaining({ message: 'disk on fire at /var/lib/x' }) }),
    );
  });

  it('answers a backend that cannot answer for now 503 with Retry-After and the reason it gives', async () => {
    const app = await createApiServer(await backendFailingWith(new BackendUnavailable('The database is down', 7)));
    closers.push(() => app.close());
    const response = await app.inject('/api/articles');
    expect(response.statusCode).toBe(503);
    expect(response.headers['retry-after']).toBe('7');
    expect(response.json()).toEqual({ error: { code: 'backend_unavailable', message: 'The database is down' } });
  });

  it('answers an address that cannot be decoded 400 bad_request', async () => {
    const app = await createApiServer(await createEmbeddedBackendFromData(sampleData));
    closers.push(() => app.close());
    const response = await app.inject('/api/articles/%ZZ');
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { code: 'bad_request', message: /could not be read/ } });
  });
});
