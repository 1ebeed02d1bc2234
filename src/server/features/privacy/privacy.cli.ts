/** `rete erase` (a person, everywhere) and `rete account delete` (an account and everything it owns). */
import type { Command } from 'commander';
import type { CliHelpers } from '../../cli.ts';
import { say } from '../../lib/terminal.ts';
import { deleteAccount, erasePerson } from './privacy.service.ts';

export function registerPrivacyCommands(program: Command, h: CliHelpers): void {
  program
    .command('erase')
    .description('erase a person everywhere (GDPR art. 17); with --suppress, later imports skip them')
    .argument('<personId>')
    .requiredOption('--user <email>')
    .option('--suppress', 'keep a suppression entry (hashes of email, phone, LinkedIn URL; never the name)', false)
    .option('--reason <text>', 'a note of yours for the suppression entry')
    .action((personId: string, o: { user: string; suppress: boolean; reason?: string }) =>
      h.withContext(async (ctx) => {
        const r = await erasePerson(ctx.deps, await h.userIdByEmail(ctx.deps, o.user), personId, {
          suppress: o.suppress,
          reason: o.reason,
        });
        say(r.suppressionId ? `Erased; suppression entry ${r.suppressionId}.` : 'Erased.');
      }),
    );

  const account = program.command('account').description('my account');
  account
    .command('delete')
    .description('delete an account and everything it owns; the password comes from RETE_PASSWORD')
    .requiredOption('--user <email>')
    .action((o: { user: string }) =>
      h.withContext(async (ctx) => {
        const password = ctx.config.cliPassword;
        if (!password) throw new Error("Set RETE_PASSWORD to the account's password");
        await deleteAccount(ctx.deps, await h.userIdByEmail(ctx.deps, o.user), password);
        say(`Deleted the account ${o.user} and everything it owned.`);
      }),
    );
}
