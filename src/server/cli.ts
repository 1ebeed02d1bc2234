import { Command } from 'commander';
import { loadConfig, type Config } from './config.ts';
import { openDatabase, type DbHandle } from './db/db.ts';
import { migrateToLatest } from './db/migrate.ts';
import { createNetworkCache, type AppDeps } from './deps.ts';
import { registerAuthCommands } from './features/auth/auth.cli.ts';
import { findUserByEmail } from './features/auth/auth.repo.ts';
import { registerBackupCommands } from './features/backup/backup.cli.ts';
import { registerDemoCommands } from './features/demo/demo.cli.ts';
import { registerDuplicatesCommands } from './features/duplicates/duplicates.cli.ts';
import { registerExportCommands } from './features/export/export.cli.ts';
import { registerImportCommands } from './features/import/import.cli.ts';
import { registerIntroCommands } from './features/intros/intros.cli.ts';
import { registerJobCommands } from './features/jobs/jobs.cli.ts';
import { registerLearningCommands } from './features/learning/learning.cli.ts';
import { registerLedgerCommands } from './features/ledger/ledger.cli.ts';
import { registerEvalCommands, registerMatchingCommands } from './features/matching/matching.cli.ts';
import { registerOutboxCommands } from './features/outbox/outbox.cli.ts';
import { listPeople } from './features/people/people.service.ts';
import { registerPrivacyCommands } from './features/privacy/privacy.cli.ts';
import { registerRoutineCommands } from './features/routine/routine.cli.ts';
import { registerTokenCommands } from './features/tokens/tokens.cli.ts';
import { AppError } from './lib/errors.ts';
import { complain, say } from './lib/terminal.ts';
import { startServer, stopOnSignals } from './server.ts';

/**
 * The CLI is a second entry point of the server: it calls the same services, not the HTTP API.
 * Each feature registers its commands from its own `<feature>.cli.ts`; this file sets up the
 * program, opens the database for a command and holds the helpers the commands share.
 */
export interface Context {
  config: Config;
  handle: DbHandle;
  deps: AppDeps;
}

/** What a feature's `register…Commands` is given. */
export interface CliHelpers {
  /** Runs with the database open and migrated. */
  withContext<T>(fn: (ctx: Context) => Promise<T>): Promise<T>;
  /** The same, for a command that needs only the dependencies. */
  withDeps<T>(fn: (deps: AppDeps) => Promise<T>): Promise<T>;
  userIdByEmail(deps: AppDeps, email: string): Promise<string>;
  /** A person id, `me`, or words of a name that match exactly one contact. */
  uniquePerson(deps: AppDeps, ownerId: string, ref: string): Promise<string>;
  /** Service errors as one readable line. */
  friendly<T>(p: Promise<T>): Promise<T>;
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

async function userIdByEmail(deps: AppDeps, email: string): Promise<string> {
  const u = await findUserByEmail(deps.db, email.trim().toLowerCase());
  if (!u) throw new Error(`No account with email ${email}`);
  return u.id;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A person id, `me`, or words of a name that match exactly one contact. */
async function uniquePerson(deps: AppDeps, ownerId: string, ref: string): Promise<string> {
  if (ref === 'me' || UUID.test(ref)) return ref;
  const page = await listPeople(deps, ownerId, { q: ref, limit: 5 });
  const first = page.items[0];
  if (!first) throw new Error(`Nobody in your network matches "${ref}"`);
  if (page.items.length > 1) {
    const exact = page.items.filter((p) => p.name.toLowerCase() === ref.trim().toLowerCase());
    if (exact.length === 1 && exact[0]) return exact[0].id;
    throw new Error(`"${ref}" matches several people (${page.items.map((p) => `${p.name} ${p.id}`).join(', ')}); use an id`);
  }
  return first.id;
}

/** Service errors as one readable line. */
async function friendly<T>(p: Promise<T>): Promise<T> {
  try {
    return await p;
  } catch (err) {
    if (err instanceof AppError) {
      const details = err.details?.map((d) => `${d.path}: ${d.message}`).join('; ');
      throw new Error(details ? `${err.message} (${details})` : err.message, { cause: err });
    }
    throw err;
  }
}

const helpers: CliHelpers = {
  withContext,
  withDeps: (fn) => withContext((ctx) => fn(ctx.deps)),
  userIdByEmail,
  uniquePerson,
  friendly,
};

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

  // In the order `rete --help` lists them.
  registerAuthCommands(program, helpers);
  registerTokenCommands(program, helpers);
  registerDemoCommands(program, helpers);
  registerBackupCommands(program);
  registerMatchingCommands(program, helpers);
  registerImportCommands(program, helpers);
  registerExportCommands(program, helpers);
  registerDuplicatesCommands(program, helpers);
  registerPrivacyCommands(program, helpers);
  registerEvalCommands(program);
  registerLearningCommands(program, helpers);
  registerIntroCommands(program, helpers);
  registerLedgerCommands(program, helpers);
  registerOutboxCommands(program, helpers);
  registerJobCommands(program, helpers);
  registerRoutineCommands(program, helpers);

  return program;
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
