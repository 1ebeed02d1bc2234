/**
 * A real SMTP server for tests (smtp-server on 127.0.0.1, a random port), keeping every message it
 * accepts with its envelope, raw bytes and the mailparser result. It can refuse the next messages
 * with a temporary error, to test retries.
 */
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface Received {
  envelope: { from: string; to: string[] };
  raw: string;
  parsed: ParsedMail;
}

export interface Mailbox {
  port: number;
  messages: Received[];
  /** Refuse the next `n` messages with "451 try again later", or with another SMTP reply code (550: for good). */
  failNext(n: number, code?: number): void;
  /** The SMTP settings for createTestApp's env. */
  env: Record<string, string>;
  /** Messages to this address (To or Cc). */
  to(address: string): Received[];
  close(): Promise<void>;
}

export async function startMailbox(): Promise<Mailbox> {
  const messages: Received[] = [];
  let failures = 0;
  let failureCode = 451;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (failures > 0) {
          failures--;
          const text = failureCode >= 500 ? 'mailbox unavailable' : 'try again later';
          const err = Object.assign(new Error(text), { responseCode: failureCode });
          callback(err);
          return;
        }
        const raw = Buffer.concat(chunks).toString('utf8');
        simpleParser(raw).then(
          (parsed) => {
            messages.push({
              envelope: {
                from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
                to: session.envelope.rcptTo.map((r) => r.address),
              },
              raw,
              parsed,
            });
            callback();
          },
          (err: Error) => callback(err),
        );
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  const addressesOf = (m: Received): string[] =>
    [m.parsed.to, m.parsed.cc]
      .flatMap((a) => (a ? (Array.isArray(a) ? a : [a]) : []))
      .flatMap((a) => a.value.map((v) => (v.address ?? '').toLowerCase()));
  return {
    port,
    messages,
    failNext: (n, code = 451) => {
      failures = n;
      failureCode = code;
    },
    env: { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(port), SMTP_STARTTLS: 'false', MAIL_FROM: 'rete@rete.test' },
    to: (address) => messages.filter((m) => addressesOf(m).includes(address.toLowerCase())),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
