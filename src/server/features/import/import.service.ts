/**
 * Imports: parsed contacts → a plan (who is created, who is merged into someone already there),
 * shown as a preview, then committed in ONE transaction.
 *
 * The file is parsed before the transaction opens; inside it, after taking the owner's network
 * lock, the contacts are matched against the network and written.
 *
 * Matching, in this order: the person id (a Rete JSON export of this same account), normalised
 * email, phone (its last nine digits: "333 123 4567" is "+39 333 1234567"), link (a LinkedIn
 * profile URL in any of its forms), then the same name with the same company (case- and
 * accent-insensitive). Namesakes without a company match by name only when neither has an email,
 * phone or link: two people who share a name and nothing else stay two. The same rules merge
 * duplicates within one file. A merge only adds: missing emails, phones, links, tags, needs,
 * offers, timeline entries and relationships, and fields that are empty; it never overwrites.
 * Re-importing a file therefore finds everybody and writes nothing.
 *
 * One contact can hold the keys of several people at once: the email of someone imported from
 * LinkedIn and the phone number of someone imported from a phone. Every person it joins that way
 * (by id, email, phone or LinkedIn profile, each key held by that one person) is one person: they
 * are merged in the same transaction, with the merge of the Duplicates page (merge.service.ts),
 * into the one kept (your own profile, else the fuller name, else the one in the network first),
 * after the rest of the import is written.
 *
 * Contacts matching a suppression entry of the account (a person erased with `suppress=true`)
 * are skipped and reported by line, never written.
 */
import { MAX_CHANNELS, MAX_TAGS } from '#shared/api/people.ts';
import { MAX_IMPORT_BYTES } from '#shared/api/import.ts';
import type { ImportPerson, ImportPreview, ImportResult } from '#shared/api/import.ts';
import { CompiledQuery, SqliteAdapter, sql } from 'kysely';
import type { Executor } from '../../db/db.ts';
import type { ChannelKind, InteractionKind, LegalBasis, PeopleTable } from '../../db/schema.ts';
import { AppError } from '../../http/errors.ts';
import { newId, newRowId } from '../../lib/ids.ts';
import type { Deps } from '../auth/auth.service.ts';
import { detectTextLanguage } from '../matching/engine/lang.ts';
import { fullerName, mergeWithin } from '../duplicates/merge.service.ts';
import { recordChange } from '../network/changes.ts';
import * as repo from '../people/people.repo.ts';
import { normalizeChannel, sortKey } from '../people/people.service.ts';
import { suppressionMatcher } from '../privacy/privacy.service.ts';
import { linkedinKey, phoneKey } from '../privacy/suppression.ts';
import { ImportTooLargeError, parseContacts } from './parse/index.ts';
import type { ColumnMapping, ParseLimits, ParseProblem, ParsedContact } from './parse/index.ts';
import { looksLikeReteExport, parseReteExport } from './json.ts';
import type { ReteContact, ReteExtras, ReteInteraction, ReteItem, ReteLearnt, ReteRelationship } from './json.ts';
import { restoreLearnt } from '../learning/learning.service.ts';
import { selfPersonId } from '../auth/auth.repo.ts';

/** The parsers' formats, plus a Rete JSON export. */
export type ImportFormat = 'vcard' | 'linkedin' | 'google' | 'csv' | 'json';

type Contact = ParsedContact & { rete?: ReteExtras };

interface Parsed {
  format: ImportFormat;
  encoding: string;
  bytes: number;
  contacts: Contact[];
  problems: ParseProblem[];
  csvHeaders?: string[] | undefined;
  suggestedMapping?: ColumnMapping | undefined;
  /** Rete JSON only: the exported profile ("me") and the relationships. */
  self?: ReteContact | null;
  relationships?: ReteRelationship[];
  /** Rete JSON only: what the Value Finder had learnt (verdicts, taught words). */
  learnt?: ReteLearnt | undefined;
}

export type ImportPhase = 'parse' | 'match' | 'write';
export interface ImportProgressEvent {
  phase: ImportPhase;
  done: number;
  total: number;
}

export interface ImportOptions {
  /** Force a format; detected from the content otherwise. */
  format?: ImportFormat | undefined;
  /** Generic CSV: the column mapping. */
  mapping?: ColumnMapping | undefined;
  limits?: Partial<ParseLimits> | undefined;
  /** People written per step of a commit (default 1,000); `onProgress` runs after each step. */
  chunkSize?: number | undefined;
  /**
   * Called inside the transaction after each step of a commit with the people written so far and
   * the total. Throwing from it aborts the import and rolls everything back (tests use this).
   */
  onProgress?: ((done: number, total: number) => void | Promise<void>) | undefined;
  /**
   * Progress of every phase: `parse` (bytes), `match` (contacts), `write` (people), each at its
   * start and end and, while writing, after every step. The CLI's progress line and the NDJSON
   * stream of the API are fed from it. Throwing from it aborts the import like `onProgress`.
   */
  onEvent?: ((e: ImportProgressEvent) => void | Promise<void>) | undefined;
}

type Field = 'company' | 'role' | 'city' | 'country' | 'notes' | 'how_met';
const KINDS: readonly ChannelKind[] = ['email', 'phone', 'link'];
type MatchedBy = 'email' | 'phone' | 'link' | 'name-company' | 'id';

interface Chan {
  value: string;
  label: string | null;
}

interface Privacy {
  legal_basis: LegalBasis | null;
  legal_basis_note: string | null;
  source: string | null;
  source_at: string | null;
}

/** What a Rete export adds to a person, already without what the person has. */
interface Extras {
  fileIds: string[];
  introducedByFileId: string | null;
  createdAt: string | null;
  needs: ReteItem[];
  offers: ReteItem[];
  timeline: ReteInteraction[];
}

interface Target {
  existingId: string | null;
  isSelf: boolean;
  matchedBy: MatchedBy | null;
  lines: number[];
  name: string;
  fields: Record<Field, string | null>;
  /** Fields an existing person receives from the file. */
  patch: Partial<Record<Field, string>>;
  /** By normalised value; written only through `channelsFor` (an empty kind shares one empty map). */
  channels: Record<ChannelKind, ReadonlyMap<string, Chan>>;
  /** Channels an existing person receives, in order. */
  added: Array<{ kind: ChannelKind; normalized: string; chan: Chan }>;
  /** Written only through `tagsFor` (no tags shares one empty set). */
  tags: ReadonlySet<string>;
  addedTags: string[];
  language: 'it' | 'en' | null;
  introducedById: string | null;
  privacy: Privacy;
  /** Privacy fields and language an existing person receives. */
  privacyPatch: Partial<Privacy & { language: 'it' | 'en' }>;
  extras: Extras | null;
  /** Rete JSON: the person of the file who introduced this one, to link once both exist. */
  introducer: Target | null;
  /** Relationships this import adds to this person. */
  newRelationships: number;
  /** The name + company key, made once per company the person has (folding accents is the costliest step of matching). */
  nameKey: string | null;
  /** The company `nameKey` was made with. */
  nameKeyCompany: string | null;
  /** The person this one turned out to be (a contact joined both): everything of this one is there now. */
  mergedInto: Target | null;
  /** People already in the network merged into this one at the end of the import (see `absorb`). */
  joined: string[];
}

// Most people have one or two kinds of channel and few tags: the others share these empty ones.
const NO_CHANNELS: ReadonlyMap<string, Chan> = new Map();
const NO_TAGS: ReadonlySet<string> = new Set();
const NO_JOINS: string[] = [];

