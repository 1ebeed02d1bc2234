import { z } from 'zod';
import { Id, PageQuery, Timestamp, page, text } from './common.ts';
import { GIVE_KINDS, ITEM_STATUSES, OUTCOME_KINDS, RECEIVED_KINDS } from './values.ts';

/**
 * The give ledger: what I gave, to whom, and what came of it; the business others passed to me;
 * and the "givers gain" statistics over a period. Every introduction I send is recorded here as a
 * give automatically (kind `introduction`, recipients: the sides that are not me).
 */

export const GiveKind = z
  .enum(GIVE_KINDS)
  .describe(
    '`introduction`: put two people in touch. `referral`: passed a potential client. `advice`. `resource`: shared a resource or ' +
      'content. `recommendation`. `time`: gave my time. `other`.',
  );
export type GiveKind = z.infer<typeof GiveKind>;

export const OutcomeKind = z
  .enum(OUTCOME_KINDS)
  .describe('`thanked`. `meeting`: a meeting happened. `business`: business closed (with its value). `need_satisfied`. `other`.');
export type OutcomeKind = z.infer<typeof OutcomeKind>;

/** A calendar day, YYYY-MM-DD. */
export const Day = z.iso.date().describe('A day: YYYY-MM-DD.');

export const Currency = z
  .string()
  .regex(/^[A-Z]{3}$/, 'an ISO 4217 code in capitals, e.g. EUR')
  .describe('ISO 4217 currency code, e.g. `EUR`.');

export const Money = z
  .strictObject({
    amountCents: z
      .number()
      .int()
      .min(0)
      .max(1e13)
      .describe('The amount in hundredths of the currency unit: 1250.50 EUR is 125050.'),
    currency: Currency,
  })
  .meta({ id: 'Money' });
export type Money = z.infer<typeof Money>;

export const PersonRef = z.object({ id: Id, name: z.string() });
export type PersonRef = z.infer<typeof PersonRef>;

export const Outcome = z
  .object({
    id: Id,
    giveId: Id,
    kind: OutcomeKind,
    date: Day,
    value: Money.nullable().describe('For `business`: the value of the business closed.'),
    note: z.string().nullable(),
    createdAt: Timestamp,
  })
  .meta({ id: 'Outcome' });
export type Outcome = z.infer<typeof Outcome>;

