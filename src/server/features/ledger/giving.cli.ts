/**
 * Commands of the give-first loop: `rete intro`, `rete give`, `rete ledger`, `rete outbox`,
 * `rete jobs run-once`.
 * Like the rest of the CLI they call the services, not the HTTP API.
 */
import { InvalidArgumentError, type Command } from 'commander';
import type { MailErrorReason, MailState, OutboxMessage } from '#shared/api/intros.ts';
import type { GiveKind, LedgerStats } from '#shared/api/ledger.ts';
import { GIVE_KINDS } from '#shared/api/values.ts';
import type { AppDeps } from '../../app.ts';
import { AppError } from '../../lib/errors.ts';
import { createJobWorker } from '../intros/intros.jobs.ts';
import { getOutboxMessage, listOutbox } from '../email/outbox.service.ts';
import { registerAskCommands } from '../intros/asks.cli.ts';
import { createIntro, getIntro, retryMail, sendIntro } from '../intros/intros.service.ts';
import { listPeople } from '../people/people.service.ts';
import { createGive } from './ledger.service.ts';
import { ledgerStats } from './stats.ts';
import { say } from '../../lib/terminal.ts';

export interface CliHelpers {
  /** Runs with the database open and migrated. */
  withDeps<T>(fn: (deps: AppDeps) => Promise<T>): Promise<T>;
  userIdByEmail(deps: AppDeps, email: string): Promise<string>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A person id, `me`, or words of a name that match exactly one contact. */
async function uniquePerson(deps: AppDeps, ownerId: string, ref: string): Promise<string> {
  if (ref === 'me' || UUID.test(ref)) return ref;
  const page = await listPeople(deps, ownerId, { q: ref, limit: 5 });
  const first = page.items[0];
  if (!first) throw new Error(`Nobody in your network matches "${ref}"`);
  if (page.items.length > 1) {
    const exact = page.items.filter((p) => p.name.toLowerCase() === ref.trim().toLowerCase());
    if (exact.length === 1 && exact[0]) return exact[0].id;
    throw new Error(`"${ref}" matches several people (${page.items.map((p) => `${p.name} ${p.id}`).join(', ')}); use an id`);
  }
  return first.id;
}

/** Service errors as one readable line. */
async function friendly<T>(p: Promise<T>): Promise<T> {
  try {
    return await p;
  } catch (err) {
    if (err instanceof AppError) {
      const details = err.details?.map((d) => `${d.path}: ${d.message}`).join('; ');
      throw new Error(details ? `${err.message} (${details})` : err.message, { cause: err });
    }
    throw err;
  }
}

function day(v: string): string {
  if (!/^\d{4}-\d\d-\d\d$/.test(v) || Number.isNaN(Date.parse(v))) throw new InvalidArgumentError('use YYYY-MM-DD');
  return v;
}

function giveKind(v: string): GiveKind {
  if (!(GIVE_KINDS as readonly string[]).includes(v)) throw new InvalidArgumentError(`use one of ${GIVE_KINDS.join(', ')}`);
  return v as GiveKind;
}

const money = (sums: LedgerStats['businessForOthers']) =>
  sums.length ? sums.map((s) => `${(s.amountCents / 100).toFixed(2)} ${s.currency}`).join(', ') : '—';

export function formatStats(s: LedgerStats): string {
  const out = [`Givers gain, ${s.from} – ${s.to}`, ''];
  out.push(`Gives: ${s.totals.gives} to ${s.totals.peopleGivenTo} people`);
  const kinds = s.givesByKind.filter((k) => k.count > 0);
  if (kinds.length) out.push(`  ${kinds.map((k) => `${k.kind} ${k.count}`).join(', ')}`);
  for (const m of s.givesByMonth) if (m.total > 0) out.push(`  ${m.month}  ${'■'.repeat(Math.min(m.total, 40))} ${m.total}`);
  const i = s.intros;
  out.push(
    `Introductions: ${i.proposed} proposed, ${i.connected} connected, ${i.pending} waiting, ${i.declined} declined, ${i.expired} expired, ${i.cancelled} cancelled`,
  );
  const outcomes = s.outcomesByKind.filter((k) => k.count > 0);
  out.push(
    `Outcomes: ${s.totals.outcomes}${outcomes.length ? ` (${outcomes.map((k) => `${k.kind} ${k.count}`).join(', ')})` : ''}`,
  );
  out.push(`Business generated for others: ${money(s.businessForOthers)}`);
  out.push(`Business received: ${money(s.businessReceived)}`);
  for (const r of s.referrers) out.push(`  from ${r.person.name}: ${r.count} (${money(r.sums)})`);
  if (s.topRecipients.length) {
    out.push('I give most to:');
    for (const t of s.topRecipients) out.push(`  ${t.person.name}: ${t.gives} (last ${t.lastDate})`);
  }
  out.push(
    `Never given to: ${s.neverGivenTo.count}${s.neverGivenTo.sample.length ? ` (e.g. ${s.neverGivenTo.sample.map((p) => p.name).join(', ')})` : ''}`,
  );
  return out.join('\n');
}

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

export function registerGivingCommands(program: Command, h: CliHelpers): void {
  // `--note` and `--user` are checked in the action rather than declared required: commander would
  // then ask them of the subcommands too (`rete intro ask-through`), which take `--user` from here.
  const intro = program
    .command('intro')
    .description('propose an introduction between two people (or me and someone): a draft, or sent with --send')
    .argument('<a>', 'side A: a person id, words of their name, or "me"')
    .argument('<b>', 'side B: a person id, words of their name, or "me"')
    .option('--note <text>', 'why they should meet (required)')
    .option('--user <email>', 'the account (required)')
    .option('--send', 'send the requests now (the job worker or `rete jobs run-once` delivers them)', false)
    .option('--order <a-first|both>', 'ask both at once, or A first and B once A accepted', 'both')
    .option('--json', 'print JSON', false)
    .action((a: string, b: string, o: { note?: string; user?: string; send: boolean; order: string; json: boolean }) =>
      h.withDeps(async (deps) => {
        if (!o.note?.trim()) throw new Error("required option '--note <text>' not specified");
        if (!o.user) throw new Error("required option '--user <email>' not specified");
        if (o.order !== 'a-first' && o.order !== 'both') throw new Error('--order: use a-first or both');
        const owner = await h.userIdByEmail(deps, o.user);
        const id = await friendly(
          createIntro(deps, owner, {
            personAId: await uniquePerson(deps, owner, a),
            personBId: await uniquePerson(deps, owner, b),
            note: o.note.trim(),
            order: o.order === 'a-first' ? 'a_first' : 'both',
          }),
        );
        if (o.send) await friendly(sendIntro(deps, owner, id));
        const v = await getIntro(deps, owner, id);
        if (o.json) say(JSON.stringify(v, null, 2));
        else {
          say(`Introduction ${v.id}: ${v.a.person?.name ?? '?'} ↔ ${v.b.person?.name ?? '?'} (${v.status})`);
          for (const s of [v.a, v.b]) {
            if (s.message) say(`\n[${s.side.toUpperCase()}, ${s.language}] ${s.message.subject}\n${s.message.body}`);
          }
          if (!o.send) say(`\nA draft: edit it in the web app, or send it with the API (POST /api/v1/intros/${v.id}/send).`);
        }
      }),
    );
  registerAskCommands(intro, { ...h, uniquePerson, friendly, mailStanding });

  program
    .command('give')
    .description('record a give in the ledger')
    .requiredOption('--kind <kind>', GIVE_KINDS.join(' | '), giveKind)
    .requiredOption(
      '--to <person>',
      'a person id or words of their name (repeat for several)',
      (v: string, prev: string[]) => [...prev, v],
      [],
    )
    .requiredOption('--what <text>', 'what I gave')
    .requiredOption('--user <email>')
    .option('--date <YYYY-MM-DD>', 'when (default today)', day)
    .option('--need <id>', 'the need it answered')
    .option('--close-need', 'mark that need as satisfied', false)
    .option('--json', 'print JSON', false)
    .action(
      (o: {
        kind: GiveKind;
        to: string[];
        what: string;
        user: string;
        date?: string;
        need?: string;
        closeNeed: boolean;
        json: boolean;
      }) =>
        h.withDeps(async (deps) => {
          const owner = await h.userIdByEmail(deps, o.user);
          const recipientIds = [];
          for (const ref of o.to) recipientIds.push(await uniquePerson(deps, owner, ref));
          const g = await friendly(
            createGive(deps, owner, {
              kind: o.kind,
              description: o.what.trim(),
              recipientIds,
              ...(o.date ? { date: o.date } : {}),
              ...(o.need ? { needId: o.need } : {}),
              ...(o.closeNeed ? { closeNeed: true } : {}),
            }),
          );
          if (o.json) say(JSON.stringify(g, null, 2));
          else
            say(
              `Recorded ${g.kind} to ${g.recipients.map((r) => r.name).join(', ')} on ${g.date} (${g.id})${g.need ? `; need ${g.need.status}` : ''}.`,
            );
        }),
    );

  program
    .command('ledger')
    .description('givers gain: what I gave and what came back')
    .requiredOption('--user <email>')
    .option('--since <YYYY-MM-DD>', 'from this day (default: 12 months back)', day)
    .option('--until <YYYY-MM-DD>', 'up to this day (default: today)', day)
    .option('--json', 'print JSON', false)
    .action((o: { user: string; since?: string; until?: string; json: boolean }) =>
      h.withDeps(async (deps) => {
        const s = await friendly(ledgerStats(deps, await h.userIdByEmail(deps, o.user), { from: o.since, to: o.until }));
        say(o.json ? JSON.stringify(s, null, 2) : formatStats(s));
      }),
    );

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
        await friendly(retryMail(deps, owner, id));
        const m = await getOutboxMessage(deps, owner, id);
        say(`${formatMessage(m)}\nQueued: the server's job worker (or \`rete jobs run-once\`) sends it.`);
      }),
    );

  const jobs = program.command('jobs').description('the background jobs (emails, reminders, expiry)');
  jobs
    .command('run-once')
    .description('run the due jobs once and exit (the server runs them continuously; use this from cron or tests)')
    .action(() =>
      h.withDeps(async (deps) => {
        const worker = createJobWorker(deps, { id: `cli-${process.pid}` });
        try {
          // Passes of up to 50 jobs, until one finds fewer: everything due now has run.
          let ran = 0;
          let failed = 0;
          for (;;) {
            const r = await worker.runOnce();
            ran += r.ran;
            failed += r.failed;
            if (r.ran < 50) break;
          }
          say(`Ran ${ran} job${ran === 1 ? '' : 's'}${failed ? `, ${failed} failed (see \`rete outbox list\`)` : ''}.`);
        } finally {
          worker.mailer.close();
        }
      }),
    );
}
