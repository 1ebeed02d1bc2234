import { sql } from 'kysely';
import { preparedQuery, type Executor } from '../../db/db.ts';

/** Change-log rows per INSERT: 3 parameters each, SQLite takes at most 32,766 in one statement. */
const CHANGE_ROWS_PER_INSERT = 5000;

/**
 * Records that these people of one owner changed. Runs inside the writer's transaction: the
 * UPDATE of the owner's row serialises writers of the same network, so versions commit in
 * order and a reader that has seen version N has seen every change up to N. In-memory indexes
 * (search, matching) in any number of server processes catch up from this log.
 */
export async function recordChange(tx: Executor, ownerId: string, personIds: readonly string[]): Promise<number> {
  const row = await tx
    .updateTable('users')
    .set((eb) => ({ network_version: eb('network_version', '+', 1) }))
    .where('id', '=', ownerId)
    .returning('network_version')
    .executeTakeFirstOrThrow();
  const version = Number(row.network_version);
  const unique = [...new Set(personIds)];
  for (let i = 0; i < unique.length; i += CHANGE_ROWS_PER_INSERT) {
    await tx
      .insertInto('network_changes')
      .values(unique.slice(i, i + CHANGE_ROWS_PER_INSERT).map((person_id) => ({ owner_id: ownerId, version, person_id })))
      .execute();
  }
  return version;
}

const versionOf = preparedQuery((db, ownerId: string) =>
  db.selectFrom('users').select('network_version').where('id', '=', ownerId),
);

/**
 * The network lock: a no-op write to the owner's row, taken first by writers that read before they
 * write (imports, merges). It serialises writers of this network (the row lock on PostgreSQL, the
 * write lock on SQLite) until the transaction ends, so what they read cannot go stale.
 */
export async function lockNetwork(tx: Executor, ownerId: string): Promise<void> {
  await tx
    .updateTable('users')
    .set({ network_version: sql<number>`network_version` })
    .where('id', '=', ownerId)
    .execute();
}

export async function currentVersion(db: Executor, ownerId: string): Promise<number> {
  const row = (await versionOf(db, ownerId))[0];
  return row ? Number(row.network_version) : 0;
}

export async function changedSince(db: Executor, ownerId: string, version: number, limit: number) {
  return db
    .selectFrom('network_changes')
    .select(['version', 'person_id'])
    .where('owner_id', '=', ownerId)
    .where('version', '>', version)
    .orderBy('version')
    .limit(limit)
    .execute();
}
