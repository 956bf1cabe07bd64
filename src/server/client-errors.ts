// Answers written straight to the socket, for requests that never reach the routes: a broken request line, headers
// too large or too slow (Node cannot parse them), and connections over the caps. They follow the API's error shape
// and carry the same security headers as every other response; the connection is closed after them.
import type { Socket } from 'node:net';

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  408: 'Request Timeout',
  431: 'Request Header Fields Too Large',
  503: 'Service Unavailable',
};

/** Time to write the answer before a peer that does not read it is cut off. */
const WRITE_GRACE_MS = 2000;

export function writeRawError(
  socket: Socket,
  status: number,
  error: { code: string; message: string },
  headers: Readonly<Record<string, string>>,
): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const body = JSON.stringify({ error });
  const lines = [
    `HTTP/1.1 ${status} ${REASONS[status] ?? 'Error'}`,
    'Content-Type: application/json; charset=utf-8',
    `Content-Length: ${Buffer.byteLength(body)}`,
    'Cache-Control: no-store',
    'Connection: close',
    ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
  ];
  socket.end(`${lines.join('\r\n')}\r\n\r\n${body}`);
  setTimeout(() => socket.destroy(), WRITE_GRACE_MS).unref();
}

/** Node's clientError handler: requests it cannot parse, answered in the API's error shape. */
export function clientErrorAnswerer(headers: Readonly<Record<string, string>>) {
  return (error: Error & { code?: string }, socket: Socket): void => {
    // An answer already under way on this connection (e.g. a refused body whose bytes keep coming): only close it,
    // as Node's own handler does; a second answer would corrupt the first.
    if ((socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage?.headersSent) {
      socket.destroy();
      return;
    }
    const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
    const message =
      status === 431
        ? 'The request line or headers are too long (at most 16 KB); shorten the address.'
        : status === 408
          ? 'The request took too long to arrive.'
          : 'The request could not be understood.';
    const code = status === 431 ? 'request_too_large' : status === 408 ? 'request_timeout' : 'bad_request';
    writeRawError(socket, status, { code, message }, headers);
  };
}
