/**
 * The import planner: parsed contacts matched against the people already in the network, without a
 * database. It takes what the import repository loaded (import.repo.ts) and answers the plan: who is
 * created, who receives what, who turns out to be one person. The service (import.service.ts)
 * loads, calls these steps in order and writes the plan.
 *
 * Matching, in this order: the person id (a Rete JSON export of this same account), normalised
 * email, phone (its last nine digits: "333 123 4567" is "+39 333 1234567"), link (a LinkedIn
 * profile URL in any of its forms), then the same name with the same company (case- and
 * accent-insensitive). Namesakes without a company match by name only when neither has an email,
 * phone or link: two people who share a name and nothing else stay two. The same rules merge
 * duplicates within one file. A merge only adds: missing emails, phones, links, tags, needs,
 * offers, timeline entries and relationships, and fields that are empty; it never overwrites.
 * Re-importing a file therefore finds everybody and writes nothing.
 */
import { MAX_CHANNELS, MAX_TAGS } from '#shared/api/people.ts';
import type { ImportPerson } from '#shared/api/import.ts';
import type { ImportFormat, Locale } from '#shared/api/values.ts';
import type { ChannelKind, LegalBasis } from '../../db/schema.ts';
import { fullerName } from '../duplicates/merge.service.ts';
import { normalizeChannel, sortKey } from '../people/people.service.ts';
import { linkedinKey, phoneKey } from '../privacy/suppression.ts';
import type { ColumnMapping, ParseProblem, ParsedContact } from './parse/index.ts';
import type { ReteContact, ReteExtras, ReteInteraction, ReteItem, ReteLearnt, ReteRelationship } from './json.ts';
import type { ExistingNetwork, KnownExtras, RelationshipPair } from './import.repo.ts';

/** The parsers' formats, plus a Rete JSON export (the contract's). */
export type { ImportFormat };

export type Contact = ParsedContact & { rete?: ReteExtras };

