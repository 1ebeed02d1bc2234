import net from 'node:net';
import path from 'node:path';
import { z } from 'zod';
import { MAX_IMPORT_BYTES } from '#shared/api/values.ts';
import { isPlainAddress } from './features/email/sanitize.ts';

/**
 * The only reader of process.env. Every setting has a default that works on a
 * fresh clone with the embedded database; README.md lists them all.
 */
const bool = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((v) => v === 'true' || v === '1' || v === 'yes');

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  PUBLIC_BASE_URL: z.url().optional(),
  DATABASE_URL: z.string().optional(),
  SQLITE_PATH: z.string().default('./data/rete.db'),
  DATA_DIR: z.string().default('./data'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SIGNUP: z.enum(['open', 'closed']).default('open'),
  TRUST_PROXY: bool.default(false),
  SESSION_IDLE_DAYS: z.coerce.number().positive().default(14),
  SESSION_ABSOLUTE_DAYS: z.coerce.number().positive().default(60),
  BODY_LIMIT_BYTES: z.coerce.number().int().positive().default(1_048_576),
  IMPORT_MAX_BYTES: z.coerce.number().int().min(1024).default(MAX_IMPORT_BYTES),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(600),
  SHUTDOWN_GRACE_MS: z.coerce.number().int().positive().default(10_000),
  RETE_PASSWORD: z.string().optional(),
  SMTP_HOST: z.string().optional(),
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(587),
  SMTP_SECURE: bool.default(false),
  SMTP_STARTTLS: bool.default(true),
  SMTP_USER: z.string().optional(),
  SMTP_PASSWORD: z.string().optional(),
  MAIL_FROM: z.email().optional(),
  MAIL_MAX_PER_USER_PER_DAY: z.coerce.number().int().positive().default(20),
  MAIL_MAX_PER_RECIPIENT_PER_DAY: z.coerce.number().int().positive().default(3),
  MAIL_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(30).default(8),
  INTRO_REMIND_DAYS: z.coerce.number().positive().default(5),
  INTRO_EXPIRE_DAYS: z.coerce.number().positive().default(14),
  INTRO_LINK_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(30),
  INTRO_ASK_REMIND_DAYS: z.coerce.number().positive().default(5),
  INTRO_ASK_EXPIRE_DAYS: z.coerce.number().positive().default(14),
  JOBS_WORKER: bool.default(true),
  JOBS_POLL_MS: z.coerce.number().int().min(50).default(2_000),
  EMBEDDINGS_URL: z.url().optional(),
  EMBEDDINGS_MODEL: z.string().min(1).default('text-embedding-3-small'),
  EMBEDDINGS_API_KEY: z.string().optional(),
  EMBEDDINGS_TIMEOUT_MS: z.coerce.number().int().positive().default(2_000),
});

export type Env = z.infer<typeof EnvSchema>;

export interface Config {
  env: Env['NODE_ENV'];
  host: string;
  port: number;
  /** Links in emails and the secure-cookie decision derive from this, never from request headers. */
  publicBaseUrl: string;
  secureCookies: boolean;
  database: { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string };
  dataDir: string;
  logLevel: Env['LOG_LEVEL'];
  signup: 'open' | 'closed';
  trustProxy: boolean;
  sessionIdleMs: number;
  sessionAbsoluteMs: number;
  bodyLimitBytes: number;
  /** The largest file an import accepts (upload, CLI), 20 MB unless configured. */
  importMaxBytes: number;
  rateLimitPerMinute: number;
  shutdownGraceMs: number;
  /** Password for `rete user create`, so that it need not appear on the command line. */
  cliPassword: string | undefined;
  mail: {
    /** Null: no SMTP server; messages only go to the outbox (database and `.eml` files under dataDir/outbox). */
    smtp: {
      host: string;
      port: number;
      secure: boolean;
      requireTls: boolean;
      user: string | null;
      password: string | null;
    } | null;
    /**
     * The From address; the display name is the sending user's name. Read by the job when a
     * message leaves (never frozen on a queued message), and its domain names the Message-ID.
     */
    from: string;
    maxPerUserPerDay: number;
    maxPerRecipientPerDay: number;
    maxAttempts: number;
  };
  intros: {
    remindDays: number;
    expireDays: number;
    linkRateLimitPerMinute: number;
    /** An ask through a contact: one reminder after this many days unanswered; it expires after `askExpireDays`. */
    askRemindDays: number;
    askExpireDays: number;
  };
  /** The job worker of each server process: emails, reminders, expiry. */
  jobs: { worker: boolean; pollMs: number };
  /** An OpenAI-compatible embeddings endpoint, one more ranking signal for matching; null: off. */
  embeddings: { url: string; model: string; apiKey: string | null; timeoutMs: number } | null;
}

/** A host name or an IP address: what SMTP_HOST must be (no scheme, port, path or spaces). */
function isHost(s: string): boolean {
  if (net.isIP(s) !== 0) return true;
  return (
    s.length <= 253 &&
    /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/.test(s)
  );
}

/**
 * The domain of the default From address: the host of PUBLIC_BASE_URL, or `localhost` when that
 * host is an IP address (an address literal is no mail domain).
 */
function defaultMailDomain(publicBaseUrl: string): string {
  const host = new URL(publicBaseUrl).hostname.replace(/^\[|\]$/g, '');
  return net.isIP(host) === 0 && host !== '' ? host.toLowerCase() : 'localhost';
}

/**
 * Whether mail servers on the internet can be given this From address: a plain mailbox of a
 * dotted domain whose last label is not a number (not `rete@localhost`, not `rete@127.0.0.1`).
 */
