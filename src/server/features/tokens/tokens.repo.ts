import { preparedQuery, type Executor } from '../../db/db.ts';

export const listTokens = (db: Executor, userId: string) =>
  db
    .selectFrom('api_tokens')
    .selectAll()
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .orderBy('created_at', 'desc')
    .execute();

export const insertToken = (
  db: Executor,
  t: { id: string; user_id: string; name: string; token_hash: string; prefix: string; created_at: string },
) =>
  db
    .insertInto('api_tokens')
    .values({ ...t, last_used_at: null, revoked_at: null })
    .execute();

/** A live token and, read in the same query, its owner's network version (see AuthInfo). */
const activeTokenByHash = preparedQuery((db, hash: string) =>
  db
    .selectFrom('api_tokens as t')
    .innerJoin('users as u', 'u.id', 't.user_id')
    .select(['t.id', 't.user_id', 't.last_used_at', 'u.network_version'])
    .where('t.token_hash', '=', hash)
    .where('t.revoked_at', 'is', null),
);
export const findActiveTokenByHash = async (db: Executor, hash: string) => (await activeTokenByHash(db, hash))[0];

export const touchToken = (db: Executor, id: string, at: string) =>
  db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', id).execute();

/** Revokes every active token of the user made at or before `before`; returns how many. */
export async function revokeTokensMadeBefore(db: Executor, userId: string, before: string, at: string): Promise<number> {
  const r = await db
    .updateTable('api_tokens')
    .set({ revoked_at: at })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .where('created_at', '<=', before)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** Scoped to the owner: another user's token id matches no row. */
export async function revokeToken(db: Executor, userId: string, id: string, at: string): Promise<boolean> {
  const r = await db
    .updateTable('api_tokens')
    .set({ revoked_at: at })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}
