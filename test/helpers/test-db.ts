import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, type Dialect, type DbHandle } from '#server/db/db.ts';
import { migrateToLatest } from '#server/db/migrate.ts';

/** The dialects database suites run on: SQLite always, PostgreSQL when DATABASE_URL is set. */
export function dialects(): Dialect[] {
  return process.env.DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];
}

export interface TestDb {
  handle: DbHandle;
  dialect: Dialect;
  /** For SQLite, the file; for PostgreSQL, the schema. */
  location: string;
  url: string | null;
  destroy(): Promise<void>;
}

/** A fresh, empty database: a temp file on SQLite, a new schema on PostgreSQL. */
export async function createTestDb(dialect: Dialect, options: { migrate?: boolean } = {}): Promise<TestDb> {
  let t: TestDb;
  if (dialect === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rete-test-'));
    const file = path.join(dir, 'rete.db');
    const handle = openDatabase({ kind: 'sqlite', path: file });
    t = {
      handle,
      dialect,
      location: file,
      url: null,
      destroy: async () => {
        await handle.close();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  } else {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error('DATABASE_URL is not set');
    const schema = `t_${crypto.randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.end();
    const handle = openDatabase({ kind: 'postgres', url }, { pgSearchPath: schema, pgPoolSize: 5 });
    t = {
      handle,
      dialect,
      location: schema,
      url,
      destroy: async () => {
        await handle.close();
        const c = new pg.Client({ connectionString: url });
        await c.connect();
        await c.query(`drop schema ${schema} cascade`);
        await c.end();
      },
    };
  }
  if (options.migrate !== false) await migrateToLatest(t.handle.db);
  return t;
}
