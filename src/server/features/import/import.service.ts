/**
 * Imports: parsed contacts → a plan (who is created, who is merged into someone already there),
 * shown as a preview, then committed in ONE transaction.
 *
 * Matching, in this order: normalised email, normalised phone, normalised link (the LinkedIn
 * profile URL among them), then the same name with the same company (case- and accent-insensitive;
 * two people without a company and with the same name match too). The same rules merge
 * duplicates within one file. A merge only adds: missing emails, phones, links and tags, and
 * fields that are empty; it never overwrites. Re-importing a file therefore finds everybody and
 * writes nothing.
 */
import { MAX_CHANNELS, MAX_TAGS } from '#shared/api/people.ts';
import { MAX_IMPORT_BYTES } from '#shared/api/import.ts';
import type { ImportPerson, ImportPreview, ImportResult } from '#shared/api/import.ts';
import { sql } from 'kysely';
import type { Executor } from '../../db/db.ts';
import type { ChannelKind, PeopleTable } from '../../db/schema.ts';
import { AppError } from '../../http/errors.ts';
import { newId } from '../../lib/ids.ts';
import type { Deps } from '../auth/auth.service.ts';
import { recordChange } from '../network/changes.ts';
import * as repo from '../people/people.repo.ts';
import { normalizeChannel, sortKey } from '../people/people.service.ts';
import { ImportTooLargeError, parseContacts } from './parse/index.ts';
import type { ColumnMapping, ParseLimits, ParseProblem, ParsedContact } from './parse/index.ts';
import { looksLikeReteExport, parseReteExport } from './json.ts';

/** The parsers' formats, plus a Rete JSON export. */
export type ImportFormat = 'vcard' | 'linkedin' | 'google' | 'csv' | 'json';

interface Parsed {
  format: ImportFormat;
  encoding: string;
  contacts: ParsedContact[];
  problems: ParseProblem[];
  csvHeaders?: string[] | undefined;
  suggestedMapping?: ColumnMapping | undefined;
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
}

type Field = 'company' | 'role' | 'city' | 'country' | 'notes' | 'how_met';
const FIELDS: readonly Field[] = ['company', 'role', 'city', 'country', 'notes', 'how_met'];
const KINDS: readonly ChannelKind[] = ['email', 'phone', 'link'];
type MatchedBy = 'email' | 'phone' | 'link' | 'name-company';

interface Chan {
  value: string;
  label: string | null;
}

interface Target {
  existingId: string | null;
  matchedBy: MatchedBy | null;
  lines: number[];
  name: string;
  fields: Record<Field, string | null>;
  /** Fields an existing person receives from the file. */
  patch: Partial<Record<Field, string>>;
  channels: Record<ChannelKind, Map<string, Chan>>;
  /** Channels an existing person receives, in order. */
  added: Array<{ kind: ChannelKind; normalized: string; chan: Chan }>;
  tags: Set<string>;
  addedTags: string[];
}

export interface ImportPlan {
  parse: Parsed;
  /** People of the file: new ones and matched existing ones, in file order. */
  targets: Target[];
  duplicatesInFile: number;
  sourceNote: string;
}

const nameKey = (name: string, company: string | null | undefined): string =>
  `n:${sortKey(name)}|${company ? sortKey(company) : ''}`;

function channelKey(kind: ChannelKind, normalized: string): string | null {
  if (normalized === '') return null;
  // A phone with too few digits ("112", "+39") would join unrelated people.
  if (kind === 'phone' && normalized.replace(/\D/g, '').length < 6) return null;
  return `${kind[0]}:${normalized}`;
}

function keysOf(t: Target): Array<[string, MatchedBy]> {
  const keys: Array<[string, MatchedBy]> = [];
  for (const kind of KINDS) {
    for (const n of t.channels[kind].keys()) {
      const k = channelKey(kind, n);
      if (k) keys.push([k, kind]);
    }
  }
  keys.push([nameKey(t.name, t.fields.company), 'name-company']);
  return keys;
}

const FORMAT_LABEL: Record<ImportFormat, string> = {
  vcard: 'vCard',
  linkedin: 'LinkedIn',
  google: 'Google Contacts',
  csv: 'CSV',
  json: 'Rete',
};

/** "Importato da LinkedIn, 12 mar 2024" / "Imported from LinkedIn, 12 Mar 2024". */
export function sourceNote(format: ImportFormat, locale: 'it' | 'en', at: Date): string {
  const months =
    locale === 'it'
      ? ['gen', 'feb', 'mar', 'apr', 'mag', 'giu', 'lug', 'ago', 'set', 'ott', 'nov', 'dic']
      : ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const date = `${at.getUTCDate()} ${months[at.getUTCMonth()]} ${at.getUTCFullYear()}`;
  return locale === 'it' ? `Importato da ${FORMAT_LABEL[format]}, ${date}` : `Imported from ${FORMAT_LABEL[format]}, ${date}`;
}