export const Give = z
  .object({
    id: Id,
    kind: GiveKind,
    date: Day,
    description: z.string(),
    recipients: z.array(PersonRef).describe('Who I gave to (erased people disappear from the list).'),
    need: z
      .object({ id: Id, personId: Id, text: z.string(), status: z.enum(ITEM_STATUSES) })
      .nullable()
      .describe('The need it answered.'),
    intro: z
      .object({ id: Id, status: z.string() })
      .nullable()
      .describe('The introduction it records (gives of kind `introduction` made by Rete).'),
    outcomes: z.array(Outcome).describe('Oldest first.'),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .meta({ id: 'Give' });
export type Give = z.infer<typeof Give>;

export const CreateGiveBody = z
  .strictObject({
    kind: GiveKind,
    date: Day.optional().describe('When; today when omitted.'),
    description: text(2_000, { min: 1 }).describe('What I gave.'),
    recipientIds: z.array(Id).min(1).max(50).describe('My contacts I gave to (not myself).'),
    needId: Id.optional().describe('The need (of one of the recipients, usually) that this answers.'),
    closeNeed: z.boolean().optional().describe('Also mark that need as satisfied.'),
  })
  .meta({ id: 'CreateGiveBody' });
export type CreateGiveBody = z.infer<typeof CreateGiveBody>;

export const UpdateGiveBody = z
  .strictObject({
    kind: GiveKind.optional(),
    date: Day.optional(),
    description: text(2_000, { min: 1 }).optional(),
    recipientIds: z.array(Id).min(1).max(50).optional().describe('Replaces the recipients.'),
    needId: Id.nullable().optional().describe('null unlinks the need.'),
    closeNeed: z.boolean().optional().describe('Also mark the (new or current) need as satisfied.'),
  })
  .meta({ id: 'UpdateGiveBody' });
export type UpdateGiveBody = z.infer<typeof UpdateGiveBody>;

export const ListGivesQuery = z.strictObject({
  kind: GiveKind.optional(),
  personId: Id.optional().describe('Only gives to this person.'),
  from: Day.optional().describe('From this day, inclusive.'),
  to: Day.optional().describe('Up to this day, inclusive.'),
  ...PageQuery,
});
export type ListGivesQuery = z.infer<typeof ListGivesQuery>;

export const GivesPage = page(Give).meta({ id: 'GivesPage' });

export const CreateOutcomeBody = z
  .strictObject({
    kind: OutcomeKind,
    date: Day.optional().describe('When; today when omitted.'),
    value: Money.optional().describe('Only for `business`.'),
    note: text(2_000).optional(),
    closeNeed: z
      .boolean()
      .optional()
      .describe('For `need_satisfied` on a give linked to a need: mark the need satisfied (default true).'),
  })
  .meta({ id: 'CreateOutcomeBody' });
export type CreateOutcomeBody = z.infer<typeof CreateOutcomeBody>;

// --- Business received -------------------------------------------------------------------

export const ReceivedKind = z
  .enum(RECEIVED_KINDS)
  .describe(
    '`business`: business passed to me. `introduction`: someone agreed to make an introduction I asked them for ' +
      '(recorded by Rete when they answer yes; see `askId`).',
  );
export type ReceivedKind = z.infer<typeof ReceivedKind>;

export const Received = z
  .object({
    id: Id,
    kind: ReceivedKind,
    askId: Id.nullable().describe('For `introduction`: the ask it answered (`GET /api/v1/intro-asks/{id}`).'),
    date: Day,
    description: z.string(),
    referredBy: PersonRef.nullable().describe('Who passed me this business; null if unknown or erased.'),
    value: Money.nullable(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .meta({ id: 'Received' });
export type Received = z.infer<typeof Received>;

export const CreateReceivedBody = z
  .strictObject({
    date: Day.optional().describe('When; today when omitted.'),
    description: text(2_000, { min: 1 }).describe('The business, e.g. "new client: website for Rossi srl".'),
    referredById: Id.optional().describe('The contact who referred it.'),
    value: Money.optional(),
  })
  .meta({ id: 'CreateReceivedBody' });
export type CreateReceivedBody = z.infer<typeof CreateReceivedBody>;

export const UpdateReceivedBody = z
  .strictObject({
    date: Day.optional(),
    description: text(2_000, { min: 1 }).optional(),
    referredById: Id.nullable().optional(),
    value: Money.nullable().optional(),
  })
  .meta({ id: 'UpdateReceivedBody' });
export type UpdateReceivedBody = z.infer<typeof UpdateReceivedBody>;

export const ListReceivedQuery = z.strictObject({
  from: Day.optional(),
  to: Day.optional(),
  ...PageQuery,
});
export type ListReceivedQuery = z.infer<typeof ListReceivedQuery>;

export const ReceivedPage = page(Received).meta({ id: 'ReceivedPage' });

// --- Givers gain --------------------------------------------------------------------------

export const StatsQuery = z.strictObject({
  from: Day.optional().describe(
    'First day, inclusive; default: the first day of the 12th calendar month back from `to` (12 months shown).',
  ),
  to: Day.optional().describe('Last day, inclusive; default: today.'),
});
export type StatsQuery = z.infer<typeof StatsQuery>;

const KindCounts = <T extends z.ZodEnum>(kind: T) =>
  z.array(z.object({ kind, count: z.number().int() })).describe('One entry per kind, zeros included, in the order of the enum.');

const Sums = z
  .array(z.object({ currency: Currency, amountCents: z.number().int(), count: z.number().int() }))
  .describe('One entry per currency, largest amount first.');

export const LedgerStats = z
  .object({
    from: Day,
    to: Day,
    totals: z.object({
      gives: z.number().int(),
      peopleGivenTo: z.number().int().describe('Distinct people I gave to in the period.'),
      outcomes: z.number().int(),
    }),
    givesByMonth: z
      .array(
        z.object({
          month: z.string().describe('YYYY-MM'),
          total: z.number().int(),
          byKind: KindCounts(GiveKind),
        }),
      )
      .describe('Every month of the period, empty months included, oldest first.'),
    givesByKind: KindCounts(GiveKind),
    intros: z
      .object({
        proposed: z.number().int().describe('Sent in the period.'),
        connected: z.number().int().describe('Of those sent in the period, how many are connected.'),
        declined: z.number().int(),
        expired: z.number().int(),
        pending: z.number().int().describe('Still waiting for answers.'),
        cancelled: z.number().int(),
      })
      .describe('Introductions sent in the period, by where they stand now.'),
    outcomesByKind: KindCounts(OutcomeKind),
    businessForOthers: Sums.describe('Value of the business outcomes of my gives, dated in the period.'),
    businessReceived: Sums.describe('Value of the business passed to me in the period.'),
    referrers: z
      .array(z.object({ person: PersonRef, count: z.number().int(), sums: Sums }))
      .describe('Who passed me business in the period, most referrals first.'),
    topRecipients: z
      .array(z.object({ person: PersonRef, gives: z.number().int(), lastDate: Day }))
      .describe('The people I gave to most in the period (up to 10).'),
    neverGivenTo: z
      .object({
        count: z.number().int().describe('My contacts I never gave anything to (ever, not only in the period).'),
        sample: z.array(PersonRef).describe('Up to 10 of them, those with open needs first.'),
      })
      .describe('People I have never given to.'),
  })
  .meta({ id: 'LedgerStats' });
export type LedgerStats = z.infer<typeof LedgerStats>;
