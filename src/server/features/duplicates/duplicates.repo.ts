import { sql } from 'kysely';
import type { Executor } from '../../db/db.ts';

// Every function takes the owner and filters by it in SQL.

/** The owner's contacts ("Me" excluded) with what duplicate detection compares. */
export async function loadCandidates(db: Executor, ownerId: string) {
  const [people, channels] = await Promise.all([
    db
      .selectFrom('people')
      .select(['id', 'name', 'company', 'role', 'city', 'source', 'created_at'])
      .where('owner_id', '=', ownerId)
      .where('is_self', '=', 0)
      .orderBy('sort_name')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('person_channels')
      .select(['person_id', 'kind', 'value'])
      .where('owner_id', '=', ownerId)
      .orderBy('person_id')
      .orderBy('position')
      .execute(),
  ]);
  return { people, channels };
}

// --- merging ----------------------------------------------------------------------------------

/** The owner's people among `ids`, with what choosing the one to keep needs. */
export const peopleByIds = (db: Executor, ownerId: string, ids: string[]) =>
  db
    .selectFrom('people')
    .select(['id', 'name', 'created_at', 'is_self'])
    .where('owner_id', '=', ownerId)
    .where('id', 'in', ids)
    .execute();

/** The channels of the owner's people among `ids`. */
export const channelsOfPeople = (db: Executor, ownerId: string, ids: string[]) =>
  db
    .selectFrom('person_channels')
    .select(['person_id', 'kind', 'value'])
    .where('owner_id', '=', ownerId)
    .where('person_id', 'in', ids)
    .orderBy('person_id')
    .orderBy('position')
    .execute();

export const channelsOfPerson = (db: Executor, ownerId: string, personId: string) =>
  db
    .selectFrom('person_channels')
    .selectAll()
    .where('owner_id', '=', ownerId)
    .where('person_id', '=', personId)
    .orderBy('kind')
    .orderBy('position')
    .execute();

export const moveChannel = (db: Executor, ownerId: string, id: string, personId: string, position: number) =>
  db
    .updateTable('person_channels')
    .set({ person_id: personId, position })
    .where('owner_id', '=', ownerId)
    .where('id', '=', id)
    .execute();

export const tagsOfPerson = (db: Executor, ownerId: string, personId: string) =>
  db.selectFrom('person_tags').select('tag').where('owner_id', '=', ownerId).where('person_id', '=', personId).execute();

export async function insertTags(db: Executor, ownerId: string, personId: string, tags: string[]): Promise<void> {
  if (tags.length === 0) return;
  await db
    .insertInto('person_tags')
    .values(tags.map((tag) => ({ owner_id: ownerId, person_id: personId, tag })))
    .execute();
}

/** Needs, offers and timeline entries of one person become another's. */
export async function movePersonRows(db: Executor, ownerId: string, from: string, to: string): Promise<void> {
  for (const table of ['needs', 'offers', 'interactions'] as const) {
    await db.updateTable(table).set({ person_id: to }).where('owner_id', '=', ownerId).where('person_id', '=', from).execute();
  }
  // Verdicts on suggesting the one merged away become the kept one's, unless it has its own for the same ask.
  const verdicts = await db
    .selectFrom('match_feedback')
    .select(['id', 'person_id', 'item_kind', 'item_key'])
    .where('owner_id', '=', ownerId)
    .where('person_id', 'in', [from, to])
    .execute();
  const kept = new Set(verdicts.filter((v) => v.person_id === to).map((v) => `${v.item_kind}|${v.item_key}`));
  const clash = verdicts.filter((v) => v.person_id === from && kept.has(`${v.item_kind}|${v.item_key}`)).map((v) => v.id);
  if (clash.length > 0) await db.deleteFrom('match_feedback').where('owner_id', '=', ownerId).where('id', 'in', clash).execute();
  await db
    .updateTable('match_feedback')
    .set({ person_id: to })
    .where('owner_id', '=', ownerId)
    .where('person_id', '=', from)
    .execute();
}

export async function relationshipsOfPerson(db: Executor, ownerId: string, personId: string) {
  return db
    .selectFrom('relationships')
    .selectAll()
    .where('owner_id', '=', ownerId)
    .where((eb) => eb.or([eb('person_a_id', '=', personId), eb('person_b_id', '=', personId)]))
    .execute();
}

