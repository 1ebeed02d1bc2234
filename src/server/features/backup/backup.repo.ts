/**
 * The SQL of backups: what a restore checks in a backup file, read straight through better-sqlite3
 * (the file is not the open database, and may not be a Rete database at all).
 */
import SQLite from 'better-sqlite3';

export const openBackupFile = (file: string): SQLite.Database => new SQLite(file, { readonly: true, fileMustExist: true });

/** SQLite's own check of the file: 'ok', or what is damaged. */
export const integrityCheck = (db: SQLite.Database): unknown => db.pragma('integrity_check', { simple: true });

/** The migrations the file's database went through, in order; null without a migration table. */
export function migrationsApplied(db: SQLite.Database): string[] | null {
  const hasTable = db.prepare("select 1 from sqlite_master where type = 'table' and name = 'kysely_migration'").get();
  if (!hasTable) return null;
  return (db.prepare('select name from kysely_migration order by name').all() as Array<{ name: string }>).map((r) => r.name);
}
