/** `rete user create`: accounts from the command line (the first one is the admin). */
import { InvalidArgumentError, type Command } from 'commander';
import type { CliHelpers } from '../../cli.ts';
import { say } from '../../lib/terminal.ts';
import { createUser } from './auth.service.ts';
import { isLocale, type Locale } from '#shared/api/values.ts';

function locale(v: string): Locale {
  if (!isLocale(v)) throw new InvalidArgumentError('use it or en');
  return v;
}

export function registerAuthCommands(program: Command, h: CliHelpers): void {
  const user = program.command('user').description('accounts');
  user
    .command('create')
    .description('create an account (the first one is the admin)')
    .requiredOption('--email <email>')
    .requiredOption('--name <name>', 'display name')
    .option('--password <password>', 'password (or set RETE_PASSWORD in the environment of this command)')
    .option('--locale <it|en>', 'interface language', locale, 'it')
    .option('--admin', 'make the account an administrator', false)
    .action((o: { email: string; name: string; password?: string; locale: Locale; admin: boolean }) =>
      h.withContext(async (ctx) => {
        const password = o.password ?? ctx.config.cliPassword;
        if (!password) throw new Error('Give --password or set RETE_PASSWORD');
        const u = await createUser(
          ctx.deps,
          { email: o.email.trim().toLowerCase(), password, displayName: o.name, locale: o.locale, isAdmin: o.admin },
          'admin',
        );
        say(`Created ${u.email}${u.is_admin ? ' (admin)' : ''}`);
      }),
    );
}
