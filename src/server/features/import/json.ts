/**
 * Reads a Rete JSON export (`rete export --format json`, `GET /api/v1/export?format=json`) back,
 * so that an account can be restored or moved from one Rete to another: people with their
 * channels, tags, privacy fields, needs and offers (with status), timeline, "introduced by", and
 * the relationships between them; the exported profile ("me") goes onto the account's own profile.
 *
 * Untrusted input: every person goes through the same schema as a person created through the API;
 * one that does not fit is skipped with a problem, an item or timeline entry that does not fit is
 * dropped with a warning. `line` is the position of the person in the `people` array (1-based);
 * 0 for the profile. Control characters that are no line structure (NUL, ESC, C1, ...) are removed
 * from every text and reported by person: Rete stores none of them (PostgreSQL cannot store NUL).
 */
import { z } from 'zod';
import { Birthday, CreatePersonBody, CreateInteractionBody, CreateItemBody } from '#shared/api/people.ts';
import { FeedbackItemKind, FeedbackVerdict, MAX_ASK_LENGTH, MAX_TAUGHT_CONCEPTS, TaughtWordBody } from '#shared/api/learning.ts';
import { LegalBasis } from '#shared/api/privacy.ts';
import { isLocale, type InteractionKind, type ItemStatus, type Locale } from '#shared/api/values.ts';
import { hasStrayControl, quote, STRAY_CONTROLS } from './parse/contact.ts';
import type { ParseProblem, ParsedContact } from './parse/index.ts';
import { problemAt } from './parse/types.ts';

export interface ReteItem {
  /** The item's id in the exported account (what verdicts on suggestions refer to). */
  fileId: string | null;
  text: string;
  language: Locale | null;
  status: ItemStatus;
  createdAt: string | null;
  updatedAt: string | null;
  closedAt: string | null;
}

export interface ReteInteraction {
  kind: InteractionKind;
  occurredAt: string;
  summary: string;
  createdAt: string | null;
}

/** What a Rete export carries beyond what every contact file has. */
export interface ReteExtras {
  /** The person's id in the exported account: matches the same person when re-imported there. */
  id: string | null;
  isSelf: boolean;
  language: Locale | null;
  introducedById: string | null;
  legalBasis: LegalBasis | null;
  legalBasisNote: string | null;
  source: string | null;
  sourceAt: string | null;
  createdAt: string | null;
  needs: ReteItem[];
  offers: ReteItem[];
  timeline: ReteInteraction[];
}

export type ReteContact = ParsedContact & { rete: ReteExtras };

export interface ReteRelationship {
  personAId: string;
  personBId: string;
  strength: number;
  note: string | null;
  createdAt: string | null;
  updatedAt: string | null;
}

/** What the Value Finder had learnt in the exported account; ids are the file's. */
export interface ReteLearnt {
  feedback: Array<{
    itemKind: FeedbackItemKind;
    itemFileId: string | null;
    ask: string | null;
    personFileId: string;
    verdict: FeedbackVerdict;
    concepts: string[];
    createdAt: string | null;
    updatedAt: string | null;
  }>;
  taughtWords: Array<{
    phrase: string;
    words: string;
    concepts: string[];
    createdAt: string | null;
    updatedAt: string | null;
  }>;
}

export interface ReteExport {
  contacts: ReteContact[];
  /** The exported account's own profile, if any. */
  self: ReteContact | null;
  relationships: ReteRelationship[];
  learnt?: ReteLearnt;
  problems: ParseProblem[];
}

/** A JSON object that says it is a Rete export. */
export function looksLikeReteExport(bytes: Uint8Array): boolean {
  let i = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) i = 3;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x0a || bytes[i] === 0x0d || bytes[i] === 0x09)) i++;
  if (bytes[i] !== 0x7b) return false; // "{"
  const head = Buffer.from(bytes.subarray(i, i + 200)).toString('utf8');
  return /"format"\s*:\s*"rete-export"/.test(head);
}

const Uuid = z.uuid();
const IsoTime = z
  .string()
  .max(40)
  .refine((s) => !Number.isNaN(Date.parse(s)))
  .transform((s) => new Date(s).toISOString());
const Source = z.string().trim().min(1).max(100);
const Strength = z.number().int().min(1).max(3);

const opt = <T extends z.ZodType>(schema: T, v: unknown): z.infer<T> | null => {
  const r = schema.safeParse(v);
  return r.success ? r.data : null;
};

type Raw = Record<string, unknown>;
const asRecord = (v: unknown): Raw => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Raw) : {});
const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

function items(list: unknown, what: string, line: number, problems: ParseProblem[]): ReteItem[] {
  const out: ReteItem[] = [];
  for (const raw of asArray(list)) {
    const r = asRecord(raw);
    const parsed = CreateItemBody.safeParse({
      text: r.text,
      ...(r.language !== undefined ? { language: r.language } : {}),
      ...(r.status !== undefined ? { status: r.status } : {}),
    });
    if (!parsed.success) {
      problems.push(
        problemAt(line, 'warning', 'json_item_dropped', {
          person: line,
          item: what,
          detail: parsed.error.issues[0]?.message ?? 'invalid',
        }),
      );
      continue;
    }
    out.push({
      fileId: opt(Uuid, r.id),
      text: parsed.data.text,
      language: parsed.data.language ?? null,
      status: parsed.data.status ?? 'open',
      createdAt: opt(IsoTime, r.createdAt),
      updatedAt: opt(IsoTime, r.updatedAt),
      closedAt: opt(IsoTime, r.closedAt),
    });
  }
  return out;
}

