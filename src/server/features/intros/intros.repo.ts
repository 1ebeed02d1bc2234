import type { Selectable } from 'kysely';
import type { Locale, SideKey } from '#shared/api/values.ts';
import type { Executor } from '../../db/db.ts';
import { newestFirst } from '../../db/paging.ts';
import type {
  IntroEventsTable,
  IntroSidesTable,
  IntroStatus,
  IntrosTable,
  IntroSideStatus,
  IntroTokensTable,
} from '../../db/schema.ts';
import { PERSON_BRIEF_COLUMNS, toPersonBrief, type PersonBrief } from '../people/people.repo.ts';

export type IntroRow = Selectable<IntrosTable>;
export type SideRow = Selectable<IntroSidesTable>;
export type TokenRow = Selectable<IntroTokensTable>;
export type { SideKey };

export const insertIntro = (db: Executor, row: IntrosTable) => db.insertInto('intros').values(row).execute();
export const insertSides = (db: Executor, rows: IntroSidesTable[]) => db.insertInto('intro_sides').values(rows).execute();
/** Appends an event; its `seq` follows the intro's last one (writers of one intro hold its row lock). */
export async function insertEvent(db: Executor, row: Omit<IntroEventsTable, 'seq'>): Promise<void> {
  const last = await db
    .selectFrom('intro_events')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('intro_id', '=', row.intro_id)
    .executeTakeFirst();
  await db
    .insertInto('intro_events')
    .values({ ...row, seq: Number(last?.seq ?? 0) + 1 })
    .execute();
}

export const findIntro = (db: Executor, ownerId: string, id: string) =>
  db.selectFrom('intros').selectAll().where('owner_id', '=', ownerId).where('id', '=', id).executeTakeFirst();

export const sidesOf = (db: Executor, ownerId: string, introIds: readonly string[]) =>
  introIds.length === 0
    ? Promise.resolve([] as SideRow[])
    : db
        .selectFrom('intro_sides')
        .selectAll()
        .where('owner_id', '=', ownerId)
        .where('intro_id', 'in', introIds)
        .orderBy('intro_id')
        .orderBy('side')
        .execute();

export const eventsOf = (db: Executor, ownerId: string, introId: string) =>
  db
    .selectFrom('intro_events')
    .select(['at', 'type', 'side'])
    .where('owner_id', '=', ownerId)
    .where('intro_id', '=', introId)
    .orderBy('seq')
    .execute();

export interface ListFilter {
  status?: IntroStatus | undefined;
  personId?: string | undefined;
  /** Keyset: (created_at, id) strictly before this. */
  before?: { createdAt: string; id: string } | undefined;
  limit: number;
}

export function listIntros(db: Executor, ownerId: string, f: ListFilter) {
  let q = db.selectFrom('intros').selectAll().where('owner_id', '=', ownerId);
  if (f.status) q = q.where('status', '=', f.status);
  if (f.personId) {
    const pid = f.personId;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('intro_sides')
          .select('intro_id')
          .whereRef('intro_sides.intro_id', '=', 'intros.id')
          .where('intro_sides.owner_id', '=', ownerId)
          .where('intro_sides.person_id', '=', pid),
      ),
    );
  }
  const before = f.before && { key: f.before.createdAt, id: f.before.id };
  return newestFirst(q, { key: 'created_at', id: 'id' }, before, f.limit);
}

