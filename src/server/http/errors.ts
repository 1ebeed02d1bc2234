import http from 'node:http';
import type { Duplex } from 'node:stream';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { ErrorCode } from '#shared/api/common.ts';

export type { ErrorCode };

export interface ErrorDetail {
  path: string;
  message: string;
}

/** The one error type services and routes throw; the handler below turns it into the response. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorDetail[],
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (): AppError => new AppError(404, 'not_found', 'Not found');
export const conflict = (message: string): AppError => new AppError(409, 'conflict', message);
export const badRequest = (message: string, details?: ErrorDetail[]): AppError =>
  new AppError(400, 'validation_failed', message, details);

function body(code: ErrorCode, message: string, details?: ErrorDetail[]) {
  return { error: details ? { code, message, details } : { code, message } };
}

/**
 * Errors Node's HTTP server meets before Fastify sees a request (a request line or headers over
 * the limit, a malformed request, a timeout): written to the socket in the API's one error shape,
 * instead of Fastify's own (`{"error":"Request Header Fields Too Large","statusCode":431}`).
 */
export function clientErrorHandler(err: NodeJS.ErrnoException, socket: Duplex): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, code, message]: [number, ErrorCode, string] =
    err.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'headers_too_large', 'The request line, a cookie or the headers are too large']
      : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'request_timeout', 'The request did not arrive in time']
        : [400, 'bad_request', 'The request could not be understood'];
  const json = JSON.stringify(body(code, message));
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
  if (err.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    void reply.code(414).send(body('uri_too_long', 'The path is too long'));
    return;
  }
  void reply.code(400).send(body('bad_request', 'The request could not be understood'));
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
      void reply
        .code(405)
        .header('allow', allowed.join(', '))
        .send(body('method_not_allowed', `${req.method} is not allowed here; use ${allowed.join(', ')}`));
      return;
    }
    // A segment longer than any parameter the router takes: with the web app's catch-all route the
    // router gives up on the API route quietly and the request ends here, not in frameworkErrors.
    if ((req.url.split('?')[0] ?? '').split('/').some((segment) => segment.length > MAX_PARAM_LENGTH)) {
      void reply.code(414).send(body('uri_too_long', 'The path is too long'));
      return;
    }
    void reply.code(404).send(body('not_found', 'Not found'));
  });

  app.setErrorHandler((err: FastifyError | AppError | Error, req, reply) => {
    if (err instanceof AppError) {
      if (err.headers) void reply.headers(err.headers);
      return reply.code(err.status).send(body(err.code, err.message, err.details));
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const details = err.validation.map((v) => {
        const p = v.instancePath.replace(/^\//, '').replace(/\//g, '.');
        const where = err.validationContext === 'body' ? p : [err.validationContext, p].filter(Boolean).join('.');
        return { path: where || '(root)', message: v.message ?? 'invalid' };
      });
      return reply.code(400).send(body('validation_failed', 'The request has invalid fields', details));
    }
    const fe = err as FastifyError;
    switch (fe.code) {
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return reply.code(413).send(body('payload_too_large', 'The request body is too large'));
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return reply.code(415).send(body('unsupported_media_type', 'Send JSON with Content-Type: application/json'));
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
        return reply.code(400).send(body('bad_request', 'The body is not valid JSON'));
      default:
        break;
    }
    if (fe.statusCode === 429) {
      return reply.code(429).send(body('rate_limited', 'Too many requests; retry later'));
    }
    if (fe.statusCode === 413) return reply.code(413).send(body('payload_too_large', 'The request body is too large'));
    if (fe.statusCode === 415) {
      return reply.code(415).send(body('unsupported_media_type', 'Send JSON with Content-Type: application/json'));
    }
    if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
      // Fastify's own 4xx (bad JSON, wrong content type): never echo internals.
      return reply.code(fe.statusCode).send(body('bad_request', 'The request could not be understood'));
    }
    // Only name, code, message and stack: a PostgreSQL error's `detail` quotes the failing row
    // ("Failing row contains (...)", "Key (email)=(...)"), i.e. personal data, which logs never hold.
    const { name, message, stack } = err;
    req.log.error({ error: { name, code: (err as { code?: unknown }).code, message, stack } }, 'unhandled error');
    return reply.code(500).send(body('internal', `Internal error (request ${req.id})`));
  });
}
