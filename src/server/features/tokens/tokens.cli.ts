/** `rete token create`: a personal API token, printed once. */
import type { Command } from 'commander';
import type { CliHelpers } from '../../cli.ts';
import { say } from '../../lib/terminal.ts';
import { createToken } from './tokens.service.ts';

export function registerTokenCommands(program: Command, h: CliHelpers): void {
  const token = program.command('token').description('personal API tokens');
  token
    .command('create')
    .description('create an API token and print it (shown only once)')
    .requiredOption('--user <email>')
    .option('--name <name>', 'what the token is for', 'cli')
    .action((o: { user: string; name: string }) =>
      h.withContext(async (ctx) => {
        const t = await createToken(ctx.deps, await h.userIdByEmail(ctx.deps, o.user), o.name);
        say(t.secret);
      }),
    );
}