/** Changes an intro, only if it is (still) in one of `from`; returns whether it did. */
export async function updateIntro(
  db: Executor,
  ownerId: string,
  id: string,
  patch: Partial<IntrosTable>,
  from?: readonly IntroStatus[],
): Promise<boolean> {
  let q = db.updateTable('intros').set(patch).where('owner_id', '=', ownerId).where('id', '=', id);
  if (from) q = q.where('status', 'in', from);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Changes one side, only if its status is (still) one of `from`; returns whether it did. */
export async function updateSide(
  db: Executor,
  ownerId: string,
  introId: string,
  side: SideKey,
  patch: Partial<IntroSidesTable>,
  from?: readonly IntroSideStatus[],
): Promise<boolean> {
  let q = db
    .updateTable('intro_sides')
    .set(patch)
    .where('owner_id', '=', ownerId)
    .where('intro_id', '=', introId)
    .where('side', '=', side);
  if (from) q = q.where('status', 'in', from);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** A request reached its side: the asked date becomes that moment and the expiry starts (once). */
export async function markSideDelivered(
  db: Executor,
  ownerId: string,
  introId: string,
  side: SideKey,
  at: string,
  expiresAt: string,
): Promise<void> {
  await db
    .updateTable('intro_sides')
    .set({ asked_at: at, expires_at: expiresAt })
    .where('owner_id', '=', ownerId)
    .where('intro_id', '=', introId)
    .where('side', '=', side)
    .where('status', '=', 'asked')
    .where('expires_at', 'is', null)
    .execute();
}

export const deleteIntro = (db: Executor, ownerId: string, id: string) =>
  db.deleteFrom('intros').where('owner_id', '=', ownerId).where('id', '=', id).executeTakeFirst();

// --- people ------------------------------------------------------------------------------

/** Some of the owner's people as briefs, with what the drafts of an email need: their language and my notes. */
export async function peopleBriefs(
  db: Executor,
  ownerId: string,
  ids: readonly string[],
): Promise<Array<PersonBrief & { language: Locale | null; notes: string | null }>> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('people')
    .select([...PERSON_BRIEF_COLUMNS, 'language', 'notes'])
    .where('owner_id', '=', ownerId)
    .where('id', 'in', ids)
    .execute();
  return rows.map((p) => ({ ...toPersonBrief(p), language: p.language, notes: p.notes }));
}

/** The first email address of each person (their primary one). */
export async function primaryEmails(db: Executor, ownerId: string, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('person_channels')
    .select(['person_id', 'value', 'position'])
    .where('owner_id', '=', ownerId)
    .where('person_id', 'in', ids)
    .where('kind', '=', 'email')
    .orderBy('person_id')
    .orderBy('position')
    .execute();
  const out = new Map<string, string>();
  for (const r of rows) if (!out.has(r.person_id)) out.set(r.person_id, r.value);
  return out;
}

export async function objectedAmong(db: Executor, ownerId: string, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('person_objections')
    .select('person_id')
    .where('owner_id', '=', ownerId)
    .where('person_id', 'in', ids)
    .execute();
  return new Set(rows.map((r) => r.person_id));
}

export async function addObjection(
  db: Executor,
  ownerId: string,
  personId: string,
  introId: string | null,
  at: string,
): Promise<void> {
  const exists = await db
    .selectFrom('person_objections')
    .select('person_id')
    .where('owner_id', '=', ownerId)
    .where('person_id', '=', personId)
    .executeTakeFirst();
  if (!exists) {
    await db
      .insertInto('person_objections')
      .values({ person_id: personId, owner_id: ownerId, objected_at: at, intro_id: introId })
      .execute();
  }
}

export const itemTexts = (db: Executor, ownerId: string, personId: string) =>
  Promise.all(
    (['needs', 'offers'] as const).map((t) =>
      db.selectFrom(t).select('text').where('owner_id', '=', ownerId).where('person_id', '=', personId).limit(20).execute(),
    ),
  ).then(([n, o]) => [...(n ?? []), ...(o ?? [])].map((r) => r.text));

// --- tokens ------------------------------------------------------------------------------

export const insertToken = (db: Executor, row: IntroTokensTable) => db.insertInto('intro_tokens').values(row).execute();

export const findToken = (db: Executor, hash: string) =>
  db.selectFrom('intro_tokens').selectAll().where('token_hash', '=', hash).executeTakeFirst();

/**
 * Uses a token (of an introduction's answer link, or of an ask's): a conditional UPDATE that only
 * an unused, unexpired token passes. Of ten concurrent uses exactly one changes the row; the
 * others change nothing and are refused.
 */
export async function useToken(
  db: Executor,
  id: string,
  now: string,
  table: 'intro_tokens' | 'intro_ask_tokens' = 'intro_tokens',
): Promise<boolean> {
  const r = await db
    .updateTable(table)
    .set({ used_at: now })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Every still usable token of an intro (or of one side of it) becomes unusable. */
export async function retireTokens(db: Executor, introId: string, now: string, side?: SideKey): Promise<void> {
  let q = db.updateTable('intro_tokens').set({ used_at: now }).where('intro_id', '=', introId).where('used_at', 'is', null);
  if (side) q = q.where('side', '=', side);
  await q.execute();
}

// --- sweep -------------------------------------------------------------------------------

/** Sides asked before `askedBefore`, still unanswered and never reminded, of intros still open. */
export const sidesToRemind = (db: Executor, askedBefore: string, now: string, limit: number) =>
  db
    .selectFrom('intro_sides')
    .innerJoin('intros', 'intros.id', 'intro_sides.intro_id')
    .select(['intro_sides.intro_id', 'intro_sides.side', 'intro_sides.owner_id'])
    .where('intro_sides.status', '=', 'asked')
    .where('intro_sides.reminded_at', 'is', null)
    .where('intro_sides.asked_at', '<=', askedBefore)
    .where('intro_sides.expires_at', '>', now)
    .where('intros.status', 'in', ['asked', 'accepted_one'])
    .limit(limit)
    .execute();

/** Sides asked and unanswered past their expiry (of intros not cancelled: those keep their state). */
export const sidesExpired = (db: Executor, now: string, limit: number) =>
  db
    .selectFrom('intro_sides')
    .innerJoin('intros', 'intros.id', 'intro_sides.intro_id')
    .select(['intro_sides.intro_id', 'intro_sides.side', 'intro_sides.owner_id'])
    .where('intro_sides.status', '=', 'asked')
    .where('intro_sides.expires_at', '<=', now)
    .where('intros.status', '!=', 'cancelled')
    .limit(limit)
    .execute();

/** The sides of the owner's open introductions (`introStatuses`) still waiting for this person (`sideStatuses`). */
export const sidesWaitingFor = (
  db: Executor,
  ownerId: string,
  personId: string,
  sideStatuses: readonly IntroSideStatus[],
  introStatuses: readonly IntroStatus[],
) =>
  db
    .selectFrom('intro_sides')
    .innerJoin('intros', 'intros.id', 'intro_sides.intro_id')
    .select(['intro_sides.intro_id', 'intro_sides.side'])
    .where('intro_sides.owner_id', '=', ownerId)
    .where('intro_sides.person_id', '=', personId)
    .where('intro_sides.status', 'in', sideStatuses)
    .where('intros.status', 'in', introStatuses)
    .execute();

/** Marks a side reminded, once: false when it was not waiting unreminded any more (another worker did it). */
export async function markReminded(db: Executor, ownerId: string, introId: string, side: SideKey, at: string): Promise<boolean> {
  const res = await db
    .updateTable('intro_sides')
    .set({ reminded_at: at })
    .where('owner_id', '=', ownerId)
    .where('intro_id', '=', introId)
    .where('side', '=', side)
    .where('status', '=', 'asked')
    .where('reminded_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}
