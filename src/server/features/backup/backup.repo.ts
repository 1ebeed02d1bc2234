/**
 * The SQLite side of backups, straight through better-sqlite3 (the files are not the open database,
 * and a file to restore may not be a Rete database at all): copies and what a restore checks.
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

/**
 * Copies a database file through SQLite's online backup API: a consistent copy even while a server
 * writes (`live`: wait up to 5 s for its write lock), including what still sits in the WAL.
 * Returns the pages copied.
 */
export async function copyDatabase(source: string, target: string, opts: { live: boolean }): Promise<number> {
  const src = opts.live ? new SQLite(source, { readonly: true, fileMustExist: true }) : new SQLite(source, { readonly: true });
  if (opts.live) src.pragma('busy_timeout = 5000');
  try {
    const result = await src.backup(target);
    return result.totalPages;
  } finally {
    src.close();
  }
}
