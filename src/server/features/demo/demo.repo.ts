import type { Executor } from '../../db/db.ts';
import type { GivesTable, OutcomesTable, ReceivedBusinessTable, RelationshipsTable } from '../../db/schema.ts';
import { DEMO_SOURCE } from '../people/people.service.ts';

// Every function takes the owner and filters by it in SQL.

export async function hasContacts(db: Executor, ownerId: string): Promise<boolean> {
  const row = await db
    .selectFrom('people')
    .select('id')
    .where('owner_id', '=', ownerId)
    .where('is_self', '=', 0)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** The people of the demo network in this account. */
export async function demoPeopleIds(db: Executor, ownerId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('people')
    .select('id')
    .where('owner_id', '=', ownerId)
    .where('is_self', '=', 0)
    .where('source', '=', DEMO_SOURCE)
    .execute();
  return rows.map((r) => r.id);
}

export async function setIntroducers(
  db: Executor,
  ownerId: string,
  pairs: ReadonlyArray<{ id: string; by: string }>,
): Promise<void> {
  for (const p of pairs) {
    await db
      .updateTable('people')
      .set({ introduced_by_id: p.by })
      .where('owner_id', '=', ownerId)
      .where('id', '=', p.id)
      .execute();
  }
}

export async function insertRelationships(db: Executor, rows: RelationshipsTable[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('relationships').values(rows).execute();
}

export async function insertInteractions(
  db: Executor,
  rows: Array<{
    id: string;
    owner_id: string;
    person_id: string;
    kind: 'meeting' | 'call' | 'message' | 'note';
    occurred_at: string;
    summary: string;
    created_at: string;
  }>,
): Promise<void> {
  if (rows.length > 0) await db.insertInto('interactions').values(rows).execute();
}

export async function insertLedger(
  db: Executor,
  rows: {
    gives: GivesTable[];
    recipients: Array<{ give_id: string; owner_id: string; person_id: string }>;
    outcomes: OutcomesTable[];
    received: ReceivedBusinessTable[];
  },
): Promise<void> {
  if (rows.gives.length > 0) await db.insertInto('gives').values(rows.gives).execute();
  if (rows.recipients.length > 0) await db.insertInto('give_recipients').values(rows.recipients).execute();
  if (rows.outcomes.length > 0) await db.insertInto('outcomes').values(rows.outcomes).execute();
  if (rows.received.length > 0) await db.insertInto('received_business').values(rows.received).execute();
}

export interface RemovedLedger {
  intros: number;
  messages: number;
  gives: number;
  received: number;
}

/**
 * Everything of the owner's that refers to these people, besides their own rows (which the
 * erasure removes): introductions with one of them on a side, with their events, answer links,
 * emails and the jobs that would send them, and the gives recorded for them; gives that went only
 * to them (with their outcomes); business they referred; objections they made. A give that also
 * went to someone else stays, without them. Returns what was removed.
 */
export async function removeReferencesTo(db: Executor, ownerId: string, ids: readonly string[]): Promise<RemovedLedger> {
  if (ids.length === 0) return { intros: 0, messages: 0, gives: 0, received: 0 };
  const introIds = (
    await db
      .selectFrom('intro_sides')
      .select('intro_id')
      .distinct()
      .where('owner_id', '=', ownerId)
      .where('person_id', 'in', ids)
      .execute()
  ).map((r) => r.intro_id);

  const mail = await db
    .selectFrom('mail_messages')
    .select(['id', 'job_id'])
    .where('owner_id', '=', ownerId)
    .where((eb) =>
      eb.or([
        eb('person_id', 'in', ids),
        eb('other_person_id', 'in', ids),
        ...(introIds.length > 0 ? [eb('intro_id', 'in', introIds)] : []),
      ]),
    )
    .execute();
  const jobIds = mail.flatMap((m) => (m.job_id ? [m.job_id] : []));
  if (jobIds.length > 0) await db.deleteFrom('jobs').where('owner_id', '=', ownerId).where('id', 'in', jobIds).execute();
  if (mail.length > 0)
    await db
      .deleteFrom('mail_messages')
      .where('owner_id', '=', ownerId)
      .where(
        'id',
        'in',
        mail.map((m) => m.id),
      )
      .execute();

  const touching = (
    await db
      .selectFrom('give_recipients')
      .select('give_id')
      .distinct()
      .where('owner_id', '=', ownerId)
      .where('person_id', 'in', ids)
      .execute()
  ).map((r) => r.give_id);
  const shared =
    touching.length === 0
      ? new Set<string>()
      : new Set(
          (
            await db
              .selectFrom('give_recipients')
              .select('give_id')
              .where('owner_id', '=', ownerId)
              .where('give_id', 'in', touching)
              .where('person_id', 'not in', ids)
              .execute()
          ).map((r) => r.give_id),
        );
  const ofIntros =
    introIds.length === 0
      ? []
      : (
          await db.selectFrom('gives').select('id').where('owner_id', '=', ownerId).where('intro_id', 'in', introIds).execute()
        ).map((r) => r.id);
  const gives = [...new Set([...touching.filter((g) => !shared.has(g)), ...ofIntros])];
  if (gives.length > 0) {
    await db.deleteFrom('outcomes').where('owner_id', '=', ownerId).where('give_id', 'in', gives).execute();
    await db.deleteFrom('give_recipients').where('owner_id', '=', ownerId).where('give_id', 'in', gives).execute();
    await db.deleteFrom('gives').where('owner_id', '=', ownerId).where('id', 'in', gives).execute();
  }
  await db.deleteFrom('give_recipients').where('owner_id', '=', ownerId).where('person_id', 'in', ids).execute();
  // A give that stays no longer answers one of their needs.
  await db
    .updateTable('gives')
    .set({ need_id: null })
    .where('owner_id', '=', ownerId)
    .where('need_id', 'in', (eb) =>
      eb.selectFrom('needs').select('id').where('owner_id', '=', ownerId).where('person_id', 'in', ids),
    )
    .execute();

  const received = await db
    .deleteFrom('received_business')
    .where('owner_id', '=', ownerId)
    .where('referred_by_id', 'in', ids)
    .executeTakeFirst();

  if (introIds.length > 0) {
    for (const table of ['intro_tokens', 'intro_events', 'intro_sides'] as const) {
      await db.deleteFrom(table).where('owner_id', '=', ownerId).where('intro_id', 'in', introIds).execute();
    }
    await db.deleteFrom('intros').where('owner_id', '=', ownerId).where('id', 'in', introIds).execute();
  }
  await db.deleteFrom('person_objections').where('owner_id', '=', ownerId).where('person_id', 'in', ids).execute();
  return { intros: introIds.length, messages: mail.length, gives: gives.length, received: Number(received.numDeletedRows) };
}
