import type { Selectable } from 'kysely';
import type { Executor } from '../../db/db.ts';
import { newestFirst } from '../../db/paging.ts';
import type { GiveKind, GivesTable, OutcomesTable, ReceivedBusinessTable } from '../../db/schema.ts';

// Every function takes the owner and filters by it in SQL.

export type GiveRow = Selectable<GivesTable>;
export type OutcomeRow = Selectable<OutcomesTable>;
export type ReceivedRow = Selectable<ReceivedBusinessTable>;

export const insertGive = (db: Executor, row: GivesTable) => db.insertInto('gives').values(row).execute();

export async function setRecipients(db: Executor, ownerId: string, giveId: string, personIds: readonly string[], fresh = false) {
  if (!fresh) await db.deleteFrom('give_recipients').where('owner_id', '=', ownerId).where('give_id', '=', giveId).execute();
  const unique = [...new Set(personIds)];
  if (unique.length === 0) return;
  await db
    .insertInto('give_recipients')
    .values(unique.map((person_id) => ({ give_id: giveId, owner_id: ownerId, person_id })))
    .execute();
}

export const findGive = (db: Executor, ownerId: string, id: string) =>
  db.selectFrom('gives').selectAll().where('owner_id', '=', ownerId).where('id', '=', id).executeTakeFirst();

export const updateGive = (db: Executor, ownerId: string, id: string, patch: Partial<GivesTable>) =>
  db.updateTable('gives').set(patch).where('owner_id', '=', ownerId).where('id', '=', id).executeTakeFirst();

export const deleteGive = (db: Executor, ownerId: string, id: string) =>
  db.deleteFrom('gives').where('owner_id', '=', ownerId).where('id', '=', id).executeTakeFirst();

export interface GiveFilter {
  kind?: GiveKind | undefined;
  personId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  before?: { date: string; id: string } | undefined;
  limit: number;
}

export function listGives(db: Executor, ownerId: string, f: GiveFilter) {
  let q = db.selectFrom('gives').selectAll().where('owner_id', '=', ownerId);
  if (f.kind) q = q.where('kind', '=', f.kind);
  if (f.from) q = q.where('given_on', '>=', f.from);
  if (f.to) q = q.where('given_on', '<=', f.to);
  if (f.personId) {
    const pid = f.personId;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('give_recipients')
          .select('give_id')
          .whereRef('give_recipients.give_id', '=', 'gives.id')
          .where('give_recipients.owner_id', '=', ownerId)
          .where('give_recipients.person_id', '=', pid),
      ),
    );
  }
  const before = f.before && { key: f.before.date, id: f.before.id };
  return newestFirst(q, { key: 'given_on', id: 'id' }, before, f.limit);
}

export const recipientsOf = (db: Executor, ownerId: string, giveIds: readonly string[]) =>
  giveIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('give_recipients')
        .innerJoin('people', 'people.id', 'give_recipients.person_id')
        .select(['give_recipients.give_id', 'people.id', 'people.name', 'people.sort_name'])
        .where('give_recipients.owner_id', '=', ownerId)
        .where('give_recipients.give_id', 'in', giveIds)
        .orderBy('people.sort_name')
        .execute();

export const outcomesOf = (db: Executor, ownerId: string, giveIds: readonly string[]) =>
  giveIds.length === 0
    ? Promise.resolve([] as OutcomeRow[])
    : db
        .selectFrom('outcomes')
        .selectAll()
        .where('owner_id', '=', ownerId)
        .where('give_id', 'in', giveIds)
        .orderBy('occurred_on')
        .orderBy('created_at')
        .orderBy('id')
        .execute();

export const needsByIds = (db: Executor, ownerId: string, ids: readonly string[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('needs')
        .select(['id', 'person_id', 'text', 'status'])
        .where('owner_id', '=', ownerId)
        .where('id', 'in', ids)
        .execute();

/** The gives Rete recorded for some introductions (at most one each). */
export const introGives = (db: Executor, ownerId: string, introIds: readonly string[]) =>
  introIds.length === 0
    ? Promise.resolve([] as Array<{ id: string; intro_id: string }>)
    : db
        .selectFrom('gives')
        .select(['id', 'intro_id'])
        .where('owner_id', '=', ownerId)
        .where('intro_id', 'in', introIds)
        .orderBy('created_at')
        .execute()
        .then((rows) => rows.flatMap((r) => (r.intro_id ? [{ id: r.id, intro_id: r.intro_id }] : [])));

export const introStatuses = (db: Executor, ownerId: string, ids: readonly string[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : db.selectFrom('intros').select(['id', 'status']).where('owner_id', '=', ownerId).where('id', 'in', ids).execute();

export const insertOutcome = (db: Executor, row: OutcomesTable) => db.insertInto('outcomes').values(row).execute();

export const findOutcome = (db: Executor, ownerId: string, id: string) =>
  db.selectFrom('outcomes').selectAll().where('owner_id', '=', ownerId).where('id', '=', id).executeTakeFirst();

export const deleteOutcome = (db: Executor, ownerId: string, id: string) =>
  db.deleteFrom('outcomes').where('owner_id', '=', ownerId).where('id', '=', id).executeTakeFirst();

// --- received ----------------------------------------------------------------------------

export const insertReceived = (db: Executor, row: ReceivedBusinessTable) =>
  db.insertInto('received_business').values(row).execute();

export const findReceived = (db: Executor, ownerId: string, id: string) =>
  db.selectFrom('received_business').selectAll().where('owner_id', '=', ownerId).where('id', '=', id).executeTakeFirst();

export const updateReceived = (db: Executor, ownerId: string, id: string, patch: Partial<ReceivedBusinessTable>) =>
  db.updateTable('received_business').set(patch).where('owner_id', '=', ownerId).where('id', '=', id).executeTakeFirst();

export const deleteReceived = (db: Executor, ownerId: string, id: string) =>
  db.deleteFrom('received_business').where('owner_id', '=', ownerId).where('id', '=', id).executeTakeFirst();

export function listReceived(
  db: Executor,
  ownerId: string,
  f: { from?: string | undefined; to?: string | undefined; before?: { date: string; id: string } | undefined; limit: number },
) {
  let q = db
    .selectFrom('received_business')
    .leftJoin('people', (j) => j.onRef('people.id', '=', 'received_business.referred_by_id').on('people.owner_id', '=', ownerId))
    .selectAll('received_business')
    .select('people.name as referrer_name')
    .where('received_business.owner_id', '=', ownerId);
  if (f.from) q = q.where('received_business.received_on', '>=', f.from);
  if (f.to) q = q.where('received_business.received_on', '<=', f.to);
  const before = f.before && { key: f.before.date, id: f.before.id };
  return newestFirst(q, { key: 'received_business.received_on', id: 'received_business.id' }, before, f.limit);
}
