/**
 * `rete intro A B`: propose an introduction (a draft, or sent with `--send`); its subcommands
 * `rete intro ask-through` and `rete intro asks` are the asks through a contact (asks.cli.ts).
 * Like the rest of the CLI they call the services, not the HTTP API.
 */
import type { Command } from 'commander';
import type { CliHelpers } from '../../cli.ts';
import { say } from '../../lib/terminal.ts';
import { mailStanding } from '../outbox/outbox.cli.ts';
import { registerAskCommands } from './asks.cli.ts';
import { createIntro, getIntro, sendIntro } from './intros.service.ts';

export function registerIntroCommands(program: Command, h: CliHelpers): void {
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
        const id = await h.friendly(
          createIntro(deps, owner, {
            personAId: await h.uniquePerson(deps, owner, a),
            personBId: await h.uniquePerson(deps, owner, b),
            note: o.note.trim(),
            order: o.order === 'a-first' ? 'a_first' : 'both',
          }),
        );
        if (o.send) await h.friendly(sendIntro(deps, owner, id));
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
  registerAskCommands(intro, { ...h, mailStanding });
}
