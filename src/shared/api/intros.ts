import { z } from 'zod';
import { Id, Language, line, PageQuery, Timestamp, page, text } from './common.ts';
import {
  ANSWER_ACTIONS,
  INTRO_DELIVERIES,
  INTRO_EVENT_TYPES,
  INTRO_ORDERS,
  INTRO_STATUSES,
  MAIL_DELIVERIES,
  MAIL_ERROR_REASONS,
  MAIL_KINDS,
  MAIL_STATUSES,
  SIDE_KEYS,
  SIDE_STATUSES,
} from './values.ts';

/**
 * Introductions with double opt-in by email (the emails themselves are in the outbox, `outbox.ts`).
 *
 * The flow: `POST /api/v1/intros` creates a **draft** with a message drafted for each side in that
 * side's language; `PATCH` edits it; `POST /api/v1/intros/{id}/send` asks the sides by email
 * (both at once, or A first and B once A accepted). Each side answers with the accept / decline
 * link of their email (a page of Rete at `/i/{token}`, no login). When both accepted, one email puts
 * them in touch. A decline is private: the other side is never told. A reminder goes once to whoever
 * has not answered after `INTRO_REMIND_DAYS`; the request expires after `INTRO_EXPIRE_DAYS`.
 */

/** One line of text that may reach an email header (`line`): no line breaks, encoded or not. */
export const HeaderText = (max: number) =>
  line(max, { min: 1 }).refine((s) => !/%0[ad]/i.test(s), 'must be one line: no line breaks, encoded or not');

export const IntroStatus = z
  .enum(INTRO_STATUSES)
  .describe(
    '`draft`: not sent yet, editable. `asked`: request(s) sent, nobody accepted yet. `accepted_one`: one side accepted, the other ' +
      'not yet (or not yet asked, with order `a_first`). `connected`: both accepted; the introduction email went out. ' +
      '`declined`: one side declined or objected (the other side is never told). `expired`: a side did not answer in time. ' +
      '`cancelled`: I cancelled it.',
  );
export type IntroStatus = z.infer<typeof IntroStatus>;

export const IntroOrder = z
  .enum(INTRO_ORDERS)
  .describe('`both`: ask both sides at once. `a_first`: ask A, and B only once A has accepted.');
export type IntroOrder = z.infer<typeof IntroOrder>;

export const SideStatus = z
  .enum(SIDE_STATUSES)
  .describe(
    '`me`: this side is me; no request is sent to me. `waiting`: not asked yet (draft, or B waiting for A with `a_first`). ' +
      '`asked`: the request went out. `accepted` / `declined`: their answer. `objected`: they declined and objected to the ' +
      'processing of their data (GDPR art. 21): they are marked "do not contact". `expired`: no answer in time.',
  );
export type SideStatus = z.infer<typeof SideStatus>;

export const SideKey = z.enum(SIDE_KEYS);
export type SideKey = z.infer<typeof SideKey>;

/** The request sent to one side: the personal part of the email, editable while the intro is a draft. */
export const IntroMessage = z
  .object({
    subject: z.string().describe('Subject of the request email.'),
    body: z
      .string()
      .describe(
        'My words to this person (plain text). Rete adds below them the accept / decline buttons and, on the first email to ' +
          'someone, who holds their data and how to object (GDPR art. 14).',
      ),
  })
  .meta({ id: 'IntroMessage' });
export type IntroMessage = z.infer<typeof IntroMessage>;

export const MailKind = z
  .enum(MAIL_KINDS)
  .describe(
    'A request to one side, its reminder, or the introduction email to both; an ask to a contact to make an introduction, ' +
      'or its reminder; `signup_attempt`: to me, someone tried to sign up with my address.',
  );
export type MailKind = z.infer<typeof MailKind>;

