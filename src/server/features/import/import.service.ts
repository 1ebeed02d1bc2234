/**
 * Imports: parsed contacts → a plan (who is created, who is merged into someone already there),
 * shown as a preview, then committed in ONE transaction. This service orchestrates: it reads the
 * file (parse/, json.ts), loads what the planner needs (import.repo.ts), plans (import.plan.ts,
 * where the matching rules are) and writes the plan through the repositories.
 *
 * The file is parsed before the transaction opens; inside it, after taking the owner's network
 * lock, the contacts are matched against the network and written.
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
import { MAX_IMPORT_BYTES } from '#shared/api/values.ts';
import type { ImportPerson, ImportPreview, ImportResult } from '#shared/api/import.ts';
import type { Executor } from '../../db/db.ts';
import type { PeopleTable } from '../../db/schema.ts';
import { badRequest, tooLarge } from '../../lib/errors.ts';
import { newId, newRowId } from '../../lib/ids.ts';
import { selfPersonId, userLocale } from '../auth/auth.repo.ts';
import type { Deps } from '../../deps.ts';
import { mergeWithin } from '../duplicates/merge.service.ts';
import { restoreLearnt } from '../learning/learning.service.ts';
import { detectTextLanguage } from '../matching/engine/lang.ts';
import { lockNetwork, recordChange } from '../network/changes.ts';
import * as people from '../people/people.repo.ts';
import { sortKey } from '../people/people.service.ts';
import { suppressionMatcher } from '../privacy/privacy.service.ts';
import * as repo from './import.repo.ts';
import {
  KINDS,
  changed,
  counts,
  existingTargets,
  extrasToLoad,
  finishPlan,
  matchContacts,
  personView,
  planExtras,
  type ImportFormat,
  type ImportPlan,
  type Parsed,
  type Target,
} from './import.plan.ts';
import { looksLikeReteExport, parseReteExport } from './json.ts';
import type { ReteItem, ReteLearnt } from './json.ts';
import { ImportTooLargeError, parseContacts } from './parse/index.ts';
import type { ColumnMapping, ParseLimits } from './parse/index.ts';

export { linkedinHowMet, sourceNote, type ImportFormat, type ImportPlan } from './import.plan.ts';

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

/**
 * Reads the file (no database). Throws `tooLarge` over the size limit and, unless `allowEmpty` (a
 * preview, which reports the problems instead), `badRequest` when no contact can be read.
 */
export async function parseImport(bytes: Uint8Array, opts: ImportOptions, allowEmpty = false): Promise<Parsed> {
  const limit = opts.limits?.maxBytes ?? MAX_IMPORT_BYTES;
  if (bytes.length > limit) throw tooLarge(new ImportTooLargeError(bytes.length, limit).message);
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
      if (err instanceof ImportTooLargeError) throw tooLarge(err.message);
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
  throw badRequest(
    'No contact could be read from this file',
    details.length > 0 ? details : [{ path: 'line 0', message: 'the file holds no contact' }],
  );
}

/**
 * Matches parsed contacts against the owner's network. Writes nothing (inside a commit, the
 * caller holds the network lock).
 */
export async function planParsed(
  db: Executor,
  ownerId: string,
  parse: Parsed,
  opts: ImportOptions,
  now: Date,
): Promise<ImportPlan> {
  const total = parse.contacts.length;
  await opts.onEvent?.({ phase: 'match', done: 0, total });
  const locale = await userLocale(db, ownerId);
  const existing = existingTargets(await repo.loadNetwork(db, ownerId));
  const suppressions = await suppressionMatcher(db, ownerId);
  const plan = matchContacts(parse, existing, { locale, suppressions });
  if (parse.format === 'json') {
    const known = await repo.loadKnownExtras(db, ownerId, extrasToLoad(plan));
    const pairs = (parse.relationships ?? []).length > 0 ? await repo.loadRelationshipPairs(db, ownerId) : [];
    planExtras(plan, known, pairs);
  }
  finishPlan(plan, locale, now);
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

type ItemRow = people.ItemInsert;
type InteractionRow = repo.InteractionInsert;

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
  const sqlite = repo.isSqlite(deps.db);
  // The page cache size to restore after a large import on SQLite (see repo.widenSqliteCache).
  const cache: { previous: number | null } = { previous: null };
  let written: { plan: ImportPlan; created: string[]; merged: string[]; mergedAway: string[] };
  try {
    written = await writeImport();
  } finally {
    if (cache.previous !== null) await repo.restoreSqliteCache(deps.db, cache.previous);
  }
  const { plan, created, merged, mergedAway } = written;
  const result: CommitResult = { ...counts(plan), created, merged, mergedAway };
  if (opts.people === true) result.people = plan.targets.map(personView);
  return result;

  async function writeImport(): Promise<{ plan: ImportPlan; created: string[]; merged: string[]; mergedAway: string[] }> {
    return deps.db.transaction().execute(async (tx) => {
      // Serialises writers of this network before anything is read.
      await lockNetwork(tx, ownerId);
      const plan = await planParsed(tx, ownerId, parse, opts, now);
      if (sqlite && plan.targets.length > BIG_IMPORT) cache.previous = await repo.widenSqliteCache(tx);
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
        const rows: PeopleTable[] = [];
        const channels: people.ChannelInsert[] = [];
        const tags: repo.TagInsert[] = [];
        for (const t of chunk) {
          const id = idOf.get(t) as string;
          const fromFile = t.privacy.source !== null;
          rows.push({
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
            birthday: t.fields.birthday,
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
        await repo.insertNewPeople(tx, sqlite, ownerId, { people: rows, channels, tags });
        done += chunk.length;
        await step();
      }

      const merged: string[] = [];
      for (let start = 0; start < merges.length; start += chunkSize) {
        const chunk = merges.slice(start, start + chunkSize);
        const channels: people.ChannelInsert[] = [];
        const tags: repo.TagInsert[] = [];
        for (const t of chunk) {
          const id = t.existingId as string;
          merged.push(id);
          await people.updatePerson(tx, ownerId, id, { ...t.patch, ...t.privacyPatch, updated_at: stamp });
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
        await people.insertChannels(tx, channels);
        await people.insertTags(tx, tags);
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
            await people.updatePerson(tx, ownerId, id, { introduced_by_id: idOf.get(t.introducer) });
            touched.add(id);
          }
        }
        await people.insertItems(tx, 'needs', needs);
        await people.insertItems(tx, 'offers', offers);
        await repo.insertInteractions(tx, timeline);
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
        await repo.insertRelationships(tx, rels);
        for (const r of [...needs, ...offers, ...timeline]) touched.add(r.person_id);
        if (touched.size > 0) await recordChange(tx, ownerId, [...touched]);
      }

      // People one contact of the file joined: merged last, over what the import wrote, so that
      // the merge sees (and keeps) everything of both.
      const mergedAway: string[] = [];
      if (plan.joins.length > 0) {
        const locale = await userLocale(tx, ownerId);
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

/** Above this many people an import widens SQLite's page cache for its transaction. */
const BIG_IMPORT = 5000;
