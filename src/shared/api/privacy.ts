import { z } from 'zod';
import { Id, text, Timestamp } from './common.ts';
import { LEGAL_BASES, SUPPRESSION_KINDS } from './values.ts';

/**
 * Privacy rights (GDPR): the legal basis and source of each contact, erasure with a suppression
 * entry, and deletion of the whole account.
 */

export const LegalBasis = z
  .enum(LEGAL_BASES)
  .describe(
    'GDPR art. 6 basis for keeping this contact: legitimate interest, consent, a contract, or something else (explain in the note).',
  );
export type LegalBasis = z.infer<typeof LegalBasis>;

export const PersonPrivacy = z
  .object({
    legalBasis: LegalBasis.nullable(),
    legalBasisNote: z.string().nullable(),
    source: z
      .string()
      .nullable()
      .describe(
        'Where the data came from, set automatically: `manual`, `demo`, `import:vcard`, `import:linkedin`, `import:google`, `import:csv`, `import:json` (a Rete export keeps the source it had).',
      ),
    sourceAt: Timestamp.nullable().describe('When the data came from that source.'),
  })
  .meta({ id: 'PersonPrivacy' });
export type PersonPrivacy = z.infer<typeof PersonPrivacy>;

export const SuppressionKind = z
  .enum(SUPPRESSION_KINDS)
  .describe(
    'What was hashed: email addresses, phone numbers, the LinkedIn URL; `name` (name + company) only for a person who had none of those.',
  );

export const ErasePersonQuery = z.strictObject({
  suppress: z
    .enum(['true', 'false'])
    .optional()
    .describe('`true`: also keep a suppression entry (hashes only) so that later imports skip this person.'),
  reason: text(500).optional().describe('With `suppress`: a note of your own, e.g. "asked to be removed on 2 May".'),
});
export type ErasePersonQuery = z.infer<typeof ErasePersonQuery>;

export const EraseResult = z
  .object({
    ok: z.literal(true),
    suppressionId: Id.nullable().describe('The suppression entry made, when `suppress=true`.'),
  })
  .meta({ id: 'EraseResult' });

export const Suppression = z
  .object({
    id: Id,
    createdAt: Timestamp,
    reason: z.string().nullable(),
    kinds: z.array(SuppressionKind),
  })
  .meta({ id: 'Suppression' });
export type Suppression = z.infer<typeof Suppression>;

export const SuppressionList = z
  .object({ items: z.array(Suppression).describe('Newest first.') })
  .meta({ id: 'SuppressionList' });

export const DeleteAccountBody = z
  .strictObject({ password: z.string().min(1).max(1024).describe('The account password, also with an API token.') })
  .meta({ id: 'DeleteAccountBody' });
