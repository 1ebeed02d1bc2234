/**
 * Migrations on each dialect: an empty database reaches the latest version, a second run changes
 * nothing, and every table the code declares (the Database interface of db/schema.ts) exists.
 */
import fs from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/config.ts';
import { LATEST_MIGRATION, migrateToLatest, migrationState } from '../src/server/db/migrate.ts';
import { createTestDb, dialects, type TestDb } from './helpers/testDb.ts';

/** The keys of `export interface Database { ... }` in schema.ts: the tables the code expects. */
function declaredTables(): string[] {
  const source = fs.readFileSync(new URL('../src/server/db/schema.ts', import.meta.url), 'utf8');
  const block = /export interface Database \{([^}]*)\}/.exec(source)?.[1];
  if (!block) throw new Error('no Database interface in schema.ts');
  return [...block.matchAll(/^\s*([a-z_][a-z0-9_]*)\s*:/gm)].map((m) => m[1] as string).sort();
}

async function tablesIn(db: TestDb): Promise<string[]> {
  const rows =
    db.dialect === 'sqlite'
      ? await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(
          db.handle.db,
        )
      : await sql<{
          name: string;
        }>`select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(
          db.handle.db,
        );
  return rows.rows.map((r) => r.name).sort();
}

describe.each(dialects())('migrations on %s', (dialect) => {
  let db: TestDb;

  beforeAll(async () => {
    db = await createTestDb(dialect, { migrate: false });
  });
  afterAll(async () => db.destroy());

  it('starts from an empty database with every migration pending, and health says so (503)', async () => {
    expect(await tablesIn(db)).toEqual([]);
    const state = await migrationState(db.handle.db);
    expect(state.applied).toEqual([]);
    expect(state.pending.at(-1)).toBe(LATEST_MIGRATION);

    const { app } = await buildApp({ db: db.handle.db, dialect, config: loadConfig({ NODE_ENV: 'test' }) });
    try {
      const res = await app.inject({ method: 'GET', url: '/healthz' });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toEqual({ status: 'error', database: dialect, migrations: { current: false, pending: state.pending } });
    } finally {
      await app.close();
    }
  });

  it('migrates to the latest version, and a second run is a no-op', async () => {
    const pending = (await migrationState(db.handle.db)).pending;
    expect(await migrateToLatest(db.handle.db)).toEqual(pending);
    const after = await migrationState(db.handle.db);
    expect(after.pending).toEqual([]);
    expect(after.unknown).toEqual([]);
    expect(after.applied.at(-1)).toBe(LATEST_MIGRATION);

    const tables = await tablesIn(db);
    const counts = async () =>
      Promise.all(
        tables.map(
          async (t) => (await sql<{ n: number }>`select count(*) as n from ${sql.table(t)}`.execute(db.handle.db)).rows[0]?.n,
        ),
      );
    const before = await counts();
    expect(await migrateToLatest(db.handle.db)).toEqual([]);
    expect(await tablesIn(db)).toEqual(tables);
    expect(await counts()).toEqual(before);
    expect((await migrationState(db.handle.db)).applied).toEqual(after.applied);
  });

  it('creates every table of the Database interface, and no undeclared ones', async () => {
    const declared = declaredTables();
    expect(declared).toEqual(expect.arrayContaining(['users', 'sessions', 'api_tokens', 'people', 'needs', 'offers']));
    const actual = await tablesIn(db);
    expect(
      declared.filter((t) => !actual.includes(t)),
      'declared in schema.ts but missing from the database',
    ).toEqual([]);
    // Kysely's lock table is the migrator's own, not part of the application schema.
    expect(
      actual.filter((t) => !declared.includes(t) && t !== 'kysely_migration_lock'),
      'in the database but not declared',
    ).toEqual([]);
  });

  it('has every column the Database interface declares, for each table', async () => {
    const source = fs.readFileSync(new URL('../src/server/db/schema.ts', import.meta.url), 'utf8');
    const ifaceOf = new Map(
      [...(/export interface Database \{([^}]*)\}/.exec(source)?.[1] ?? '').matchAll(/^\s*([a-z_]+)\s*:\s*(\w+)/gm)].map((m) => [
        m[1] as string,
        m[2] as string,
      ]),
    );
    for (const [table, iface] of ifaceOf) {
      const body = new RegExp(`export interface ${iface} \\{([^}]*)\\}`).exec(source)?.[1];
      expect(body, `interface ${iface}`).toBeDefined();
      const declaredCols = [...(body ?? '').matchAll(/^\s*([a-z_][a-z0-9_]*)\s*:/gm)].map((m) => m[1] as string).sort();
      const actualCols =
        dialect === 'sqlite'
          ? (await sql<{ name: string }>`select name from pragma_table_info(${table})`.execute(db.handle.db)).rows
              .map((r) => r.name)
              .sort()
          : (
              await sql<{
                name: string;
              }>`select column_name as name from information_schema.columns where table_schema = current_schema() and table_name = ${table}`.execute(
                db.handle.db,
              )
            ).rows
              .map((r) => r.name)
              .sort();
      expect(actualCols, table).toEqual(declaredCols);
    }
  });
});