export const updateRelationship = (
  db: Executor,
  ownerId: string,
  id: string,
  patch: { person_a_id?: string; person_b_id?: string; strength?: number; note?: string | null; updated_at?: string },
) => db.updateTable('relationships').set(patch).where('owner_id', '=', ownerId).where('id', '=', id).execute();

export const deleteRelationship = (db: Executor, ownerId: string, id: string) =>
  db.deleteFrom('relationships').where('owner_id', '=', ownerId).where('id', '=', id).execute();

/** People introduced by `from` are now introduced by `to` (never by themselves). */
export async function repointIntroducer(db: Executor, ownerId: string, from: string, to: string): Promise<string[]> {
  const rows = await db
    .selectFrom('people')
    .select('id')
    .where('owner_id', '=', ownerId)
    .where('introduced_by_id', '=', from)
    .where('id', '!=', to)
    .execute();
  if (rows.length > 0)
    await db
      .updateTable('people')
      .set({ introduced_by_id: to })
      .where('owner_id', '=', ownerId)
      .where('introduced_by_id', '=', from)
      .where('id', '!=', to)
      .execute();
  return rows.map((r) => r.id);
}

/** The merged-away person, with what is left of them (duplicate channels and tags) and their change-log entries. */
export async function deleteMerged(db: Executor, ownerId: string, personId: string): Promise<void> {
  await db.deleteFrom('person_channels').where('owner_id', '=', ownerId).where('person_id', '=', personId).execute();
  await db.deleteFrom('person_tags').where('owner_id', '=', ownerId).where('person_id', '=', personId).execute();
  await db.deleteFrom('network_changes').where('owner_id', '=', ownerId).where('person_id', '=', personId).execute();
  await db.deleteFrom('people').where('owner_id', '=', ownerId).where('id', '=', personId).execute();
}

/**
 * What other features hold about the merged-away person becomes the kept person's: an objection
 * ("do not contact", GDPR art. 21) above all, so that a merge can never undo it; introduction
 * sides, sent emails, gives and referred business. Runs before the other person is deleted
 * (their foreign keys would otherwise drop or empty these rows).
 */
export async function repointOtherFeatures(db: Executor, ownerId: string, from: string, to: string): Promise<void> {
  const objections = await db
    .selectFrom('person_objections')
    .select('person_id')
    .where('owner_id', '=', ownerId)
    .where('person_id', 'in', [from, to])
    .execute();
  if (objections.some((o) => o.person_id === from)) {
    if (objections.some((o) => o.person_id === to))
      await db.deleteFrom('person_objections').where('owner_id', '=', ownerId).where('person_id', '=', from).execute();
    else
      await db
        .updateTable('person_objections')
        .set({ person_id: to })
        .where('owner_id', '=', ownerId)
        .where('person_id', '=', from)
        .execute();
  }
  for (const [table, column] of POINTERS)
    await sql`update ${sql.table(table)} set ${sql.ref(column)} = ${to} where owner_id = ${ownerId} and ${sql.ref(column)} = ${from}`.execute(
      db,
    );
  // A give to both people keeps its one recipient row; the others move.
  const gives = await db
    .selectFrom('give_recipients')
    .select(['give_id', 'person_id'])
    .where('owner_id', '=', ownerId)
    .where('person_id', 'in', [from, to])
    .execute();
  const keptGives = new Set(gives.filter((g) => g.person_id === to).map((g) => g.give_id));
  const toBoth = gives.filter((g) => g.person_id === from && keptGives.has(g.give_id)).map((g) => g.give_id);
  if (toBoth.length > 0)
    await db
      .deleteFrom('give_recipients')
      .where('owner_id', '=', ownerId)
      .where('person_id', '=', from)
      .where('give_id', 'in', toBoth)
      .execute();
  await db
    .updateTable('give_recipients')
    .set({ person_id: to })
    .where('owner_id', '=', ownerId)
    .where('person_id', '=', from)
    .execute();
}

/** Columns of other features that point at a person (and follow them through a merge). */
const POINTERS = [
  ['intro_sides', 'person_id'],
  ['mail_messages', 'person_id'],
  ['mail_messages', 'other_person_id'],
  ['received_business', 'referred_by_id'],
] as const;
