import { z } from 'zod';

export const ExportFormat = z
  .enum(['vcard', 'vcard3', 'csv', 'json'])
  .describe(
    '`vcard`: vCard 4.0; `vcard3`: vCard 3.0 for old phones; `csv`: UTF-8 with BOM, RFC 4180, formulas neutralised; ' +
      '`json`: the complete account (GDPR art. 15 and 20): the account, my profile, every person with channels, tags, privacy fields, needs, offers, timeline, ' +
      'the relationships, suppression entries (keyed hashes only) and the names and dates of API tokens and sessions; never a password, token or key. ' +
      'Importing it (format `json`) restores an account or moves it to another Rete.',
  );
export type ExportFormat = z.infer<typeof ExportFormat>;

export const ExportQuery = z.strictObject({ format: ExportFormat.default('json') });
