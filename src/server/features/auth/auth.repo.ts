import type { Executor } from '../../db/db.ts';
import type { NewUser, User } from '../../db/schema.ts';

export const findUserByEmail = (db: Executor, email: string): Promise<User | undefined> =>
  db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();

export const findUserById = (db: Executor, id: string): Promise<User | undefined> =>
  db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();

export async function countUsers(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export const insertUser = (db: Executor, user: NewUser) => db.insertInto('users').values(user).execute();

export const updateUser = (
  db: Executor,
  id: string,
  patch: Partial<Pick<User, 'display_name' | 'locale' | 'password_hash' | 'updated_at'>>,
) => db.updateTable('users').set(patch).where('id', '=', id).execute();

export const insertSession = (
  db: Executor,
  s: { id_hash: string; user_id: string; csrf_token: string; created_at: string; last_seen_at: string; expires_at: string },
) => db.insertInto('sessions').values(s).execute();

export const findSession = (db: Executor, idHash: string) =>
  db.selectFrom('sessions').selectAll().where('id_hash', '=', idHash).executeTakeFirst();

export const touchSession = (db: Executor, idHash: string, lastSeenAt: string, expiresAt: string) =>
  db.updateTable('sessions').set({ last_seen_at: lastSeenAt, expires_at: expiresAt }).where('id_hash', '=', idHash).execute();

export const deleteSession = (db: Executor, idHash: string) => db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();

export const deleteOtherSessions = (db: Executor, userId: string, keepIdHash: string | null) => {
  let q = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (keepIdHash) q = q.where('id_hash', '!=', keepIdHash);
  return q.execute();
};

export const deleteExpiredSessions = (db: Executor, now: string) =>
  db.deleteFrom('sessions').where('expires_at', '<', now).execute();

export const selfPersonId = async (db: Executor, userId: string): Promise<string> => {
  const row = await db
    .selectFrom('people')
    .select('id')
    .where('owner_id', '=', userId)
    .where('is_self', '=', 1)
    .executeTakeFirstOrThrow();
  return row.id;
};

// --- what other features read of an account (they reach the users table only through these) ---

/** The account's language: what is written on the user's behalf (notes, "how we met") is in it. */
export async function userLocale(db: Executor, userId: string): Promise<'it' | 'en'> {
  const user = await db.selectFrom('users').select('locale').where('id', '=', userId).executeTakeFirst();
  return user?.locale ?? 'en';
}

/** The account's own fields an export shows (never a secret). */
export const accountOf = (db: Executor, userId: string) =>
  db
    .selectFrom('users')
    .select(['id', 'email', 'display_name', 'locale', 'is_admin', 'created_at', 'updated_at'])
    .where('id', '=', userId)
    .executeTakeFirst();

/** Whether an address is that of an account of this instance (`email` lowercased). */
export async function isUserEmail(db: Executor, email: string): Promise<boolean> {
  const row = await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
  return row !== undefined;
}
