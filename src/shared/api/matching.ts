import { z } from 'zod';
import { Id, Language, Timestamp } from './common.ts';
import { MATCH_REASON_KINDS, MATCH_REASON_SOURCES } from './values.ts';

export const MatchReason = z
  .object({
    kind: z
      .enum(MATCH_REASON_KINDS)
      .describe('A shared concept of the catalogue, a shared word, or where the helper is (for a need that names a place).'),
    source: z
      .enum(MATCH_REASON_SOURCES)
      .describe("Where the helper's words come from: an offer they typed, or their role (role, company, tags)."),
    labelIt: z.string().nullable().describe('The concept in Italian (concept reasons).'),
    labelEn: z.string().nullable().describe('The concept in English (concept reasons).'),
    needText: z.string().describe('The words of the need that matched.'),
    offerText: z.string().describe('The words of the offer that matched (for a place: the helper’s town).'),
    km: z.number().int().nullable().describe('For a place: how far the helper is from the place the need names, in km.'),
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

/** How well a suggested person fits, why, how I reach them, and my verdict on the suggestion. */
const suggestionFit = {
  score: z.number(),
  reasons: z.array(MatchReason),
  path: MatchPath,
  feedback: z
    .literal('good')
    .nullable()
    .describe(
      'My verdict on this suggestion: `good` when I marked it a good match (one marked not relevant is never suggested).',
    ),
};

export const Helper = z
  .object({
    person: MatchPerson,
    offer: ItemRef.nullable().describe('The offer that best answers the need; null for a person known only by their role.'),
    ...suggestionFit,
  })
  .meta({ id: 'Helper' });
export type Helper = z.infer<typeof Helper>;

export const Seeker = z
  .object({
    person: MatchPerson,
    need: ItemRef.describe('The need that the offer answers.'),
    ...suggestionFit,
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
          mine: z.array(Helper).describe('My own offers that answer this need (confident matches only).'),
          network: z
            .array(Helper)
            .describe(
              'People in my network who can answer it, best first: confident matches only, so empty when nobody fits yet.',
            ),
        }),
      )
      .describe('For each open need of the person: how I can help, and who else can.'),
    offers: z
      .array(
        z.object({
          offer: ItemRef,
          seekers: z.array(Seeker).describe('People in my network who need this (confident matches only).'),
        }),
      )
      .describe('For each open offer of the person: who in my network needs it.'),
  })
  .meta({ id: 'ValueFinder' });
export type ValueFinder = z.infer<typeof ValueFinder>;

export const MatchQuery = z.strictObject({
  q: z.string().trim().min(2).max(1000).describe('A need in Italian or English, in your own words.'),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

export const MatchResults = z
  .object({
    items: z.array(Helper).describe('Helpers ranked best first; only the first `shown` are confident matches.'),
    shown: z
      .number()
      .int()
      .describe('How many of the first items the product shows; 0 means that nobody in the network fits the need yet.'),
  })
  .meta({ id: 'MatchResults' });
export type MatchResults = z.infer<typeof MatchResults>;
