import type { Locale } from '#shared/api/values.ts';
import { preparedQuery, type Executor } from '../../db/db.ts';
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

/** A session and, read in the same query, its user's network version (see AuthInfo). */
const sessionById = preparedQuery((db, idHash: string) =>
  db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .selectAll('s')
    .select('u.network_version')
    .where('s.id_hash', '=', idHash),
);
export const findSession = async (db: Executor, idHash: string) => (await sessionById(db, idHash))[0];

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
export async function userLocale(db: Executor, userId: string): Promise<Locale> {
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

/** The account's key for suppression hashes (privacy/suppression.ts); null until the first suppression. */
export async function suppressionKeyOf(db: Executor, ownerId: string): Promise<string | null> {
  const row = await db.selectFrom('users').select('suppression_key').where('id', '=', ownerId).executeTakeFirst();
  return row?.suppression_key ?? null;
}

/** Sets the key only if there is none yet; returns the key in force. */
export async function ensureSuppressionKey(db: Executor, ownerId: string, fresh: string): Promise<string> {
  await db
    .updateTable('users')
    .set({ suppression_key: fresh })
    .where('id', '=', ownerId)
    .where('suppression_key', 'is', null)
    .execute();
  const key = await suppressionKeyOf(db, ownerId);
  if (!key) throw new Error('the account vanished while its suppression key was being made');
  return key;
}

/** Administrators and accounts other than this one (the last administrator may not delete themself). */
export async function otherAdmins(db: Executor, userId: string): Promise<{ admins: number; users: number }> {
  const [admins, users] = await Promise.all([
    db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('is_admin', '=', 1)
      .where('id', '!=', userId)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('id', '!=', userId)
      .executeTakeFirstOrThrow(),
  ]);
  return { admins: Number(admins.n), users: Number(users.n) };
}

/** The account's own row; the rows it owns go first (privacy.repo.ts deleteAccountRows). */
export async function deleteUser(db: Executor, userId: string): Promise<void> {
  await db.deleteFrom('users').where('id', '=', userId).execute();
}
