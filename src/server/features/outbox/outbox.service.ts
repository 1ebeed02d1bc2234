/**
 * The outbox: every email Rete sends is first a row here (queued with a job that sends it), then
 * marked sent. The web app lists them; with no SMTP server configured the outbox is where they
 * end (and as `.eml` files under the data folder), so a newcomer sees exactly what would go out.
 */
import type { ListOutboxQuery, OutboxMessage, OutboxMessageDetail } from '#shared/api/outbox.ts';
import type { MailState } from '#shared/api/intros.ts';
import type { MailDelivery, SideKey } from '#shared/api/values.ts';
import type { Executor } from '../../db/db.ts';
import type { MailErrorReason, MailKind, MailStatus } from '../../db/schema.ts';
import { badRequest, notFound } from '../../lib/errors.ts';
import { fromCursor, toCursor } from '../../lib/cursor.ts';
import { newId } from '../../lib/ids.ts';
import type { Deps } from '../../deps.ts';
import { enqueue } from '../jobs/jobs.repo.ts';
import type { Address, OutgoingMail } from '../email/mailer.ts';
import * as repo from './outbox.repo.ts';

export const MAIL_JOB = 'mail.send';

/**
 * Where a message's answer link goes until the job sending it makes the link's token: a token is
 * never stored in clear, so it cannot exist before the message leaves.
 */
export const LINK_PLACEHOLDER = '__RETE_ANSWER_LINK__';

/**
 * The weekly digest's placeholders, filled by the job when it leaves: the app's address
 * (PUBLIC_BASE_URL, read then like every other setting) and the one-click unsubscribe link, whose
 * secret is made then.
 */
export const BASE_URL_PLACEHOLDER = '__RETE_BASE_URL__';
export const UNSUBSCRIBE_PLACEHOLDER = '__RETE_UNSUBSCRIBE_LINK__';

/** A message to queue: its addresses and content as the mailer sends them, and what it belongs to. */
export interface QueueInput extends Pick<OutgoingMail, 'from' | 'replyTo' | 'to' | 'cc' | 'subject' | 'text' | 'html'> {
  ownerId: string;
  kind: MailKind;
  introId: string | null;
  /** The ask through a contact it belongs to. */
  askId?: string | null;
  side: SideKey | null;
  personId: string | null;
  /** The second person of a message to two people (erasing either removes the message). */
  otherPersonId?: string | null;
}

/** Stores a message and the job that will send it, in the caller's transaction. */
export async function queueMail(tx: Executor, deps: Deps, m: QueueInput): Promise<string> {
  const now = deps.now().toISOString();
  const id = newId();
  const first = m.to[0];
  if (!first) throw new Error('a message needs a recipient');
  const jobId = await enqueue(tx, {
    kind: MAIL_JOB,
    payload: { messageId: id },
    ownerId: m.ownerId,
    runAt: now,
    maxAttempts: deps.config.mail.maxAttempts,
    now,
  });
  await repo.insertMessage(tx, {
    id,
    owner_id: m.ownerId,
    intro_id: m.introId,
    ask_id: m.askId ?? null,
    side: m.side,
    person_id: m.personId,
    other_person_id: m.otherPersonId ?? null,
    job_id: jobId,
    kind: m.kind,
    status: 'queued',
    from_addr: JSON.stringify(m.from),
    reply_to: m.replyTo ? JSON.stringify(m.replyTo) : null,
    to_addrs: JSON.stringify(m.to),
    cc_addrs: JSON.stringify(m.cc),
    recipient_key: first.address.toLowerCase(),
    subject: m.subject,
    text_body: m.text,
    html_body: m.html,
    message_id: null,
    delivery: null,
    attempts: 0,
    last_error: null,
    error_reason: null,
    created_at: now,
    sent_at: null,
  });
  return id;
}

