import type { Locale } from '#shared/api/values.ts';
import type { User } from '../../db/schema.ts';
import { badRequest, conflict, invalidCredentials, signupClosed, unauthenticated } from '../../lib/errors.ts';
import type { Deps } from '../../deps.ts';
import { newId, newSecret, sha256 } from '../../lib/ids.ts';
import { createSelfPerson } from '../people/people.service.ts';
import * as repo from './auth.repo.ts';
import { revokeTokensMadeBefore } from '../tokens/tokens.repo.ts';
import { noticeSignupAttempt } from './signup-notice.ts';
import { dummyVerify, hashPassword, needsRehash, passwordProblem, verifyPassword } from './passwords.ts';

export interface PublicUser {
  id: string;
  email: string;
  displayName: string;
  locale: Locale;
  isAdmin: boolean;
  selfPersonId: string;
  createdAt: string;
}

export async function toPublicUser(deps: Deps, u: User): Promise<PublicUser> {
  return {
    id: u.id,
    email: u.email,
    displayName: u.display_name,
    locale: u.locale,
    isAdmin: u.is_admin === 1,
    selfPersonId: await repo.selfPersonId(deps.db, u.id),
    createdAt: u.created_at,
  };
}

export async function authState(deps: Deps): Promise<{ hasUsers: boolean; signupOpen: boolean; importMaxBytes: number }> {
  const n = await repo.countUsers(deps.db);
  return { hasUsers: n > 0, signupOpen: n === 0 || deps.config.signup === 'open', importMaxBytes: deps.config.importMaxBytes };
}

export interface NewAccount {
  email: string;
  password: string;
  displayName: string;
  locale: Locale;
  isAdmin?: boolean;
}

/**
 * Creates a user and their "Me" person in one transaction. The very first account of an
 * instance is its admin, whatever was asked. An address already registered is a 409 for an
 * administrator (or the CLI); for a sign-up see `signUp`.
 */
export async function createUser(deps: Deps, input: NewAccount, mode: 'signup' | 'admin'): Promise<User> {
  const r = await createOrNotice(deps, input, mode, 'conflict');
  if (!r) throw new Error('unreachable: an existing account is a conflict here');
  return r;
}

/**
 * Sign-up: creates the account, or, when the address already has one, creates nothing and
 * queues an email telling its owner (`signup-notice.ts`). The caller answers the same either way:
 * the answer never says whether an address is registered. Returns the new user, or null.
 */
export async function signUp(deps: Deps, input: NewAccount): Promise<User | null> {
  return createOrNotice(deps, input, 'signup', 'notify');
}

async function createOrNotice(
  deps: Deps,
  input: NewAccount,
  mode: 'signup' | 'admin',
  onExisting: 'conflict' | 'notify',
): Promise<User | null> {
  const problem = passwordProblem(input.password, input.email);
  if (problem) throw badRequest(problem, [{ path: 'password', message: problem }]);
  const passwordHash = await hashPassword(input.password);
  const now = deps.now().toISOString();
  const id = newId();
  return deps.db.transaction().execute(async (tx) => {
    const n = await repo.countUsers(tx);
    if (mode === 'signup' && n > 0 && deps.config.signup === 'closed') {
      throw signupClosed('Sign-up is closed on this instance; ask an administrator for an account');
    }
    const existing = await repo.findUserByEmail(tx, input.email);
    if (existing && onExisting === 'notify') {
      await noticeSignupAttempt(tx, deps, existing);
      return null;
    }
    if (existing) {
      throw conflict('An account with this email already exists', [{ path: 'email', message: 'already registered' }]);
    }
    await repo.insertUser(tx, {
      id,
      email: input.email,
      password_hash: passwordHash,
      display_name: input.displayName,
      locale: input.locale,
      is_admin: n === 0 || input.isAdmin ? 1 : 0,
      network_version: 0,
      created_at: now,
      updated_at: now,
    });
    await createSelfPerson(tx, id, input.displayName, input.locale, now);
    const user = await repo.findUserById(tx, id);
    if (!user) throw new Error('user vanished inside its own transaction');
    return user;
  });
}

