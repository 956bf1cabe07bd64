// Requests Node cannot even parse (a broken request line, headers too large) never reach the routes: answer them
// here in the API's error shape and keep serving everyone else.
import type { Socket } from 'node:net';

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  408: 'Request Timeout',
  431: 'Request Header Fields Too Large',
};

export function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
  const message =
    status === 431
      ? 'The request line or headers are too long (at most 16 KB); shorten the address.'
      : status === 408
        ? 'The request took too long to arrive.'
        : 'The request could not be understood.';
  const body = JSON.stringify({ error: { code: status === 431 ? 'request_too_large' : 'bad_request', message } });
  if (socket.writable) {
    socket.end(
      `HTTP/1.1 ${status} ${REASONS[status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  } else {
    socket.destroy();
  }
}
