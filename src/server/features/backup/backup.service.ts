import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../../config.ts';
import { LATEST_MIGRATION } from '../../db/migrate.ts';
import * as repo from './backup.repo.ts';

/**
 * Online backup of the SQLite database through SQLite's backup API: a consistent copy even
 * while the server writes, including what still sits in the WAL (a plain file copy would lose it).
 */
export async function backupSqlite(config: Config, target: string): Promise<{ pages: number; bytes: number }> {
  if (config.database.kind !== 'sqlite') {
    throw new Error('`rete backup` copies the embedded SQLite database; on PostgreSQL use pg_dump (see README).');
  }
  if (!fs.existsSync(config.database.path)) throw new Error(`No database at ${config.database.path}`);
  const out = path.resolve(target);
  if (fs.existsSync(out)) throw new Error(`${out} already exists; choose a new file name`);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const pages = await repo.copyDatabase(config.database.path, out, { live: true });
  // Backups hold personal data: readable by the owner only.
  fs.chmodSync(out, 0o600);
  return { pages, bytes: fs.statSync(out).size };
}

export interface RestoreCheck {
  migrations: string[];
}

/** Checks that a file is an intact Rete database this version can run (possibly after migrating). */
export function inspectBackup(file: string): RestoreCheck {
  const db = repo.openBackupFile(file);
  try {
    const integrity = repo.integrityCheck(db);
    if (integrity !== 'ok') throw new Error(`The backup is damaged: integrity_check says ${String(integrity)}`);
    const migrations = repo.migrationsApplied(db);
    if (!migrations) throw new Error('This file is not a Rete database (no migration table)');
    const newer = migrations.filter((m) => m > LATEST_MIGRATION);
    if (newer.length > 0) {
      throw new Error(
        `The backup was written by a newer Rete (migrations ${newer.join(', ')}); upgrade Rete before restoring it`,
      );
    }
    return { migrations };
  } finally {
    db.close();
  }
}

/**
 * Replaces the database with a backup. The server must be stopped: the copy goes to a
 * temporary file first and is renamed over the database, so a failure leaves the old one.
 */
export async function restoreSqlite(config: Config, file: string): Promise<RestoreCheck> {
  if (config.database.kind !== 'sqlite')
    throw new Error('`rete restore` restores the embedded SQLite database; on PostgreSQL use pg_restore.');
  const source = path.resolve(file);
  const check = inspectBackup(source);
  const target = config.database.path;
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const tmp = `${target}.restore-${process.pid}`;
  await repo.copyDatabase(source, tmp, { live: false });
  fs.chmodSync(tmp, 0o600);
  for (const suffix of ['-wal', '-shm']) fs.rmSync(`${target}${suffix}`, { force: true });
  fs.renameSync(tmp, target);
  return check;
}
