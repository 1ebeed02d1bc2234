import type { ExpressionBuilder, Selectable } from 'kysely';
import type { MailDelivery } from '#shared/api/values.ts';
import type { Executor } from '../../db/db.ts';
import { newestFirst } from '../../db/paging.ts';
import type { Database, MailKind, MailMessagesTable, MailStatus } from '../../db/schema.ts';

export type MessageRow = Selectable<MailMessagesTable>;

export const insertMessage = (db: Executor, row: MailMessagesTable) => db.insertInto('mail_messages').values(row).execute();

/** When the job of a queued message runs next (null when it is not waiting for a run). */
const nextRun = (eb: ExpressionBuilder<Database, 'mail_messages'>) =>
  eb
    .selectFrom('jobs')
    .select('jobs.run_at')
    .whereRef('jobs.id', '=', 'mail_messages.job_id')
    .where('jobs.state', '=', 'pending')
    .as('next_attempt_at');

export const findMessage = (db: Executor, ownerId: string, id: string) =>
  db
    .selectFrom('mail_messages')
    .selectAll()
    .select(nextRun)
    .where('owner_id', '=', ownerId)
    .where('id', '=', id)
    .executeTakeFirst();

/** For the worker, which acts for every owner. */
export const findMessageById = (db: Executor, id: string) =>
  db.selectFrom('mail_messages').selectAll().where('id', '=', id).executeTakeFirst();

/** The emails of some asks through a contact, oldest first, with where each one stands. */
export const messagesOfAsks = (db: Executor, ownerId: string, askIds: readonly string[]) =>
  askIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('mail_messages')
        .select(['id', 'ask_id', 'kind', 'status', 'delivery', 'attempts', 'last_error', 'error_reason', 'created_at', 'sent_at'])
        .select(nextRun)
        .where('owner_id', '=', ownerId)
        .where('ask_id', 'in', askIds)
        .orderBy('created_at')
        .orderBy('id')
        .execute();

/** The emails of some introductions, oldest first, with where each one stands. */
export const messagesOfIntros = (db: Executor, ownerId: string, introIds: readonly string[]) =>
  introIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('mail_messages')
        .select([
          'id',
          'intro_id',
          'kind',
          'side',
          'status',
          'delivery',
          'attempts',
          'last_error',
          'error_reason',
          'created_at',
          'sent_at',
        ])
        .select(nextRun)
        .where('owner_id', '=', ownerId)
        .where('intro_id', 'in', introIds)
        .orderBy('created_at')
        .orderBy('id')
        .execute();

/** How many requests of an introduction went out (delivered, or placed in the outbox). */
export async function sentRequestCount(db: Executor, ownerId: string, introId: string): Promise<number> {
  const r = await db
    .selectFrom('mail_messages')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('owner_id', '=', ownerId)
    .where('intro_id', '=', introId)
    .where('kind', '=', 'intro_request')
    .where('status', '=', 'sent')
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export interface ListFilter {
  introId?: string | undefined;
  status?: MailStatus | undefined;
  delivery?: MailDelivery | undefined;
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
      'ask_id',
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
      'error_reason',
    ])
    .select(nextRun)
    .where('owner_id', '=', ownerId);
  if (f.introId) q = q.where('intro_id', '=', f.introId);
  if (f.status) q = q.where('status', '=', f.status);
  if (f.delivery) q = q.where('delivery', '=', f.delivery);
  const before = f.before && { key: f.before.createdAt, id: f.before.id };
  return newestFirst(q, { key: 'created_at', id: 'id' }, before, f.limit);
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

/** Queues a message that failed again, its failure cleared; returns whether it did (not if it changed meanwhile). */
export async function requeueFailed(db: Executor, ownerId: string, id: string): Promise<boolean> {
  const r = await db
    .updateTable('mail_messages')
    .set({ status: 'queued', attempts: 0, last_error: null, error_reason: null })
    .where('owner_id', '=', ownerId)
    .where('id', '=', id)
    .where('status', '=', 'failed')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export const setJob = (db: Executor, id: string, jobId: string) =>
  db.updateTable('mail_messages').set({ job_id: jobId }).where('id', '=', id).execute();

/** Cancels the queued messages of an intro, of an ask, or to a person; returns their job ids. */
export async function cancelQueued(
  db: Executor,
  ownerId: string,
  by: { introId: string } | { askId: string } | { personId: string },
): Promise<string[]> {
  let sel = db
    .selectFrom('mail_messages')
    .select(['id', 'job_id'])
    .where('owner_id', '=', ownerId)
    .where('status', '=', 'queued');
  sel =
    'introId' in by
      ? sel.where('intro_id', '=', by.introId)
      : 'askId' in by
        ? sel.where('ask_id', '=', by.askId)
        : sel.where('person_id', '=', by.personId);
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

/** An ask to a contact is a request for an introduction too: it counts in the same daily limits. */
const KINDS_LIMITED: MailKind[] = ['intro_request', 'intro_ask'];

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
