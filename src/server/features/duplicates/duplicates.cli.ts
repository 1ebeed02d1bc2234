/** `rete duplicates` (likely duplicates, best first) and `rete merge` (two people into one). */
import type { Command } from 'commander';
import type { CliHelpers } from '../../cli.ts';
import { say } from '../../lib/terminal.ts';
import { findDuplicates } from './duplicates.service.ts';
import { mergePeople } from './merge.service.ts';

export function registerDuplicatesCommands(program: Command, h: CliHelpers): void {
  program
    .command('duplicates')
    .description('likely duplicates in my network, best first (same email, phone or LinkedIn URL, alike names and companies)')
    .requiredOption('--user <email>')
    .option('--json', 'print JSON', false)
    .action((o: { user: string; json: boolean }) =>
      h.withContext(async (ctx) => {
        const found = await findDuplicates(ctx.deps, await h.userIdByEmail(ctx.deps, o.user));
        const { pairs } = found;
        if (o.json) say(JSON.stringify(found, null, 2));
        else if (pairs.length === 0) say('No likely duplicates.');
        else {
          for (const p of pairs) {
            const who = (x: (typeof p)['a']) => `${x.displayName}${x.company ? ` (${x.company})` : ''} ${x.id}`;
            say(`${p.score.toFixed(2)}  ${who(p.a)}\n      ${who(p.b)}\n      ${p.reasons.join(', ')}`);
          }
          if (found.total > pairs.length) say(`${found.total} pairs in all; the best ${pairs.length} are listed.`);
        }
      }),
    );

  program
    .command('merge')
    .description('merge OTHER_ID into ID: ID keeps everything of both, OTHER_ID is deleted')
    .argument('<id>', 'the person kept')
    .argument('<otherId>', 'the person merged into it')
    .requiredOption('--user <email>')
    .action((id: string, otherId: string, o: { user: string }) =>
      h.withContext(async (ctx) => {
        const p = await mergePeople(ctx.deps, await h.userIdByEmail(ctx.deps, o.user), id, otherId);
        say(
          `Merged into ${p.name} (${p.id}): ${p.emails.length} emails, ${p.phones.length} phones, ${p.needs.length} needs, ${p.offers.length} offers, ${p.timeline.length} timeline entries, ${p.relationships.length} relationships.`,
        );
      }),
    );
}