export function parseAddress(json: string | null): Address | null {
  if (!json) return null;
  const v = JSON.parse(json) as { name?: unknown; address?: unknown };
  return { name: typeof v.name === 'string' ? v.name : null, address: typeof v.address === 'string' ? v.address : '' };
}

export function parseAddresses(json: string): Address[] {
  const v: unknown = JSON.parse(json);
  return Array.isArray(v) ? v.map((a) => parseAddress(JSON.stringify(a))).filter((a): a is Address => a !== null) : [];
}

type ListRow = Awaited<ReturnType<typeof repo.listMessages>>[number];

/** Where a message stands, as the API shows it everywhere (outbox, introduction, side). */
export function mailState(r: {
  status: MailStatus;
  delivery: MailDelivery | null;
  attempts: number;
  error_reason: MailErrorReason | null;
  last_error: string | null;
  next_attempt_at: string | null;
}): MailState {
  return {
    status: r.status,
    delivery: r.delivery,
    attempts: r.attempts,
    errorReason: r.error_reason,
    lastError: r.last_error,
    nextAttemptAt: r.status === 'queued' ? r.next_attempt_at : null,
  };
}

function toMessage(deps: Deps, r: ListRow): OutboxMessage {
  const from = parseAddress(r.from_addr) ?? { name: null, address: '' };
  return {
    id: r.id,
    kind: r.kind,
    introId: r.intro_id,
    askId: r.ask_id ?? null,
    side: r.side,
    // Until it leaves, a message will go out from the From configured then: show that one.
    from: r.status === 'sent' ? from : { ...from, address: deps.config.mail.from },
    replyTo: parseAddress(r.reply_to),
    to: parseAddresses(r.to_addrs),
    cc: parseAddresses(r.cc_addrs),
    subject: r.subject,
    ...mailState(r),
    createdAt: r.created_at,
    sentAt: r.sent_at,
  };
}

/** The cursor of the outbox, the introductions and the asks: the last row's creation time and id. */
const encodeCursor = (r: { created_at: string; id: string }) => toCursor([r.created_at, r.id]);

export function decodeCursor(s: string | undefined): { createdAt: string; id: string } | undefined {
  if (!s) return undefined;
  const [createdAt, id] = fromCursor(s, ['string', 'string']) ?? [];
  if (!createdAt || !id || !/^\d{4}-\d\d-\d\dT[\d:.]+Z$/.test(createdAt) || !/^[0-9a-f-]{36}$/.test(id)) {
    throw badRequest('Invalid cursor', [{ path: 'cursor', message: 'not a cursor of this list' }]);
  }
  return { createdAt, id };
}

export async function listOutbox(deps: Deps, ownerId: string, q: ListOutboxQuery) {
  const rows = await repo.listMessages(deps.db, ownerId, {
    introId: q.introId,
    status: q.status,
    delivery: q.delivery,
    before: decodeCursor(q.cursor),
    limit: q.limit + 1,
  });
  const items = rows.slice(0, q.limit).map((r) => toMessage(deps, r));
  const last = rows[q.limit - 1];
  return { items, nextCursor: rows.length > q.limit && last ? encodeCursor(last) : null };
}

export async function getOutboxMessage(deps: Deps, ownerId: string, id: string): Promise<OutboxMessageDetail> {
  const r = await repo.findMessage(deps.db, ownerId, id);
  if (!r) throw notFound();
  // A queued message has no link yet.
  const base = deps.config.publicBaseUrl;
  const mask = (s: string | null) =>
    s === null
      ? null
      : s
          .split(LINK_PLACEHOLDER)
          .join(`${base}/i/…`)
          .split(UNSUBSCRIBE_PLACEHOLDER)
          .join(`${base}/u/…`)
          .split(BASE_URL_PLACEHOLDER)
          .join(base);
  return { ...toMessage(deps, r), messageId: r.message_id, text: mask(r.text_body), html: mask(r.html_body) };
}

export { encodeCursor };