function channelsFor(t: Target, kind: ChannelKind): Map<string, Chan> {
  const m = t.channels[kind];
  if (m !== NO_CHANNELS) return m as Map<string, Chan>;
  const fresh = new Map<string, Chan>();
  t.channels[kind] = fresh;
  return fresh;
}

function tagsFor(t: Target): Set<string> {
  if (t.tags !== NO_TAGS) return t.tags as Set<string>;
  const fresh = new Set<string>();
  t.tags = fresh;
  return fresh;
}

interface PlannedRelationship {
  a: Target;
  b: Target;
  strength: number;
  note: string | null;
  createdAt: string | null;
  updatedAt: string | null;
}

export interface ImportPlan {
  parse: Parsed;
  /** People of the file: new ones and matched existing ones, in file order. */
  targets: Target[];
  relationships: PlannedRelationship[];
  duplicatesInFile: number;
  suppressedLines: number[];
  sourceNote: string;
  /** People already in the network found to be one, merged in this order once the rest is written. */
  joins: Array<{ keepId: string; otherId: string }>;
  /** Contacts that joined two or more people already in the network. */
  joinedRecords: number;
  /** People already in the network those contacts joined (the kept ones and the merged ones). */
  joinedPeople: number;
}

const hasChannels = (t: Target): boolean => t.channels.email.size + t.channels.phone.size + t.channels.link.size > 0;

/**
 * The name + company key; null for someone without a company who has an email, phone or link:
 * a namesake who shares none of them is someone else, not the same person.
 */
function nameKeyOf(t: Target): string | null {
  const company = t.fields.company;
  if (!company && hasChannels(t)) return null;
  if (t.nameKey !== null && t.nameKeyCompany === company) return t.nameKey;
  const key = `${sortKey(t.name)}|${company ? sortKey(company) : ''}`;
  t.nameKey = key;
  t.nameKeyCompany = company;
  return key;
}

/**
 * A LinkedIn profile as LinkedIn's own export writes it ("linkedin.com/in/handle", no query,
 * escape or further path): already in the one form `linkedinKey` gives. Checked by hand: this
 * runs for every row of a 100,000-row export.
 */
function plainProfile(n: string): boolean {
  const start = n.startsWith('linkedin.com/in/') ? 16 : n.startsWith('linkedin.com/pub/') ? 17 : -1;
  if (start < 0 || n.length === start) return false;
  for (let i = start; i < n.length; i++) {
    const c = n.charCodeAt(i);
    if (c === 0x2f || c === 0x3f || c === 0x23 || c === 0x25) return false; // / ? # %
  }
  return true;
}
const isProfileKey = (key: string): boolean => key.startsWith('linkedin.com/in/') || key.startsWith('linkedin.com/pub/');

/**
 * What a channel is matched by: the email as normalised; a phone's last nine digits (null for
 * fewer than six: "112" would join unrelated people), as the Duplicates page and suppression
 * entries compare them; a LinkedIn profile URL in one form ("it.linkedin.com/in/x/?trk=…" is
 * "linkedin.com/in/x"), any other link as normalised.
 */
function matchKey(kind: ChannelKind, normalized: string): string | null {
  if (normalized === '') return null;
  switch (kind) {
    case 'email':
      return normalized;
    case 'phone':
      return phoneKey(normalized);
    case 'link':
      if (plainProfile(normalized) || !normalized.includes('linkedin.com/')) return normalized;
      return linkedinKey(normalized) ?? normalized;
  }
}

/** The person `t` is now (itself, unless a contact joined it to someone). */
function resolve(t: Target): Target {
  let r = t;
  while (r.mergedInto !== null) r = r.mergedInto;
  return r;
}

function own(map: Map<string, Target>, key: string, t: Target): void {
  if (!map.has(key)) map.set(key, t);
}

/** Several people holding one key (a shared email, a common name + company), in the order they came. */
class Crowd {
  /** Holders before this one are taken by another person of the file (see `mayMerge`): they stay taken. */
  free = 0;
  constructor(readonly list: Target[]) {}
}
type Holders = Target | Crowd;

function hold(map: Map<string, Holders>, key: string, t: Target): void {
  const h = map.get(key);
  if (h === undefined) map.set(key, t);
  else if (h instanceof Crowd) {
    // A person registers again after each merge: a repeat further back changes no answer, and
    // looking for one would make thousands of namesakes cost millions of comparisons.
    if (h.list[h.list.length - 1] !== t) h.list.push(t);
  } else if (h !== t) map.set(key, new Crowd([h, t]));
}

/**
 * Two people of one Rete export are two people, even with the same name and company or a shared
 * email: a person who already took someone of the file is not merged with another one of it.
 * (The same person of the file is found by id before any of this.)
 */
function mayMerge(holder: Target, t: Target): boolean {
  const theirs = holder.extras?.fileIds.length ?? 0;
  const mine = t.extras?.fileIds.length ?? 0;
  return theirs === 0 || mine === 0;
}

/** The first holder `t` may be merged into. */
function pick(h: Holders | undefined, t: Target): Target | undefined {
  if (h === undefined) return undefined;
  if (!(h instanceof Crowd)) {
    const r = resolve(h);
    return mayMerge(r, t) ? r : undefined;
  }
  if ((t.extras?.fileIds.length ?? 0) === 0) return resolve(h.list[0] as Target);
  // A person of a Rete export: skip, once for all, the holders already taken by another one.
  while (h.free < h.list.length && !mayMerge(resolve(h.list[h.free] as Target), t)) h.free++;
  const r = h.list[h.free];
  return r === undefined ? undefined : resolve(r);
}

/** The one person holding a key, or undefined when several different people share it (an office email). */
function soleHolder(h: Holders): Target | undefined {
  if (!(h instanceof Crowd)) return resolve(h);
  const first = resolve(h.list[0] as Target);
  for (let i = 1; i < h.list.length; i++) if (resolve(h.list[i] as Target) !== first) return undefined;
  return first;
}

/** What `KeyIndex.find` has seen of a contact's keys so far. */
interface Seen {
  hit: Target | undefined;
  by: MatchedBy;
  /** The hit holds its key alone (a key several people share joins nobody). */
  sole: boolean;
  joins: Target[] | null;
}

/** One key of `t` found held by `h`: the first such person is the hit, the others join it. */
function see(f: Seen, h: Holders, t: Target, kind: MatchedBy): void {
  if (f.hit === undefined) {
    f.hit = pick(h, t);
    f.by = kind;
    f.sole = f.hit !== undefined && soleHolder(h) === f.hit;
    return;
  }
  const other = soleHolder(h);
  if (other === undefined || other === f.hit || !mayMerge(other, t) || !mayMerge(other, f.hit)) return;
  if (f.joins === null) f.joins = [other];
  else if (!f.joins.includes(other)) f.joins.push(other);
}

interface Found {
  hit: Target;
  by: MatchedBy;
  /** Other people holding strong keys of the contact (each key held by them alone): the same person as `hit`. */
  joins: Target[] | null;
}

/**
 * Who is who, by every key a person can be found by: ids (a Rete export), normalised emails,
 * phones and links, and name + company. A person is merged into the first holder of a key it may
 * be merged into (see `mayMerge`).
 */
class KeyIndex {
  private readonly scratch: Seen = { hit: undefined, by: 'id', sole: false, joins: null };
  private readonly ids = new Map<string, Target>();
  private readonly byKind: Record<ChannelKind, Map<string, Holders>> = { email: new Map(), phone: new Map(), link: new Map() };
  private readonly names = new Map<string, Holders>();

