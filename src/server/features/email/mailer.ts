/**
 * Delivery of one email: the message is composed once by nodemailer into RFC 5322 bytes (its
 * stream transport), then either handed to the SMTP server (SMTP_HOST set) or written to the
 * outbox folder as an `.eml` file. Composing first means the bytes sent are exactly the bytes a
 * test or the outbox sees, and the SMTP envelope is built from the structured recipients only.
 */
import fs from 'node:fs';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type { Config } from '../../config.ts';
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
}

export interface Delivery {
  delivery: 'smtp' | 'outbox';
  raw: Buffer;
}

export interface Mailer {
  readonly mode: 'smtp' | 'outbox';
  send(mail: OutgoingMail): Promise<Delivery>;
  close(): void;
}

const addr = (a: Address) => ({ name: a.name ? displayName(a.name) : '', address: a.address });

function checkAddresses(mail: OutgoingMail): void {
  for (const a of [mail.from, ...(mail.replyTo ? [mail.replyTo] : []), ...mail.to, ...mail.cc]) {
    if (!isPlainAddress(a.address)) throw new Error('refusing an address that is not a plain mailbox');
  }
}

/** The RFC 5322 bytes of a message, CRLF line ends. */
export async function compose(mail: OutgoingMail): Promise<Buffer> {
  checkAddresses(mail);
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
        const raw = await compose(mail);
        const dir = outboxDir(config);
        fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
        const file = path.join(dir, `${mail.fileName.replace(/[^A-Za-z0-9._-]/g, '_')}.eml`);
        // Written whole under a temporary name, then renamed: a reader never sees half a message.
        const tmp = `${file}.tmp`;
        fs.writeFileSync(tmp, raw, { mode: 0o600 });
        fs.renameSync(tmp, file);
        return { delivery: 'outbox', raw };
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
    close() {
      transport.close();
    },
  };
}
