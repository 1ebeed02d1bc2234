import type { ErrorCode } from '#shared/api/common.ts';

export type { ErrorCode };

/** A field of the input and what is wrong with it. */
export interface ErrorDetail {
  path: string;
  message: string;
}

/**
 * What went wrong, as the services, repositories and the command line know it: a stable code of
 * the contract (`ERROR_CODES`), an English message, the fields at fault and, when trying again
 * later may succeed, after how long. No HTTP status: `http/errors.ts` holds the one table from code
 * to status and turns an error into a response, an NDJSON error line or a raw socket answer.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetail[] | undefined;
  /** Seconds after which the same request may succeed (`Retry-After` over HTTP). */
  readonly retryAfterSeconds: number | undefined;

  constructor(code: ErrorCode, message: string, opts: { details?: ErrorDetail[]; retryAfterSeconds?: number } = {}) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = opts.details;
    this.retryAfterSeconds = opts.retryAfterSeconds;
  }
}

/** Nothing of the caller's with this id (someone else's is indistinguishable from a missing one). */
export const notFound = (): AppError => new AppError('not_found', 'Not found');

/** The input breaks a rule; `details` names each field at fault. */
export const badRequest = (message: string, details?: ErrorDetail[]): AppError =>
  new AppError('validation_failed', message, details ? { details } : {});

/** The change conflicts with the state of the object. */
export const conflict = (message: string, details?: ErrorDetail[]): AppError =>
  new AppError('conflict', message, details ? { details } : {});

/** The input (an imported file) is over its limit. */
export const tooLarge = (message: string): AppError => new AppError('payload_too_large', message);

/** The input comes in a form that is not taken here. */
export const unsupportedMediaType = (message: string): AppError => new AppError('unsupported_media_type', message);

/** Too many attempts; the same may succeed after `retryAfterSeconds`. */
export const rateLimited = (message: string, retryAfterSeconds?: number): AppError =>
  new AppError('rate_limited', message, retryAfterSeconds === undefined ? {} : { retryAfterSeconds });

/** Nobody is logged in (or the account is gone). */
export const unauthenticated = (message: string): AppError => new AppError('unauthenticated', message);

/**
 * A wrong password. At log-in (no `details`) it means "not logged in"; re-entered to confirm an
 * action (`details` names the field) it is a field at fault like any other.
 */
export const invalidCredentials = (message: string, details?: ErrorDetail[]): AppError =>
  new AppError('invalid_credentials', message, details ? { details } : {});

/** The caller may not do this (CSRF, another site, not an administrator). */
export const forbidden = (message: string): AppError => new AppError('forbidden', message);

/** Sign-up is closed on this instance. */
export const signupClosed = (message: string): AppError => new AppError('signup_closed', message);

/** A state Rete never makes (a bug): the message says which. */
export const internal = (message: string): AppError => new AppError('internal', message);
