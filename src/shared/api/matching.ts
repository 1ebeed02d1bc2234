import { z } from 'zod';
import { Id, Language, Timestamp } from './common.ts';

export const MatchReason = z
  .object({
    kind: z.enum(['concept', 'term']).describe('A shared concept of the catalogue, or a shared word.'),
    labelIt: z.string().nullable().describe('The concept in Italian (concept reasons).'),
    labelEn: z.string().nullable().describe('The concept in English (concept reasons).'),
    needText: z.string().describe('The words of the need that matched.'),
    offerText: z.string().describe('The words of the offer that matched.'),
  })
  .meta({ id: 'MatchReason' });
export type MatchReason = z.infer<typeof MatchReason>;

export const PathVia = z.object({
  personId: Id,
  name: z.string(),
  myStrength: z.number().int().nullable().describe('How well I know the intermediary (1–3), when recorded.'),
  theirStrength: z.number().int().describe('How well the intermediary knows the helper (1–3).'),
  lastInteractionAt: Timestamp.nullable(),
});

export const MatchPath = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('self') }).describe('It is me.'),
    z
      .object({ kind: z.literal('direct'), strength: z.number().int().nullable(), lastInteractionAt: Timestamp.nullable() })
      .describe('A direct contact: we are linked or have interacted.'),
    z.object({ kind: z.literal('via'), via: z.array(PathVia) }).describe('A contact of my contacts, best intermediary first.'),
    z
      .object({ kind: z.literal('none'), lastInteractionAt: Timestamp.nullable() })
      .describe('In my network, but no recorded tie yet.'),
  ])
  .meta({ id: 'MatchPath' });
export type MatchPath = z.infer<typeof MatchPath>;

export const MatchPerson = z.object({
  id: Id,
  name: z.string(),
  company: z.string().nullable(),
  role: z.string().nullable(),
  city: z.string().nullable(),
  isSelf: z.boolean(),
});

const ItemRef = z.object({ id: Id, text: z.string(), language: Language.nullable() });

export const Helper = z
  .object({
    person: MatchPerson,
    offer: ItemRef.describe('The offer that best answers the need.'),
    score: z.number(),
    reasons: z.array(MatchReason),
    path: MatchPath,
  })
  .meta({ id: 'Helper' });
export type Helper = z.infer<typeof Helper>;

export const Seeker = z
  .object({
    person: MatchPerson,
    need: ItemRef.describe('The need that the offer answers.'),
    score: z.number(),
    reasons: z.array(MatchReason),
    path: MatchPath,
  })
  .meta({ id: 'Seeker' });
export type Seeker = z.infer<typeof Seeker>;

export const ValueFinder = z
  .object({
    person: MatchPerson,
    needs: z
      .array(
        z.object({
          need: ItemRef,
          mine: z.array(Helper).describe('My own offers that answer this need.'),
          network: z.array(Helper).describe('People in my network whose offers answer it, best first.'),
        }),
      )
      .describe('For each open need of the person: how I can help, and who else can.'),
    offers: z
      .array(z.object({ offer: ItemRef, seekers: z.array(Seeker).describe('People in my network who need this.') }))
      .describe('For each open offer of the person: who in my network needs it.'),
  })
  .meta({ id: 'ValueFinder' });
export type ValueFinder = z.infer<typeof ValueFinder>;

export const MatchQuery = z.strictObject({
  q: z.string().trim().min(2).max(1000).describe('A need in Italian or English, in your own words.'),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

export const MatchResults = z.object({ items: z.array(Helper) }).meta({ id: 'MatchResults' });
