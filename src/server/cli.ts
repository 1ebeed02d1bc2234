import { Command, InvalidArgumentError } from 'commander';
import { isLocale, type Locale } from '#shared/api/values.ts';
import { loadConfig, type Config } from './config.ts';
import { openDatabase, type DbHandle } from './db/db.ts';
import { migrateToLatest } from './db/migrate.ts';
import { findUserByEmail } from './features/auth/auth.repo.ts';
import { createUser } from './features/auth/auth.service.ts';
import { backupSqlite, restoreSqlite } from './features/backup/backup.service.ts';
import { loadDemo, removeDemo } from './features/demo/demo.service.ts';
import { createToken } from './features/tokens/tokens.service.ts';
import { startServer, stopOnSignals } from './server.ts';
import { createNetworkCache, type AppDeps } from './app.ts';
import type { Helper, ValueFinder as ValueFinderBody } from '#shared/api/matching.ts';
import { evalMatching, formatTable } from './features/matching/eval.ts';
import { matchText, valueFinder } from './features/matching/matching.service.ts';
import { listPeople } from './features/people/people.service.ts';
import { commitImport, previewImport, type ImportFormat } from './features/import/import.service.ts';
import { exportAccount, type ExportFormat } from './features/export/export.service.ts';
import { findDuplicates } from './features/duplicates/duplicates.service.ts';
import { mergePeople } from './features/duplicates/merge.service.ts';
import { deleteAccount, erasePerson } from './features/privacy/privacy.service.ts';
import { registerGivingCommands } from './features/ledger/giving.cli.ts';
import { registerLearningCommands } from './features/learning/learning.cli.ts';
import fs from 'node:fs';
import { complain, say } from './lib/terminal.ts';

/** The CLI is a second entry point of the server: it calls the same services, not the HTTP API. */
interface Context {
  config: Config;
  handle: DbHandle;
  deps: AppDeps;
}

async function withContext<T>(fn: (ctx: Context) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const handle = openDatabase(config.database);
  try {
    await migrateToLatest(handle.db);
    const deps: AppDeps = {
      db: handle.db,
      dialect: handle.dialect,
      config,
      now: () => new Date(),
      network: createNetworkCache(handle.db),
    };
    return await fn({ config, handle, deps });
  } finally {
    await handle.close();
  }
}

async function userIdByEmail(ctx: Context, email: string): Promise<string> {
  const u = await findUserByEmail(ctx.deps.db, email.trim().toLowerCase());
  if (!u) throw new Error(`No account with email ${email}`);
  return u.id;
}

function locale(v: string): Locale {
  if (!isLocale(v)) throw new InvalidArgumentError('use it or en');
  return v;
}

