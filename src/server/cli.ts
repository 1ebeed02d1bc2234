import { Command, InvalidArgumentError } from 'commander';
import { loadConfig, type Config } from './config.ts';
import { openDatabase, type DbHandle } from './db/db.ts';
import { migrateToLatest } from './db/migrate.ts';
import { findUserByEmail } from './features/auth/auth.repo.ts';
import { createUser } from './features/auth/auth.service.ts';
import { backupSqlite, restoreSqlite } from './features/backup/backup.service.ts';
import { loadDemo } from './features/demo/demo.service.ts';
import { createToken } from './features/tokens/tokens.service.ts';
import { startServer, stopOnSignals } from './server.ts';
import { createNetworkCache, type AppDeps } from './app.ts';

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

function locale(v: string): 'it' | 'en' {
  if (v !== 'it' && v !== 'en') throw new InvalidArgumentError('use it or en');
  return v;
}

export function buildCli(): Command {
  const program = new Command('rete').description('Rete: give-first networking. Settings come from environment variables (see README).');
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
        console.log(done.length === 0 ? 'The database is up to date.' : `Applied: ${done.join(', ')}`);
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
    .action((o: { email: string; name: string; password?: string; locale: 'it' | 'en'; admin: boolean }) =>
      withContext(async (ctx) => {
        const password = o.password ?? ctx.config.cliPassword;
        if (!password) throw new Error('Give --password or set RETE_PASSWORD');
        const u = await createUser(
          ctx.deps,
          { email: o.email.trim().toLowerCase(), password, displayName: o.name, locale: o.locale, isAdmin: o.admin },
          'admin',
        );
        console.log(`Created ${u.email}${u.is_admin ? ' (admin)' : ''}`);
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
        console.log(t.secret);
      }),
    );

  program
    .command('demo')
    .description('load a demo network (about 70 people) into an account')
    .requiredOption('--user <email>')
    .action((o: { user: string }) =>
      withContext(async (ctx) => {
        const r = await loadDemo(ctx.deps, await userIdByEmail(ctx, o.user));
        console.log(`Loaded ${r.people} people, ${r.relationships} relationships.`);
      }),
    );

  program
    .command('backup')
    .description('write a consistent copy of the SQLite database to FILE (safe while the server runs)')
    .argument('<file>')
    .action(async (file: string) => {
      const r = await backupSqlite(loadConfig(), file);
      console.log(`Backup written to ${file} (${r.bytes} bytes).`);
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
        console.log(`Restored ${file}${applied.length ? `; migrated forward: ${applied.join(', ')}` : ''}.`);
      } finally {
        await handle.close();
      }
    });

  return program;
}

export async function runCli(argv: string[]): Promise<void> {
  try {
    await buildCli().parseAsync(argv);
  } catch (err: unknown) {
    console.error(`Error: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  }
}

if (process.argv[1] && /cli\.ts$/.test(process.argv[1])) await runCli(process.argv);
