/** `rete jobs run-once`: run the due jobs once and exit (the server runs them continuously). */
import type { Command } from 'commander';
import type { CliHelpers } from '../../cli.ts';
import { say } from '../../lib/terminal.ts';
import { createJobWorker } from '../intros/intros.jobs.ts';

export function registerJobCommands(program: Command, h: CliHelpers): void {
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