export function buildCli(): Command {
  const program = new Command('rete').description(
    'Rete: give-first networking. Settings come from environment variables (see README).',
  );
  program.showHelpAfterError();

  program
    .command('serve')
    .description('run the web server (migrates the database first)')
    .action(async () => {
      const config = loadConfig();
      const server = await startServer(config);
      stopOnSignals(server, config.shutdownGraceMs);
      server.app.log.info(`Rete is listening on ${server.url}`);
    });

  const db = program.command('db').description('database maintenance');
  db.command('migrate')
    .description('apply pending migrations')
    .action(() =>
      withContext(async (ctx) => {
        const done = await migrateToLatest(ctx.handle.db);
        say(done.length === 0 ? 'The database is up to date.' : `Applied: ${done.join(', ')}`);
      }),
    );

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
      withContext(async (ctx) => {
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

  const token = program.command('token').description('personal API tokens');
  token
    .command('create')
    .description('create an API token and print it (shown only once)')
    .requiredOption('--user <email>')
    .option('--name <name>', 'what the token is for', 'cli')
    .action((o: { user: string; name: string }) =>
      withContext(async (ctx) => {
        const t = await createToken(ctx.deps, await userIdByEmail(ctx, o.user), o.name);
        say(t.secret);
      }),
    );

  program
    .command('demo')
    .description('load a demo network (about 75 people) into an empty account, or remove it with --remove')
    .requiredOption('--user <email>')
    .option('--remove', 'remove the demo network: its people and everything that refers to them')
    .action((o: { user: string; remove?: boolean }) =>
      withContext(async (ctx) => {
        const owner = await userIdByEmail(ctx, o.user);
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

  program
    .command('backup')
    .description('write a consistent copy of the SQLite database to FILE (safe while the server runs)')
    .argument('<file>')
    .action(async (file: string) => {
      const r = await backupSqlite(loadConfig(), file);
      say(`Backup written to ${file} (${r.bytes} bytes).`);
    });

  program
    .command('restore')
    .description('replace the SQLite database with a backup FILE (stop the server first)')
    .argument('<file>')
    .action(async (file: string) => {
      const config = loadConfig();
      await restoreSqlite(config, file);
      const handle = openDatabase(config.database);
      try {
        const applied = await migrateToLatest(handle.db);
        say(`Restored ${file}${applied.length ? `; migrated forward: ${applied.join(', ')}` : ''}.`);
      } finally {
        await handle.close();
      }
    });

  program
    .command('match')
    .description('"I need…": who in my network can help with a need, with reasons and paths')
    .argument('<text>', 'the need, in Italian or English')
    .requiredOption('--user <email>')
    .option('--limit <n>', 'how many', (v) => Number.parseInt(v, 10), 10)
    .option('--json', 'print JSON', false)
    .action((text: string, o: { user: string; limit: number; json: boolean }) =>
      withContext(async (ctx) => {
        const results = await matchText(ctx.deps, await userIdByEmail(ctx, o.user), text, o.limit);
        if (o.json) say(JSON.stringify(results, null, 2));
        else
          say(
            results.shown > 0
              ? results.items
                  .slice(0, results.shown)
                  .map((h, i) => formatHelper(h, i))
                  .join('\n')
              : 'Nobody in your network fits, yet. Ask your contacts whether they know someone.',
          );
      }),
    );

  program
    .command('help-for')
    .description('the Value Finder for a person: how I can help, who else can, who needs what they offer')
    .argument('<person>', 'a person id, or words of their name')
    .requiredOption('--user <email>')
    .option('--json', 'print JSON', false)
    .action((person: string, o: { user: string; json: boolean }) =>
      withContext(async (ctx) => {
        const owner = await userIdByEmail(ctx, o.user);
        const personId = await resolvePerson(ctx, owner, person);
        const vf = await valueFinder(ctx.deps, owner, personId);
        say(o.json ? JSON.stringify(vf, null, 2) : formatValueFinder(vf));
      }),
    );

  program
    .command('import')
    .description('import contacts from a vCard, LinkedIn, Google or other CSV file; matching people are merged')
    .argument('<file>')
    .requiredOption('--user <email>')
    .option('--format <vcard|linkedin|google|csv|json>', 'force the format (detected otherwise)', importFormat)
    .option('--dry-run', 'print the preview and write nothing', false)
    .option('--json', 'print the preview or the result as JSON, with the parsed people', false)
    .action((file: string, o: { user: string; format?: ImportFormat; dryRun: boolean; json: boolean }) =>
      withContext(async (ctx) => {
        const owner = await userIdByEmail(ctx, o.user);
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

  program
    .command('export')
    .description('export all my contacts: vCard 4.0, vCard 3.0, CSV (safe for spreadsheets) or the complete JSON of the account')
    .requiredOption('--user <email>')
    .requiredOption('--format <vcard|vcard3|csv|json>', 'what to write', exportFormat)
    .option('--out <file>', 'write to this file instead of standard output')
    .option('--lang <it|en>', "CSV: the header's language and separator (default: the account's)", csvLang)
    .action((o: { user: string; format: ExportFormat; out?: string; lang?: Locale }) =>
      withContext(async (ctx) => {
        const file = await exportAccount(ctx.deps, await userIdByEmail(ctx, o.user), o.format, o.lang);
        if (o.out) {
          fs.writeFileSync(o.out, file.body);
          complain(`Wrote ${file.count} people to ${o.out}.`);
        } else if (process.stdout.isTTY) {
          // A file shown on a terminal: its line ends as lines, anything else a terminal obeys escaped.
          say(file.body.replace(/\r\n/g, '\n'));
        } else process.stdout.write(file.body);
      }),
    );

  program
    .command('duplicates')
    .description('likely duplicates in my network, best first (same email, phone or LinkedIn URL, alike names and companies)')
    .requiredOption('--user <email>')
    .option('--json', 'print JSON', false)
    .action((o: { user: string; json: boolean }) =>
      withContext(async (ctx) => {
        const found = await findDuplicates(ctx.deps, await userIdByEmail(ctx, o.user));
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
      withContext(async (ctx) => {
        const p = await mergePeople(ctx.deps, await userIdByEmail(ctx, o.user), id, otherId);
        say(
          `Merged into ${p.name} (${p.id}): ${p.emails.length} emails, ${p.phones.length} phones, ${p.needs.length} needs, ${p.offers.length} offers, ${p.timeline.length} timeline entries, ${p.relationships.length} relationships.`,
        );
      }),
    );

  program
    .command('erase')
    .description('erase a person everywhere (GDPR art. 17); with --suppress, later imports skip them')
    .argument('<personId>')
    .requiredOption('--user <email>')
    .option('--suppress', 'keep a suppression entry (hashes of email, phone, LinkedIn URL; never the name)', false)
    .option('--reason <text>', 'a note of yours for the suppression entry')
    .action((personId: string, o: { user: string; suppress: boolean; reason?: string }) =>
      withContext(async (ctx) => {
        const r = await erasePerson(ctx.deps, await userIdByEmail(ctx, o.user), personId, {
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
      withContext(async (ctx) => {
        const password = ctx.config.cliPassword;
        if (!password) throw new Error("Set RETE_PASSWORD to the account's password");
        await deleteAccount(ctx.deps, await userIdByEmail(ctx, o.user), password);
        say(`Deleted the account ${o.user} and everything it owned.`);
      }),
    );

  const evalCmd = program.command('eval').description('quality measurements');
  evalCmd
    .command('matching')
    .description("rank a split's profiles for each ask and print recall@5, MRR, nDCG@5, P@shown and noise")
    .requiredOption('--split <dir>', 'folder with profiles.jsonl and asks.jsonl')
    .requiredOption('--out <file>', 'where to write the rankings (JSON lines)')
    .option('--no-offers', 'load every profile without its offers (people known only by their role)')
    .action(async (o: { split: string; out: string; offers: boolean }) => {
      const r = await evalMatching(o.split, o.out, { noOffers: !o.offers });
      say(`Ranked ${r.asks} asks in ${(r.ms / 1000).toFixed(1)} s; rankings in ${o.out}`);
      if (r.rows.length || r.noanswer) say(formatTable(r.rows, r.noanswer));
    });

  registerLearningCommands(program, {
    withDeps: (fn) => withContext((ctx) => fn(ctx.deps)),
    userIdByEmail: (deps, email) => withUser(deps, email),
  });

  registerGivingCommands(program, {
    withDeps: (fn) => withContext((ctx) => fn(ctx.deps)),
    userIdByEmail: async (deps, email) => {
      const u = await findUserByEmail(deps.db, email.trim().toLowerCase());
      if (!u) throw new Error(`No account with email ${email}`);
      return u.id;
    },
  });

  return program;
}

async function withUser(deps: AppDeps, email: string): Promise<string> {
  const u = await findUserByEmail(deps.db, email.trim().toLowerCase());
  if (!u) throw new Error(`No account with email ${email}`);
  return u.id;
}

async function resolvePerson(ctx: Context, ownerId: string, ref: string): Promise<string> {
  if (/^[0-9a-f-]{36}$/i.test(ref)) return ref;
  const page = await listPeople(ctx.deps, ownerId, { q: ref, limit: 2 });
  const first = page.items[0];
  if (!first) throw new Error(`Nobody in your network matches "${ref}"`);
  if (page.items.length > 1) complain(`Several people match "${ref}"; showing ${first.name}.`);
  return first.id;
}

function importFormat(v: string): ImportFormat {
  if (v !== 'vcard' && v !== 'linkedin' && v !== 'google' && v !== 'csv' && v !== 'json')
    throw new InvalidArgumentError('use vcard, linkedin, google, csv or json');
  return v;
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

function formatPath(p: Helper['path']): string {
  switch (p.kind) {
    case 'self':
      return 'it is you';
    case 'direct':
      return `direct contact${p.strength ? `, tie ${p.strength}/3` : ''}${p.lastInteractionAt ? `, last seen ${p.lastInteractionAt.slice(0, 10)}` : ''}`;
    case 'via':
      return `through ${p.via.map((v) => `${v.name} (knows them ${v.theirStrength}/3)`).join(' or ')}`;
    case 'none':
      return 'in your network, no recorded tie';
  }
}

function formatReasons(h: { reasons: Helper['reasons'] }): string {
  return h.reasons
    .slice(0, 3)
    .map((r) => {
      const role = r.source === 'role' ? ', from the role' : '';
      if (r.kind === 'place') return `${r.offerText}${r.km !== null ? `, ${r.km} km from ${r.needText}` : ''}`;
      return r.kind === 'concept'
        ? `${r.labelEn}: '${r.needText}' ↔ '${r.offerText}'${role}`
        : `'${r.needText}' ↔ '${r.offerText}'${role}`;
    })
    .join('; ');
}

function formatHelper(h: Helper, i: number): string {
  const who = [h.person.name, h.person.role, h.person.city].filter(Boolean).join(', ');
  const what = h.offer ? `offers: ${h.offer.text}` : `known as: ${[h.person.role, h.person.company].filter(Boolean).join(', ')}`;
  return `${i + 1}. ${who}\n   ${what}\n   why: ${formatReasons(h)}\n   path: ${formatPath(h.path)}`;
}

function formatValueFinder(vf: ValueFinderBody): string {
  const out: string[] = [`# ${vf.person.name}`];
  for (const n of vf.needs) {
    out.push(`\nNeeds: ${n.need.text}`);
    for (const m of n.mine) out.push(`  you can help — ${m.offer?.text ?? ''} (${formatReasons(m)})`);
    n.network.forEach((h, i) => out.push(`  ${formatHelper(h, i).replace(/\n/g, '\n  ')}`));
    if (n.mine.length + n.network.length === 0) out.push('  nobody in your network fits, yet');
  }
  for (const o of vf.offers) {
    out.push(`\nOffers: ${o.offer.text}`);
    for (const s of o.seekers) out.push(`  ${s.person.name} needs: ${s.need.text} — path: ${formatPath(s.path)}`);
    if (o.seekers.length === 0) out.push('  nobody in your network needs this right now');
  }
  return out.join('\n');
}

export async function runCli(argv: string[]): Promise<void> {
  try {
    await buildCli().parseAsync(argv);
  } catch (err: unknown) {
    complain(`Error: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  }
}

if (process.argv[1] && /cli\.ts$/.test(process.argv[1])) await runCli(process.argv);
