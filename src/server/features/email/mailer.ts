/**
 * Delivery of one email: the message is composed once by nodemailer into RFC 5322 bytes (its
 * stream transport), then either handed to the SMTP server (SMTP_HOST set) or written to the
 * outbox folder as an `.eml` file. Composing first means the bytes sent are exactly the bytes a
 * test or the outbox sees, and the SMTP envelope is built from the structured recipients only.
 */
import fs from 'node:fs';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type { MailDelivery } from '#shared/api/values.ts';
import type { Config } from '../../config.ts';
import type { MailErrorReason } from '../../db/schema.ts';
import { displayName, headerText, isPlainAddress } from './sanitize.ts';

export interface Address {
  name: string | null;
  address: string;
}

export interface OutgoingMail {
  from: Address;
  replyTo: Address | null;
  to: Address[];
  cc: Address[];
  subject: string;
  text: string;
  html: string;
  /** Without angle brackets: `<id>` is added. Derived from the job id, so a retry reuses it. */
  messageId: string;
  date: Date;
  /** Base name of the `.eml` file in outbox mode. */
  fileName: string;
  /** Further headers (the digest's `List-Unsubscribe`), each value made one header-safe line. */
  headers?: Record<string, string>;
}

export interface Delivery {
  delivery: MailDelivery;
  raw: Buffer;
}

export interface Mailer {
  readonly mode: MailDelivery;
  send(mail: OutgoingMail): Promise<Delivery>;
  /** Checks that messages can leave now (the SMTP server answers and takes the log-in; the outbox folder is writable). */
  verify(): Promise<void>;
  close(): void;
}

/** Why a delivery failed, for the user (see MailErrorReason), and whether trying again later can help. */
export interface MailFailure {
  reason: MailErrorReason;
  permanent: boolean;
  /** For the outbox's technical detail and the log: the error's name, codes and message, one line. */
  text: string;
}

const CONNECTION_CODES = new Set([
  'ECONNECTION',
  'ETIMEDOUT',
  'ESOCKET',
  'EDNS',
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
]);

/**
 * Sorts a delivery error. An address the mail layer refuses and a message the SMTP server refuses
 * for good (5xx) are permanent: retrying for hours cannot change them. A server out of reach, a
 * refused log-in, TLS trouble, a temporary refusal (4xx) or a full disk may pass, or be fixed by
 * correcting the configuration and restarting: those are retried with backoff.
 */
export function classifyMailError(err: unknown, mode: Mailer['mode']): MailFailure {
  const e = err instanceof Error ? (err as Error & { code?: unknown; responseCode?: unknown; response?: unknown }) : null;
  const code = typeof e?.code === 'string' ? e.code : null;
  const status = typeof e?.responseCode === 'number' ? e.responseCode : null;
  const text = (e ? [e.name, code, status].filter((x) => x !== null).join(' ') + `: ${e.message}` : `Error: ${String(err)}`)
    .replace(/\s+/g, ' ')
    .slice(0, 500);
  const failure = (reason: MailErrorReason, permanent = false): MailFailure => ({ reason, permanent, text });
  if (err instanceof AddressError) return failure('address', true);
  if (mode === 'outbox') return failure('outbox');
  if (code === 'EAUTH' || code === 'ENOAUTH' || status === 530 || status === 535) return failure('auth');
  if (code === 'ETLS' || (code !== null && /CERT|SSL|TLS/.test(code))) return failure('tls');
  if (status !== null && status >= 500) return failure('rejected', true);
  if (status !== null && status >= 400) return failure('temporary');
  if (code !== null && CONNECTION_CODES.has(code)) return failure('connection');
  return failure('other');
}

const addr = (a: Address) => ({ name: a.name ? displayName(a.name) : '', address: a.address });

/** The mail layer refused an address (EM-02): no retry can change that. */
export class AddressError extends Error {
  override name = 'AddressError';
  constructor(readonly field: 'from' | 'replyTo' | 'to' | 'cc') {
    super(`refusing an address that is not a plain mailbox (${field})`);
  }
}

function checkAddresses(mail: OutgoingMail, localFrom: boolean): void {
  if (!isPlainAddress(mail.from.address, { localDomain: localFrom })) throw new AddressError('from');
  if (mail.replyTo && !isPlainAddress(mail.replyTo.address)) throw new AddressError('replyTo');
  if (mail.to.some((a) => !isPlainAddress(a.address))) throw new AddressError('to');
  if (mail.cc.some((a) => !isPlainAddress(a.address))) throw new AddressError('cc');
}

/**
 * The RFC 5322 bytes of a message, CRLF line ends. `localFrom`: the message only goes to the
 * outbox, so its From may be a local-only address such as `rete@localhost` (recipients never).
 */
export async function compose(mail: OutgoingMail, opts: { localFrom?: boolean } = {}): Promise<Buffer> {
  checkAddresses(mail, opts.localFrom === true);
  const composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  const info = await composer.sendMail({
    from: addr(mail.from),
    ...(mail.replyTo ? { replyTo: addr(mail.replyTo) } : {}),
    to: mail.to.map(addr),
    ...(mail.cc.length ? { cc: mail.cc.map(addr) } : {}),
    subject: headerText(mail.subject, 250),
    text: mail.text,
    html: mail.html,
    messageId: `<${mail.messageId}>`,
    ...(mail.headers
      ? { headers: Object.fromEntries(Object.entries(mail.headers).map(([k, v]) => [headerText(k, 60), headerText(v, 900)])) }
      : {}),
    date: mail.date,
    // No X-Mailer naming the library and its version.
    xMailer: false,
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  return info.message as Buffer;
}

export function outboxDir(config: Config): string {
  return path.join(config.dataDir, 'outbox');
}

export function createMailer(config: Config): Mailer {
  const smtp = config.mail.smtp;
  if (!smtp) {
    return {
      mode: 'outbox',
      async send(mail) {
        const raw = await compose(mail, { localFrom: true });
        const dir = outboxDir(config);
        fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
        const file = path.join(dir, `${mail.fileName.replace(/[^A-Za-z0-9._-]/g, '_')}.eml`);
        // Written whole under a temporary name, then renamed: a reader never sees half a message.
        const tmp = `${file}.tmp`;
        fs.writeFileSync(tmp, raw, { mode: 0o600 });
        fs.renameSync(tmp, file);
        return { delivery: 'outbox', raw };
      },
      async verify() {
        const dir = outboxDir(config);
        await fs.promises.mkdir(dir, { recursive: true, mode: 0o700 });
        await fs.promises.access(dir, fs.constants.W_OK);
      },
      close() {},
    };
  }
  const transport = nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    requireTLS: smtp.requireTls,
    ...(smtp.user ? { auth: { user: smtp.user, pass: smtp.password ?? '' } } : {}),
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
  });
  return {
    mode: 'smtp',
    async send(mail) {
      const raw = await compose(mail);
      await transport.sendMail({
        envelope: { from: mail.from.address, to: [...mail.to, ...mail.cc].map((a) => a.address) },
        raw,
      });
      return { delivery: 'smtp', raw };
    },
    async verify() {
      await transport.verify();
    },
    close() {
      transport.close();
    },
  };
}
