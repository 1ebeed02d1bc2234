import type { Selectable } from 'kysely';
import type { Executor } from '../../db/db.ts';
import type { MailKind, MailMessagesTable, MailStatus } from '../../db/schema.ts';

export type MessageRow = Selectable<MailMessagesTable>;

export const insertMessage = (db: Executor, row: MailMessagesTable) => db.insertInto('mail_messages').values(row).execute();

export const findMessage = (db: Executor, ownerId: string, id: string) =>
  db.selectFrom('mail_messages').selectAll().where('owner_id', '=', ownerId).where('id', '=', id).executeTakeFirst();

/** For the worker, which acts for every owner. */
export const findMessageById = (db: Executor, id: string) =>
  db.selectFrom('mail_messages').selectAll().where('id', '=', id).executeTakeFirst();

export const messagesOfIntro = (db: Executor, ownerId: string, introId: string) =>
  db
    .selectFrom('mail_messages')
    .select(['id', 'kind', 'side', 'status', 'created_at'])
    .where('owner_id', '=', ownerId)
    .where('intro_id', '=', introId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();

export interface ListFilter {
  introId?: string | undefined;
  status?: MailStatus | undefined;
  before?: { createdAt: string; id: string } | undefined;
  limit: number;
}

export function listMessages(db: Executor, ownerId: string, f: ListFilter) {
  let q = db
    .selectFrom('mail_messages')
    .select([
      'id',
      'kind',
      'status',
      'intro_id',
      'side',
      'from_addr',
      'reply_to',
      'to_addrs',
      'cc_addrs',
      'subject',
      'delivery',
      'created_at',
      'sent_at',
      'attempts',
      'last_error',
    ])
    .where('owner_id', '=', ownerId);
  if (f.introId) q = q.where('intro_id', '=', f.introId);
  if (f.status) q = q.where('status', '=', f.status);
  if (f.before) {
    const b = f.before;
    q = q.where((eb) =>
      eb.or([eb('created_at', '<', b.createdAt), eb.and([eb('created_at', '=', b.createdAt), eb('id', '<', b.id)])]),
    );
  }
  return q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(f.limit).execute();
}

/** Changes a message only while it is queued; returns whether it did. */
export async function updateQueued(db: Executor, id: string, patch: Partial<MailMessagesTable>): Promise<boolean> {
  const r = await db
    .updateTable('mail_messages')
    .set(patch)
    .where('id', '=', id)
    .where('status', '=', 'queued')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Cancels the queued messages of an intro, or to a person; returns their job ids. */
export async function cancelQueued(
  db: Executor,
  ownerId: string,
  by: { introId: string } | { personId: string },
): Promise<string[]> {
  let sel = db
    .selectFrom('mail_messages')
    .select(['id', 'job_id'])
    .where('owner_id', '=', ownerId)
    .where('status', '=', 'queued');
  sel = 'introId' in by ? sel.where('intro_id', '=', by.introId) : sel.where('person_id', '=', by.personId);
  const rows = await sel.execute();
  if (rows.length === 0) return [];
  await db
    .updateTable('mail_messages')
    .set({ status: 'cancelled' })
    .where(
      'id',
      'in',
      rows.map((r) => r.id),
    )
    .where('status', '=', 'queued')
    .execute();
  return rows.flatMap((r) => (r.job_id ? [r.job_id] : []));
}

const KINDS_LIMITED: MailKind[] = ['intro_request'];

/** Requests an owner queued since `since` (the per-sender daily limit). */
export async function requestsByOwnerSince(db: Executor, ownerId: string, since: string): Promise<number> {
  const r = await db
    .selectFrom('mail_messages')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('owner_id', '=', ownerId)
    .where('kind', 'in', KINDS_LIMITED)
    .where('status', '!=', 'cancelled')
    .where('created_at', '>=', since)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Requests to one address since `since`, from every account of the instance (the per-recipient limit). */
export async function requestsToSince(db: Executor, recipientKey: string, since: string): Promise<number> {
  const r = await db
    .selectFrom('mail_messages')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('recipient_key', '=', recipientKey)
    .where('kind', 'in', KINDS_LIMITED)
    .where('status', '!=', 'cancelled')
    .where('created_at', '>=', since)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Whether this owner already wrote (or queued a message) to this address: the art. 14 notice goes with the first one. */
export async function wroteTo(db: Executor, ownerId: string, recipientKey: string): Promise<boolean> {
  const r = await db
    .selectFrom('mail_messages')
    .select('id')
    .where('owner_id', '=', ownerId)
    .where('recipient_key', '=', recipientKey)
    .where('status', 'in', ['queued', 'sent'])
    .limit(1)
    .executeTakeFirst();
  return r !== undefined;
}
