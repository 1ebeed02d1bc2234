import { z } from 'zod';
import { Id, Timestamp } from './common.ts';
import { DUPLICATE_REASONS, SIDE_KEYS } from './values.ts';

/** Likely duplicates in my network, and merging two people into one. */

export const MAX_DUPLICATE_PAIRS = 200;

export const DuplicateReason = z
  .enum(DUPLICATE_REASONS)
  .describe(
    '`same_email`, `same_phone`, `same_link`: an identical normalised email, phone number or profile URL; `similar_name`: the names match allowing for accents, case, word order, initials and small typos; `same_company`: the companies match too.',
  );
export type DuplicateReason = z.infer<typeof DuplicateReason>;

export const DuplicatePerson = z
  .object({
    id: Id,
    displayName: z.string(),
    name: z.string().describe('The same as `displayName`.'),
    company: z.string().nullable(),
    role: z.string().nullable(),
    city: z.string().nullable(),
    emails: z.array(z.string()),
    phones: z.array(z.string()),
    links: z.array(z.string()),
    source: z
      .string()
      .nullable()
      .describe(
        'Where the person came from: `manual`, `demo`, `import:linkedin`, `import:vcard`, `import:google`, `import:csv`, `import:json`.',
      ),
    createdAt: Timestamp,
  })
  .meta({ id: 'DuplicatePerson' });

export const DuplicatePair = z
  .object({
    a: DuplicatePerson,
    b: DuplicatePerson,
    score: z.number().min(0).max(1).describe('How likely the two are one person, 0..1.'),
    reasons: z.array(DuplicateReason),
    keep: z
      .enum(SIDE_KEYS)
      .describe(
        'The one to keep when merging, unless you choose: the fuller name ("Barbara Neri" over "Barbie"), else the one in the network first.',
      ),
  })
  .meta({ id: 'DuplicatePair' });
export type DuplicatePair = z.infer<typeof DuplicatePair>;

export const DuplicatesResponse = z
  .object({
    pairs: z.array(DuplicatePair).describe(`Best first, at most ${MAX_DUPLICATE_PAIRS}.`),
    total: z.number().int().describe('Pairs found in all, also beyond the ones listed.'),
    strongTotal: z
      .number()
      .int()
      .describe(
        'Of those, the pairs that share an email, a phone number or a LinkedIn profile (`same_email`, `same_phone`, `same_link`).',
      ),
  })
  .meta({ id: 'Duplicates' });
export type DuplicatesResponse = z.infer<typeof DuplicatesResponse>;

export const MergeBody = z
  .strictObject({ otherId: Id.describe('The person merged into this one and then deleted.') })
  .meta({ id: 'MergeBody' });

export const MergePairsBody = z
  .strictObject({
    pairs: z
      .array(
        z
          .strictObject({ a: Id, b: Id })
          .describe('Two people who are one: they share an email, a phone number or a LinkedIn profile.'),
      )
      .min(1)
      .max(MAX_DUPLICATE_PAIRS),
  })
  .meta({ id: 'MergePairsBody' });
export type MergePairsBody = z.infer<typeof MergePairsBody>;

export const MergePairsQuery = z.strictObject({
  dryRun: z
    .enum(['true', 'false'])
    .optional()
    .describe('`true`: merge nothing, answer the groups that would become one person each (to show them first).'),
});

const GroupPerson = z.object({ id: Id, name: z.string() });

export const MergePairsResult = z
  .object({
    groups: z
      .array(z.object({ keep: GroupPerson, merged: z.array(GroupPerson) }))
      .describe('Pairs that share a person are one group; each group becomes its `keep` person.'),
    merged: z.number().int().describe('People merged into another one.'),
    kept: z.array(Id).describe('The people kept, one per group.'),
    mergedAway: z.array(Id).describe('The people merged away (deleted).'),
  })
  .meta({ id: 'MergePairsResult' });
export type MergePairsResult = z.infer<typeof MergePairsResult>;
