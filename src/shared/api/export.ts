import { z } from 'zod';
import { EXPORT_FORMATS, LOCALES } from './values.ts';

export const ExportFormat = z
  .enum(EXPORT_FORMATS)
  .describe(
    "`vcard`: vCard 4.0; `vcard3`: vCard 3.0 for old phones; `csv`: UTF-8 with BOM, RFC 4180, the header in the account's language (see `lang`), formulas neutralised (phone numbers stay as they are); " +
      '`json`: the complete account (GDPR art. 15 and 20): the account, my profile, every person with channels, tags, privacy fields, needs, offers, timeline, ' +
      'the relationships, suppression entries (keyed hashes only), the introductions with their sides and history, the asks to contacts to make ' +
      'an introduction, the emails of introductions and asks (recipients, subject, status, dates and plain text with the answer links removed), ' +
      'the gives with recipients and outcomes, what I received (business, and introductions contacts agreed to make), ' +
      'the "do not contact" objections, what the Value Finder learnt from me (verdicts on suggestions, taught words), and the names and dates of API tokens and sessions; never a password, token, token hash, answer link or key. ' +
      'Importing it (format `json`) restores the people of an account (with channels, tags, needs, offers, timeline and relationships) and what the Value Finder learnt, or moves them to another Rete; ' +
      'introductions, emails and the give ledger are for reading only and are not restored.',
  );
export type ExportFormat = z.infer<typeof ExportFormat>;

export const ExportQuery = z.strictObject({
  format: ExportFormat.default('json'),
  lang: z
    .enum(LOCALES)
    .optional()
    .describe(
      "CSV only: the language of the header, and with it the separator Excel expects (`;` in Italian, `,` in English). Default: the account's language.",
    ),
});