  /**
   * The person already holding one of `t`'s keys, tried in the order of the matching rules; and,
   * when that key is held by that person alone, the other people who alone hold another id,
   * email, phone or LinkedIn profile of `t` (the same person, entered twice before).
   */
  find(t: Target): Found | null {
    // One scratch record for every call (no object per contact of a large file).
    const f = this.scratch;
    f.hit = undefined;
    f.by = 'id';
    f.sole = false;
    f.joins = null;
    if (t.existingId) {
      const h = this.ids.get(t.existingId);
      if (h) see(f, h, t, 'id');
    }
    if (t.extras)
      for (const id of t.extras.fileIds) {
        const h = this.ids.get(id);
        if (h) see(f, h, t, 'id');
      }
    for (const kind of KINDS) {
      const map = t.channels[kind];
      if (map.size === 0) continue;
      const index = this.byKind[kind];
      for (const n of map.keys()) {
        const key = matchKey(kind, n);
        if (key === null) continue;
        const h = index.get(key);
        if (h === undefined) continue;
        // Only a LinkedIn profile identifies a person; a website may be a whole company's.
        if (f.hit !== undefined && kind === 'link' && !isProfileKey(key)) continue;
        see(f, h, t, kind);
      }
    }
    if (f.hit !== undefined) return { hit: f.hit, by: f.by, joins: f.sole ? f.joins : null };
    const name = nameKeyOf(t);
    const byName = name === null ? undefined : pick(this.names.get(name), t);
    return byName ? { hit: byName, by: 'name-company', joins: null } : null;
  }

  /** Adds `t` to the holders of each of its keys (an id has one holder: the first). */
  register(t: Target): void {
    if (t.existingId) own(this.ids, t.existingId, t);
    if (t.extras) for (const id of t.extras.fileIds) own(this.ids, id, t);
    for (const kind of KINDS) {
      const map = t.channels[kind];
      if (map.size === 0) continue;
      const index = this.byKind[kind];
      for (const n of map.keys()) {
        const key = matchKey(kind, n);
        if (key !== null) hold(index, key, t);
      }
    }
    const name = nameKeyOf(t);
    if (name !== null) hold(this.names, name, t);
  }
}

const FORMAT_LABEL: Record<ImportFormat, string> = {
  vcard: 'vCard',
  linkedin: 'LinkedIn',
  google: 'Google Contacts',
  csv: 'CSV',
  json: 'Rete',
};

const MONTHS = {
  it: ['gen', 'feb', 'mar', 'apr', 'mag', 'giu', 'lug', 'ago', 'set', 'ott', 'nov', 'dic'],
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
} as const;

/** "12 mar 2024" / "12 Mar 2024". */
function dayOf(locale: 'it' | 'en', at: Date): string {
  return `${at.getUTCDate()} ${MONTHS[locale][at.getUTCMonth()] as string} ${at.getUTCFullYear()}`;
}

/** "Importazione da LinkedIn, 12 mar 2024" / "Imported from LinkedIn, 12 Mar 2024". */
export function sourceNote(format: ImportFormat, locale: 'it' | 'en', at: Date): string {
  const date = dayOf(locale, at);
  return locale === 'it' ? `Importazione da ${FORMAT_LABEL[format]}, ${date}` : `Imported from ${FORMAT_LABEL[format]}, ${date}`;
}

/**
 * "How we met" for a LinkedIn connection, in the account's language: "Collegamento su LinkedIn,
 * 20 ago 2018" / "Connected on LinkedIn, 20 Aug 2018" (with what the file says when it is no date).
 */
export function linkedinHowMet(locale: 'it' | 'en', on: string | undefined, text: string | undefined): string {
  const head = locale === 'it' ? 'Collegamento su LinkedIn' : 'Connected on LinkedIn';
  if (on !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(on)) return `${head}, ${dayOf(locale, new Date(`${on}T00:00:00Z`))}`;
  return text ? `${head}, ${text}` : head;
}

/**
 * Reads the file (no database). Throws 413 over the size limit and, unless `allowEmpty` (a
 * preview, which reports the problems instead), 400 when no contact can be read.
 */
export async function parseImport(bytes: Uint8Array, opts: ImportOptions, allowEmpty = false): Promise<Parsed> {
  const limit = opts.limits?.maxBytes ?? MAX_IMPORT_BYTES;
  if (bytes.length > limit) throw new AppError(413, 'payload_too_large', new ImportTooLargeError(bytes.length, limit).message);
  await opts.onEvent?.({ phase: 'parse', done: 0, total: bytes.length });
  let r: Parsed;
  if (opts.format === 'json' || (opts.format === undefined && looksLikeReteExport(bytes))) {
    r = { format: 'json', encoding: 'utf-8', bytes: bytes.length, ...parseReteExport(bytes) };
  } else {
    const p: Parameters<typeof parseContacts>[1] = {};
    if (opts.format) p.format = opts.format;
    if (opts.mapping) p.mapping = opts.mapping;
    if (opts.limits) p.limits = opts.limits;
    try {
      r = { bytes: bytes.length, ...parseContacts(bytes, p) };
    } catch (err) {
      if (err instanceof ImportTooLargeError) throw new AppError(413, 'payload_too_large', err.message);
      throw err;
    }
  }
  if (!allowEmpty || bytes.length === 0) nonEmpty(r);
  await opts.onEvent?.({ phase: 'parse', done: bytes.length, total: bytes.length });
  return r;
}

function nonEmpty(r: Parsed): void {
  if (r.contacts.length > 0 || r.self) return;
  const details = r.problems.slice(0, 100).map((x) => ({ path: `line ${x.line}`, message: x.reason }));
  throw new AppError(
    400,
    'validation_failed',
    'No contact could be read from this file',
    details.length > 0 ? details : [{ path: 'line 0', message: 'the file holds no contact' }],
  );
}

const emptyChannels = (): Target['channels'] => ({ email: NO_CHANNELS, phone: NO_CHANNELS, link: NO_CHANNELS });

async function loadExisting(db: Executor, ownerId: string): Promise<Target[]> {
  const [people, channels, tags] = await Promise.all([
    db
      .selectFrom('people')
      .select([
        'id',
        'is_self',
        'name',
        'company',
        'role',
        'city',
        'country',
        'notes',
        'how_met',
        'language',
        'introduced_by_id',
        'legal_basis',
        'legal_basis_note',
        'source',
        'source_at',
      ])
      .where('owner_id', '=', ownerId)
      .orderBy('created_at')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('person_channels')
      .select(['person_id', 'kind', 'value', 'label', 'normalized'])
      .where('owner_id', '=', ownerId)
      .orderBy('person_id')
      .orderBy('position')
      .execute(),
    db.selectFrom('person_tags').select(['person_id', 'tag']).where('owner_id', '=', ownerId).execute(),
  ]);
  const byId = new Map<string, Target>();
  for (const p of people) {
    byId.set(p.id, {
      existingId: p.id,
      isSelf: p.is_self === 1,
      matchedBy: null,
      lines: [],
      name: p.name,
      fields: { company: p.company, role: p.role, city: p.city, country: p.country, notes: p.notes, how_met: p.how_met },
      patch: {},
      channels: emptyChannels(),
      added: [],
      tags: NO_TAGS,
      addedTags: [],
      language: p.language,
      introducedById: p.introduced_by_id,
      privacy: { legal_basis: p.legal_basis, legal_basis_note: p.legal_basis_note, source: p.source, source_at: p.source_at },
      privacyPatch: {},
      extras: null,
      introducer: null,
      newRelationships: 0,
      nameKey: null,
      nameKeyCompany: null,
      mergedInto: null,
      joined: NO_JOINS,
    });
  }
  for (const c of channels) {
    const t = byId.get(c.person_id);
    if (t) channelsFor(t, c.kind).set(c.normalized, { value: c.value, label: c.label });
  }
  for (const tag of tags) {
    const t = byId.get(tag.person_id);
    if (t) tagsFor(t).add(tag.tag);
  }
  return [...byId.values()];
}

