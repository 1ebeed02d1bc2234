import http from 'node:http';
import type { Duplex } from 'node:stream';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { ErrorBody, ErrorCode } from '#shared/api/common.ts';
import { AppError, notFound, rateLimited, type ErrorDetail } from '../lib/errors.ts';

/**
 * The HTTP status of every error code of the contract: the only place that knows them (services
 * throw `AppError`s of `lib/errors.ts`, which carry a code and no status). A code added to
 * `ERROR_CODES` without a status here does not compile.
 */
export const STATUS_OF_CODE = {
  validation_failed: 400,
  bad_request: 400,
  invalid_credentials: 401,
  unauthenticated: 401,
  forbidden: 403,
  signup_closed: 403,
  not_found: 404,
  method_not_allowed: 405,
  request_timeout: 408,
  conflict: 409,
  payload_too_large: 413,
  uri_too_long: 414,
  unsupported_media_type: 415,
  rate_limited: 429,
  headers_too_large: 431,
  internal: 500,
} as const satisfies Record<ErrorCode, number>;

/** An error as the serialiser takes it: an `AppError`, or one the HTTP layer meets on its own. */
export interface Problem {
  code: ErrorCode;
  message: string;
  details?: ErrorDetail[] | undefined;
  retryAfterSeconds?: number | undefined;
}

/**
 * The status of an error: its code's, except a wrong password re-entered to confirm an action
 * (the error names the field), which is a 400 like any field at fault: a 401 would read as
 * "log in again" to the web app.
 */
export function statusOf(p: Problem): number {
  if (p.code === 'invalid_credentials' && p.details) return 400;
  return STATUS_OF_CODE[p.code];
}

export interface ErrorResponse {
  status: number;
  headers: Record<string, string>;
  body: ErrorBody;
}

/**
 * The one serialiser: an error becomes the status, headers and body `{"error": {"code",
 * "message", "details"?}}` every answer of the API has. Used by the error and not-found handlers,
 * the framework's own errors, the rate limit, the import's NDJSON error line and the answers
 * written on the raw socket.
 *
 * @param status only for a framework 4xx of no code of ours (kept, with `bad_request`).
 */
export function errorResponse(p: Problem, status: number = statusOf(p)): ErrorResponse {
  const headers: Record<string, string> = {};
  if (p.retryAfterSeconds !== undefined) headers['retry-after'] = String(p.retryAfterSeconds);
  const { code, message, details } = p;
  return { status, headers, body: { error: details ? { code, message, details } : { code, message } } };
}

function sendError(reply: FastifyReply, p: Problem, status?: number, headers: Record<string, string> = {}): FastifyReply {
  const r = errorResponse(p, status);
  return reply
    .code(r.status)
    .headers({ ...headers, ...r.headers })
    .send(r.body);
}

/** A request Rete cannot read at all (a malformed URL or request line, a framework 4xx of no code of ours). */
const UNREADABLE: Problem = { code: 'bad_request', message: 'The request could not be understood' };
const BODY_TOO_LARGE: Problem = { code: 'payload_too_large', message: 'The request body is too large' };
const NOT_JSON: Problem = { code: 'unsupported_media_type', message: 'Send JSON with Content-Type: application/json' };
const PATH_TOO_LONG: Problem = { code: 'uri_too_long', message: 'The path is too long' };

/** What the client is told of the rate limit (`@fastify/rate-limit`'s `errorResponseBuilder`). */
export const rateLimitError = (_req: FastifyRequest, ctx: { ttl: number }): AppError =>
  rateLimited('Too many requests; retry later', Math.ceil(ctx.ttl / 1000));

/**
 * Anything thrown while answering, as the client may see it: an `AppError` as it is, the
 * framework's errors by their code, anything else logged (only name, code, message and stack: a
 * PostgreSQL error's `detail` quotes the failing row, i.e. personal data, which logs never hold)
 * and answered as `internal` with the request id.
 */
