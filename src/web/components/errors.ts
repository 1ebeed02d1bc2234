import { notifications } from '@mantine/notifications';
import i18n from '../i18n/index.ts';
import type { ErrorCode } from '#shared/api/common.ts';
import { ApiError } from '../api/client.ts';

/** The error codes the interface words (`errors.*`); others get a generic sentence. */
const KNOWN = new Set<string>([
  'validation_failed',
  'bad_request',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'payload_too_large',
  'unsupported_media_type',
  'rate_limited',
  'signup_closed',
  'invalid_credentials',
  'internal',
  'network_error',
] satisfies Array<ErrorCode | 'network_error'>);

/** A sentence for the person in front of the screen, in their language. */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) {
    if (KNOWN.has(err.code)) return i18n.t(`errors.${err.code}`);
    return i18n.t('errors.generic');
  }
  return i18n.t('errors.generic');
}

export function notifyError(err: unknown): void {
  notifications.show({ color: 'red', title: i18n.t('errors.title'), message: errorMessage(err), autoClose: 6000 });
}

export function notifySuccess(message: string): void {
  notifications.show({ color: 'teal', message, autoClose: 3000 });
}

/**
 * Field errors of a 400, keyed by the field's path (e.g. `name`, `emails.1.value`). The server
 * writes its messages in English; in Italian a generic sentence is clearer than a foreign one.
 */
export function fieldErrors(err: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!(err instanceof ApiError) || err.details.length === 0) return out;
  const english = i18n.language.startsWith('en');
  for (const d of err.details) {
    if (out[d.path]) continue;
    out[d.path] = english ? capitalise(d.message) : i18n.t('errors.invalidValue');
  }
  return out;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * Shows field errors next to the fields a form knows, and everything else as a notification.
 * `setError` receives paths as the server wrote them.
 */
export function reportFormError(err: unknown, known: readonly string[], setError: (path: string, message: string) => void): void {
  const fields = fieldErrors(err);
  let shown = 0;
  for (const [path, message] of Object.entries(fields)) {
    const target = known.find((k) => path === k || path.startsWith(`${k}.`));
    if (target !== undefined) {
      setError(path === target ? target : path, message);
      shown++;
    }
  }
  if (shown === 0) notifyError(err);
}
