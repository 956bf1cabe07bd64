// The API's error answers (README: "API contract"): `{"error": {"code", "message"}}` for every failure, whoever
// raised it: a refused parameter, a backend that cannot answer for now (503 with Retry-After), Fastify or one of its
// plugins (a 416 from a file), or a bug (500, which says nothing of the server's insides: the details go to the log,
// found by the request id the answer gives).
import type { FastifyReply, FastifyRequest } from 'fastify';
import { BackendUnavailable } from '../ports.ts';

export const errorBody = (code: string, message: string) => ({ error: { code, message } });

/** What a request whose address cannot be decoded (`/x%ZZ`) is answered, before any route or hook has run. */
export const unreadableAddressBody = (error: Error) =>
  errorBody('bad_request', `The address could not be read: ${error.message}`);

/** A request the API refuses: its status, the contract's error code and a message that says what to change. */
export class RefusedRequest extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'RefusedRequest';
  }
}

/** Error codes of the API contract for the statuses Fastify and its plugins fail with. */
const ERROR_CODES: Record<number, string> = {
  400: 'bad_request',
  404: 'not_found',
  405: 'method_not_allowed',
  408: 'request_timeout',
  413: 'request_too_large',
  415: 'unsupported_media_type',
  416: 'range_not_satisfiable',
};

/** Fastify's error handler for the API and the servers around it. */
export function answerError(error: Error & { statusCode?: number }, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof RefusedRequest) return reply.code(error.statusCode).send(errorBody(error.code, error.message));
  if (error instanceof BackendUnavailable) {
    return reply
      .code(503)
      .header('Retry-After', String(error.retryAfterSeconds))
      .send(errorBody(error.code, error.message));
  }
  const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
  if (status < 500) return reply.code(status).send(errorBody(ERROR_CODES[status] ?? 'bad_request', error.message));
  request.log.error({ err: error }, 'request failed');
  return reply.code(500).send(errorBody('internal', `Something went wrong (request ${request.id})`));
}
