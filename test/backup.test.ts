import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '#server/config.ts';
import { openDatabase, openSqlite } from '#server/db/db.ts';
import { migrateToLatest } from '#server/db/migrate.ts';
import { backupSqlite, inspectBackup, restoreSqlite } from '#server/features/backup/backup.service.ts';

function dump(file: string): string {
  const db = new SQLite(file, { readonly: true });
  const tables = (
    db.prepare("select name from sqlite_master where type='table' order by name").all() as Array<{ name: string }>
  ).map((t) => t.name);
  const out = tables.map((t) => `${t}:${JSON.stringify(db.prepare(`select * from "${t}" order by 1`).all())}`).join('\n');
  db.close();
  return out;
}

describe('backup and restore of the SQLite database', () => {
  let dir: string;
  let file: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rete-backup-'));
    file = path.join(dir, 'rete.db');
    const h = openDatabase({ kind: 'sqlite', path: file });
    await migrateToLatest(h.db);
    await h.close();
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('copies what is still in the WAL, while a writer holds the database open, and restores it', async () => {
    const writer = openSqlite(file);
    writer.pragma('wal_autocheckpoint = 0'); // keep every commit in the WAL
    const now = new Date().toISOString();
    writer
      .prepare(
        'insert into users (id, email, password_hash, display_name, locale, is_admin, network_version, created_at, updated_at) values (?,?,?,?,?,?,?,?,?)',
      )
      .run('u1', 'a@example.com', 'x', 'A', 'it', 1, 0, now, now);
    expect(fs.statSync(`${file}-wal`).size).toBeGreaterThan(0);

    // A plain copy of the main file misses the rows that sit in the WAL.
    const naive = path.join(dir, 'naive.db');
    fs.copyFileSync(file, naive);
    const naiveDb = new SQLite(naive, { readonly: true });
    expect(naiveDb.prepare('select count(*) as n from users').get()).toEqual({ n: 0 });
    naiveDb.close();

    const config = loadConfig({ SQLITE_PATH: file });
    const out = path.join(dir, 'backup.db');
    await backupSqlite(config, out);
    expect(fs.statSync(out).mode & 0o777).toBe(0o600);
    const source = dump(file);
    writer.close();
    expect(dump(out)).toBe(source);
    expect(inspectBackup(out).migrations.length).toBeGreaterThan(0);

    // Change the live database, then restore: the change is gone.
    const w2 = openSqlite(file);
    w2.prepare("update users set display_name = 'changed'").run();
    w2.close();
    await restoreSqlite(config, out);
    expect(dump(file)).toBe(source);
  });

  it('refuses to overwrite an existing file, and refuses damaged or foreign files', async () => {
    const config = loadConfig({ SQLITE_PATH: file });
    const out = path.join(dir, 'exists.db');
    fs.writeFileSync(out, 'x');
    await expect(backupSqlite(config, out)).rejects.toThrow(/already exists/);

    const foreign = path.join(dir, 'foreign.db');
    const f = new SQLite(foreign);
    f.exec('create table t (x)');
    f.close();
    await expect(restoreSqlite(config, foreign)).rejects.toThrow(/not a Rete database/);

    const junk = path.join(dir, 'junk.db');
    fs.writeFileSync(junk, Buffer.alloc(8192, 7));
    await expect(restoreSqlite(config, junk)).rejects.toThrow();
  });

  it('refuses a backup written by a newer version', async () => {
    const config = loadConfig({ SQLITE_PATH: file });
    const newer = path.join(dir, 'newer.db');
    await backupSqlite(config, newer);
    const db = new SQLite(newer);
    db.prepare("insert into kysely_migration (name, timestamp) values ('9999_future', 'x')").run();
    db.close();
    await expect(restoreSqlite(config, newer)).rejects.toThrow(/newer Rete/);
  });

  it('works from the command line while the database is in use', () => {
    const out = path.join(dir, 'cli.db');
    const holder = openSqlite(file);
    const stdout = execFileSync(process.execPath, ['--import', 'tsx', 'src/server/cli.ts', 'backup', out], {
      env: { ...process.env, SQLITE_PATH: file, DATABASE_URL: '' },
      encoding: 'utf8',
    });
    holder.close();
    expect(stdout).toMatch(/Backup written/);
    expect(inspectBackup(out).migrations).toContain('0001_init');
  });
});
