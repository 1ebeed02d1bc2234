import { z } from 'zod';

export const ExportFormat = z
  .enum(['vcard', 'vcard3', 'csv', 'json'])
  .describe(
    '`vcard`: vCard 4.0; `vcard3`: vCard 3.0 for old phones; `csv`: UTF-8 with BOM, RFC 4180, formulas neutralised; ' +
      '`json`: the complete account (my profile, every person with channels, tags, needs, offers, timeline, and relationships).',
  );
export type ExportFormat = z.infer<typeof ExportFormat>;

export const ExportQuery = z.strictObject({ format: ExportFormat.default('json') });
