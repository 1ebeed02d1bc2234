/**
 * Commands of the giving routine: `rete today` (what to do now) and `rete log` (an interaction,
 * which resets keep-in-touch). Input goes through the API's contract, so the CLI refuses what
 * the API refuses.
 */
import type { Command } from 'commander';
import { LogInteractionBody, type Today, type TodayItem } from '#shared/api/routine.ts';
import { INTERACTION_KINDS, type TodayItemKind } from '#shared/api/values.ts';
import type { CliHelpers } from '../../cli.ts';
import { say } from '../../lib/terminal.ts';
import { logInteraction } from './routine.service.ts';
import { getToday } from './today.service.ts';

const HEADING: Record<TodayItemKind, string> = {
  give: 'Ways to give',
  intro_draft: 'Introductions not sent yet',
  intro_waiting: 'Introductions waiting for an answer',
  intro_outcome: 'Did anything come of it?',
  follow_up: 'Follow-ups due',
  keep_in_touch: 'Keep in touch',
  going_cold: 'Going cold',
  birthday: 'Birthdays',
};

const late = (days: number | null): string =>
  days === null ? '' : days > 0 ? ` (${days} day${days === 1 ? '' : 's'} late)` : days === 0 ? ' (today)' : ` (in ${-days} days)`;

function line(i: TodayItem): string {
  const who = i.person?.name ?? '—';
  switch (i.kind) {
    case 'give': {
      const helpers = i.helpers.map((h) => (h.isMe ? 'you' : h.via ? `${h.name} (ask ${h.via.name})` : h.name)).join(', ');
      return `${who} needs "${i.need?.text ?? ''}"${i.isNew ? ' [new]' : ''} — can help: ${helpers}`;
    }
    case 'intro_draft':
    case 'intro_waiting':
    case 'intro_outcome':
      return `${who}${i.intro?.other ? ` ↔ ${i.intro.other.name}` : ''}, since ${i.date ?? '?'} (intro ${i.intro?.id ?? ''})`;
    case 'follow_up':
      return `${i.followUp?.text ?? ''} — ${who}, due ${i.date ?? ''}${i.followUp?.dueTime ? ` ${i.followUp.dueTime}` : ''}${late(i.days)}`;
    case 'keep_in_touch':
      return `${who}: every ${i.everyDays ?? '?'} days, last ${i.lastContactAt?.slice(0, 10) ?? 'never'}${late(i.days)}`;
    case 'going_cold':
      return `${who}: nothing since ${i.date ?? '?'} (${i.days ?? '?'} days)`;
    case 'birthday':
      return `${who}: ${i.date ?? ''}${i.age ? `, turns ${i.age}` : ''}${late(i.days)}`;
  }
}

export function formatToday(t: Today): string {
  const out = [`Today, ${t.date} (${t.timeZone})`];
  const goal = t.goal.perWeek
    ? `${t.goal.givenThisWeek} of ${t.goal.perWeek} gives this week`
    : `${t.goal.givenThisWeek} gives this week`;
  out.push(goal, '');
  if (t.items.length === 0) {
    out.push(
      t.counts.people === 0
        ? 'Your network is empty: import your contacts (rete import) or load the demo (rete demo load).'
        : 'Nothing due. Add what your contacts need and offer, set keep-in-touch cadences, or record a give.',
    );
  }
  let kind: TodayItemKind | null = null;
  for (const i of t.items) {
    if (i.kind !== kind) {
      if (kind !== null) out.push('');
      out.push(HEADING[i.kind]);
      kind = i.kind;
    }
    out.push(`  - ${line(i)}`);
  }
  if (t.counts.hidden > 0) out.push('', `${t.counts.hidden} done, dismissed or snoozed.`);
  return out.join('\n');
}

export function registerRoutineCommands(program: Command, h: CliHelpers): void {
  program
    .command('today')
    .description('what to do today: ways to give, introductions, follow-ups, keep-in-touch, birthdays')
    .requiredOption('--user <email>')
    .option('--limit <n>', 'at most this many items', (v) => Number.parseInt(v, 10), 50)
    .option('--json', 'print JSON', false)
    .action((o: { user: string; limit: number; json: boolean }) =>
      h.withDeps(async (deps) => {
        const owner = await h.userIdByEmail(deps, o.user);
        const t = await h.friendly(
          getToday(deps, owner, { limit: Number.isFinite(o.limit) && o.limit > 0 ? o.limit : 50, markSeen: true }),
        );
        say(o.json ? JSON.stringify(t, null, 2) : formatToday(t));
      }),
    );

  program
    .command('log')
    .description('log an interaction with a person (it resets keep-in-touch)')
    .argument('<person>', 'a person id or words of their name')
    .requiredOption('--user <email>')
    .option('--kind <kind>', INTERACTION_KINDS.join(' | '), 'call')
    .option('--note <text>', 'what was said', '')
    .option('--date <YYYY-MM-DD>', 'when (default now)')
    .option('--next <text>', 'a next step')
    .option('--next-on <YYYY-MM-DD>', 'the day of the next step (default: in a week)')
    .option('--json', 'print JSON', false)
    .action(
      (
        ref: string,
        o: { user: string; kind: string; note: string; date?: string; next?: string; nextOn?: string; json: boolean },
      ) =>
        h.withDeps(async (deps) => {
          const owner = await h.userIdByEmail(deps, o.user);
          const person = await h.uniquePerson(deps, owner, ref);
          const nextOn = o.nextOn ?? new Date(deps.now().getTime() + 7 * 86_400_000).toISOString().slice(0, 10);
          const parsed = LogInteractionBody.safeParse({
            kind: o.kind,
            summary: o.note,
            ...(o.date ? { occurredAt: o.date } : {}),
            ...(o.next ? { nextStep: { text: o.next, dueOn: nextOn } } : {}),
          });
          if (!parsed.success) {
            const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
            throw new Error(`Invalid input (${issues})`);
          }
          const r = await h.friendly(logInteraction(deps, owner, person, parsed.data));
          if (o.json) say(JSON.stringify(r, null, 2));
          else
            say(
              `Logged a ${r.interaction.kind} on ${r.interaction.occurredAt.slice(0, 10)} (${r.interaction.id})` +
                (r.followUp ? `; next step "${r.followUp.text}" on ${r.followUp.dueOn}.` : '.'),
            );
        }),
    );
}
