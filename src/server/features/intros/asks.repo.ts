/** SQL of the asks through a contact; every function takes the owner and filters by it, except the token lookup and the jobs'. */
import type { Selectable } from 'kysely';
import type { Executor } from '../../db/db.ts';
import { newestFirst } from '../../db/paging.ts';
import type { AskStatus, IntroAsksTable, IntroAskTokensTable } from '../../db/schema.ts';
import { useToken } from './intros.repo.ts';

export type AskRow = Selectable<IntroAsksTable>;
export type AskTokenRow = Selectable<IntroAskTokensTable>;

export const OPEN_ASK: readonly AskStatus[] = ['asked'];

export const insertAsk = (db: Executor, row: IntroAsksTable) => db.insertInto('intro_asks').values(row).execute();

export const findAsk = (db: Executor, ownerId: string, id: string) =>
  db.selectFrom('intro_asks').selectAll().where('owner_id', '=', ownerId).where('id', '=', id).executeTakeFirst();

/** For the jobs, which act for every owner. */
export const findAskById = (db: Executor, id: string) =>
  db.selectFrom('intro_asks').selectAll().where('id', '=', id).executeTakeFirst();

/** An ask still waiting for its answer with the same three people, if any. */
export const openAskFor = (db: Executor, ownerId: string, viaId: string, helperId: string, forId: string) =>
  db
    .selectFrom('intro_asks')
    .select('id')
    .where('owner_id', '=', ownerId)
    .where('via_person_id', '=', viaId)
    .where('helper_person_id', '=', helperId)
    .where('for_person_id', '=', forId)
    .where('status', 'in', OPEN_ASK)
    .executeTakeFirst();

export interface ListFilter {
  status?: AskStatus | undefined;
  personId?: string | undefined;
  before?: { createdAt: string; id: string } | undefined;
  limit: number;
}

export function listAsks(db: Executor, ownerId: string, f: ListFilter) {
  let q = db.selectFrom('intro_asks').selectAll().where('owner_id', '=', ownerId);
  if (f.status) q = q.where('status', '=', f.status);
  if (f.personId) {
    const pid = f.personId;
    q = q.where((eb) => eb.or([eb('via_person_id', '=', pid), eb('helper_person_id', '=', pid), eb('for_person_id', '=', pid)]));
  }
  const before = f.before && { key: f.before.createdAt, id: f.before.id };
  return newestFirst(q, { key: 'created_at', id: 'id' }, before, f.limit);
}

/** Changes an ask, only if it is (still) in one of `from`; returns whether it did. */
export async function updateAsk(
  db: Executor,
  ownerId: string,
  id: string,
  patch: Partial<IntroAsksTable>,
  from?: readonly AskStatus[],
): Promise<boolean> {
  let q = db.updateTable('intro_asks').set(patch).where('owner_id', '=', ownerId).where('id', '=', id);
  if (from) q = q.where('status', 'in', from);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** The ask reached the intermediary: its asked date becomes that moment and its expiry starts (once). */
export async function markAskDelivered(
  db: Executor,
  ownerId: string,
  id: string,
  at: string,
  expiresAt: string,
): Promise<boolean> {
  const r = await db
    .updateTable('intro_asks')
    .set({ asked_at: at, expires_at: expiresAt, updated_at: at })
    .where('owner_id', '=', ownerId)
    .where('id', '=', id)
    .where('status', '=', 'asked')
    .where('expires_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

// --- tokens ------------------------------------------------------------------------------

export const insertAskToken = (db: Executor, row: IntroAskTokensTable) => db.insertInto('intro_ask_tokens').values(row).execute();

export const findAskToken = (db: Executor, hash: string) =>
  db.selectFrom('intro_ask_tokens').selectAll().where('token_hash', '=', hash).executeTakeFirst();

/** Uses a token: only an unused, unexpired one passes (of concurrent uses, exactly one). */
export const useAskToken = (db: Executor, id: string, now: string): Promise<boolean> => useToken(db, id, now, 'intro_ask_tokens');

/** Every still usable token of an ask becomes unusable. */
export async function retireAskTokens(db: Executor, askId: string, now: string): Promise<void> {
  await db
    .updateTable('intro_ask_tokens')
    .set({ used_at: now })
    .where('ask_id', '=', askId)
    .where('used_at', 'is', null)
    .execute();
}

// --- relationships and needs -------------------------------------------------------------

/** The relationship of two people, whichever way it was stored. */
export const relationshipOf = (db: Executor, ownerId: string, x: string, y: string) => {
  const [a, b] = x < y ? [x, y] : [y, x];
  return db
    .selectFrom('relationships')
    .select(['id', 'lapsed_at'])
    .where('owner_id', '=', ownerId)
    .where('person_a_id', '=', a)
    .where('person_b_id', '=', b)
    .executeTakeFirst();
};

export const markRelationshipLapsed = (db: Executor, ownerId: string, id: string, at: string) =>
  db
    .updateTable('relationships')
    .set({ lapsed_at: at, updated_at: at })
    .where('owner_id', '=', ownerId)
    .where('id', '=', id)
    .where('lapsed_at', 'is', null)
    .execute();

export const findNeed = (db: Executor, ownerId: string, id: string) =>
  db
    .selectFrom('needs')
    .select(['id', 'person_id', 'text'])
    .where('owner_id', '=', ownerId)
    .where('id', '=', id)
    .executeTakeFirst();

export const findOffer = (db: Executor, ownerId: string, id: string) =>
  db
    .selectFrom('offers')
    .select(['id', 'person_id', 'text'])
    .where('owner_id', '=', ownerId)
    .where('id', '=', id)
    .executeTakeFirst();

/** The ledger rows recorded for some asks (their "yes"). */
export const receivedOfAsks = (db: Executor, ownerId: string, askIds: readonly string[]) =>
  askIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('received_business')
        .select(['id', 'ask_id'])
        .where('owner_id', '=', ownerId)
        .where('ask_id', 'in', askIds)
        .execute();

/** Ends as objected every ask still waiting for this intermediary; returns their ids. */
export async function closeOpenAsksVia(db: Executor, ownerId: string, personId: string, now: string): Promise<string[]> {
  const open = await db
    .selectFrom('intro_asks')
    .select('id')
    .where('owner_id', '=', ownerId)
    .where('via_person_id', '=', personId)
    .where('status', 'in', OPEN_ASK)
    .execute();
  const ids = open.map((r) => r.id);
  if (ids.length > 0) {
    await db
      .updateTable('intro_asks')
      .set({ status: 'objected', answered_at: now, closed_at: now, updated_at: now })
      .where('owner_id', '=', ownerId)
      .where('id', 'in', ids)
      .where('status', 'in', OPEN_ASK)
      .execute();
  }
  return ids;
}
