// A client of GET /api/events over a real socket (the stream never ends by itself, so Fastify's inject cannot read it).
import http from 'node:http';

export interface OpenStream {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** Resolves with everything received once it contains `text`. */
  received(text: string): Promise<string>;
  ended: Promise<void>;
  close(): void;
}

export function openStream(base: string): Promise<OpenStream> {
  return new Promise((resolve, reject) => {
    const request = http.get(`${base}/api/events`, (response) => {
      let text = '';
      const waiting: { text: string; resolve: (all: string) => void }[] = [];
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        text += chunk;
        for (const wait of waiting.filter((w) => text.includes(w.text))) {
          waiting.splice(waiting.indexOf(wait), 1);
          wait.resolve(text);
        }
      });
      const ended = new Promise<void>((done) => response.once('close', () => done()));
      resolve({
        status: response.statusCode ?? 0,
        headers: response.headers,
        received: (wanted) =>
          text.includes(wanted)
            ? Promise.resolve(text)
            : new Promise((done) => waiting.push({ text: wanted, resolve: done })),
        ended,
        close: () => request.destroy(),
      });
    });
    request.on('error', reject);
  });
}
