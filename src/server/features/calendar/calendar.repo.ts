/**
 * The calendar feed's secret: one per user, only its SHA-256 stored (`calendar_tokens`).
 */
import type { Executor } from '../../db/db.ts';
import type { CalendarTokensTable } from '../../db/schema.ts';

export const findFeed = (db: Executor, userId: string) =>
  db.selectFrom('calendar_tokens').select(['created_at']).where('user_id', '=', userId).executeTakeFirst();

/** Makes this the user's one feed secret: any previous one stops working in the same statement. */
export async function replaceFeed(db: Executor, row: CalendarTokensTable): Promise<void> {
  await db
    .insertInto('calendar_tokens')
    .values(row)
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ token_hash: row.token_hash, created_at: row.created_at }))
    .execute();
}

export const deleteFeed = (db: Executor, userId: string) =>
  db.deleteFrom('calendar_tokens').where('user_id', '=', userId).execute();

/** Whose feed a secret opens (by its hash), if anyone's. */
export async function feedOwner(db: Executor, tokenHash: string): Promise<string | null> {
  const r = await db.selectFrom('calendar_tokens').select('user_id').where('token_hash', '=', tokenHash).executeTakeFirst();
  return r?.user_id ?? null;
}
