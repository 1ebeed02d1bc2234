/** `rete demo`: load the demo network into an empty account, or remove it. */
import type { Command } from 'commander';
import type { CliHelpers } from '../../cli.ts';
import { say } from '../../lib/terminal.ts';
import { loadDemo, removeDemo } from './demo.service.ts';

export function registerDemoCommands(program: Command, h: CliHelpers): void {
  program
    .command('demo')
    .description('load a demo network (about 75 people) into an empty account, or remove it with --remove')
    .requiredOption('--user <email>')
    .option('--remove', 'remove the demo network: its people and everything that refers to them')
    .action((o: { user: string; remove?: boolean }) =>
      h.withContext(async (ctx) => {
        const owner = await h.userIdByEmail(ctx.deps, o.user);
        if (o.remove) {
          const r = await removeDemo(ctx.deps, owner);
          say(
            r.people === 0
              ? 'There is no demo network in this account.'
              : `Removed ${r.people} demo people, ${r.intros} introductions, ${r.messages} emails, ${r.gives} gives and ${r.received} business received.`,
          );
          return;
        }
        const r = await loadDemo(ctx.deps, owner);
        say(`Loaded ${r.people} people, ${r.relationships} relationships, ${r.gives} gives.`);
      }),
    );
}
