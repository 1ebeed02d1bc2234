import { z } from 'zod';
import { CONTROL_MESSAGE, ONE_LINE_MESSAGE } from '../text/controls.ts';
import { LOCALES } from './values.ts';

/**
 * The stable error codes of the API, with the status each comes with. Every error answers with
 * one of them, the framework's own included (an unknown route, a wrong method, a body or header too
 * large, bad JSON, the rate limit).
 */
export const ERROR_CODES = {
  validation_failed: '400: a field is wrong; `details` names each one',
  bad_request: '400: the request could not be read (not JSON, a malformed URL or request line)',
  invalid_credentials: '401 at log-in, 400 for a wrong current password: the password is wrong',
  unauthenticated: '401: log in, or send an API token',
  forbidden: '403: not allowed (CSRF token missing, another site, not an administrator)',
  signup_closed: '403: sign-up is closed on this instance',
  not_found: '404: no such route, or nothing of yours with this id',
  method_not_allowed: '405: the route exists with other methods (see the `Allow` header)',
  request_timeout: '408: the request did not arrive in time',
  conflict: '409: the change conflicts with the state of the object',
  payload_too_large: '413: the body (or the imported file) is over the limit',
  uri_too_long: '414: the path is too long',
  unsupported_media_type: '415: send JSON with Content-Type: application/json (files: application/octet-stream)',
  rate_limited: '429: too many requests; `Retry-After` says when to try again',
  headers_too_large: '431: the request line, a cookie or the headers are too large',
  internal: '500: an error of Rete; the message carries the request id to find it in the log',
} as const;
export type ErrorCode = keyof typeof ERROR_CODES;
const ERROR_CODE_LIST = Object.keys(ERROR_CODES) as [ErrorCode, ...ErrorCode[]];

/** Every error the API returns has this shape; `details` lists the bad fields for 400s. */
export const ErrorBody = z
  .object({
    error: z.object({
      code: z.enum(ERROR_CODE_LIST).describe(
        `Stable machine-readable code: ${Object.entries(ERROR_CODES)
          .map(([code, what]) => `\`${code}\` (${what})`)
          .join('; ')}.`,
      ),
      message: z.string().describe('Human-readable explanation in English.'),
      details: z
        .array(z.object({ path: z.string(), message: z.string() }))
        .optional()
        .describe('For validation errors: the path of each bad field and what is wrong with it.'),
    }),
  })
  .meta({ id: 'Error' });
export type ErrorBody = z.infer<typeof ErrorBody>;

export const Id = z.uuid().describe('A random UUID.');
export const IdParams = z.strictObject({ id: Id });

export const Timestamp = z.string().describe('ISO-8601 timestamp (UTC).');
export const Language = z.enum(LOCALES).describe('Italian or English.');

export const MAX_PAGE_SIZE = 200;
export const DEFAULT_PAGE_SIZE = 50;

export const PageQuery = {
  cursor: z.string().max(500).optional().describe("Opaque cursor from the previous page's `nextCursor`."),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_PAGE_SIZE)
    .default(DEFAULT_PAGE_SIZE)
    .describe(`Page size, 1–${MAX_PAGE_SIZE}, default ${DEFAULT_PAGE_SIZE}.`),
};

export function page<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    nextCursor: z.string().nullable().describe('Pass as `cursor` to get the next page; null on the last page.'),
  });
}

// The one rule for text people write (shared/text/controls.ts), as patterns so that the OpenAPI
// document shows it. Control characters are what they look for, hence the lint exceptions.
// eslint-disable-next-line no-control-regex
const TEXT_PATTERN = /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]*$/;
// eslint-disable-next-line no-control-regex
const LINE_PATTERN = /^[^\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029]*$/;

/**
 * Text a person writes that may span lines (notes, needs, a message): trimmed, at most `max`
 * characters; tab and line breaks are text, every other control character (NUL, ESC, DEL, C1)
 * is refused with a 400 naming the field. Every free text of the contract is built with this or
 * `line`, never with a bare `z.string()`.
 */
export function text(max: number, opts: { min?: number } = {}) {
  const s = z.string().regex(TEXT_PATTERN, CONTROL_MESSAGE).trim();
  return (opts.min ? s.min(opts.min) : s).max(max);
}

/** One line a person writes (a name, a tag, a title): as `text`, and no line breaks either. */
export function line(max: number, opts: { min?: number } = {}) {
  const s = z.string().regex(LINE_PATTERN, ONE_LINE_MESSAGE).trim();
  return (opts.min ? s.min(opts.min) : s).max(max);
}

const emptyToNull = (s: string): string | null => (s === '' ? null : s);

/** Optional free text (`text`): an empty string clears the field. */
export function optionalText(max: number) {
  return text(max).transform(emptyToNull).nullable();
}

/** Optional one-line text (`line`): an empty string clears the field. */
export function optionalLine(max: number) {
  return line(max).transform(emptyToNull).nullable();
}

export const OkBody = z.object({ ok: z.literal(true) });
