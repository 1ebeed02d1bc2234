/**
 * Migrations on each dialect: an empty database reaches the latest version, a second run changes
 * nothing, and every table the code declares (the Database interface of db/schema.ts) exists.
 */
import fs from 'node:fs';
import { Migrator, sql, type Migration } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '#server/app.ts';
import { loadConfig } from '#server/config.ts';
import { LATEST_MIGRATION, migrateToLatest, migrationState } from '#server/db/migrate.ts';
import { createTestDb, dialects, type TestDb } from './helpers/test-db.ts';

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
      // A column added later may be optional when writing (`lapsed_at?: string | null`).
      const declaredCols = [...(body ?? '').matchAll(/^\s*([a-z_][a-z0-9_]*)\??\s*:/gm)].map((m) => m[1] as string).sort();
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

/**
 * 0004 brings rows of earlier versions in line with "a give once a request arrived, an expiry
 * once it arrived" (issue 10): a database left at 0003 with introductions whose requests never
 * left, then migrated.
 */
describe.each(dialects())('migration 0004 (mail delivery) on %s', (dialect) => {
  let db: TestDb;
  afterAll(async () => db?.destroy());

  it('a side whose request never left waits for it; the give of an introduction that reached nobody goes, unless it is the user’s', async () => {
    db = await createTestDb(dialect, { migrate: false });
    const k = db.handle.db;
    const upTo3: Record<string, Migration> = {
      '0001_init': await import('#server/db/migrations/0001_init.ts'),
      '0002_privacy': await import('#server/db/migrations/0002_privacy.ts'),
      '0003_intros_ledger': await import('#server/db/migrations/0003_intros_ledger.ts'),
    };
    const schema =
      dialect === 'postgres' ? (await sql<{ s: string }>`select current_schema() as s`.execute(k)).rows[0]?.s : undefined;
    const { error } = await new Migrator({
      db: k,
      provider: { getMigrations: () => Promise.resolve(upTo3) },
      migrationTableName: 'kysely_migration',
      migrationLockTableName: 'kysely_migration_lock',
      ...(schema ? { migrationTableSchema: schema } : {}),
    }).migrateToLatest();
    expect(error).toBeUndefined();

    const t0 = '2026-01-10T10:00:00.000Z';
    const later = '2026-01-11T10:00:00.000Z';
    const expires = '2026-01-24T10:00:00.000Z';
    const u = 'u0000000-0000-4000-8000-000000000000';
    await k
      .insertInto('users')
      .values({
        id: u,
        email: 'm@example.com',
        password_hash: 'x',
        display_name: 'M',
        locale: 'it',
        is_admin: 1,
        network_version: 0,
        created_at: t0,
        updated_at: t0,
      })
      .execute();
    const person = (id: string) => ({ id, owner_id: u, is_self: 0, name: id, sort_name: id, created_at: t0, updated_at: t0 });
    await k
      .insertInto('people')
      .values([person('pa'), person('pb')])
      .execute();
    /** An introduction asked on both sides, each request in the given state, with the give Rete recorded. */
    const intro = async (
      id: string,
      a: 'queued' | 'failed' | 'sent',
      b: 'queued' | 'failed' | 'sent',
      give: { edited?: boolean; outcome?: boolean } = {},
    ) => {
      await k
        .insertInto('intros')
        .values({ id, owner_id: u, status: 'asked', ask_order: 'both', note: 'n', created_at: t0, updated_at: t0, sent_at: t0 })
        .execute();
      for (const [side, status] of [
        ['a', a],
        ['b', b],
      ] as const) {
        await k
          .insertInto('intro_sides')
          .values({
            intro_id: id,
            side,
            owner_id: u,
            person_id: `p${side}`,
            is_self: 0,
            language: 'it',
            status: 'asked',
            message_edited: 0,
            asked_at: t0,
            expires_at: expires,
          })
          .execute();
        await k
          .insertInto('mail_messages')
          .values({
            id: `${id}-${side}`,
            owner_id: u,
            intro_id: id,
            side,
            person_id: `p${side}`,
            kind: 'intro_request',
            status,
            from_addr: '{}',
            to_addrs: '[]',
            cc_addrs: '[]',
            recipient_key: 'x',
            subject: 's',
            attempts: 1,
            created_at: t0,
          })
          .execute();
      }
      await k
        .insertInto('gives')
        .values({
          id: `${id}-give`,
          owner_id: u,
          kind: 'introduction',
          given_on: '2026-01-10',
          description: 'd',
          intro_id: id,
          created_at: t0,
          updated_at: give.edited ? later : t0,
        })
        .execute();
      await k
        .insertInto('give_recipients')
        .values({ give_id: `${id}-give`, owner_id: u, person_id: 'pa' })
        .execute();
      if (give.outcome) {
        await k
          .insertInto('outcomes')
          .values({
            id: `${id}-o`,
            owner_id: u,
            give_id: `${id}-give`,
            kind: 'thanked',
            occurred_on: '2026-01-12',
            created_at: later,
          })
          .execute();
      }
    };
    await intro('half', 'queued', 'sent');
    await intro('none', 'failed', 'queued');
    await intro('mine', 'failed', 'failed', { edited: true });
    await intro('kept', 'failed', 'failed', { outcome: true });

    expect((await migrateToLatest(k))[0]).toBe('0004_mail_delivery');
    const sides = await k
      .selectFrom('intro_sides')
      .select(['intro_id', 'side', 'expires_at'])
      .orderBy('intro_id')
      .orderBy('side')
      .execute();
    expect(sides.map((s) => [s.intro_id, s.side, s.expires_at])).toEqual([
      ['half', 'a', null],
      ['half', 'b', expires],
      ['kept', 'a', null],
      ['kept', 'b', null],
      ['mine', 'a', null],
      ['mine', 'b', null],
      ['none', 'a', null],
      ['none', 'b', null],
    ]);
    const gives = await k.selectFrom('gives').select('intro_id').orderBy('intro_id').execute();
    expect(gives.map((g) => g.intro_id)).toEqual(['half', 'kept', 'mine']);
    expect(await k.selectFrom('give_recipients').select('give_id').orderBy('give_id').execute()).toEqual([
      { give_id: 'half-give' },
      { give_id: 'kept-give' },
      { give_id: 'mine-give' },
    ]);
    expect(await k.selectFrom('mail_messages').select('error_reason').distinct().execute()).toEqual([{ error_reason: null }]);
  });
});
