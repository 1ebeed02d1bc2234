/**
 * `rete outbox list` and `rete outbox retry ID`: the emails Rete sent or will send for me, where
 * each one stands and why one was not delivered; try one again.
 */
import { InvalidArgumentError, type Command } from 'commander';
import type { MailErrorReason, MailState } from '#shared/api/intros.ts';
import type { OutboxMessage } from '#shared/api/outbox.ts';
import type { CliHelpers } from '../../cli.ts';
import { say } from '../../lib/terminal.ts';
import { retryMail } from '../intros/intros.service.ts';
import { getOutboxMessage, listOutbox } from './outbox.service.ts';

const MAIL_STATUSES = ['queued', 'sent', 'failed', 'cancelled'] as const;
type MailStatus = (typeof MAIL_STATUSES)[number];

function mailStatus(v: string): MailStatus {
  const found = MAIL_STATUSES.find((s) => s === v);
  if (!found) throw new InvalidArgumentError(`use one of ${MAIL_STATUSES.join(', ')}`);
  return found;
}

function positiveInt(v: string, max: number): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > max) throw new InvalidArgumentError(`a whole number from 1 to ${max}`);
  return n;
}

const REASONS: Record<MailErrorReason, string> = {
  address: 'an address of the message cannot be used',
  connection: 'the mail server (SMTP_HOST, SMTP_PORT) could not be reached',
  tls: 'the secure connection to the mail server failed (SMTP_SECURE, SMTP_STARTTLS)',
  auth: 'the mail server refused the log-in (SMTP_USER, SMTP_PASSWORD)',
  rejected: 'the mail server refused the message',
  temporary: 'the mail server asked to try later',
  outbox: 'the .eml file could not be written (DATA_DIR)',
  other: 'an error',
};

/** Where an email stands, in words: an email kept in the outbox is not called sent. */
export function mailStanding(m: MailState): string {
  switch (m.status) {
    case 'sent':
      return m.delivery === 'outbox' ? 'in the outbox (no SMTP server: it reached nobody)' : 'sent';
    case 'queued':
      return m.errorReason
        ? `not delivered yet, ${REASONS[m.errorReason]}; next attempt ${m.nextAttemptAt ?? 'soon'}`
        : 'queued, leaving in seconds';
    case 'failed':
      return `not delivered: ${m.errorReason ? REASONS[m.errorReason] : 'it failed'}`;
    case 'cancelled':
      return 'cancelled';
  }
}

function formatMessage(m: OutboxMessage): string {
  const to = m.to.map((a) => (a.name ? `${a.name} <${a.address}>` : a.address)).join(', ');
  const lines = [`${m.id}  ${m.subject}`, `  to ${to}: ${mailStanding(m)}`];
  if (m.lastError && m.status !== 'sent') lines.push(`  (${m.lastError})`);
  return lines.join('\n');
}

export function registerOutboxCommands(program: Command, h: CliHelpers): void {
  const outbox = program
    .command('outbox')
    .description('the emails Rete sent or will send for me, newest first; `outbox retry ID` tries one again');
  outbox
    .command('list', { isDefault: true })
    .description('list my emails: where each one stands and, if it was not delivered, why')
    .requiredOption('--user <email>')
    .option('--status <status>', MAIL_STATUSES.join(' | '), mailStatus)
    .option('--limit <n>', 'at most this many', (v: string) => positiveInt(v, 200), 50)
    .option('--json', 'print JSON', false)
    .action((o: { user: string; status?: MailStatus; limit: number; json: boolean }) =>
      h.withDeps(async (deps) => {
        const owner = await h.userIdByEmail(deps, o.user);
        const page = await listOutbox(deps, owner, { status: o.status, limit: o.limit });
        if (o.json) say(JSON.stringify(page.items, null, 2));
        else if (page.items.length === 0) say('No emails.');
        else say(page.items.map(formatMessage).join('\n'));
      }),
    );
  outbox
    .command('retry')
    .description('try again to deliver an email that was not delivered (or, if it waits for its next attempt, now)')
    .argument('<id>', 'the email (see `rete outbox list`)')
    .requiredOption('--user <email>')
    .action((id: string, o: { user: string }) =>
      h.withDeps(async (deps) => {
        const owner = await h.userIdByEmail(deps, o.user);
        await h.friendly(retryMail(deps, owner, id));
        const m = await getOutboxMessage(deps, owner, id);
        say(`${formatMessage(m)}\nQueued: the server's job worker (or \`rete jobs run-once\`) sends it.`);
      }),
    );
}
