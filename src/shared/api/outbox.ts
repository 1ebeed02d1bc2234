import { z } from 'zod';
import { Id, PageQuery, Timestamp, page } from './common.ts';
import { MailDelivery, MailKind, MailState, MailStatus, SideKey } from './intros.ts';

/**
 * The outbox: every email Rete sends for me (an introduction's requests, reminders and the
 * introduction itself, an ask to a contact, a notice of a sign-up attempt), newest first, with
 * where each one stands. Without an SMTP server configured the outbox is where they go.
 * The states of an email (`MailStatus`, `MailState`, …) are in `intros.ts`, whose introductions
 * show them too.
 */

export const MailAddress = z.object({ name: z.string().nullable(), address: z.string() });

export const OutboxMessage = z
  .object({
    id: Id,
    kind: MailKind,
    introId: Id.nullable(),
    askId: Id.nullable().describe('The ask to a contact it belongs to (`GET /api/v1/intro-asks/{id}`).'),
    side: SideKey.nullable().describe('The side a request or reminder went to.'),
    from: MailAddress.describe('The sender; until it leaves, the From it will have (MAIL_FROM as configured now).'),
    replyTo: MailAddress.nullable(),
    to: z.array(MailAddress),
    cc: z.array(MailAddress),
    subject: z.string(),
    ...MailState.shape,
    createdAt: Timestamp,
    sentAt: Timestamp.nullable(),
  })
  .meta({ id: 'OutboxMessage' });
export type OutboxMessage = z.infer<typeof OutboxMessage>;

export const OutboxMessageDetail = OutboxMessage.extend({
  messageId: z.string().nullable().describe('The Message-ID header.'),
  text: z
    .string()
    .nullable()
    .describe(
      'The plain-text part as sent. In outbox mode it holds the working accept / decline links (the outbox is the mailbox); ' +
        'over SMTP the links are not kept (a token is never stored in clear).',
    ),
  html: z
    .string()
    .nullable()
    .describe('The HTML part as sent (all inserted text escaped). Show it in a sandboxed iframe, never inline.'),
}).meta({ id: 'OutboxMessageDetail' });
export type OutboxMessageDetail = z.infer<typeof OutboxMessageDetail>;

export const ListOutboxQuery = z.strictObject({
  introId: Id.optional(),
  status: MailStatus.optional(),
  delivery: MailDelivery.optional().describe('Only messages that went out this way.'),
  ...PageQuery,
});
export type ListOutboxQuery = z.infer<typeof ListOutboxQuery>;

export const OutboxPage = page(OutboxMessage).meta({ id: 'OutboxPage' });