function newTarget(c: Contact): Target {
  return {
    existingId: null,
    isSelf: false,
    matchedBy: null,
    lines: [],
    name: c.name,
    fields: { company: null, role: null, city: null, country: null, notes: null, how_met: null },
    patch: {},
    channels: emptyChannels(),
    added: [],
    tags: NO_TAGS,
    addedTags: [],
    language: null,
    introducedById: null,
    privacy: { legal_basis: null, legal_basis_note: null, source: null, source_at: null },
    privacyPatch: {},
    extras: null,
    introducer: null,
    newRelationships: 0,
    nameKey: null,
    nameKeyCompany: null,
    mergedInto: null,
    joined: NO_JOINS,
  };
}

function fill(t: Target, f: Field, incoming: string | undefined): void {
  const v = incoming?.trim();
  if (!v || (t.fields[f] ?? '').trim() !== '') return;
  t.fields[f] = v;
  if (t.existingId) t.patch[f] = v;
}

function addChannels(t: Target, kind: ChannelKind, list: ParsedContact['emails']): void {
  for (const ch of list) {
    const value = ch.value.trim();
    const normalized = normalizeChannel(kind, value);
    // The parsers give trimmed values and labels: the parsed channel is kept as it is then.
    const label = ch.label === null ? null : ch.label.trim() || null;
    addChannel(t, kind, normalized, value === ch.value && label === ch.label ? ch : { value, label });
  }
}

/** Adds a channel the person lacks (a phone number written another way is the same number). */
function addChannel(t: Target, kind: ChannelKind, normalized: string, chan: Chan): void {
  const map = t.channels[kind];
  if (normalized === '' || map.has(normalized) || map.size >= MAX_CHANNELS) return;
  if (kind === 'phone' && map.size > 0) {
    const key = phoneKey(normalized);
    if (key !== null) for (const n of map.keys()) if (phoneKey(n) === key) return;
  }
  channelsFor(t, kind).set(normalized, chan);
  if (t.existingId) t.added.push({ kind, normalized, chan });
}

function addTag(t: Target, tag: string): void {
  if (tag === '' || t.tags.has(tag) || t.tags.size >= MAX_TAGS) return;
  tagsFor(t).add(tag);
  if (t.existingId) t.addedTags.push(tag);
}

/** Adds what the target lacks; never overwrites. */
function mergeInto(t: Target, c: Contact): void {
  t.lines.push(c.line);
  fill(t, 'company', c.company);
  fill(t, 'role', c.role);
  fill(t, 'city', c.city);
  fill(t, 'country', c.country);
  fill(t, 'notes', c.notes);
  fill(t, 'how_met', c.howMet);
  addChannels(t, 'email', c.emails);
  addChannels(t, 'phone', c.phones);
  addChannels(t, 'link', c.links);
  for (const raw of c.tags) addTag(t, raw.trim().toLowerCase().slice(0, 50));
  if (c.rete) mergeExtras(t, c.rete);
}

const FIELDS: readonly Field[] = ['company', 'role', 'city', 'country', 'notes', 'how_met'];
const PRIVACY: ReadonlyArray<keyof Privacy> = ['legal_basis', 'legal_basis_note', 'source', 'source_at'];

/**
 * `other` turned out to be `keep` (one contact of the file holds keys of both): from now on the
 * plan holds everything of `other` on `keep`, and `other` is no target of its own.
 *
 * For someone already in the network, the merge at commit moves what they have in the database
 * (merge.service.ts: channels, tags, fields into empty ones, needs, offers, timeline,
 * relationships, ...): the plan only learns it, without writing it twice. What the file brought
 * to them becomes the file's contribution to `keep`. A person of the file only is the file's
 * contribution as a whole.
 */
function absorb(keep: Target, other: Target, plan: Pick<ImportPlan, 'joins'>): void {
  other.mergedInto = keep;
  for (const line of other.lines) if (!keep.lines.includes(line)) keep.lines.push(line);
  keep.lines.sort((a, b) => a - b);
  if (other.existingId !== null) {
    const added = new Set(other.added.map((a) => `${a.kind}|${a.normalized}`));
    for (const kind of KINDS)
      for (const [n, chan] of other.channels[kind])
        if (!added.has(`${kind}|${n}`) && !keep.channels[kind].has(n)) channelsFor(keep, kind).set(n, chan);
    const addedTags = new Set(other.addedTags);
    for (const tag of other.tags) if (!addedTags.has(tag) && !keep.tags.has(tag)) tagsFor(keep).add(tag);
    for (const f of FIELDS) {
      const theirs = other.patch[f] === undefined ? other.fields[f] : null;
      if (theirs && (keep.fields[f] ?? '').trim() === '') keep.fields[f] = theirs;
    }
    // Their own privacy fields (not what the file brought them) fill the kept person's empty ones, as the merge will.
    const own = { ...other.privacy };
    for (const k of PRIVACY) if (other.privacyPatch[k] !== undefined) own[k] = null;
    if (keep.privacy.legal_basis === null) keep.privacy.legal_basis = own.legal_basis;
    if (keep.privacy.legal_basis_note === null) keep.privacy.legal_basis_note = own.legal_basis_note;
    if (keep.privacy.source === null) {
      keep.privacy.source = own.source;
      keep.privacy.source_at = own.source_at;
    }
    if (keep.language === null && other.privacyPatch.language === undefined) keep.language = other.language;
    if (keep.introducedById === null && other.introducedById !== keep.existingId) keep.introducedById = other.introducedById;
    // Merged in order: what `other` took in earlier goes first, then `other` itself.
    plan.joins.push({ keepId: keep.existingId as string, otherId: other.existingId });
    keep.joined = [...keep.joined, ...other.joined, other.existingId];
    for (const [f, v] of Object.entries(other.patch) as Array<[Field, string]>) fill(keep, f, v);
    for (const a of other.added) addChannel(keep, a.kind, a.normalized, a.chan);
    for (const tag of other.addedTags) addTag(keep, tag);
    fillPrivacyFrom(keep, other.privacyPatch);
    if (other.privacyPatch.language !== undefined) fillLanguage(keep, other.privacyPatch.language);
  } else {
    for (const f of FIELDS) fill(keep, f, other.fields[f] ?? undefined);
    for (const kind of KINDS) for (const [n, chan] of other.channels[kind]) addChannel(keep, kind, n, chan);
    for (const tag of other.tags) addTag(keep, tag);
    fillPrivacyFrom(keep, other.privacy);
    if (other.language !== null) fillLanguage(keep, other.language);
  }
  if (other.extras) {
    const x = (keep.extras ??= { fileIds: [], introducedByFileId: null, createdAt: null, needs: [], offers: [], timeline: [] });
    x.fileIds.push(...other.extras.fileIds);
    x.introducedByFileId ??= other.extras.introducedByFileId;
    x.createdAt ??= other.extras.createdAt;
    x.needs.push(...other.extras.needs);
    x.offers.push(...other.extras.offers);
    x.timeline.push(...other.extras.timeline);
  }
}

