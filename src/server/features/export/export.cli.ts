/** `rete export`: all my contacts as vCard 4.0 or 3.0, CSV, or the complete JSON of the account. */
import fs from 'node:fs';
import { InvalidArgumentError, type Command } from 'commander';
import type { CliHelpers } from '../../cli.ts';
import { complain, say } from '../../lib/terminal.ts';
import { exportAccount, type ExportFormat } from './export.service.ts';
import { isLocale, type Locale } from '#shared/api/values.ts';

export function registerExportCommands(program: Command, h: CliHelpers): void {
  program
    .command('export')
    .description('export all my contacts: vCard 4.0, vCard 3.0, CSV (safe for spreadsheets) or the complete JSON of the account')
    .requiredOption('--user <email>')
    .requiredOption('--format <vcard|vcard3|csv|json>', 'what to write', exportFormat)
    .option('--out <file>', 'write to this file instead of standard output')
    .option('--lang <it|en>', "CSV: the header's language and separator (default: the account's)", csvLang)
    .action((o: { user: string; format: ExportFormat; out?: string; lang?: Locale }) =>
      h.withContext(async (ctx) => {
        const file = await exportAccount(ctx.deps, await h.userIdByEmail(ctx.deps, o.user), o.format, o.lang);
        if (o.out) {
          fs.writeFileSync(o.out, file.body);
          complain(`Wrote ${file.count} people to ${o.out}.`);
        } else if (process.stdout.isTTY) {
          // A file shown on a terminal: its line ends as lines, anything else a terminal obeys escaped.
          say(file.body.replace(/\r\n/g, '\n'));
        } else process.stdout.write(file.body);
      }),
    );
}

function csvLang(v: string): Locale {
  if (!isLocale(v)) throw new InvalidArgumentError('use it or en');
  return v;
}

function exportFormat(v: string): ExportFormat {
  if (v !== 'vcard' && v !== 'vcard3' && v !== 'csv' && v !== 'json')
    throw new InvalidArgumentError('use vcard, vcard3, csv or json');
  return v;
}