function parseOrThrow(bytes: Uint8Array, opts: ImportOptions): Parsed {
  const limit = opts.limits?.maxBytes ?? MAX_IMPORT_BYTES;
  if (bytes.length > limit) throw new AppError(413, 'payload_too_large', new ImportTooLargeError(bytes.length, limit).message);
  const p: Parameters<typeof parseContacts>[1] = {};
  let r: Parsed;
  if (opts.format === 'json' || (opts.format === undefined && looksLikeReteExport(bytes))) {
    r = { format: 'json', encoding: 'utf-8', ...parseReteExport(bytes) };
    return nonEmpty(r);
  }
  if (opts.format) p.format = opts.format;
  if (opts.mapping) p.mapping = opts.mapping;
  if (opts.limits) p.limits = opts.limits;
  try {
    r = parseContacts(bytes, p);
  } catch (err) {
    if (err instanceof ImportTooLargeError) throw new AppError(413, 'payload_too_large', err.message);
    throw err;
  }
  return nonEmpty(r);
}

function nonEmpty(r: Parsed): Parsed {
  if (r.contacts.length === 0) {
    const details = r.problems.slice(0, 100).map((x) => ({ path: `line ${x.line}`, message: x.reason }));
    throw new AppError(
      400,
      'validation_failed',
      'No contact could be read from this file',
      details.length > 0 ? details : [{ path: 'line 0', message: 'the file holds no contact' }],
    );
  }
  return r;
}

async function loadExisting(db: Executor, ownerId: string): Promise<Target[]> {
  const [people, channels, tags] = await Promise.all([
    db
      .selectFrom('people')
      .select(['id', 'name', 'company', 'role', 'city', 'country', 'notes', 'how_met'])
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
      matchedBy: null,
      lines: [],
      name: p.name,
      fields: { company: p.company, role: p.role, city: p.city, country: p.country, notes: p.notes, how_met: p.how_met },
      patch: {},
      channels: { email: new Map(), phone: new Map(), link: new Map() },
      added: [],
      tags: new Set(),
      addedTags: [],
    });
  }
  for (const c of channels) byId.get(c.person_id)?.channels[c.kind].set(c.normalized, { value: c.value, label: c.label });
  for (const t of tags) byId.get(t.person_id)?.tags.add(t.tag);
  return [...byId.values()];
}

function newTarget(c: ParsedContact): Target {
  return {
    existingId: null,
    matchedBy: null,
    lines: [],
    name: c.name,
    fields: { company: null, role: null, city: null, country: null, notes: null, how_met: null },
    patch: {},
    channels: { email: new Map(), phone: new Map(), link: new Map() },
    added: [],
    tags: new Set(),
    addedTags: [],
  };
}

/** Adds what the target lacks; never overwrites. */
function mergeInto(t: Target, c: ParsedContact): void {
  t.lines.push(c.line);
  const incoming: Record<Field, string | undefined> = {
    company: c.company,
    role: c.role,
    city: c.city,
    country: c.country,
    notes: c.notes,
    how_met: c.howMet,
  };
  for (const f of FIELDS) {
    const v = incoming[f]?.trim();
    if (!v || (t.fields[f] ?? '').trim() !== '') continue;
    t.fields[f] = v;
    if (t.existingId) t.patch[f] = v;
  }
  const lists: Record<ChannelKind, ParsedContact['emails']> = { email: c.emails, phone: c.phones, link: c.links };
  for (const kind of KINDS) {
    const map = t.channels[kind];
    for (const ch of lists[kind]) {
      const value = ch.value.trim();
      const normalized = normalizeChannel(kind, value);
      if (normalized === '' || map.has(normalized) || map.size >= MAX_CHANNELS) continue;
      const chan = { value, label: ch.label?.trim() || null };
      map.set(normalized, chan);
      if (t.existingId) t.added.push({ kind, normalized, chan });
    }
  }
  for (const raw of c.tags) {
    const tag = raw.trim().toLowerCase().slice(0, 50);
    if (tag === '' || t.tags.has(tag) || t.tags.size >= MAX_TAGS) continue;
    t.tags.add(tag);
    if (t.existingId) t.addedTags.push(tag);
  }
}

const changed = (t: Target): boolean =>
  t.existingId === null || Object.keys(t.patch).length > 0 || t.added.length > 0 || t.addedTags.length > 0;

async function ownerLocale(db: Executor, ownerId: string): Promise<'it' | 'en'> {
  const u = await db.selectFrom('users').select('locale').where('id', '=', ownerId).executeTakeFirst();
  return u?.locale ?? 'en';
}