export const MailStatus = z
  .enum(MAIL_STATUSES)
  .describe(
    '`queued`: waiting for the worker (after a failed attempt, `errorReason` says why and `nextAttemptAt` when it tries ' +
      'again). `sent`: handed to the SMTP server, or, with `delivery` `outbox`, written to the outbox when no SMTP server is ' +
      'configured (it reached nobody: the outbox is the mailbox). `failed`: not delivered: the mail server refused it for ' +
      'good, its address cannot be used, or the retries ran out; `POST /api/v1/outbox/{id}/retry` tries again. ' +
      '`cancelled`: no longer needed (intro cancelled or declined, objection).',
  );
export type MailStatus = z.infer<typeof MailStatus>;

export const MailDelivery = z
  .enum(MAIL_DELIVERIES)
  .describe('How it went out: over SMTP, or only to the outbox (no SMTP server configured: it reached nobody).');
export type MailDelivery = z.infer<typeof MailDelivery>;

export const MailErrorReason = z
  .enum(MAIL_ERROR_REASONS)
  .describe(
    'Why the last attempt failed. `address`: an address of the message cannot be used. `connection`: the mail server ' +
      '(SMTP_HOST, SMTP_PORT) could not be reached. `tls`: the secure connection failed (SMTP_SECURE, SMTP_STARTTLS). ' +
      '`auth`: the mail server refused the log-in (SMTP_USER, SMTP_PASSWORD). `rejected`: the mail server refused the ' +
      'message for good. `temporary`: the mail server asked to try later. `outbox`: the `.eml` file could not be written ' +
      '(DATA_DIR). `other`: see `lastError`.',
  );
export type MailErrorReason = z.infer<typeof MailErrorReason>;

/** Where one email stands: what the outbox, an introduction and its sides show. */
export const MailState = z.object({
  status: MailStatus,
  delivery: MailDelivery.nullable().describe('Null until it went out.'),
  attempts: z.number().int().describe('Attempts to deliver it so far.'),
  errorReason: MailErrorReason.nullable(),
  lastError: z.string().nullable().describe('The technical text of the last failure, in English, for whoever runs Rete.'),
  nextAttemptAt: Timestamp.nullable().describe('When a queued message is tried (again); null otherwise.'),
});
export type MailState = z.infer<typeof MailState>;

export const IntroPersonRef = z.object({
  id: Id,
  name: z.string(),
  isSelf: z.boolean().describe('This side is me.'),
});

export const IntroSide = z
  .object({
    side: SideKey,
    person: IntroPersonRef.nullable().describe('Null when the person was erased since.'),
    email: z.string().nullable().describe('Where the request goes: the first email of the person (mine for the "me" side).'),
    language: Language.describe('Language of the emails to this side.'),
    status: SideStatus,
    message: IntroMessage.nullable().describe('The request to this side; null for the "me" side.'),
    messageEdited: z.boolean().describe('I edited the message: changing the note or the language no longer re-drafts it.'),
    doNotContact: z.boolean().describe('The person objected earlier: no email can be sent to them.'),
    askedAt: Timestamp.nullable().describe('When the request was sent; once delivered, when it reached the person.'),
    remindedAt: Timestamp.nullable(),
    answeredAt: Timestamp.nullable(),
    expiresAt: Timestamp.nullable().describe(
      'When the request expires unanswered: INTRO_EXPIRE_DAYS after it reached the person (null until it did).',
    ),
    request: MailState.extend({ id: Id })
      .nullable()
      .describe('The request email to this side (see the outbox), once sent; null for the "me" side and before sending.'),
  })
  .meta({ id: 'IntroSide' });
export type IntroSide = z.infer<typeof IntroSide>;

export const IntroEventType = z.enum(INTRO_EVENT_TYPES);
export type IntroEventType = z.infer<typeof IntroEventType>;

export const IntroEvent = z
  .object({
    at: Timestamp,
    type: IntroEventType,
    side: SideKey.nullable().describe('The side it concerns, if any.'),
  })
  .meta({ id: 'IntroEvent' });
export type IntroEvent = z.infer<typeof IntroEvent>;