/** Returns the user for a right email+password, null otherwise, in the same time either way. */
export async function checkCredentials(deps: Deps, email: string, password: string): Promise<User | null> {
  const user = await repo.findUserByEmail(deps.db, email);
  if (!user) {
    await dummyVerify(password);
    return null;
  }
  if (!(await verifyPassword(user.password_hash, password))) return null;
  if (needsRehash(user.password_hash)) {
    await repo.updateUser(deps.db, user.id, { password_hash: await hashPassword(password) });
  }
  return user;
}

export interface NewSession {
  secret: string;
  idHash: string;
  csrfToken: string;
}

export async function startSession(deps: Deps, userId: string): Promise<NewSession> {
  const secret = newSecret();
  const idHash = sha256(secret);
  const csrfToken = newSecret();
  const now = deps.now();
  await repo.insertSession(deps.db, {
    id_hash: idHash,
    user_id: userId,
    csrf_token: csrfToken,
    created_at: now.toISOString(),
    last_seen_at: now.toISOString(),
    expires_at: sessionExpiry(deps, now, now),
  });
  return { secret, idHash, csrfToken };
}

function sessionExpiry(deps: Deps, createdAt: Date, lastSeen: Date): string {
  const absolute = createdAt.getTime() + deps.config.sessionAbsoluteMs;
  const idle = lastSeen.getTime() + deps.config.sessionIdleMs;
  return new Date(Math.min(absolute, idle)).toISOString();
}

export interface SessionAuth {
  userId: string;
  idHash: string;
  csrfToken: string;
  /** The user's network version, read with the session (see AuthInfo). */
  networkVersion: number;
}

// Writing last_seen on every request would turn every read into a write.
const TOUCH_EVERY_MS = 60_000;

export async function resolveSession(deps: Deps, secret: string): Promise<SessionAuth | null> {
  const idHash = sha256(secret);
  const s = await repo.findSession(deps.db, idHash);
  if (!s) return null;
  const now = deps.now();
  if (s.expires_at <= now.toISOString()) {
    await repo.deleteSession(deps.db, idHash);
    return null;
  }
  if (now.getTime() - Date.parse(s.last_seen_at) > TOUCH_EVERY_MS) {
    await repo.touchSession(deps.db, idHash, now.toISOString(), sessionExpiry(deps, new Date(s.created_at), now));
  }
  return { userId: s.user_id, idHash, csrfToken: s.csrf_token, networkVersion: Number(s.network_version) };
}

export const endSession = (deps: Deps, idHash: string) => repo.deleteSession(deps.db, idHash);

export async function changePassword(
  deps: Deps,
  userId: string,
  currentPassword: string,
  newPassword: string,
  keepSessionHash: string | null,
  opts: { revokeTokens: boolean } = { revokeTokens: true },
): Promise<{ revokedTokens: number }> {
  const user = await repo.findUserById(deps.db, userId);
  if (!user) throw unauthenticated('Log in first');
  if (!(await verifyPassword(user.password_hash, currentPassword))) {
    throw invalidCredentials('The current password is wrong', [{ path: 'currentPassword', message: 'wrong password' }]);
  }
  const problem = passwordProblem(newPassword, user.email);
  if (problem) throw badRequest(problem, [{ path: 'newPassword', message: problem }]);
  const hash = await hashPassword(newPassword);
  return deps.db.transaction().execute(async (tx) => {
    const now = deps.now().toISOString();
    await repo.updateUser(tx, userId, { password_hash: hash, updated_at: now });
    // A changed password ends every other session: whoever knew the old one is out. The API
    // tokens made before it go too unless the user keeps them (a script of theirs that runs).
    await repo.deleteOtherSessions(tx, userId, keepSessionHash);
    const revokedTokens = opts.revokeTokens ? await revokeTokensMadeBefore(tx, userId, now, now) : 0;
    return { revokedTokens };
  });
}

export async function updateAccount(
  deps: Deps,
  userId: string,
  patch: { displayName?: string | undefined; locale?: Locale | undefined },
): Promise<User> {
  const set: Parameters<typeof repo.updateUser>[2] = { updated_at: deps.now().toISOString() };
  if (patch.displayName !== undefined) set.display_name = patch.displayName;
  if (patch.locale !== undefined) set.locale = patch.locale;
  await repo.updateUser(deps.db, userId, set);
  const u = await repo.findUserById(deps.db, userId);
  if (!u) throw unauthenticated('Log in first');
  return u;
}