function timeline(list: unknown, line: number, problems: ParseProblem[]): ReteInteraction[] {
  const out: ReteInteraction[] = [];
  for (const raw of asArray(list)) {
    const r = asRecord(raw);
    const parsed = CreateInteractionBody.safeParse({ kind: r.kind, occurredAt: r.occurredAt, summary: r.summary ?? '' });
    if (!parsed.success) {
      problems.push(
        problemAt(line, 'warning', 'json_item_dropped', {
          person: line,
          item: 'timeline',
          detail: parsed.error.issues[0]?.message ?? 'invalid',
        }),
      );
      continue;
    }
    out.push({ ...parsed.data, createdAt: opt(IsoTime, r.createdAt) });
  }
  return out;
}

/** One exported person → a contact with its extras, or a problem. */
function readPerson(raw: unknown, line: number, isSelf: boolean, problems: ParseProblem[]): ReteContact | null {
  const p = cleanRecord(asRecord(raw), line, problems);
  const pick = (k: string) => (typeof p[k] === 'string' ? p[k] : undefined);
  const chans = (k: string) =>
    asArray(p[k]).map((c) => {
      const r = asRecord(c);
      return { value: typeof r.value === 'string' ? r.value : '', label: typeof r.label === 'string' ? r.label : null };
    });
  const privacy = asRecord(p.privacy);
  const legalBasis = opt(LegalBasis, privacy.legalBasis);
  const body = {
    name: pick('name') ?? '',
    company: pick('company'),
    role: pick('role'),
    city: pick('city'),
    country: pick('country'),
    notes: pick('notes'),
    howMet: pick('howMet'),
    emails: chans('emails'),
    phones: chans('phones'),
    links: chans('links'),
    tags: asArray(p.tags).filter((t): t is string => typeof t === 'string'),
    ...(typeof privacy.legalBasisNote === 'string' ? { legalBasisNote: privacy.legalBasisNote } : {}),
  };
  const r = CreatePersonBody.safeParse(body);
  if (!r.success) {
    const issue = r.error.issues[0];
    const params = {
      person: line,
      field: fieldWord(String(issue?.path[0] ?? '')),
      path: issue?.path.join('.') ?? '',
      detail: issue?.message ?? 'invalid',
    };
    problems.push(problemAt(line, 'skipped', isSelf ? 'json_profile_invalid' : 'json_person_invalid', params));
    return null;
  }
  const v = r.data;
  const c: ReteContact = {
    line,
    name: v.name,
    emails: (v.emails ?? []).map((e) => ({ value: e.value, label: e.label ?? null })),
    phones: (v.phones ?? []).map((e) => ({ value: e.value, label: e.label ?? null })),
    links: (v.links ?? []).map((e) => ({ value: e.value, label: e.label ?? null })),
    tags: v.tags ?? [],
    problems: [],
    rete: {
      id: opt(Uuid, p.id),
      isSelf,
      language: isLocale(p.language) ? p.language : null,
      introducedById: opt(Uuid, p.introducedById),
      legalBasis,
      legalBasisNote: v.legalBasisNote ?? null,
      source: opt(Source, privacy.source),
      sourceAt: opt(IsoTime, privacy.sourceAt),
      createdAt: opt(IsoTime, p.createdAt),
      needs: items(p.needs, 'need', line, problems),
      offers: items(p.offers, 'offer', line, problems),
      timeline: timeline(p.timeline, line, problems),
    },
  };
  if (v.company) c.company = v.company;
  if (v.role) c.role = v.role;
  if (v.city) c.city = v.city;
  if (v.country) c.country = v.country;
  if (v.notes) c.notes = v.notes;
  if (v.howMet) c.howMet = v.howMet;
  // A birthday that is no day of the calendar is left out; the person is kept.
  if (typeof p.birthday === 'string' && p.birthday !== '') {
    if (Birthday.safeParse(p.birthday).success) c.birthday = p.birthday;
    else problems.push(problemAt(line, 'warning', 'birthday_not_date', { value: quote(p.birthday) }));
  }
  return c;
}

