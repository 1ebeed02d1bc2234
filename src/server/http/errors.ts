import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';

export type ErrorCode =
  | 'validation_failed'
  | 'bad_request'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'rate_limited'
  | 'signup_closed'
  | 'invalid_credentials'
  | 'internal';

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

export function registerErrorHandling(app: FastifyInstance): void {
  app.setNotFoundHandler((_req, reply) => {
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
