import { z } from 'zod';
import { ErrorBody, Id, line } from './common.ts';
import {
  CSV_FIELDS,
  IMPORT_ACTIONS,
  IMPORT_FORMATS,
  IMPORT_MATCH_KEYS,
  IMPORT_PHASES,
  IMPORT_PROBLEM_CODES,
  IMPORT_PROBLEM_SEVERITIES,
} from './values.ts';

/**
 * Imports. The file is sent as the raw request body (`Content-Type: application/octet-stream`,
 * at most 20 MB), never as JSON or multipart; the options travel in the query string.
 */

export const ImportFormat = z
  .enum(IMPORT_FORMATS)
  .describe(
    'vCard 2.1/3.0/4.0, LinkedIn Connections.csv, Google Contacts CSV, any CSV with a header, or a Rete JSON export (people with needs, offers, timeline, relationships, tags and privacy fields).',
  );

export const CsvFieldName = z.enum(CSV_FIELDS);

export const ImportQuery = z.strictObject({
  format: ImportFormat.optional().describe('Force a format; detected from the content when omitted.'),
  filename: line(255).optional().describe('Name of the uploaded file, for messages only.'),
  mapping: z
    .string()
    .max(10_000)
    .optional()
    .describe('Generic CSV only: JSON object `{"<column header>": "<field>"}` from the column-mapping step.'),
  people: z
    .enum(['true', 'false'])
    .optional()
    .describe('Preview only: `true` includes every parsed person with its action (default: counts and problems only).'),
});
export type ImportQuery = z.infer<typeof ImportQuery>;

/**
 * What went wrong with a line of an imported file, as a code with parameters (`params`), so that
 * each interface words it in its own language; `reason` says the same in English.
 */
export const ImportProblem = z
  .object({
    line: z
      .number()
      .int()
      .describe(
        'Line of the file where the card or row starts (for a Rete JSON export: the person, 1-based); 0 = the whole file.',
      ),
    code: z.enum(IMPORT_PROBLEM_CODES).describe('What happened; the interface words it from the code and `params`.'),
    params: z
      .record(z.string(), z.union([z.string(), z.number()]))
      .describe(
        'The details the wording needs: `field` (name, company, notes, email, …), `value` (the text in question, quoted and shortened), `max`, `line`, ….',
      ),
    reason: z.string().describe('The same in English, for scripts and the command line.'),
    severity: z.enum(IMPORT_PROBLEM_SEVERITIES),
  })
  .meta({ id: 'ImportProblem' });
export type ImportProblem = z.infer<typeof ImportProblem>;

export const ImportAction = z
  .enum(IMPORT_ACTIONS)
  .describe('`create`: a new person; `merge`: adds to someone already there; `unchanged`: already there with all of it.');

const ChannelOut = z.object({ value: z.string(), label: z.string().nullable() });

export const ImportPerson = z
  .object({
    lines: z.array(z.number().int()).describe('Lines of the file merged into this person (duplicates within the file).'),
    action: ImportAction,
    matchedId: Id.nullable().describe('The existing person it merges into.'),
    matchedBy: z
      .enum(IMPORT_MATCH_KEYS)
      .nullable()
      .describe('`id`: a Rete JSON export of this same account, matched by the person id.'),
    name: z.string(),
    company: z.string().nullable(),
    role: z.string().nullable(),
    city: z.string().nullable(),
    emails: z.array(ChannelOut),
    phones: z.array(ChannelOut),
    links: z.array(ChannelOut),
    tags: z.array(z.string()),
    joins: z
      .array(Id)
      .describe(
        'Other people already in the network merged into this one: a contact of the file holds an email, phone number or LinkedIn profile of each.',
      ),
  })
  .meta({ id: 'ImportPerson' });
export type ImportPerson = z.infer<typeof ImportPerson>;

const Counts = {
  format: ImportFormat,
  encoding: z.string().describe('Encoding the file was read in.'),
  contacts: z.number().int().describe('Contacts read from the file.'),
  toCreate: z.number().int().describe('People that will be (or were) created.'),
  toMerge: z.number().int().describe('Existing people that receive new emails, phones, links, tags or fields.'),
  unchanged: z.number().int().describe('Existing people matched that already hold everything in the file.'),
  duplicatesInFile: z.number().int().describe('Contacts merged into an earlier contact of the same file.'),
  joinedRecords: z
    .number()
    .int()
    .describe(
      'Contacts that hold the email, phone number or LinkedIn profile of two or more different people already in the network: those people are one, and are merged.',
    ),
  joinedPeople: z
    .number()
    .int()
    .describe('People already in the network those contacts join (the kept ones and the merged ones).'),
  suppressed: z
    .number()
    .int()
    .describe('Contacts skipped because they match a suppression entry (a person erased with `suppress=true`).'),
  suppressedLines: z.array(z.number().int()).describe('Lines of the file where those contacts start.'),
  problems: z.array(ImportProblem),
};

export const ImportPreview = z
  .object({
    ...Counts,
    csvHeaders: z.array(z.string()).optional().describe('CSV only: the header, for the column-mapping step.'),
    suggestedMapping: z.record(z.string(), CsvFieldName).optional(),
    people: z.array(ImportPerson).optional().describe('With `people=true` only.'),
  })
  .meta({ id: 'ImportPreview' });
export type ImportPreview = z.infer<typeof ImportPreview>;

export const ImportResult = z
  .object({
    ...Counts,
    created: z.array(Id).describe('Ids of the people created.'),
    merged: z.array(Id).describe('Ids of the existing people that were changed.'),
    mergedAway: z
      .array(Id)
      .describe(
        'Ids of the existing people merged into another one (see `joinedRecords`): they are no more, everything of theirs is on the kept one.',
      ),
  })
  .meta({ id: 'ImportResult' });
export type ImportResult = z.infer<typeof ImportResult>;

export const ImportPhase = z
  .enum(IMPORT_PHASES)
  .describe(
    '`parse`: reading the file (`done`/`total` in bytes); `match`: against the network (contacts); `write`: people written.',
  );

/**
 * One line of the answer of `POST /api/v1/imports` sent with `Accept: application/x-ndjson`:
 * progress lines, then exactly one `result` or `error` line.
 */
export const ImportEvent = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('progress'), phase: ImportPhase, done: z.number().int(), total: z.number().int() }),
    z.object({ type: z.literal('result'), result: ImportResult }),
    z.object({ type: z.literal('error'), error: ErrorBody.shape.error }),
  ])
  .meta({ id: 'ImportEvent' });
export type ImportEvent = z.infer<typeof ImportEvent>;