function fillPrivacy<K extends keyof Privacy>(t: Target, k: K, v: Privacy[K]): void {
  if (v === null || t.privacy[k] !== null) return;
  if ((k === 'source' || k === 'source_at') && t.isSelf) return;
  t.privacy[k] = v;
  if (t.existingId) t.privacyPatch[k] = v;
}

function fillPrivacyFrom(t: Target, p: Partial<Privacy>): void {
  fillPrivacy(t, 'legal_basis', p.legal_basis ?? null);
  fillPrivacy(t, 'legal_basis_note', p.legal_basis_note ?? null);
  fillPrivacy(t, 'source', p.source ?? null);
  fillPrivacy(t, 'source_at', p.source_at ?? null);
}

function fillLanguage(t: Target, language: 'it' | 'en'): void {
  if (t.language !== null) return;
  t.language = language;
  if (t.existingId) t.privacyPatch.language = language;
}

/** Privacy fields and language fill empty ones; needs, offers and timeline are collected here and de-duplicated later. */
function mergeExtras(t: Target, r: ReteExtras): void {
  fillPrivacy(t, 'legal_basis', r.legalBasis);
  fillPrivacy(t, 'legal_basis_note', r.legalBasisNote);
  if (r.source && t.privacy.source === null && !t.isSelf) {
    fillPrivacy(t, 'source', r.source);
    fillPrivacy(t, 'source_at', r.sourceAt);
  }
  if (r.language) fillLanguage(t, r.language);
  t.extras ??= { fileIds: [], introducedByFileId: null, createdAt: null, needs: [], offers: [], timeline: [] };
  const x = t.extras;
  if (r.id && !r.isSelf) x.fileIds.push(r.id);
  x.introducedByFileId ??= r.introducedById;
  x.createdAt ??= r.createdAt;
  x.needs.push(...r.needs);
  x.offers.push(...r.offers);
  x.timeline.push(...r.timeline);
}

const itemKey = (text: string): string => sortKey(text);
const interactionKey = (i: { kind: string; occurredAt: string; summary: string }): string =>
  `${i.kind}|${new Date(i.occurredAt).toISOString()}|${i.summary.trim()}`;

function uniqueBy<T>(list: T[], key: (x: T) => string, known: Set<string>): T[] {
  const out: T[] = [];
  for (const x of list) {
    const k = key(x);
    if (known.has(k)) continue;
    known.add(k);
    out.push(x);
  }
  return out;
}

/** Rete JSON: drops the needs, offers and timeline entries people already have, and links introducers and relationships. */
async function planExtras(db: Executor, ownerId: string, plan: ImportPlan): Promise<void> {
  const withExtras = plan.targets.filter((t) => t.extras !== null);
  // People merged into one at the end of the import bring what they have: it counts as the kept one's.
  const keptOf = new Map<string, string>();
  for (const t of withExtras) if (t.existingId) for (const id of t.joined) keptOf.set(id, t.existingId);
  const existingIds = [...withExtras.map((t) => t.existingId).filter((id): id is string => id !== null), ...keptOf.keys()];
  const known = new Map<string, { needs: Set<string>; offers: Set<string>; timeline: Set<string> }>();
  const knownOf = (personId: string) => {
    const id = keptOf.get(personId) ?? personId;
    let k = known.get(id);
    if (!k) known.set(id, (k = { needs: new Set(), offers: new Set(), timeline: new Set() }));
    return k;
  };
  for (let i = 0; i < existingIds.length; i += 1000) {
    const ids = existingIds.slice(i, i + 1000);
    const [needs, offers, timeline] = await Promise.all([
      db
        .selectFrom('needs')
        .select(['person_id', 'text'])
        .where('owner_id', '=', ownerId)
        .where('person_id', 'in', ids)
        .execute(),
      db
        .selectFrom('offers')
        .select(['person_id', 'text'])
        .where('owner_id', '=', ownerId)
        .where('person_id', 'in', ids)
        .execute(),
      db
        .selectFrom('interactions')
        .select(['person_id', 'kind', 'occurred_at', 'summary'])
        .where('owner_id', '=', ownerId)
        .where('person_id', 'in', ids)
        .execute(),
    ]);
    for (const n of needs) knownOf(n.person_id).needs.add(itemKey(n.text));
    for (const o of offers) knownOf(o.person_id).offers.add(itemKey(o.text));
    for (const e of timeline)
      knownOf(e.person_id).timeline.add(interactionKey({ kind: e.kind, occurredAt: e.occurred_at, summary: e.summary }));
  }
  const byFileId = new Map<string, Target>();
  for (const t of withExtras) {
    const x = t.extras as Extras;
    const k = t.existingId
      ? knownOf(t.existingId)
      : { needs: new Set<string>(), offers: new Set<string>(), timeline: new Set<string>() };
    x.needs = uniqueBy(x.needs, (i) => itemKey(i.text), k.needs);
    x.offers = uniqueBy(x.offers, (i) => itemKey(i.text), k.offers);
    x.timeline = uniqueBy(x.timeline, interactionKey, k.timeline);
    for (const id of x.fileIds) byFileId.set(id, t);
  }
  for (const t of withExtras) {
    const from = t.extras?.introducedByFileId;
    const introducer = from ? byFileId.get(from) : undefined;
    if (introducer && introducer !== t && t.introducedById === null && !t.isSelf) t.introducer = introducer;
  }

  const rels = plan.parse.relationships ?? [];
  if (rels.length === 0) return;
  const existingPairs = new Set(
    (await db.selectFrom('relationships').select(['person_a_id', 'person_b_id']).where('owner_id', '=', ownerId).execute()).map(
      (r) => `${r.person_a_id}|${r.person_b_id}`,
    ),
  );
  const planned = new Set<string>();
  const ids = new Map<Target, number>();
  const idOf = (t: Target) => {
    let n = ids.get(t);
    if (n === undefined) ids.set(t, (n = ids.size));
    return n;
  };
  for (const r of rels) {
    const a = byFileId.get(r.personAId);
    const b = byFileId.get(r.personBId);
    if (!a || !b || a === b) continue;
    if (a.existingId && b.existingId) {
      const [x, y] = a.existingId < b.existingId ? [a.existingId, b.existingId] : [b.existingId, a.existingId];
      if (existingPairs.has(`${x}|${y}`)) continue;
    }
    const key = [idOf(a), idOf(b)].sort((m, n) => m - n).join('|');
    if (planned.has(key)) continue;
    planned.add(key);
    plan.relationships.push({ a, b, strength: r.strength, note: r.note, createdAt: r.createdAt, updatedAt: r.updatedAt });
    a.newRelationships++;
    b.newRelationships++;
  }
}

const changed = (t: Target): boolean =>
  t.existingId === null ||
  t.joined.length > 0 ||
  Object.keys(t.patch).length > 0 ||
  t.added.length > 0 ||
  t.addedTags.length > 0 ||
  Object.keys(t.privacyPatch).length > 0 ||
  t.introducer !== null ||
  t.newRelationships > 0 ||
  (t.extras !== null && t.extras.needs.length + t.extras.offers.length + t.extras.timeline.length > 0);

async function ownerLocale(db: Executor, ownerId: string): Promise<'it' | 'en'> {
  const u = await db.selectFrom('users').select('locale').where('id', '=', ownerId).executeTakeFirst();
  return u?.locale ?? 'en';
}

