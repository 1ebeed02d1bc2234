import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { Db } from './db.ts';
import * as m0001 from './migrations/0001_init.ts';

/** Every migration, in order. Imported statically so a bundle or a test sees exactly these. */
const migrations: Record<string, Migration> = {
  '0001_init': m0001,
};

const provider: MigrationProvider = { getMigrations: () => Promise.resolve(migrations) };

export const LATEST_MIGRATION = Object.keys(migrations).sort().at(-1) ?? '';

function migrator(db: Db): Migrator {
  return new Migrator({ db, provider, migrationTableName: 'kysely_migration', migrationLockTableName: 'kysely_migration_lock' });
}

export async function migrateToLatest(db: Db): Promise<string[]> {
  const { error, results } = await migrator(db).migrateToLatest();
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
  const all = await migrator(db).getMigrations();
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
