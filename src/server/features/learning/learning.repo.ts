import type { Selectable } from 'kysely';
import type { Executor } from '../../db/db.ts';
import type { MatchFeedbackTable, TaughtWordsTable } from '../../db/schema.ts';

// Every function takes the owner and filters by it in SQL.

export type FeedbackRow = Selectable<MatchFeedbackTable>;
export type TaughtRow = Selectable<TaughtWordsTable>;

// --- feedback -------------------------------------------------------------------------------

export const allFeedback = (db: Executor, ownerId: string): Promise<FeedbackRow[]> =>
  db
    .selectFrom('match_feedback')
    .selectAll()
    .where('owner_id', '=', ownerId)
    .orderBy('updated_at', 'desc')
    .orderBy('id')
    .execute();

export const findFeedback = (db: Executor, ownerId: string, id: string) =>
  db.selectFrom('match_feedback').selectAll().where('owner_id', '=', ownerId).where('id', '=', id).executeTakeFirst();

export const findPair = (db: Executor, ownerId: string, kind: FeedbackRow['item_kind'], key: string, personId: string) =>
  db
    .selectFrom('match_feedback')
    .selectAll()
    .where('owner_id', '=', ownerId)
    .where('item_kind', '=', kind)
    .where('item_key', '=', key)
    .where('person_id', '=', personId)
    .executeTakeFirst();

export const insertFeedback = (db: Executor, row: MatchFeedbackTable) => db.insertInto('match_feedback').values(row).execute();

export const updateFeedback = (
  db: Executor,
  ownerId: string,
  id: string,
  patch: Pick<MatchFeedbackTable, 'verdict' | 'concepts' | 'updated_at'> & { ask_text?: string | null },
) => db.updateTable('match_feedback').set(patch).where('owner_id', '=', ownerId).where('id', '=', id).executeTakeFirst();

export const deleteFeedback = (db: Executor, ownerId: string, id: string) =>
  db.deleteFrom('match_feedback').where('owner_id', '=', ownerId).where('id', '=', id).executeTakeFirst();

/** The texts of needs or offers of the owner, by id (for the list of feedback). */
export async function itemTexts(db: Executor, ownerId: string, table: 'needs' | 'offers', ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, string>();
  const rows = await db
    .selectFrom(table)
    .select(['id', 'text'])
    .where('owner_id', '=', ownerId)
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, r.text]));
}

/** A need or offer of the owner, with its person. */
export const findItem = (db: Executor, ownerId: string, table: 'needs' | 'offers', id: string) =>
  db
    .selectFrom(table)
    .select(['id', 'person_id', 'text'])
    .where('owner_id', '=', ownerId)
    .where('id', '=', id)
    .executeTakeFirst();

/** The owner's people by id: who exists, with their names. */
export async function peopleNames(db: Executor, ownerId: string, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, string>();
  const rows = await db
    .selectFrom('people')
    .select(['id', 'name'])
    .where('owner_id', '=', ownerId)
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The id of a need or offer of one of the owner's people, by its text (restoring an export). */
export async function itemIdsOf(db: Executor, ownerId: string, table: 'needs' | 'offers', personIds: readonly string[]) {
  if (personIds.length === 0) return [];
  return db
    .selectFrom(table)
    .select(['id', 'person_id', 'text'])
    .where('owner_id', '=', ownerId)
    .where('person_id', 'in', [...new Set(personIds)])
    .execute();
}

// --- taught words ---------------------------------------------------------------------------

export const allTaught = (db: Executor, ownerId: string): Promise<TaughtRow[]> =>
  db.selectFrom('taught_words').selectAll().where('owner_id', '=', ownerId).orderBy('phrase_key').orderBy('id').execute();

export const findTaught = (db: Executor, ownerId: string, id: string) =>
  db.selectFrom('taught_words').selectAll().where('owner_id', '=', ownerId).where('id', '=', id).executeTakeFirst();

export const findTaughtByKey = (db: Executor, ownerId: string, key: string) =>
  db.selectFrom('taught_words').selectAll().where('owner_id', '=', ownerId).where('phrase_key', '=', key).executeTakeFirst();

export const insertTaught = (db: Executor, row: TaughtWordsTable) => db.insertInto('taught_words').values(row).execute();

export const updateTaught = (
  db: Executor,
  ownerId: string,
  id: string,
  patch: Partial<Pick<TaughtWordsTable, 'phrase' | 'phrase_key' | 'words' | 'concepts' | 'updated_at'>>,
) => db.updateTable('taught_words').set(patch).where('owner_id', '=', ownerId).where('id', '=', id).executeTakeFirst();

export const deleteTaught = (db: Executor, ownerId: string, id: string) =>
  db.deleteFrom('taught_words').where('owner_id', '=', ownerId).where('id', '=', id).executeTakeFirst();
