/** `rete backup` and `rete restore`: a consistent copy of the SQLite database, and back. */
import type { Command } from 'commander';
import { loadConfig } from '../../config.ts';
import { openDatabase } from '../../db/db.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { say } from '../../lib/terminal.ts';
import { backupSqlite, restoreSqlite } from './backup.service.ts';

export function registerBackupCommands(program: Command): void {
  program
    .command('backup')
    .description('write a consistent copy of the SQLite database to FILE (safe while the server runs)')
    .argument('<file>')
    .action(async (file: string) => {
      const r = await backupSqlite(loadConfig(), file);
      say(`Backup written to ${file} (${r.bytes} bytes).`);
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
        say(`Restored ${file}${applied.length ? `; migrated forward: ${applied.join(', ')}` : ''}.`);
      } finally {
        await handle.close();
      }
    });
}
