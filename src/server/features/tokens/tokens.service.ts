import type { ApiToken } from '../../db/schema.ts';
import { notFound } from '../../lib/errors.ts';
import { newId, newSecret, sha256 } from '../../lib/ids.ts';
import type { Deps } from '../auth/auth.service.ts';
import * as repo from './tokens.repo.ts';

/** Tokens carry a recognisable prefix so that secret scanners can spot a leaked one. */
const TOKEN_PREFIX = 'rete_';

export const toPublicToken = (t: ApiToken) => ({
  id: t.id,
  name: t.name,
  prefix: t.prefix,
  createdAt: t.created_at,
  lastUsedAt: t.last_used_at,
});

export async function createToken(deps: Deps, userId: string, name: string) {
  const secret = TOKEN_PREFIX + newSecret();
  const row = {
    id: newId(),
    user_id: userId,
    name,
    token_hash: sha256(secret),
    prefix: secret.slice(0, TOKEN_PREFIX.length + 6),
    created_at: deps.now().toISOString(),
  };
  await repo.insertToken(deps.db, row);
  return { token: toPublicToken({ ...row, last_used_at: null, revoked_at: null }), secret };
}

export const listTokens = async (deps: Deps, userId: string) => (await repo.listTokens(deps.db, userId)).map(toPublicToken);

export async function revokeToken(deps: Deps, userId: string, id: string): Promise<void> {
  if (!(await repo.revokeToken(deps.db, userId, id, deps.now().toISOString()))) throw notFound();
}

const TOUCH_EVERY_MS = 60_000;

/** The token's user and their network version, or null for an unknown or revoked token. */
export async function resolveToken(deps: Deps, secret: string): Promise<{ userId: string; networkVersion: number } | null> {
  if (!secret.startsWith(TOKEN_PREFIX) || secret.length > 200) return null;
  const t = await repo.findActiveTokenByHash(deps.db, sha256(secret));
  if (!t) return null;
  const now = deps.now();
  if (!t.last_used_at || now.getTime() - Date.parse(t.last_used_at) > TOUCH_EVERY_MS) {
    await repo.touchToken(deps.db, t.id, now.toISOString());
  }
  return { userId: t.user_id, networkVersion: Number(t.network_version) };
}