/** Matches parsed contacts against the owner's network. Writes nothing. */
export async function planParsed(
  db: Executor,
  ownerId: string,
  parse: Parsed,
  opts: ImportOptions,
  now: Date,
): Promise<ImportPlan> {
  const total = parse.contacts.length;
  await opts.onEvent?.({ phase: 'match', done: 0, total });
  const locale = await ownerLocale(db, ownerId);
  // What is written on the user's behalf is in their language.
  for (const c of parse.contacts)
    if (c.linkedin && c.howMet === undefined) c.howMet = linkedinHowMet(locale, c.connectedOn, c.connectedOnText);
  const index = new KeyIndex();
  const existing = await loadExisting(db, ownerId);
  for (const t of existing) index.register(t);
  const suppression = await suppressionMatcher(db, ownerId);

  let targets: Target[] = [];
  const inPlan = new Set<Target>();
  const suppressedLines: number[] = [];
  let duplicatesInFile = 0;
  // Who is kept when people turn out to be one: your own profile; else someone already in the
  // network, the one with the fuller name, else the one there first; else the first of the file.
  const rank = new Map<Target, number>();
  existing.forEach((t, i) => rank.set(t, i));
  const keptBefore = (a: Target, b: Target): boolean => {
    if (a.isSelf !== b.isSelf) return a.isSelf;
    const ra = rank.get(a) ?? Infinity;
    const rb = rank.get(b) ?? Infinity;
    if ((ra === Infinity) !== (rb === Infinity)) return ra < rb;
    const fuller = fullerName(a.name, b.name);
    return fuller !== 0 ? fuller < 0 : ra < rb;
  };
  const joins: ImportPlan['joins'] = [];
  let joinedRecords = 0;
  const joinedPeople = new Set<string>();
  let absorbedAny = false;
  const take = (hit: Target, c: Contact, by: MatchedBy | null) => {
    if (inPlan.has(hit)) duplicatesInFile++;
    if (hit.existingId && hit.matchedBy === null) hit.matchedBy = by;
    mergeInto(hit, c);
    if (!inPlan.has(hit)) {
      targets.push(hit);
      inPlan.add(hit);
    }
    index.register(hit);
  };
  for (const c of parse.contacts) {
    if (!suppression.empty && suppression.matches(c)) {
      suppressedLines.push(c.line);
      continue;
    }
    const probe = newTarget(c);
    mergeInto(probe, c);
    const found = index.find(probe);
    if (!found) {
      targets.push(probe);
      inPlan.add(probe);
      index.register(probe);
      continue;
    }
    let hit = found.hit;
    if (found.joins !== null) {
      absorbedAny = true;
      const group = [hit, ...found.joins];
      for (const g of group) if (keptBefore(g, hit)) hit = g;
      let joinedExisting = false;
      for (const g of group) {
        if (g === hit) continue;
        if (g.existingId !== null) {
          joinedExisting = true;
          joinedPeople.add(g.existingId);
        } else duplicatesInFile++; // a person of this file: the contact that made them is one more of `hit`
        absorb(hit, g, { joins });
        inPlan.delete(g);
      }
      if (joinedExisting) {
        joinedRecords++;
        joinedPeople.add(hit.existingId as string);
      }
    }
    take(hit, c, found.by);
  }
  if (absorbedAny) targets = targets.filter((t) => t.mergedInto === null);
  // The exported profile goes onto this account's own profile.
  const self = existing.find((t) => t.isSelf);
  if (parse.self && self) {
    take(self, parse.self, 'id');
    if (!changed(self)) {
      targets.splice(targets.indexOf(self), 1);
      inPlan.delete(self);
    }
  }

  const plan: ImportPlan = {
    parse,
    targets,
    relationships: [],
    duplicatesInFile,
    suppressedLines,
    sourceNote: '',
    joins,
    joinedRecords,
    joinedPeople: joinedPeople.size,
  };
  if (parse.format === 'json') await planExtras(db, ownerId, plan);
  else {
    plan.sourceNote = sourceNote(parse.format, locale, now);
    for (const t of targets) {
      if (!changed(t) || (t.fields.how_met ?? '') !== '') continue;
      t.fields.how_met = plan.sourceNote;
      if (t.existingId) t.patch.how_met = plan.sourceNote;
    }
  }
  // People there from before sources were recorded learn where (more of) their data came from.
  for (const t of targets) {
    if (!t.existingId || t.isSelf || t.privacy.source !== null || !changed(t)) continue;
    t.privacy.source = t.privacyPatch.source = `import:${parse.format}`;
    t.privacy.source_at = t.privacyPatch.source_at = now.toISOString();
  }
  await opts.onEvent?.({ phase: 'match', done: total, total });
  return plan;
}

/**
 * Reads the file and matches it against the owner's network. Writes nothing. A file no contact
 * can be read from is planned as it is: nothing to do, and the problems that say why.
 */
export async function planImport(
  db: Executor,
  ownerId: string,
  bytes: Uint8Array,
  opts: ImportOptions,
  now: Date,
): Promise<ImportPlan> {
  return planParsed(db, ownerId, await parseImport(bytes, opts, true), opts, now);
}

const chans = (m: ReadonlyMap<string, Chan>) => [...m.values()];

function personView(t: Target): ImportPerson {
  return {
    lines: t.lines,
    action: t.existingId === null ? 'create' : changed(t) ? 'merge' : 'unchanged',
    matchedId: t.existingId,
    matchedBy: t.matchedBy,
    name: t.name,
    company: t.fields.company,
    role: t.fields.role,
    city: t.fields.city,
    emails: chans(t.channels.email),
    phones: chans(t.channels.phone),
    links: chans(t.channels.link),
    tags: [...t.tags],
    joins: t.joined,
  };
}

function counts(plan: ImportPlan) {
  let toCreate = 0;
  let toMerge = 0;
  let unchanged = 0;
  for (const t of plan.targets) {
    if (t.existingId === null) toCreate++;
    else if (changed(t)) toMerge++;
    else unchanged++;
  }
  return {
    format: plan.parse.format,
    encoding: plan.parse.encoding,
    contacts: plan.parse.contacts.length,
    toCreate,
    toMerge,
    unchanged,
    duplicatesInFile: plan.duplicatesInFile,
    joinedRecords: plan.joinedRecords,
    joinedPeople: plan.joinedPeople,
    suppressed: plan.suppressedLines.length,
    suppressedLines: plan.suppressedLines,
    problems: plan.parse.problems,
  };
}

/** The size limit of the configuration (`IMPORT_MAX_BYTES`) unless the caller gives one. */
function withConfiguredLimit<T extends ImportOptions>(deps: Deps, opts: T): T {
  if (opts.limits?.maxBytes !== undefined) return opts;
  return { ...opts, limits: { ...opts.limits, maxBytes: deps.config.importMaxBytes } };
}

/** What an import would do: counts, problems and (with `people`) every person. Writes nothing. */
export async function previewImport(
  deps: Deps,
  ownerId: string,
  bytes: Uint8Array,
  opts: ImportOptions & { people?: boolean } = {},
): Promise<ImportPreview> {
  const plan = await planImport(deps.db, ownerId, bytes, withConfiguredLimit(deps, opts), deps.now());
  const out: ImportPreview = counts(plan);
  if (plan.parse.csvHeaders) out.csvHeaders = plan.parse.csvHeaders;
  if (plan.parse.suggestedMapping) out.suggestedMapping = plan.parse.suggestedMapping;
  if (opts.people !== false) out.people = plan.targets.map(personView);
  return out;
}

/** With `people: true`, every person of the file as written (for scripts). */
export type CommitResult = ImportResult & { people?: ImportPerson[] };

