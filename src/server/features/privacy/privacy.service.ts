/**
 * Privacy rights: erasing a contact everywhere (with an optional suppression entry), the list of
 * suppressions, and deleting the whole account (GDPR art. 17).
 */
import type { Suppression } from '#shared/api/privacy.ts';
import type { Executor } from '../../db/db.ts';
import type { SuppressionKind } from '../../db/schema.ts';
import { conflict, invalidCredentials, notFound, unauthenticated } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import type { Deps } from '../auth/auth.service.ts';
import { ensureSuppressionKey, findUserById, otherAdmins, suppressionKeyOf } from '../auth/auth.repo.ts';
import { verifyPassword } from '../auth/passwords.ts';
import { recordChange } from '../network/changes.ts';
import * as people from '../people/people.repo.ts';
import * as repo from './privacy.repo.ts';
import { SuppressionMatcher, hashIdentifier, identifiersOf, newSuppressionKey } from './suppression.ts';

const KIND_ORDER: readonly SuppressionKind[] = ['email', 'phone', 'link', 'name'];

export interface EraseOptions {
  suppress?: boolean | undefined;
  reason?: string | undefined;
}

/**
 * Erases one contact in one transaction: the person, their channels, tags, needs, offers,
 * timeline, relationships on both sides, "introduced by" references (set to null) and their
 * entries in the change log. One new change-log entry (the random id alone, no data) tells the
 * in-memory views of every process to drop them. With `suppress`, a suppression entry keeps the
 * keyed hashes of their identifiers so that imports skip them from now on.
 */
export async function erasePerson(
  deps: Deps,
  ownerId: string,
  personId: string,
  opts: EraseOptions = {},
): Promise<{ suppressionId: string | null }> {
  return deps.db.transaction().execute(async (tx) => {
    const p = await people.findPerson(tx, ownerId, personId);
    if (!p) throw notFound();
    if (p.is_self === 1) throw conflict('Your own profile cannot be erased; delete the account instead');
    let suppressionId: string | null = null;
    if (opts.suppress) {
      const channels = await people.channelsOf(tx, ownerId, [personId]);
      const ids = identifiersOf({
        name: p.name,
        company: p.company,
        emails: channels.filter((c) => c.kind === 'email'),
        phones: channels.filter((c) => c.kind === 'phone'),
        links: channels.filter((c) => c.kind === 'link'),
      });
      const secret = await ensureSuppressionKey(tx, ownerId, newSuppressionKey());
      suppressionId = newId();
      const kinds = KIND_ORDER.filter((k) => ids.some((i) => i.kind === k));
      const reason = opts.reason?.trim() ? opts.reason.trim().slice(0, 500) : null;
      await repo.insertSuppression(
        tx,
        { id: suppressionId, owner_id: ownerId, reason, kinds, created_at: deps.now().toISOString() },
        ids.map((i) => ({ kind: i.kind, hash: hashIdentifier(secret, i) })),
      );
    }
    const touched = await repo.erasePersonRows(tx, ownerId, personId);
    await recordChange(tx, ownerId, [personId, ...touched]);
    return { suppressionId };
  });
}

const parseKinds = (s: string): SuppressionKind[] => {
  try {
    const v: unknown = JSON.parse(s);
    return Array.isArray(v) ? KIND_ORDER.filter((k) => v.includes(k)) : [];
  } catch {
    return [];
  }
};

export async function listSuppressions(deps: Deps, ownerId: string): Promise<Suppression[]> {
  const rows = await repo.listSuppressions(deps.db, ownerId);
  return rows.map((r) => ({ id: r.id, createdAt: r.created_at, reason: r.reason, kinds: parseKinds(r.kinds) }));
}

/** Suppressions with their hashes, for the account export (the key stays in the database). */
export async function exportSuppressions(db: Executor, ownerId: string) {
  const [rows, hashes] = await Promise.all([repo.listSuppressions(db, ownerId), repo.hashesOfOwner(db, ownerId)]);
  return rows.map((r) => ({
    id: r.id,
    createdAt: r.created_at,
    reason: r.reason,
    kinds: parseKinds(r.kinds),
    hashes: hashes.filter((h) => h.suppression_id === r.id).map((h) => ({ kind: h.kind, hmacSha256: h.hash })),
  }));
}

export async function liftSuppression(deps: Deps, ownerId: string, id: string): Promise<void> {
  const gone = await deps.db.transaction().execute((tx) => repo.deleteSuppression(tx, ownerId, id));
  if (!gone) throw notFound();
}

/** The account's suppressions, ready to check contacts against (empty when it has none). */
export async function suppressionMatcher(db: Executor, ownerId: string): Promise<SuppressionMatcher> {
  const secret = await suppressionKeyOf(db, ownerId);
  if (!secret) return new SuppressionMatcher(null, new Set());
  const rows = await repo.suppressionHashes(db, ownerId);
  return new SuppressionMatcher(secret, new Set(rows.map((r) => r.hash)));
}

/**
 * Deletes the account and everything it owns, in one transaction, after checking the password
 * (also when the request comes with an API token: a token alone never deletes an account).
 *
 * The last administrator of an instance that has other accounts cannot delete themself: the
 * instance would be left without anyone able to create accounts when sign-up is closed. They
 * make another administrator first (`rete user create --admin`). The only account of an
 * instance can always go; the next account to sign up becomes the administrator.
 */
export async function deleteAccount(deps: Deps, userId: string, password: string): Promise<void> {
  const user = await findUserById(deps.db, userId);
  if (!user) throw unauthenticated('Log in first');
  if (!(await verifyPassword(user.password_hash, password))) {
    throw invalidCredentials('The password is wrong; nothing was deleted', [{ path: 'password', message: 'wrong password' }]);
  }
  await deps.db.transaction().execute(async (tx) => {
    if (user.is_admin === 1) {
      const others = await otherAdmins(tx, userId);
      if (others.users > 0 && others.admins === 0) {
        throw conflict('You are the only administrator: make another account an administrator first (rete user create --admin)');
      }
    }
    await repo.deleteAccountRows(tx, userId);
  });
}