export function problemOf(err: unknown, req: FastifyRequest): { problem: Problem; status?: number } {
  if (err instanceof AppError) return { problem: err };
  if (hasZodFastifySchemaValidationErrors(err)) {
    const details = err.validation.map((v) => {
      const p = v.instancePath.replace(/^\//, '').replace(/\//g, '.');
      const where = err.validationContext === 'body' ? p : [err.validationContext, p].filter(Boolean).join('.');
      return { path: where || '(root)', message: v.message ?? 'invalid' };
    });
    return { problem: { code: 'validation_failed', message: 'The request has invalid fields', details } };
  }
  const fe = (typeof err === 'object' && err !== null ? err : {}) as FastifyError;
  switch (fe.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { problem: BODY_TOO_LARGE };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { problem: NOT_JSON };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return { problem: { code: 'bad_request', message: 'The body is not valid JSON' } };
    default:
      break;
  }
  if (fe.statusCode === 413) return { problem: BODY_TOO_LARGE };
  if (fe.statusCode === 415) return { problem: NOT_JSON };
  // Fastify's own 4xx: never echo internals.
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) return { problem: UNREADABLE, status: fe.statusCode };
  const { name, message, stack } = err instanceof Error ? err : new Error(String(err));
  req.log.error({ error: { name, code: fe.code, message, stack } }, 'unhandled error');
  return { problem: { code: 'internal', message: `Internal error (request ${req.id})` } };
}

/**
 * Errors Node's HTTP server meets before Fastify sees a request (a request line or headers over
 * the limit, a malformed request, a timeout): written to the socket in the API's one error shape,
 * instead of Fastify's own (`{"error":"Request Header Fields Too Large","statusCode":431}`).
 */
export function clientErrorHandler(err: NodeJS.ErrnoException, socket: Duplex): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const problem: Problem =
    err.code === 'HPE_HEADER_OVERFLOW'
      ? { code: 'headers_too_large', message: 'The request line, a cookie or the headers are too large' }
      : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? { code: 'request_timeout', message: 'The request did not arrive in time' }
        : UNREADABLE;
  const { status, body } = errorResponse(problem);
  const json = JSON.stringify(body);
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${http.STATUS_CODES[status] ?? ''}\r\n` +
        'Content-Type: application/json; charset=utf-8\r\n' +
        `Content-Length: ${Buffer.byteLength(json)}\r\n` +
        'Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n' +
        json,
    );
  }
  socket.destroy(err);
}

/** The longest path segment the router takes as a parameter (Fastify's `maxParamLength`). */
export const MAX_PARAM_LENGTH = 200;

/** Errors of Fastify's router, before any route: a path parameter too long, a malformed URL. */
export function frameworkErrors(err: FastifyError, _req: FastifyRequest, reply: FastifyReply): void {
  void sendError(reply, err.code === 'FST_ERR_MAX_PARAM_LENGTH' ? PATH_TOO_LONG : UNREADABLE);
}

/** A path pattern of the router (`/api/v1/people/:id`, `/api/docs/static/*`) as a regular expression. */
function patternOf(url: string): RegExp {
  const parts = url.split(/(:[A-Za-z_]+|\*)/).map((p) => {
    if (p === '*') return '.*';
    if (p.startsWith(':')) return '[^/]+';
    return p.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
  });
  return new RegExp(`^${parts.join('')}/?$`);
}

/**
 * @param routes the routes of the app (filled as they are registered): a path that one of them
 *   serves with other methods answers 405 with `Allow`, not 404.
 */
export function registerErrorHandling(app: FastifyInstance, routes: ReadonlyArray<{ method: string; url: string }> = []): void {
  let patterns: Array<{ method: string; re: RegExp }> | null = null;
  const allowedFor = (path: string): string[] => {
    patterns ??= routes.map((r) => ({ method: r.method, re: patternOf(r.url) }));
    const methods = new Set(patterns.filter((p) => p.re.test(path)).map((p) => p.method));
    if (methods.has('GET')) methods.add('HEAD');
    return [...methods].sort();
  };

  app.setNotFoundHandler((req, reply) => {
    const allowed = allowedFor(req.url.split('?')[0] ?? req.url);
    if (allowed.length > 0 && !allowed.includes(req.method)) {
      const message = `${req.method} is not allowed here; use ${allowed.join(', ')}`;
      void sendError(reply, { code: 'method_not_allowed', message }, undefined, { allow: allowed.join(', ') });
      return;
    }
    // A segment longer than any parameter the router takes: with the web app's catch-all route the
    // router gives up on the API route quietly and the request ends here, not in frameworkErrors.
    if ((req.url.split('?')[0] ?? '').split('/').some((segment) => segment.length > MAX_PARAM_LENGTH)) {
      void sendError(reply, PATH_TOO_LONG);
      return;
    }
    void sendError(reply, notFound());
  });

  app.setErrorHandler((err: unknown, req, reply) => {
    const { problem, status } = problemOf(err, req);
    return sendError(reply, problem, status);
  });
}