type ItemRow = repo.ItemInsert;
type InteractionRow = {
  id: string;
  owner_id: string;
  person_id: string;
  kind: InteractionKind;
  occurred_at: string;
  summary: string;
  created_at: string;
};

function itemRows(ownerId: string, personId: string, list: ReteItem[], stamp: string): ItemRow[] {
  return list.map((i) => {
    const created = i.createdAt ?? stamp;
    return {
      id: newId(),
      owner_id: ownerId,
      person_id: personId,
      text: i.text,
      language: i.language ?? detectTextLanguage(i.text),
      status: i.status,
      created_at: created,
      updated_at: i.updatedAt ?? created,
      closed_at: i.status === 'open' ? null : (i.closedAt ?? i.updatedAt ?? created),
    };
  });
}

/**
 * Writes the import in one transaction: everything or nothing. The file is parsed first, outside
 * the transaction; the plan is made inside it, after taking the owner's network lock, so it
 * cannot be stale and two imports of the same file at once cannot both create the same people.
 */
export async function commitImport(
  deps: Deps,
  ownerId: string,
  bytes: Uint8Array,
  opts: ImportOptions & { people?: boolean } = {},
): Promise<CommitResult> {
  const parse = await parseImport(bytes, withConfiguredLimit(deps, opts));
  const chunkSize = Math.max(1, opts.chunkSize ?? 1000);
  const now = deps.now();
  const stamp = now.toISOString();
  // The connection's own dialect (not the configuration: a caller may hand any database).
  const sqlite = deps.db.getExecutor().adapter instanceof SqliteAdapter;
  // The page cache size to restore after a large import on SQLite (see widenSqliteCache).
  const cache: { previous: number | null } = { previous: null };
  let written: { plan: ImportPlan; created: string[]; merged: string[]; mergedAway: string[] };
  try {
    written = await writeImport();
  } finally {
    if (cache.previous !== null) await sql.raw(`PRAGMA cache_size = ${String(cache.previous)}`).execute(deps.db);
  }
  const { plan, created, merged, mergedAway } = written;
  const result: CommitResult = { ...counts(plan), created, merged, mergedAway };
  if (opts.people === true) result.people = plan.targets.map(personView);
  return result;

  async function writeImport(): Promise<{ plan: ImportPlan; created: string[]; merged: string[]; mergedAway: string[] }> {
    return deps.db.transaction().execute(async (tx) => {
      // A no-op write to the owner's row: serialises writers of this network (row lock on
      // PostgreSQL, the write lock on SQLite) before anything is read.
      await tx
        .updateTable('users')
        .set({ network_version: sql<number>`network_version` })
        .where('id', '=', ownerId)
        .execute();
      const plan = await planParsed(tx, ownerId, parse, opts, now);
      if (sqlite && plan.targets.length > BIG_IMPORT) cache.previous = await widenSqliteCache(tx);
      const fresh = plan.targets.filter((t) => t.existingId === null);
      const merges = plan.targets.filter((t) => t.existingId !== null && changed(t));
      const total = fresh.length + merges.length;
      let done = 0;
      const step = async () => {
        await opts.onProgress?.(done, total);
        await opts.onEvent?.({ phase: 'write', done, total });
      };
      await opts.onEvent?.({ phase: 'write', done: 0, total });
      const idOf = new Map<Target, string>();
      for (const t of plan.targets) idOf.set(t, t.existingId ?? newId());
      const created = fresh.map((t) => idOf.get(t) as string);
      // New people are written in the order of their (random) ids: every index that holds the id
      // (the primary key, owner + id, and the person id of channels and tags) then grows from left
      // to right instead of at random places, which SQLite does in about half the time.
      const byId = fresh.map((t) => ({ id: idOf.get(t) as string, t }));
      byId.sort((a, b) => (a.id < b.id ? -1 : 1));
      for (let i = 0; i < byId.length; i++) fresh[i] = (byId[i] as { t: Target }).t;
      const source = `import:${parse.format}`;

      for (let start = 0; start < fresh.length; start += chunkSize) {
        const chunk = fresh.slice(start, start + chunkSize);
        const people: PeopleTable[] = [];
        const channels: repo.ChannelInsert[] = [];
        const tags: Array<{ owner_id: string; person_id: string; tag: string }> = [];
        for (const t of chunk) {
          const id = idOf.get(t) as string;
          const fromFile = t.privacy.source !== null;
          people.push({
            id,
            owner_id: ownerId,
            is_self: 0,
            name: t.name,
            sort_name: sortKey(t.name),
            company: t.fields.company,
            role: t.fields.role,
            city: t.fields.city,
            country: t.fields.country,
            language: t.language,
            notes: t.fields.notes,
            how_met: t.fields.how_met,
            introduced_by_id: null,
            created_at: t.extras?.createdAt ?? stamp,
            updated_at: stamp,
            legal_basis: t.privacy.legal_basis,
            legal_basis_note: t.privacy.legal_basis_note,
            source: fromFile ? t.privacy.source : source,
            source_at: fromFile ? (t.privacy.source_at ?? stamp) : stamp,
          });
          for (const kind of KINDS) {
            let position = 0;
            for (const [normalized, c] of t.channels[kind]) {
              channels.push({
                id: newRowId(),
                owner_id: ownerId,
                person_id: id,
                kind,
                value: c.value,
                label: c.label,
                normalized,
                position,
              });
              position++;
            }
          }
          for (const tag of t.tags) tags.push({ owner_id: ownerId, person_id: id, tag });
        }
        if (sqlite) {
          await insertRows(tx, 'people', PEOPLE_COLUMNS, people);
          await insertRows(tx, 'person_channels', CHANNEL_COLUMNS, channels);
          await insertRows(tx, 'person_tags', TAG_COLUMNS, tags);
          const version = await recordChange(tx, ownerId, []);
          await insertRows(
            tx,
            'network_changes',
            CHANGE_COLUMNS,
            people.map((p) => ({ owner_id: ownerId, version, person_id: p.id })),
          );
        } else {
          await repo.insertPeople(tx, people);
          await repo.insertChannels(tx, channels);
          await repo.insertTags(tx, tags);
          await recordChange(
            tx,
            ownerId,
            people.map((p) => p.id),
          );
        }
        done += chunk.length;
        await step();
      }

      const merged: string[] = [];
      for (let start = 0; start < merges.length; start += chunkSize) {
        const chunk = merges.slice(start, start + chunkSize);
        const channels: repo.ChannelInsert[] = [];
        const tags: Array<{ owner_id: string; person_id: string; tag: string }> = [];
        for (const t of chunk) {
          const id = t.existingId as string;
          merged.push(id);
          await repo.updatePerson(tx, ownerId, id, { ...t.patch, ...t.privacyPatch, updated_at: stamp });
          for (const kind of KINDS) {
            const added = t.added.filter((a) => a.kind === kind);
            let position = t.channels[kind].size - added.length;
            for (const a of added) {
              channels.push({
                id: newRowId(),
                owner_id: ownerId,
                person_id: id,
                kind,
                value: a.chan.value,
                label: a.chan.label,
                normalized: a.normalized,
                position,
              });
              position++;
            }
          }
          for (const tag of t.addedTags) tags.push({ owner_id: ownerId, person_id: id, tag });
        }
        await repo.insertChannels(tx, channels);
        await repo.insertTags(tx, tags);
        await recordChange(
          tx,
          ownerId,
          chunk.map((t) => t.existingId as string),
        );
        done += chunk.length;
        await step();
      }

      // Rete JSON: needs, offers, timeline, "introduced by" and relationships, once everybody exists.
      if (parse.format === 'json') {
        const needs: ItemRow[] = [];
        const offers: ItemRow[] = [];
        const timeline: InteractionRow[] = [];
        const touched = new Set<string>();
        for (const t of plan.targets) {
          if (!t.extras) continue;
          const id = idOf.get(t) as string;
          needs.push(...itemRows(ownerId, id, t.extras.needs, stamp));
          offers.push(...itemRows(ownerId, id, t.extras.offers, stamp));
          for (const e of t.extras.timeline)
            timeline.push({
              id: newId(),
              owner_id: ownerId,
              person_id: id,
              kind: e.kind,
              occurred_at: e.occurredAt,
              summary: e.summary,
              created_at: e.createdAt ?? stamp,
            });
          if (t.introducer) {
            await repo.updatePerson(tx, ownerId, id, { introduced_by_id: idOf.get(t.introducer) });
            touched.add(id);
          }
        }
        await repo.insertItems(tx, 'needs', needs);
        await repo.insertItems(tx, 'offers', offers);
        for (let i = 0; i < timeline.length; i += 3000)
          await tx
            .insertInto('interactions')
            .values(timeline.slice(i, i + 3000))
            .execute();
        const rels = plan.relationships.map((r) => {
          const [a, b] = [idOf.get(r.a) as string, idOf.get(r.b) as string].sort();
          touched.add(a as string).add(b as string);
          const created = r.createdAt ?? stamp;
          return {
            id: newId(),
            owner_id: ownerId,
            person_a_id: a as string,
            person_b_id: b as string,
            strength: r.strength,
            note: r.note,
            created_at: created,
            updated_at: r.updatedAt ?? created,
          };
        });
        for (let i = 0; i < rels.length; i += 3000)
          await tx
            .insertInto('relationships')
            .values(rels.slice(i, i + 3000))
            .execute();
        for (const r of [...needs, ...offers, ...timeline]) touched.add(r.person_id);
        if (touched.size > 0) await recordChange(tx, ownerId, [...touched]);
      }

      // People one contact of the file joined: merged last, over what the import wrote, so that
      // the merge sees (and keeps) everything of both.
      const mergedAway: string[] = [];
      if (plan.joins.length > 0) {
        const locale = await ownerLocale(tx, ownerId);
        for (const j of plan.joins) {
          await mergeWithin(tx, ownerId, j.keepId, j.otherId, { locale, now: stamp });
          mergedAway.push(j.otherId);
        }
      }

      if (parse.learnt) await restoreLearntOf(tx, ownerId, parse, parse.learnt, plan, idOf, stamp);

      return { plan, created, merged, mergedAway };
    });
  }
}

