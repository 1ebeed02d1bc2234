/**
 * The weekly digests claimed (`digest_sends`): one row per user and week, unique, written before
 * the email is queued and in the same transaction.
 */
import type { Executor } from '../../db/db.ts';
import type { DigestSendsTable } from '../../db/schema.ts';

/**
 * Claims a user's week: true when this row was written, false when the week was claimed already
 * (by this process or another, now or before a restart). The unique key (owner, week) decides: on
 * PostgreSQL a second INSERT waits for the first one's transaction and then does nothing.
 */
export async function claimWeek(db: Executor, row: DigestSendsTable): Promise<boolean> {
  const r = await db
    .insertInto('digest_sends')
    .values(row)
    .onConflict((oc) => oc.columns(['owner_id', 'week_start']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
}

export const setMail = (db: Executor, id: string, mailId: string) =>
  db.updateTable('digest_sends').set({ mail_id: mailId }).where('id', '=', id).execute();

export const findWeek = (db: Executor, ownerId: string, weekStart: string) =>
  db
    .selectFrom('digest_sends')
    .selectAll()
    .where('owner_id', '=', ownerId)
    .where('week_start', '=', weekStart)
    .executeTakeFirst();

/** The weeks claimed since `from` (YYYY-MM-DD) by these users, as `owner:week`. */
export async function weeksClaimed(db: Executor, ownerIds: readonly string[], from: string): Promise<Set<string>> {
  const out = new Set<string>();
  for (let i = 0; i < ownerIds.length; i += 500) {
    const rows = await db
      .selectFrom('digest_sends')
      .select(['owner_id', 'week_start'])
      .where('owner_id', 'in', ownerIds.slice(i, i + 500))
      .where('week_start', '>=', from)
      .execute();
    for (const r of rows) out.add(`${r.owner_id}:${r.week_start}`);
  }
  return out;
}

export const findByMail = (db: Executor, ownerId: string, mailId: string) =>
  db.selectFrom('digest_sends').selectAll().where('owner_id', '=', ownerId).where('mail_id', '=', mailId).executeTakeFirst();

/** Gives the digest of this email a new unsubscribe secret (its hash): the one in the email leaving now. */
export const setUnsubscribeHash = (db: Executor, id: string, hash: string) =>
  db.updateTable('digest_sends').set({ unsubscribe_hash: hash }).where('id', '=', id).execute();

/** Whose digest an unsubscribe secret belongs to (by its hash), if anyone's. */
export async function ownerOfUnsubscribe(db: Executor, hash: string): Promise<string | null> {
  const r = await db.selectFrom('digest_sends').select('owner_id').where('unsubscribe_hash', '=', hash).executeTakeFirst();
  return r?.owner_id ?? null;
}
