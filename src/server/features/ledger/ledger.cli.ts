/**
 * Commands of the give-first ledger: `rete give` (record a give) and `rete ledger` (givers gain).
 * Like the rest of the CLI they call the services, not the HTTP API.
 */
import { InvalidArgumentError, type Command } from 'commander';
import type { GiveKind, LedgerStats } from '#shared/api/ledger.ts';
import { GIVE_KINDS } from '#shared/api/values.ts';
import type { CliHelpers } from '../../cli.ts';
import { say } from '../../lib/terminal.ts';
import { createGive } from './ledger.service.ts';
import { ledgerStats } from './stats.ts';

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

export function registerLedgerCommands(program: Command, h: CliHelpers): void {
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
          for (const ref of o.to) recipientIds.push(await h.uniquePerson(deps, owner, ref));
          const g = await h.friendly(
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
        const s = await h.friendly(ledgerStats(deps, await h.userIdByEmail(deps, o.user), { from: o.since, to: o.until }));
        say(o.json ? JSON.stringify(s, null, 2) : formatStats(s));
      }),
    );
}