/**
 * What the Value Finder had learnt in the exported account (verdicts and taught words), on the
 * people as written: a person of the file is whoever the import made or matched them into (and
 * kept, when a join merged them away); the exported profile is this account's own.
 */
async function restoreLearntOf(
  tx: Executor,
  ownerId: string,
  parse: Parsed,
  learnt: ReteLearnt,
  plan: ImportPlan,
  idOf: ReadonlyMap<Target, string>,
  stamp: string,
): Promise<void> {
  const people = new Map<string, string>();
  for (const t of plan.targets) for (const id of t.extras?.fileIds ?? []) people.set(id, idOf.get(t) as string);
  const selfFileId = parse.self?.rete.id;
  if (selfFileId) people.set(selfFileId, await selfPersonId(tx, ownerId));
  const kept = new Map(plan.joins.map((j) => [j.otherId, j.keepId]));
  const items = new Map<string, { personFileId: string; text: string }>();
  for (const c of [...parse.contacts, ...(parse.self ? [parse.self] : [])]) {
    const owner = c.rete?.id;
    if (!c.rete || !owner) continue;
    for (const [kind, list] of [
      ['need', c.rete.needs],
      ['offer', c.rete.offers],
    ] as const)
      for (const i of list) if (i.fileId) items.set(`${kind}|${i.fileId}`, { personFileId: owner, text: i.text });
  }
  await restoreLearnt(
    tx,
    ownerId,
    {
      learnt,
      person: (fileId) => {
        const id = people.get(fileId);
        return id === undefined ? null : (kept.get(id) ?? id);
      },
      item: (kind, fileId) => items.get(`${kind}|${fileId}`) ?? null,
    },
    stamp,
  );
}

const PEOPLE_COLUMNS = [
  'id',
  'owner_id',
  'is_self',
  'name',
  'sort_name',
  'company',
  'role',
  'city',
  'country',
  'language',
  'notes',
  'how_met',
  'introduced_by_id',
  'created_at',
  'updated_at',
  'legal_basis',
  'legal_basis_note',
  'source',
  'source_at',
] as const satisfies ReadonlyArray<keyof PeopleTable>;
const CHANNEL_COLUMNS = [
  'id',
  'owner_id',
  'person_id',
  'kind',
  'value',
  'label',
  'normalized',
  'position',
] as const satisfies ReadonlyArray<keyof repo.ChannelInsert>;
const TAG_COLUMNS = ['owner_id', 'person_id', 'tag'] as const;
const CHANGE_COLUMNS = ['owner_id', 'version', 'person_id'] as const;

/**
 * Multi-row INSERTs for SQLite without the query builder: building a node per value of 100,000
 * rows costs more than SQLite's own work. Statements have a fixed set of sizes (the largest with
 * ~30,000 parameters, SQLite's limit being 32,766, then powers of two for what is left), so the
 * same few SQL texts come back and the connection's statement cache prepares each once. Only
 * fixed column names go into the text; every value is a bound parameter.
 */
async function insertRows<C extends string>(
  tx: Executor,
  table: string,
  columns: readonly C[],
  rows: ReadonlyArray<{ [K in C]: string | number | null }>,
): Promise<void> {
  const full = Math.max(1, Math.floor(30_000 / columns.length));
  let start = 0;
  while (start < rows.length) {
    const left = rows.length - start;
    const n = left >= full ? full : 2 ** Math.floor(Math.log2(left));
    const params = new Array<string | number | null>(n * columns.length);
    let k = 0;
    for (let i = start; i < start + n; i++) {
      const row = rows[i] as { [K in C]: string | number | null };
      for (const c of columns) params[k++] = row[c] ?? null;
    }
    await tx.executeQuery(CompiledQuery.raw(insertText(table, columns, n), params));
    start += n;
  }
}

const insertTexts = new Map<string, string>();
function insertText(table: string, columns: readonly string[], n: number): string {
  const key = `${table}|${n}`;
  let text = insertTexts.get(key);
  if (text === undefined) {
    const tuple = `(${columns.map(() => '?').join(', ')})`;
    text = `insert into "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) values ${new Array<string>(n).fill(tuple).join(', ')}`;
    insertTexts.set(key, text);
  }
  return text;
}

/** Above this many people an import widens SQLite's page cache for its transaction. */
const BIG_IMPORT = 5000;

/**
 * SQLite's default page cache (2 MB) is far smaller than the indexes a large import writes into
 * with random keys: dirty pages spill to the WAL in the middle of the transaction and are read
 * back again. A wider cache (a limit, filled only as needed) keeps them in memory until the
 * commit. Returns the previous size, restored after the transaction.
 */
async function widenSqliteCache(tx: Executor): Promise<number> {
  const r = await sql<{ cache_size: number }>`PRAGMA cache_size`.execute(tx);
  const previous = Number(r.rows[0]?.cache_size ?? -2000);
  await sql.raw('PRAGMA cache_size = -262144').execute(tx);
  return previous;
}
