import { z } from 'zod';
import { Id, Language, PageQuery, Timestamp, page, text } from './common.ts';
import { HeaderText, MailState, PersonOrMe } from './intros.ts';
import { ASK_STATUSES } from './values.ts';

/**
 * Asking a contact to make an introduction: the Value Finder's "through Enrico" as an action.
 *
 * I know Enrico, Enrico knows Stefano, and Stefano can help with a need of mine or of one of my
 * contacts (Laura). `POST /api/v1/intro-asks` sends Enrico one email, in his language, with the
 * need, why Stefano, and a short text he can forward. Enrico answers with one click on a page of
 * Rete (`/i/{token}`, no login): yes, no, or "I'm no longer in touch". A reminder goes once after
 * `INTRO_ASK_REMIND_DAYS` without an answer; the ask expires after `INTRO_ASK_EXPIRE_DAYS`.
 *
 * On yes, his help is recorded in the ledger as received (kind `introduction`), and the
 * introduction between Stefano and me (or Laura) is prepared as a **draft** with double opt-in
 * (`introId`), for me to read and send: it goes out in my name to someone who does not know me
 * yet, so nothing is sent before I have seen it. On "no longer in touch", the relationship
 * Enrico–Stefano is marked lapsed and the Value Finder no longer proposes that path.
 */

export const AskStatus = z
  .enum(ASK_STATUSES)
  .describe(
    '`asked`: the email went (or is going) to the intermediary, no answer yet. `yes`: they will make the introduction; ' +
      'the introduction is drafted (`introId`). `no`: they would rather not. `lost_touch`: they are no longer in touch with ' +
      'the helper (that path is not proposed again). `objected`: they declined and asked not to be contacted again (GDPR ' +
      'art. 21). `expired`: no answer in time. `cancelled`: I cancelled it.',
  );
export type AskStatus = z.infer<typeof AskStatus>;

const PersonRef = z.object({ id: Id, name: z.string() });

export const AskMessage = z
  .object({
    subject: z.string(),
    body: z
      .string()
      .describe(
        'My words to the intermediary, with the short text to forward (plain text). Rete adds below them the answer buttons ' +
          'and, on the first email to someone, who holds their data and how to object (GDPR art. 14).',
      ),
  })
  .meta({ id: 'AskMessage' });

export const IntroAsk = z
  .object({
    id: Id,
    status: AskStatus,
    via: PersonRef.describe('The contact asked to make the introduction.'),
    helper: PersonRef.describe('The person they know, who can help.'),
    seeker: PersonRef.extend({ isSelf: z.boolean() }).describe('Whose need it is: me, or one of my contacts.'),
    email: z.string().nullable().describe('Where the ask goes: the first email of the intermediary.'),
    doNotContact: z.boolean().describe('The intermediary objected: no email can be sent to them.'),
    need: z.object({ id: Id.nullable(), text: z.string() }).describe('The need, as it was when I asked.'),
    why: z.string().describe('Why the helper: their offer, or their role.'),
    language: Language.describe('Language of the email to the intermediary.'),
    message: AskMessage,
    request: MailState.extend({ id: Id }).nullable().describe('The email to the intermediary (see the outbox).'),
    reminder: MailState.extend({ id: Id }).nullable().describe('Its one reminder, if it went.'),
    introId: Id.nullable().describe('The introduction drafted when the intermediary said yes.'),
    receivedId: Id.nullable().describe('Their help, recorded in the ledger as received (`GET /api/v1/received/{id}`).'),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    askedAt: Timestamp.nullable().describe('When the email reached the intermediary (or the outbox, with no SMTP server).'),
    remindedAt: Timestamp.nullable(),
    answeredAt: Timestamp.nullable(),
    expiresAt: Timestamp.nullable().describe('When the ask expires unanswered (null until the email was delivered).'),
    closedAt: Timestamp.nullable(),
  })
  .meta({ id: 'IntroAsk' });
export type IntroAsk = z.infer<typeof IntroAsk>;

const AskTarget = {
  viaPersonId: Id.describe('The contact I ask to make the introduction.'),
  helperPersonId: Id.describe('The person they know, who can help.'),
  forPersonId: PersonOrMe.default('me').describe('Whose need it is: `me` (the default), or one of my contacts.'),
  needId: Id.optional().describe('The need of `forPersonId` it answers; its text is used unless `needText` is given.'),
  needText: text(1_000, { min: 2 })
    .optional()
    .describe('The need in words, when it is not a recorded need (an "I need…" search). One of `needId`, `needText`.'),
  offerId: Id.optional().describe('The offer of the helper that answers the need: it says why them.'),
  why: text(1_000, { min: 1 })
    .optional()
    .describe('Why the helper, in a few words; default: their offer (`offerId`), or else their role and company.'),
  language: Language.optional().describe('Language of the email; default: the intermediary’s.'),
};

export const DraftAskBody = z.strictObject(AskTarget).meta({ id: 'DraftAskBody' });
export type DraftAskBody = z.infer<typeof DraftAskBody>;

export const AskDraft = z
  .object({
    to: z
      .object({ name: z.string(), email: z.string().nullable() })
      .describe('The intermediary; `email` null when they have none.'),
    doNotContact: z.boolean().describe('The intermediary objected earlier: the ask cannot be sent.'),
    lapsed: z.boolean().describe('The intermediary said earlier that they are no longer in touch with the helper.'),
    language: Language,
    message: AskMessage,
  })
  .meta({ id: 'AskDraft' });
export type AskDraft = z.infer<typeof AskDraft>;

export const CreateAskBody = z
  .strictObject({
    ...AskTarget,
    subject: HeaderText(200).optional().describe('Instead of the drafted subject.'),
    body: text(5_000, { min: 1 }).optional().describe('Instead of the drafted text.'),
  })
  .meta({ id: 'CreateAskBody' });
export type CreateAskBody = z.infer<typeof CreateAskBody>;

export const ListAsksQuery = z.strictObject({
  status: AskStatus.optional(),
  personId: Id.optional().describe('Only asks where this person is the intermediary, the helper or the one in need.'),
  ...PageQuery,
});
export type ListAsksQuery = z.infer<typeof ListAsksQuery>;

export const AsksPage = page(IntroAsk).meta({ id: 'AsksPage' });