export function isSmtpFrom(address: string): boolean {
  return isPlainAddress(address) && !/\.\d+$/.test(address);
}

/** The settings of outgoing email that cannot work, one line each naming its variable. */
function mailProblems(
  env: Record<string, string | undefined>,
  e: z.infer<typeof EnvSchema>,
  from: string,
  publicBaseUrl: string,
): string[] {
  const problems: string[] = [];
  if (!e.SMTP_HOST) {
    const smtpOnly = ['SMTP_USER', 'SMTP_PASSWORD', 'SMTP_PORT', 'SMTP_SECURE', 'SMTP_STARTTLS'].filter(
      (k) => env[k] !== undefined,
    );
    if (smtpOnly.length > 0) {
      problems.push(
        `SMTP_HOST: not set, but ${smtpOnly.join(', ')} ${smtpOnly.length === 1 ? 'is' : 'are'}: set SMTP_HOST to send email over SMTP, or remove ${smtpOnly.length === 1 ? 'it' : 'them'} to keep every message in the outbox`,
      );
    }
    // The outbox only writes files: a local-only address such as rete@localhost is fine there.
    if (!isPlainAddress(from, { localDomain: true })) {
      problems.push(`MAIL_FROM: "${from}" is not a plain email address`);
    }
    return problems;
  }
  if (!isHost(e.SMTP_HOST)) {
    problems.push(
      `SMTP_HOST: "${e.SMTP_HOST}" is not a host name or IP address; give only the host (e.g. smtp.example.com), and the port in SMTP_PORT`,
    );
  }
  if (!isSmtpFrom(from)) {
    problems.push(
      e.MAIL_FROM
        ? `MAIL_FROM: "${from}" is not an address mail servers accept; use an address of your domain, e.g. rete@example.com`
        : `MAIL_FROM: not set, and the default "${from}" (made from the host of PUBLIC_BASE_URL, ${publicBaseUrl}) is not an address mail servers accept; with SMTP_HOST set, set MAIL_FROM to an address of your domain, e.g. rete@example.com`,
    );
  }
  if (e.SMTP_USER && e.SMTP_PASSWORD === undefined) problems.push('SMTP_PASSWORD: SMTP_USER is set but SMTP_PASSWORD is not');
  if (e.SMTP_PASSWORD !== undefined && !e.SMTP_USER) problems.push('SMTP_USER: SMTP_PASSWORD is set but SMTP_USER is not');
  return problems;
}

export function loadConfig(rawEnv: Record<string, string | undefined> = process.env, overrides: Partial<Config> = {}): Config {
  // A variable set to nothing (`SMTP_HOST=`, common in compose files) is a variable not set.
  const env = Object.fromEntries(Object.entries(rawEnv).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const publicBaseUrl = (e.PUBLIC_BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, '');
  const from = e.MAIL_FROM ?? `rete@${defaultMailDomain(publicBaseUrl)}`;
  const problems = mailProblems(env, e, from, publicBaseUrl);
  if (problems.length > 0) throw new Error(`Invalid configuration:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  const database: Config['database'] = e.DATABASE_URL
    ? { kind: 'postgres', url: e.DATABASE_URL }
    : { kind: 'sqlite', path: e.SQLITE_PATH === ':memory:' ? ':memory:' : path.resolve(e.SQLITE_PATH) };
  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    publicBaseUrl,
    secureCookies: publicBaseUrl.startsWith('https://'),
    database,
    dataDir: path.resolve(e.DATA_DIR),
    logLevel: e.LOG_LEVEL,
    signup: e.SIGNUP,
    trustProxy: e.TRUST_PROXY,
    sessionIdleMs: e.SESSION_IDLE_DAYS * 86_400_000,
    sessionAbsoluteMs: e.SESSION_ABSOLUTE_DAYS * 86_400_000,
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    importMaxBytes: e.IMPORT_MAX_BYTES,
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
    cliPassword: e.RETE_PASSWORD,
    mail: {
      smtp: e.SMTP_HOST
        ? {
            host: e.SMTP_HOST,
            port: e.SMTP_PORT,
            secure: e.SMTP_SECURE,
            requireTls: !e.SMTP_SECURE && e.SMTP_STARTTLS,
            user: e.SMTP_USER ?? null,
            password: e.SMTP_PASSWORD ?? null,
          }
        : null,
      from,
      maxPerUserPerDay: e.MAIL_MAX_PER_USER_PER_DAY,
      maxPerRecipientPerDay: e.MAIL_MAX_PER_RECIPIENT_PER_DAY,
      maxAttempts: e.MAIL_MAX_ATTEMPTS,
    },
    intros: {
      remindDays: e.INTRO_REMIND_DAYS,
      expireDays: e.INTRO_EXPIRE_DAYS,
      linkRateLimitPerMinute: e.INTRO_LINK_RATE_LIMIT_PER_MINUTE,
      askRemindDays: e.INTRO_ASK_REMIND_DAYS,
      askExpireDays: e.INTRO_ASK_EXPIRE_DAYS,
    },
    jobs: { worker: e.JOBS_WORKER, pollMs: e.JOBS_POLL_MS },
    embeddings: e.EMBEDDINGS_URL
      ? {
          url: e.EMBEDDINGS_URL,
          model: e.EMBEDDINGS_MODEL,
          apiKey: e.EMBEDDINGS_API_KEY ?? null,
          timeoutMs: e.EMBEDDINGS_TIMEOUT_MS,
        }
      : null,
    ...overrides,
  };
}