export function parseReteExport(bytes: Uint8Array): ReteExport {
  const empty = (code: 'json_invalid' | 'json_not_rete'): ReteExport => ({
    contacts: [],
    self: null,
    relationships: [],
    problems: [problemAt(0, 'file', code)],
  });
  let doc: unknown;
  try {
    doc = JSON.parse(
      Buffer.from(bytes)
        .toString('utf8')
        .replace(/^\uFEFF/, ''),
    );
  } catch {
    return empty('json_invalid');
  }
  const people = asRecord(doc).people;
  if (!Array.isArray(people)) return empty('json_not_rete');
  const problems: ParseProblem[] = [];
  const contacts: ReteContact[] = [];
  people.forEach((raw: unknown, i) => {
    const c = readPerson(raw, i + 1, false, problems);
    if (c) contacts.push(c);
  });
  const me = asRecord(doc).me;
  const self = me !== null && me !== undefined ? readPerson(me, 0, true, problems) : null;
  const relationships: ReteRelationship[] = [];
  for (const raw of asArray(asRecord(doc).relationships)) {
    const r = cleanRecord(asRecord(raw), 0, problems, 'relationship');
    const a = opt(Uuid, r.personAId);
    const b = opt(Uuid, r.personBId);
    const strength = opt(Strength, r.strength);
    if (!a || !b || a === b || strength === null) {
      problems.push(problemAt(0, 'warning', 'json_relationship_dropped'));
      continue;
    }
    const note = typeof r.note === 'string' && r.note.trim() !== '' ? r.note.trim().slice(0, 1_000) : null;
    relationships.push({
      personAId: a,
      personBId: b,
      strength,
      note,
      createdAt: opt(IsoTime, r.createdAt),
      updatedAt: opt(IsoTime, r.updatedAt),
    });
  }
  const learnt = readLearnt(asRecord(doc), problems);
  return { contacts, self, relationships, learnt, problems };
}

const ConceptIds = z.array(z.string().min(1).max(100)).max(MAX_TAUGHT_CONCEPTS);
const Ask = z.string().trim().min(2).max(MAX_ASK_LENGTH);

/** Verdicts on suggestions and taught words of the export; what does not fit is left out, once reported. */
function readLearnt(doc: Raw, problems: ParseProblem[]): ReteLearnt {
  const out: ReteLearnt = { feedback: [], taughtWords: [] };
  let dropped = 0;
  for (const raw of asArray(doc.feedback)) {
    const r = cleanRecord(asRecord(raw), 0, problems, 'other');
    const itemKind = opt(FeedbackItemKind, r.itemKind);
    const verdict = opt(FeedbackVerdict, r.verdict);
    const person = opt(Uuid, r.personId);
    const itemFileId = opt(Uuid, r.itemId);
    const ask = opt(Ask, r.ask);
    if (!itemKind || !verdict || !person || (itemKind === 'ask' ? !ask : !itemFileId)) {
      dropped++;
      continue;
    }
    out.feedback.push({
      itemKind,
      itemFileId: itemKind === 'ask' ? null : itemFileId,
      ask: itemKind === 'ask' ? ask : null,
      personFileId: person,
      verdict,
      concepts: opt(ConceptIds, r.concepts) ?? [],
      createdAt: opt(IsoTime, r.createdAt),
      updatedAt: opt(IsoTime, r.updatedAt),
    });
  }
  for (const raw of asArray(doc.taughtWords)) {
    const r = cleanRecord(asRecord(raw), 0, problems, 'other');
    const parsed = TaughtWordBody.safeParse({ phrase: r.phrase, words: r.words ?? '', concepts: r.concepts ?? [] });
    if (!parsed.success) {
      dropped++;
      continue;
    }
    out.taughtWords.push({ ...parsed.data, createdAt: opt(IsoTime, r.createdAt), updatedAt: opt(IsoTime, r.updatedAt) });
  }
  if (dropped > 0) problems.push(problemAt(0, 'warning', 'json_learning_dropped', { count: dropped }));
  return out;
}

/** A key of an exported person as a word the interfaces translate (`field` of a problem). */
function fieldWord(key: string): string {
  const words: Record<string, string> = {
    emails: 'email',
    phones: 'phone',
    links: 'link',
    tags: 'tag',
    needs: 'need',
    offers: 'offer',
    timeline: 'timeline',
    privacy: 'privacy',
    legalBasisNote: 'privacy',
  };
  if (key in words) return words[key] as string;
  return ['name', 'company', 'role', 'city', 'country', 'notes', 'howMet'].includes(key) ? key : 'other';
}

/**
 * The record with control characters that are no line structure removed from every text in it
 * (CR LF and CR become LF); one problem per field where some were.
 */
function cleanRecord(r: Raw, line: number, problems: ParseProblem[], field?: string): Raw {
  const found = new Set<string>();
  const clean = (v: unknown, key: string): unknown => {
    if (typeof v === 'string') {
      let t = v.includes('\r') ? v.replace(/\r\n?/g, '\n') : v;
      if (hasStrayControl(t)) {
        found.add(field ?? fieldWord(key));
        t = t.replace(STRAY_CONTROLS, '');
      }
      return t;
    }
    if (Array.isArray(v)) return v.map((x) => clean(x, key));
    if (v !== null && typeof v === 'object') {
      const out: Raw = {};
      for (const [k, x] of Object.entries(v)) out[k] = clean(x, key);
      return out;
    }
    return v;
  };
  const out: Raw = {};
  for (const [k, v] of Object.entries(r)) out[k] = clean(v, k);
  for (const f of found) problems.push(problemAt(line, 'warning', 'control_chars_removed', { field: f }));
  return out;
}