/** A file as read: its contacts and, for a Rete JSON export, what else it holds. */
export interface Parsed {
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

/** The account's suppressions as the planner sees them (privacy/suppression.ts). */
export interface Suppressions {
  readonly empty: boolean;
  matches(c: Contact): boolean;
}

type Field = 'company' | 'role' | 'city' | 'country' | 'notes' | 'how_met' | 'birthday';
export const KINDS: readonly ChannelKind[] = ['email', 'phone', 'link'];
type MatchedBy = 'email' | 'phone' | 'link' | 'name-company' | 'id';

export interface Chan {
  value: string;
  label: string | null;
}

export interface Privacy {
  legal_basis: LegalBasis | null;
  legal_basis_note: string | null;
  source: string | null;
  source_at: string | null;
}

/** What a Rete export adds to a person, already without what the person has. */
export interface Extras {
  fileIds: string[];
  introducedByFileId: string | null;
  createdAt: string | null;
  needs: ReteItem[];
  offers: ReteItem[];
  timeline: ReteInteraction[];
}

export interface Target {
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
  language: Locale | null;
  introducedById: string | null;
  privacy: Privacy;
  /** Privacy fields and language an existing person receives. */
  privacyPatch: Partial<Privacy & { language: Locale }>;
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
function dayOf(locale: Locale, at: Date): string {
  return `${at.getUTCDate()} ${MONTHS[locale][at.getUTCMonth()] as string} ${at.getUTCFullYear()}`;
}

/** "Importazione da LinkedIn, 12 mar 2024" / "Imported from LinkedIn, 12 Mar 2024". */
export function sourceNote(format: ImportFormat, locale: Locale, at: Date): string {
  const date = dayOf(locale, at);
  return locale === 'it' ? `Importazione da ${FORMAT_LABEL[format]}, ${date}` : `Imported from ${FORMAT_LABEL[format]}, ${date}`;
}

/**
 * "How we met" for a LinkedIn connection, in the account's language: "Collegamento su LinkedIn,
 * 20 ago 2018" / "Connected on LinkedIn, 20 Aug 2018" (with what the file says when it is no date).
 */
export function linkedinHowMet(locale: Locale, on: string | undefined, text: string | undefined): string {
  const head = locale === 'it' ? 'Collegamento su LinkedIn' : 'Connected on LinkedIn';
  if (on !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(on)) return `${head}, ${dayOf(locale, new Date(`${on}T00:00:00Z`))}`;
  return text ? `${head}, ${text}` : head;
}

const emptyChannels = (): Target['channels'] => ({ email: NO_CHANNELS, phone: NO_CHANNELS, link: NO_CHANNELS });

/** The people already in the network, as targets the file's contacts can match (in the order loaded). */
export function existingTargets(network: ExistingNetwork): Target[] {
  const { people, channels, tags } = network;
  const byId = new Map<string, Target>();
  for (const p of people) {
    byId.set(p.id, {
      ...newTarget(p.name),
      existingId: p.id,
      isSelf: p.is_self === 1,
      fields: {
        company: p.company,
        role: p.role,
        city: p.city,
        country: p.country,
        notes: p.notes,
        how_met: p.how_met,
        birthday: p.birthday ?? null,
      },
      language: p.language,
      introducedById: p.introduced_by_id,
      privacy: { legal_basis: p.legal_basis, legal_basis_note: p.legal_basis_note, source: p.source, source_at: p.source_at },
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

/** A target with nothing yet: a new person of the file (or the base of one already in the network). */
function newTarget(name: string): Target {
  return {
    existingId: null,
    isSelf: false,
    matchedBy: null,
    lines: [],
    name,
    fields: { company: null, role: null, city: null, country: null, notes: null, how_met: null, birthday: null },
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
  fill(t, 'birthday', c.birthday);
  addChannels(t, 'email', c.emails);
  addChannels(t, 'phone', c.phones);
  addChannels(t, 'link', c.links);
  for (const raw of c.tags) addTag(t, raw.trim().toLowerCase().slice(0, 50));
  if (c.rete) mergeExtras(t, c.rete);
}

const FIELDS: readonly Field[] = ['company', 'role', 'city', 'country', 'notes', 'how_met', 'birthday'];
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

function fillLanguage(t: Target, language: Locale): void {
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

/** People merged into one at the end of the import bring what they have: it counts as the kept one's. */
function keptOfJoined(withExtras: readonly Target[]): Map<string, string> {
  const keptOf = new Map<string, string>();
  for (const t of withExtras) if (t.existingId) for (const id of t.joined) keptOf.set(id, t.existingId);
  return keptOf;
}

/** Rete JSON: the people already in the network whose needs, offers and timeline `planExtras` must know. */
export function extrasToLoad(plan: ImportPlan): string[] {
  const withExtras = plan.targets.filter((t) => t.extras !== null);
  const keptOf = keptOfJoined(withExtras);
  return [...withExtras.map((t) => t.existingId).filter((id): id is string => id !== null), ...keptOf.keys()];
}

/**
 * Rete JSON: drops the needs, offers and timeline entries people already have (`known`, of the
 * people `extrasToLoad` named), and links introducers and relationships (`pairs`: the owner's
 * relationships, needed only when the file has some).
 */
export function planExtras(plan: ImportPlan, known: KnownExtras, pairs: readonly RelationshipPair[]): void {
  const withExtras = plan.targets.filter((t) => t.extras !== null);
  const keptOf = keptOfJoined(withExtras);
  const knownById = new Map<string, { needs: Set<string>; offers: Set<string>; timeline: Set<string> }>();
  const knownOf = (personId: string) => {
    const id = keptOf.get(personId) ?? personId;
    let k = knownById.get(id);
    if (!k) knownById.set(id, (k = { needs: new Set(), offers: new Set(), timeline: new Set() }));
    return k;
  };
  for (const n of known.needs) knownOf(n.person_id).needs.add(itemKey(n.text));
  for (const o of known.offers) knownOf(o.person_id).offers.add(itemKey(o.text));
  for (const e of known.timeline)
    knownOf(e.person_id).timeline.add(interactionKey({ kind: e.kind, occurredAt: e.occurred_at, summary: e.summary }));
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
  const existingPairs = new Set(pairs.map((r) => `${r.person_a_id}|${r.person_b_id}`));
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

export const changed = (t: Target): boolean =>
  t.existingId === null ||
  t.joined.length > 0 ||
  Object.keys(t.patch).length > 0 ||
  t.added.length > 0 ||
  t.addedTags.length > 0 ||
  Object.keys(t.privacyPatch).length > 0 ||
  t.introducer !== null ||
  t.newRelationships > 0 ||
  (t.extras !== null && t.extras.needs.length + t.extras.offers.length + t.extras.timeline.length > 0);

/**
 * Matches parsed contacts against the people already in the network (`existing`, from
 * `existingTargets`, in the network's order: the first there is kept when two turn out to be one).
 * Contacts matching a suppression entry are skipped and reported by line. Then, for a Rete JSON
 * export, `planExtras`; last, `finishPlan`.
 */
export function matchContacts(
  parse: Parsed,
  existing: readonly Target[],
  ctx: { locale: Locale; suppressions: Suppressions },
): ImportPlan {
  const { locale } = ctx;
  const suppression = ctx.suppressions;
  // What is written on the user's behalf is in their language.
  for (const c of parse.contacts)
    if (c.linkedin && c.howMet === undefined) c.howMet = linkedinHowMet(locale, c.connectedOn, c.connectedOnText);
  const index = new KeyIndex();
  for (const t of existing) index.register(t);

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
    const probe = newTarget(c.name);
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
  return plan;
}

/**
 * The last step: "how we met" for the people of a contact file (not a Rete export, which has its
 * own), and where their data came from for people there from before sources were recorded.
 */
export function finishPlan(plan: ImportPlan, locale: Locale, now: Date): void {
  const { parse, targets } = plan;
  if (parse.format !== 'json') {
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
}

const chans = (m: ReadonlyMap<string, Chan>) => [...m.values()];

export function personView(t: Target): ImportPerson {
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

export function counts(plan: ImportPlan) {
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
