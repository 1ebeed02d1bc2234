import type { Executor } from '../../db/db.ts';
import type { SuppressionKind } from '../../db/schema.ts';
import { deleteUser } from '../auth/auth.repo.ts';

// Every function takes the owner and filters by it in SQL, like the people repo.

export const suppressionHashes = (db: Executor, ownerId: string) =>
  db.selectFrom('suppression_hashes').select('hash').where('owner_id', '=', ownerId).execute();

export async function insertSuppression(
  db: Executor,
  row: { id: string; owner_id: string; reason: string | null; kinds: SuppressionKind[]; created_at: string },
  hashes: Array<{ kind: SuppressionKind; hash: string }>,
): Promise<void> {
  await db
    .insertInto('suppressions')
    .values({ ...row, kinds: JSON.stringify(row.kinds) })
    .execute();
  const unique = new Map(hashes.map((h) => [`${h.kind}:${h.hash}`, h]));
  if (unique.size > 0)
    await db
      .insertInto('suppression_hashes')
      .values([...unique.values()].map((h) => ({ suppression_id: row.id, owner_id: row.owner_id, kind: h.kind, hash: h.hash })))
      .execute();
}

export const listSuppressions = (db: Executor, ownerId: string) =>
  db.selectFrom('suppressions').selectAll().where('owner_id', '=', ownerId).orderBy('created_at', 'desc').orderBy('id').execute();

export const hashesOfOwner = (db: Executor, ownerId: string) =>
  db
    .selectFrom('suppression_hashes')
    .select(['suppression_id', 'kind', 'hash'])
    .where('owner_id', '=', ownerId)
    .orderBy('suppression_id')
    .orderBy('kind')
    .orderBy('hash')
    .execute();

export async function deleteSuppression(db: Executor, ownerId: string, id: string): Promise<boolean> {
  await db.deleteFrom('suppression_hashes').where('owner_id', '=', ownerId).where('suppression_id', '=', id).execute();
  const r = await db.deleteFrom('suppressions').where('owner_id', '=', ownerId).where('id', '=', id).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/**
 * Removes one person and every row about them, each table by name (not only through foreign-key
 * cascades): channels, tags, needs, offers, timeline, relationships on both sides, "introduced
 * by" references of others (set to null) and the person's entries in the change log. Returns the
 * other people whose view changes (the other side of each relationship, those they introduced).
 */
export const erasePersonRows = (db: Executor, ownerId: string, personId: string): Promise<string[]> =>
  erasePeopleRows(db, ownerId, [personId]);

/** `erasePersonRows` for several people at once (the demo network); returns the others touched. */
export async function erasePeopleRows(db: Executor, ownerId: string, personIds: readonly string[]): Promise<string[]> {
  const ids = [...new Set(personIds)];
  if (ids.length === 0) return [];
  const [relsA, relsB, introduced] = await Promise.all([
    db
      .selectFrom('relationships')
      .select('person_b_id as other')
      .where('owner_id', '=', ownerId)
      .where('person_a_id', 'in', ids)
      .execute(),
    db
      .selectFrom('relationships')
      .select('person_a_id as other')
      .where('owner_id', '=', ownerId)
      .where('person_b_id', 'in', ids)
      .execute(),
    db.selectFrom('people').select('id').where('owner_id', '=', ownerId).where('introduced_by_id', 'in', ids).execute(),
  ]);
  await db
    .updateTable('people')
    .set({ introduced_by_id: null })
    .where('owner_id', '=', ownerId)
    .where('introduced_by_id', 'in', ids)
    .execute();
  await db
    .deleteFrom('relationships')
    .where('owner_id', '=', ownerId)
    .where((eb) => eb.or([eb('person_a_id', 'in', ids), eb('person_b_id', 'in', ids)]))
    .execute();
  for (const table of ['person_channels', 'person_tags', 'interactions', 'needs', 'offers'] as const) {
    await db.deleteFrom(table).where('owner_id', '=', ownerId).where('person_id', 'in', ids).execute();
  }
  await db.deleteFrom('match_feedback').where('owner_id', '=', ownerId).where('person_id', 'in', ids).execute();
  await db.deleteFrom('network_changes').where('owner_id', '=', ownerId).where('person_id', 'in', ids).execute();
  await db.deleteFrom('people').where('owner_id', '=', ownerId).where('id', 'in', ids).execute();
  const gone = new Set(ids);
  return [...new Set([...relsA, ...relsB].map((r) => r.other).concat(introduced.map((p) => p.id)))].filter((id) => !gone.has(id));
}

/**
 * Every row an account owns, table by table, then the account itself. Tables added later that
 * reference `users` with ON DELETE CASCADE go with the account row.
 */
export async function deleteAccountRows(db: Executor, userId: string): Promise<void> {
  await db.updateTable('people').set({ introduced_by_id: null }).where('owner_id', '=', userId).execute();
  for (const table of [
    'match_feedback',
    'taught_words',
    'network_changes',
    'suppression_hashes',
    'suppressions',
    'relationships',
    'interactions',
    'needs',
    'offers',
    'person_tags',
    'person_channels',
    'people',
  ] as const) {
    await db.deleteFrom(table).where('owner_id', '=', userId).execute();
  }
  await db.deleteFrom('api_tokens').where('user_id', '=', userId).execute();
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
  await deleteUser(db, userId);
}
