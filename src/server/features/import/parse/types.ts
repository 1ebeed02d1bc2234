/**
 * Shapes shared by every contact parser (vCard, LinkedIn, Google, generic CSV).
 *
 * The parsers are pure: bytes in, plain data out. No database, no network: a URL found in a
 * file (a remote PHOTO, a website) is only ever kept as text, never fetched.
 */
import { MAX_IMPORT_BYTES, type ImportProblemCode } from '#shared/api/values.ts';
import { problemReason, type ProblemParams } from './problems.ts';

export type PhotoMime = 'image/jpeg' | 'image/png' | 'image/gif' | 'image/webp';

export interface ParsedChannel {
  value: string;
  label: string | null;
}

export interface ParsedPhoto {
  mime: PhotoMime;
  bytes: Buffer;
}

/**
 * One person as read from a file. Every field already fits Rete's person schema
 * (`CreatePersonBody` in `src/shared/api/people.ts`): text is trimmed and capped, channels that
 * Rete could not store (a placeholder phone, a `javascript:` link) were dropped, and each change
 * of that kind left a line in `problems`.
 */
export interface ParsedContact {
  /** Line in the file where this card or row starts (1-based). */
  line: number;
  name: string;
  givenName?: string;
  familyName?: string;
  company?: string;
  /** TITLE, else ROLE (vCard); Position (LinkedIn); Organization Title (Google). */
  role?: string;
  emails: ParsedChannel[];
  phones: ParsedChannel[];
  links: ParsedChannel[];
  city?: string;
  country?: string;
  notes?: string;
  /** ISO date `YYYY-MM-DD`, or `--MM-DD` when the year is unknown. */
  birthday?: string;
  howMet?: string;
  /**
   * A LinkedIn connection: the import writes "how we met" from it in the account's language
   * ("Connected on LinkedIn, 20 Aug 2018", "Collegamento su LinkedIn, 20 ago 2018").
   */
  linkedin?: true;
  /** LinkedIn `Connected On` as an ISO date. */
  connectedOn?: string;
  /** LinkedIn `Connected On` when it is no date, as the file says it. */
  connectedOnText?: string;
  tags: string[];
  /**
   * A key that stays the same when the same file is imported again: the vCard UID, or the
   * LinkedIn profile URL. Lets the importer make re-imports idempotent.
   */
  externalId?: string;
  photo?: ParsedPhoto;
  /** What was dropped or changed in this contact, each with its line. The contact is kept. */
  problems: string[];
}

/**
 * `skipped`: a card or row that produced no contact. `warning`: the contact is kept, something
 * in it was dropped or changed. `file`: about the file as a whole (a limit reached, no header).
 */
export type ProblemSeverity = 'skipped' | 'warning' | 'file';

export interface ParseProblem {
  line: number;
  /** What happened, worded by each interface in its language (see problems.ts). */
  code: ImportProblemCode;
  params: ProblemParams;
  /** The English wording. */
  reason: string;
  severity: ProblemSeverity;
}

/** A problem with its English wording. */
export function problemAt(
  line: number,
  severity: ProblemSeverity,
  code: ImportProblemCode,
  params: ProblemParams = {},
): ParseProblem {
  return { line, code, params, reason: problemReason(code, params), severity };
}

export interface ParseLimits {
  /** Whole upload, bytes. */
  maxBytes: number;
  /** vCards per file / data rows per CSV. */
  maxContacts: number;
  /** One unfolded vCard line holding binary data (PHOTO, LOGO, KEY, SOUND), bytes. */
  maxBinaryLineLength: number;
  /**
   * One unfolded vCard text line, bytes. 64 KiB rather than 10 KB: Rete keeps notes up to
   * 20,000 characters and quoted-printable can triple the size of accented text.
   */
  maxTextLineLength: number;
  maxPropertiesPerCard: number;
  /** 1 = no nesting allowed; 2 = a card may hold cards one level deep (vCard 2.1 AGENT style). */
  maxNestingDepth: number;
  /** Decoded inline photo, bytes. */
  maxPhotoBytes: number;
  /** Width × height of an inline photo, to refuse decompression bombs before anyone decodes it. */
  maxPhotoPixels: number;
  /** One CSV record, characters. */
  maxCsvRecordLength: number;
  /** Problems kept per file; beyond that one summary line is added. */
  maxProblems: number;
}

export const DEFAULT_LIMITS: Readonly<ParseLimits> = Object.freeze({
  maxBytes: MAX_IMPORT_BYTES,
  // 100,000 LinkedIn rows are about 10 MB: the whole network of a very connected person.
  maxContacts: 100_000,
  maxBinaryLineLength: 1024 * 1024,
  maxTextLineLength: 64 * 1024,
  maxPropertiesPerCard: 500,
  maxNestingDepth: 2,
  maxPhotoBytes: 256 * 1024,
  maxPhotoPixels: 40_000_000,
  maxCsvRecordLength: 256 * 1024,
  maxProblems: 2_000,
});

export function resolveLimits(partial?: Partial<ParseLimits>): ParseLimits {
  return { ...DEFAULT_LIMITS, ...(partial ?? {}) };
}

/** Collects problems up to a cap, so a hostile file cannot grow the report without bound. */
export class ProblemLog {
  readonly items: ParseProblem[] = [];
  private dropped = 0;

  constructor(private readonly max: number) {}

  add(line: number, severity: ProblemSeverity, code: ImportProblemCode, params: ProblemParams = {}): void {
    if (this.items.length < this.max) this.items.push(problemAt(line, severity, code, params));
    else this.dropped++;
  }

  /** The list to hand out, with a last line saying how many were left off. */
  finish(): ParseProblem[] {
    if (this.dropped > 0) {
      this.items.push(problemAt(0, 'file', 'too_many_problems', { count: this.dropped }));
      this.dropped = 0;
    }
    return this.items;
  }
}
