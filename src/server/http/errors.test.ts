import { describe, expect, it } from 'vitest';
import { ERROR_CODES, ErrorBody, type ErrorCode } from '#shared/api/common.ts';
import { AppError, badRequest, invalidCredentials, notFound, rateLimited } from '../lib/errors.ts';
import { errorResponse, rateLimitError, STATUS_OF_CODE, statusOf } from './errors.ts';

const CODES = Object.keys(ERROR_CODES) as ErrorCode[];

describe('the code-to-status table', () => {
  it('gives every code of the contract the status its documentation names first', () => {
    expect(Object.keys(STATUS_OF_CODE).sort()).toEqual([...CODES].sort());
    for (const code of CODES) {
      const documented = Number(/^\d{3}/.exec(ERROR_CODES[code])?.[0]);
      expect(statusOf({ code, message: 'x' }), code).toBe(documented);
    }
  });

  it('answers a wrong password 401 at log-in and 400 when it names the field re-entered', () => {
    expect(statusOf(invalidCredentials('Wrong email or password'))).toBe(401);
    expect(statusOf(invalidCredentials('The current password is wrong', [{ path: 'currentPassword', message: 'wrong' }]))).toBe(
      400,
    );
  });
});

describe('the error serialiser', () => {
  it('answers the status, no headers and the documented body', () => {
    const r = errorResponse(notFound());
    expect(r).toEqual({ status: 404, headers: {}, body: { error: { code: 'not_found', message: 'Not found' } } });
    expect(ErrorBody.parse(r.body)).toEqual(r.body);
  });

  it('keeps the details, in order', () => {
    const details = [
      { path: 'a', message: 'first' },
      { path: 'b', message: 'second' },
    ];
    const r = errorResponse(badRequest('Two fields', details));
    expect(r.status).toBe(400);
    expect(r.body).toEqual({ error: { code: 'validation_failed', message: 'Two fields', details } });
  });

  it('turns retryAfterSeconds into Retry-After', () => {
    expect(errorResponse(rateLimited('Too many', 3600))).toEqual({
      status: 429,
      headers: { 'retry-after': '3600' },
      body: { error: { code: 'rate_limited', message: 'Too many' } },
    });
    expect(errorResponse(rateLimited('Too many')).headers).toEqual({});
  });

  it('gives the rate limit the same body as every other 429, with the seconds left', () => {
    const r = errorResponse(rateLimitError(undefined as never, { ttl: 41_200 }));
    expect(r).toEqual({
      status: 429,
      headers: { 'retry-after': '42' },
      body: { error: { code: 'rate_limited', message: 'Too many requests; retry later' } },
    });
  });

  it('takes a status only when given one (a framework 4xx of no code of ours)', () => {
    expect(errorResponse({ code: 'bad_request', message: 'x' }, 416).status).toBe(416);
  });
});

describe('errors of the services', () => {
  it('carry a code and no HTTP status', () => {
    const e = rateLimited('Too many', 60);
    expect(e).toBeInstanceOf(AppError);
    expect(e).toMatchObject({ code: 'rate_limited', message: 'Too many', retryAfterSeconds: 60 });
    expect('status' in e).toBe(false);
  });
});