/** Reads the file and matches it against the owner's network. Writes nothing. */
export async function planImport(
  db: Executor,
  ownerId: string,
  bytes: Uint8Array,
  opts: ImportOptions,
  now: Date,
): Promise<ImportPlan> {
  const parse = parseOrThrow(bytes, opts);
  const index = new Map<string, Target>();
  const register = (t: Target) => {
    for (const [k] of keysOf(t)) if (!index.has(k)) index.set(k, t);
  };
  for (const t of await loadExisting(db, ownerId)) register(t);

  const targets: Target[] = [];
  const inPlan = new Set<Target>();
  let duplicatesInFile = 0;
  for (const c of parse.contacts) {
    const probe = newTarget(c);
    mergeInto(probe, c);
    let hit: Target | undefined;
    let by: MatchedBy | null = null;
    for (const [k, kind] of keysOf(probe)) {
      hit = index.get(k);
      if (hit) {
        by = kind;
        break;
      }
    }
    if (!hit) {
      targets.push(probe);
      inPlan.add(probe);
      register(probe);
      continue;
    }
    if (inPlan.has(hit)) duplicatesInFile++;
    if (hit.existingId && hit.matchedBy === null) hit.matchedBy = by;
    mergeInto(hit, c);
    if (!inPlan.has(hit)) {
      targets.push(hit);
      inPlan.add(hit);
    }
    register(hit);
  }

  const note = sourceNote(parse.format, await ownerLocale(db, ownerId), now);
  for (const t of targets) {
    if (!changed(t) || (t.fields.how_met ?? '') !== '') continue;
    t.fields.how_met = note;
    if (t.existingId) t.patch.how_met = note;
  }
  return { parse, targets, duplicatesInFile, sourceNote: note };
}

const chans = (m: Map<string, Chan>) => [...m.values()];

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
    problems: plan.parse.problems,
  };
}

/** What an import would do: counts, problems and (with `people`) every person. Writes nothing. */
export async function previewImport(
  deps: Deps,
  ownerId: string,
  bytes: Uint8Array,
  opts: ImportOptions & { people?: boolean } = {},
): Promise<ImportPreview> {
  const plan = await planImport(deps.db, ownerId, bytes, opts, deps.now());
  const out: ImportPreview = counts(plan);
  if (plan.parse.csvHeaders) out.csvHeaders = plan.parse.csvHeaders;
  if (plan.parse.suggestedMapping) out.suggestedMapping = plan.parse.suggestedMapping;
  if (opts.people !== false) out.people = plan.targets.map(personView);
  return out;
}

export type CommitResult = ImportResult & { people: ImportPerson[] };

/**
 * Writes the import in one transaction: everything or nothing. The plan is made again inside the
 * transaction, after taking the owner's network lock, so it cannot be stale and two imports of
 * the same file at once cannot both create the same people.
 */
export async function commitImport(
  deps: Deps,
  ownerId: string,
  bytes: Uint8Array,
  opts: ImportOptions = {},
): Promise<CommitResult> {
  const chunkSize = Math.max(1, opts.chunkSize ?? 1000);
  const now = deps.now();
  const stamp = now.toISOString();
  return deps.db.transaction().execute(async (tx) => {
    // A no-op write to the owner's row: serialises writers of this network (row lock on
    // PostgreSQL, the write lock on SQLite) before anything is read.
    await tx
      .updateTable('users')
      .set({ network_version: sql<number>`network_version` })
      .where('id', '=', ownerId)
      .execute();
    const plan = await planImport(tx, ownerId, bytes, opts, now);
    const fresh = plan.targets.filter((t) => t.existingId === null);
    const merges = plan.targets.filter((t) => t.existingId !== null && changed(t));
    const total = fresh.length + merges.length;
    let done = 0;
    const created: string[] = [];

    for (let start = 0; start < fresh.length; start += chunkSize) {
      const chunk = fresh.slice(start, start + chunkSize);
      const people: PeopleTable[] = [];
      const channels: repo.ChannelInsert[] = [];
      const tags: Array<{ owner_id: string; person_id: string; tag: string }> = [];
      for (const t of chunk) {
        const id = newId();
        created.push(id);
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
          language: null,
          notes: t.fields.notes,
          how_met: t.fields.how_met,
          introduced_by_id: null,
          created_at: stamp,
          updated_at: stamp,
        });
        for (const kind of KINDS) {
          let position = 0;
          for (const [normalized, c] of t.channels[kind]) {
            channels.push({
              id: newId(),
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
      await repo.insertPeople(tx, people);
      await repo.insertChannels(tx, channels);
      await repo.insertTags(tx, tags);
      await recordChange(
        tx,
        ownerId,
        people.map((p) => p.id),
      );
      done += chunk.length;
      await opts.onProgress?.(done, total);
    }

    const merged: string[] = [];
    for (let start = 0; start < merges.length; start += chunkSize) {
      const chunk = merges.slice(start, start + chunkSize);
      const channels: repo.ChannelInsert[] = [];
      const tags: Array<{ owner_id: string; person_id: string; tag: string }> = [];
      for (const t of chunk) {
        const id = t.existingId as string;
        merged.push(id);
        await repo.updatePerson(tx, ownerId, id, { ...t.patch, updated_at: stamp });
        for (const kind of KINDS) {
          const added = t.added.filter((a) => a.kind === kind);
          let position = t.channels[kind].size - added.length;
          for (const a of added) {
            channels.push({
              id: newId(),
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
      await opts.onProgress?.(done, total);
    }

    return { ...counts(plan), created, merged, people: plan.targets.map(personView) };
  });
}
