/**
 * `rete digest send --user EMAIL [--dry-run]`: this week's digest of a user now (unless it was sent
 * already), or, with `--dry-run`, its text only. Calls the services, not the HTTP API.
 */
import type { Command } from 'commander';
import type { CliHelpers } from '../../cli.ts';
import { say } from '../../lib/terminal.ts';
import { sendDigestNow } from './digest.service.ts';

export function registerDigestCommands(program: Command, h: CliHelpers): void {
  const digest = program.command('digest').description('the weekly digest email');
  digest
    .command('send')
    .description("queue this week's digest of a user now, unless it was sent already (the job worker sends it)")
    .requiredOption('--user <email>', 'the account')
    .option('--dry-run', 'print the digest instead of queueing it')
    .action((opts: { user: string; dryRun?: boolean }) =>
      h.withDeps(async (deps) => {
        const userId = await h.userIdByEmail(deps, opts.user);
        const r = await h.friendly(sendDigestNow(deps, userId, { dryRun: opts.dryRun === true }));
        switch (r.status) {
          case 'dry-run':
            say(`Subject: ${r.digest.subject}\n\n${r.digest.text}`);
            break;
          case 'queued':
            say(`Queued the digest of the week of ${r.week}: the job worker sends it (or run \`rete jobs run-once\`).`);
            break;
          case 'already':
            say(`The digest of the week of ${r.week} was sent already: nothing queued.`);
            break;
          case 'off':
            say('The weekly digest is off for this account (it is opt-in): nothing queued. Turn it on in Settings.');
            process.exitCode = 1;
            break;
        }
      }),
    );
}