export const IntroDelivery = z
  .enum(INTRO_DELIVERIES)
  .describe(
    'What happened to the emails the introduction waits on now (the requests of the sides still asked, or the ' +
      'introduction email once connected): `sending`: queued, leaving in seconds. `retrying`: an attempt failed and it will ' +
      'try again. `failed`: one was not delivered (see its side’s `request`; it can be tried again). `outbox`: kept in the ' +
      'outbox, as no SMTP server is configured. `sent`: delivered to the mail server.',
  );
export type IntroDelivery = z.infer<typeof IntroDelivery>;

export const IntroSummary = z
  .object({
    id: Id,
    status: IntroStatus,
    order: IntroOrder,
    note: z.string().describe('Why they should meet, in my words; also in the introduction email.'),
    a: IntroSide,
    b: IntroSide,
    delivery: IntroDelivery.nullable().describe('Null for a draft, and once nothing waits on an email.'),
    giveId: Id.nullable().describe(
      'The give recorded in the ledger once a request was delivered (or placed in the outbox, with no SMTP server).',
    ),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    sentAt: Timestamp.nullable(),
    connectedAt: Timestamp.nullable(),
    closedAt: Timestamp.nullable().describe('When it became connected, declined, expired or cancelled.'),
  })
  .meta({ id: 'IntroSummary' });
export type IntroSummary = z.infer<typeof IntroSummary>;

export const Intro = IntroSummary.extend({
  events: z.array(IntroEvent).describe('What happened, oldest first.'),
  messages: z
    .array(
      MailState.extend({
        id: Id,
        kind: MailKind,
        side: SideKey.nullable(),
        createdAt: Timestamp,
        sentAt: Timestamp.nullable().describe('When it went out (over SMTP, or to the outbox).'),
      }),
    )
    .describe('The emails of this introduction in the outbox (see `GET /api/v1/outbox/{id}`).'),
}).meta({ id: 'Intro' });
export type Intro = z.infer<typeof Intro>;

export const PersonOrMe = Id.or(z.literal('me')).describe('A contact id, my own person id, or `me`.');

const MessageInput = z.strictObject({
  subject: HeaderText(200).optional(),
  body: text(5_000, { min: 1 }).optional(),
  language: Language.optional().describe('Language of the emails to this side; re-drafts the message unless I edited it.'),
});

export const CreateIntroBody = z
  .strictObject({
    personAId: PersonOrMe.describe('Side A (asked first with order `a_first`).'),
    personBId: PersonOrMe.describe('Side B.'),
    note: text(2_000, { min: 1 }).describe('Why they should meet. Used in the drafts and the introduction email.'),
    order: IntroOrder.default('both'),
    a: MessageInput.optional().describe('Language or text for side A instead of the drafted ones.'),
    b: MessageInput.optional().describe('Language or text for side B instead of the drafted ones.'),
  })
  .meta({ id: 'CreateIntroBody' });
export type CreateIntroBody = z.infer<typeof CreateIntroBody>;

export const UpdateIntroBody = z
  .strictObject({
    note: text(2_000, { min: 1 }).optional(),
    order: IntroOrder.optional(),
    a: MessageInput.optional(),
    b: MessageInput.optional(),
    redraft: z.boolean().optional().describe('Re-draft both messages from the note and languages, discarding my edits.'),
  })
  .meta({ id: 'UpdateIntroBody' });
export type UpdateIntroBody = z.infer<typeof UpdateIntroBody>;

export const ListIntrosQuery = z.strictObject({
  status: IntroStatus.optional(),
  personId: Id.optional().describe('Only introductions where this person is one of the sides.'),
  ...PageQuery,
});
export type ListIntrosQuery = z.infer<typeof ListIntrosQuery>;

export const IntrosPage = page(IntroSummary).meta({ id: 'IntrosPage' });

// --- The public answer page (/i/{token}, HTML, not under /api) --------------------------

/**
 * The form the answer page posts (application/x-www-form-urlencoded): accept / decline / object
 * for an introduction; yes / no / gone (no longer in touch) / object for an ask to make one.
 */
export const AnswerForm = z.strictObject({
  action: z.enum(ANSWER_ACTIONS),
});
export type AnswerForm = z.infer<typeof AnswerForm>;
