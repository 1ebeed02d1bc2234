import { z } from 'zod';
import { Id } from './common.ts';

/** Likely duplicates in my network, and merging two people into one. */

export const MAX_DUPLICATE_PAIRS = 200;

export const DuplicateReason = z
  .enum(['same_email', 'same_phone', 'same_link', 'similar_name', 'same_company'])
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
  })
  .meta({ id: 'DuplicatePerson' });

export const DuplicatePair = z
  .object({
    a: DuplicatePerson,
    b: DuplicatePerson,
    score: z.number().min(0).max(1).describe('How likely the two are one person, 0..1.'),
    reasons: z.array(DuplicateReason),
  })
  .meta({ id: 'DuplicatePair' });
export type DuplicatePair = z.infer<typeof DuplicatePair>;

export const DuplicatesResponse = z
  .object({ pairs: z.array(DuplicatePair).describe(`Best first, at most ${MAX_DUPLICATE_PAIRS}.`) })
  .meta({ id: 'Duplicates' });
export type DuplicatesResponse = z.infer<typeof DuplicatesResponse>;

export const MergeBody = z
  .strictObject({ otherId: Id.describe('The person merged into this one and then deleted.') })
  .meta({ id: 'MergeBody' });
