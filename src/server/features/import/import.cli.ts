/** `rete import`: contacts from a vCard, LinkedIn, Google or other CSV file, or a JSON export. */
import fs from 'node:fs';
import { InvalidArgumentError, type Command } from 'commander';
import type { CliHelpers } from '../../cli.ts';
import { say } from '../../lib/terminal.ts';
import { commitImport, previewImport, type ImportFormat } from './import.service.ts';

export function registerImportCommands(program: Command, h: CliHelpers): void {
  program
    .command('import')
    .description('import contacts from a vCard, LinkedIn, Google or other CSV file; matching people are merged')
    .argument('<file>')
    .requiredOption('--user <email>')
    .option('--format <vcard|linkedin|google|csv|json>', 'force the format (detected otherwise)', importFormat)
    .option('--dry-run', 'print the preview and write nothing', false)
    .option('--json', 'print the preview or the result as JSON, with the parsed people', false)
    .action((file: string, o: { user: string; format?: ImportFormat; dryRun: boolean; json: boolean }) =>
      h.withContext(async (ctx) => {
        const owner = await h.userIdByEmail(ctx.deps, o.user);
        const bytes = fs.readFileSync(file);
        const opts = o.format ? { format: o.format } : {};
        if (o.dryRun) {
          const p = await previewImport(ctx.deps, owner, bytes, { ...opts, people: o.json });
          say(o.json ? JSON.stringify(p, null, 2) : formatImport('Would create', 'would merge', p));
          return;
        }
        const phases = { parse: 'Reading', match: 'Matching', write: 'Writing' } as const;
        const progress =
          !o.json && process.stderr.isTTY
            ? (e: { phase: keyof typeof phases; done: number; total: number }) =>
                void process.stderr.write(
                  `\r${phases[e.phase]} ${e.phase === 'parse' ? `${Math.round(e.done / 1024)}/${Math.round(e.total / 1024)} KB` : `${e.done}/${e.total}`}…\u001b[K`,
                )
            : undefined;
        const r = await commitImport(ctx.deps, owner, bytes, { ...opts, chunkSize: 500, onEvent: progress, people: o.json });
        if (progress) process.stderr.write('\n');
        say(o.json ? JSON.stringify(r, null, 2) : formatImport('Created', 'merged', r));
      }),
    );
}

function importFormat(v: string): ImportFormat {
  if (v !== 'vcard' && v !== 'linkedin' && v !== 'google' && v !== 'csv' && v !== 'json')
    throw new InvalidArgumentError('use vcard, linkedin, google, csv or json');
  return v;
}

function formatImport(
  created: string,
  merged: string,
  r: {
    format: string;
    encoding: string;
    contacts: number;
    toCreate: number;
    toMerge: number;
    unchanged: number;
    duplicatesInFile: number;
    joinedRecords: number;
    joinedPeople: number;
    problems: Array<{ line: number; reason: string; severity: string }>;
  },
): string {
  const out = [
    `Read ${r.contacts} contacts (${r.format}, ${r.encoding}).`,
    `${created} ${r.toCreate} people, ${merged} ${r.toMerge}; ${r.unchanged} already up to date; ${r.duplicatesInFile} duplicates within the file.`,
  ];
  if (r.joinedRecords > 0)
    out.push(
      `${r.joinedRecords} ${r.joinedRecords === 1 ? 'record joins' : 'records join'} ${r.joinedPeople} people already in your network: each set is one person${created === 'Created' ? ', merged' : ', to be merged'}.`,
    );
  if (r.problems.length) {
    out.push(`${r.problems.length} problems:`);
    for (const p of r.problems) out.push(`  line ${p.line}: ${p.reason}${p.severity === 'skipped' ? ' (skipped)' : ''}`);
  }
  return out.join('\n');
}
