import { Migrator, PostgresAdapter, sql, type Migration, type MigrationProvider } from 'kysely';
import type { Db } from './db.ts';
import * as m0001 from './migrations/0001_init.ts';
import * as m0002 from './migrations/0002_privacy.ts';
import * as m0003 from './migrations/0003_intros_ledger.ts';
import * as m0004 from './migrations/0004_mail_delivery.ts';
import * as m0009 from './migrations/0009_intro_asks.ts';
import * as m0010 from './migrations/0010_learning.ts';
import * as m0011 from './migrations/0011_routine.ts';

/** Every migration, in order. Imported statically so a bundle or a test sees exactly these. */
const migrations: Record<string, Migration> = {
  '0001_init': m0001,
  '0002_privacy': m0002,
  '0003_intros_ledger': m0003,
  '0004_mail_delivery': m0004,
  '0009_intro_asks': m0009,
  '0010_learning': m0010,
  '0011_routine': m0011,
};

const provider: MigrationProvider = { getMigrations: () => Promise.resolve(migrations) };

export const LATEST_MIGRATION = Object.keys(migrations).sort().at(-1) ?? '';

/**
 * On PostgreSQL the migration tables are pinned to the current schema: Kysely otherwise finds
 * them in any schema of the database and skips creating its own.
 */
async function migrator(db: Db): Promise<Migrator> {
  let migrationTableSchema: string | undefined;
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    const r = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
    migrationTableSchema = r.rows[0]?.schema;
  }
  return new Migrator({
    db,
    provider,
    migrationTableName: 'kysely_migration',
    migrationLockTableName: 'kysely_migration_lock',
    ...(migrationTableSchema ? { migrationTableSchema } : {}),
  });
}

/**
 * PostgreSQL's `invalid_schema_name`. Kysely looks for its migration tables by listing the tables
 * of every schema the role can use; a schema another client drops during that listing (another
 * tenant of the database, or a parallel test run) fails the listing, although nothing of ours is
 * wrong and nothing was migrated yet. Such a failure is worth another try.
 */
const INVALID_SCHEMA_NAME = '3F000';

function droppedElsewhere(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === INVALID_SCHEMA_NAME;
}

/** Runs `step` with a fresh migrator, again (up to five times) while it fails on another client's dropped schema. */
async function withMigrator<T>(db: Db, step: (m: Migrator) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await step(await migrator(db));
    } catch (error) {
      if (attempt >= 5 || !droppedElsewhere(error)) throw error;
    }
  }
}

export async function migrateToLatest(db: Db): Promise<string[]> {
  const { error, results } = await withMigrator(db, async (m) => {
    const outcome = await m.migrateToLatest();
    // Kysely reports failures instead of throwing them: one before anything ran is worth a retry.
    if (droppedElsewhere(outcome.error) && !outcome.results?.length) throw outcome.error;
    return outcome;
  }).catch((error: unknown) => ({ error, results: undefined }));
  if (error) {
    const reason = error instanceof Error ? error.message : JSON.stringify(error);
    throw new Error(`Database migration failed: ${reason}`);
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

export interface MigrationState {
  applied: string[];
  pending: string[];
  /** Names the database has that this code does not know: a newer version wrote it. */
  unknown: string[];
}

export async function migrationState(db: Db): Promise<MigrationState> {
  const all = await withMigrator(db, (m) => m.getMigrations());
  const known = new Set(Object.keys(migrations));
  const appliedNames = await db
    .selectFrom('kysely_migration')
    .select('name')
    .execute()
    .then((rows) => rows.map((r) => r.name))
    .catch(() => [] as string[]);
  return {
    applied: all.filter((m) => m.executedAt !== undefined).map((m) => m.name),
    pending: all.filter((m) => m.executedAt === undefined).map((m) => m.name),
    unknown: appliedNames.filter((n) => !known.has(n)),
  };
}
