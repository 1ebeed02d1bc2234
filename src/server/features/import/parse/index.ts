/**
 * Entry point of the contact parsers: bytes of an uploaded file → people, with a report of
 * every problem (line and reason). Pure and synchronous: no database, no network, no files.
 *
 * The caller (the import preview/commit service) maps `ParsedContact` to a person; every field
 * already fits Rete's person schema. Run it off the request thread for large files: a 20 MB file
 * takes on the order of a second.
 */
import { sizeAndLimit } from '#shared/text/size.ts';
import { parseCsv } from './csv.ts';
import type { ColumnMapping, CsvLayout } from './csv.ts';
import { decodeBytes } from './decode.ts';
import { problemAt, resolveLimits } from './types.ts';
import type { ParseLimits, ParseProblem, ParsedContact } from './types.ts';
import { looksLikeVcard, parseVcards } from './vcard.ts';

export type ImportFormat = 'vcard' | 'linkedin' | 'google' | 'csv';

export interface ParseOptions {
  /** Force a format; by default it is detected from the content. */
  format?: ImportFormat;
  /** Column mapping for a generic CSV (from the mapping screen). */
  mapping?: ColumnMapping;
  limits?: Partial<ParseLimits>;
}

export interface ParseResult {
  format: ImportFormat;
  /** Encoding the file was read in (`utf-8`, `utf-16le`, `windows-1252`, `shift_jis`, …). */
  encoding: string;
  contacts: ParsedContact[];
  /** Everything skipped or changed, in file order. `line` 0 = about the whole file. */
  problems: ParseProblem[];
  /** CSV only: the header (or `Column 1…`) and the first rows, for the mapping screen. */
  csvHeaders?: string[];
  csvSample?: string[][];
  /** CSV only: which known layout the header matched. */
  csvLayout?: CsvLayout;
  suggestedMapping?: ColumnMapping;
  /** Generic CSV only: the mapping that produced `contacts`. */
  mappingUsed?: ColumnMapping;
}

/** Thrown before any parsing when the upload is larger than `limits.maxBytes`. */
export class ImportTooLargeError extends Error {
  readonly code = 'import_too_large';
  constructor(
    readonly size: number,
    readonly limit: number,
  ) {
    const shown = sizeAndLimit(size, limit);
    super(`The file is ${shown.size}; the limit for an import is ${shown.limit}.`);
    this.name = 'ImportTooLargeError';
  }
}

export function parseContacts(bytes: Uint8Array, opts: ParseOptions = {}): ParseResult {
  const limits = resolveLimits(opts.limits);
  if (bytes.length > limits.maxBytes) throw new ImportTooLargeError(bytes.length, limits.maxBytes);

  const format = opts.format ?? (looksLikeVcard(bytes) ? 'vcard' : undefined);
  if (format === 'vcard') {
    const r = parseVcards(bytes, limits);
    const problems = r.problems;
    if (r.contacts.length === 0 && !looksLikeVcard(bytes)) problems.unshift(problemAt(0, 'file', 'vcard_not_vcard'));
    return { format: 'vcard', encoding: r.encoding, contacts: r.contacts, problems };
  }

  const { text, encoding } = decodeBytes(bytes);
  const csvOpts: Parameters<typeof parseCsv>[1] = { limits };
  if (format !== undefined) csvOpts.format = format;
  if (opts.mapping !== undefined) csvOpts.mapping = opts.mapping;
  const r = parseCsv(text, csvOpts);
  const detected: ImportFormat = r.layout === 'linkedin' ? 'linkedin' : r.layout === 'generic' ? 'csv' : 'google';
  const result: ParseResult = {
    format: detected,
    encoding,
    contacts: r.contacts,
    problems: r.problems,
    csvHeaders: r.headers,
    csvSample: r.sample,
    csvLayout: r.layout,
    suggestedMapping: r.suggestedMapping,
  };
  if (r.mappingUsed !== undefined) result.mappingUsed = r.mappingUsed;
  return result;
}

export { previewCsv, suggestMapping, detectLayout } from './csv.ts';
export type { ColumnMapping, CsvLayout } from './csv.ts';
export { decodeBytes } from './decode.ts';
export { parseVcards } from './vcard.ts';
export { DEFAULT_LIMITS } from './types.ts';
export type {
  ParseLimits,
  ParseProblem,
  ParsedContact,
  ParsedChannel,
  ParsedPhoto,
  PhotoMime,
  ProblemSeverity,
} from './types.ts';
