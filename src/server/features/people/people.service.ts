import type { CreatePersonBody, PersonDetail, PersonSummary, SearchMatch, UpdatePersonBody } from '#shared/api/people.ts';
import type { Locale } from '#shared/api/values.ts';
import { fold } from '#shared/text/fold.ts';
import { detectTextLanguage } from '../matching/engine/lang.ts';
import type { Executor } from '../../db/db.ts';
import type { ChannelKind, InteractionKind, Item, ItemStatus, ItemTable, PeopleTable } from '../../db/schema.ts';
import { badRequest, conflict, notFound } from '../../lib/errors.ts';
import { fromCursor, toCursor } from '../../lib/cursor.ts';
import { newId, newRowId } from '../../lib/ids.ts';
import type { Deps, PeopleDeps } from '../../deps.ts';
import { recordChange } from '../network/changes.ts';
import * as repo from './people.repo.ts';
import { conceptPeople } from '../matching/matching.service.ts';
import { OTHER_FIELDS } from './search.ts';
import { whatMatched } from './search-match.ts';

export function sortKey(name: string): string {
  const f = fold(name);
  // Runs of blanks, or blanks other than a space, are rare: test before rewriting.
  return /\s\s|[^\S ]/.test(f) ? f.replace(/\s+/g, ' ').trim() : f.trim();
}

export async function createSelfPerson(
  tx: Executor,
  ownerId: string,
  name: string,
  locale: Locale,
  now: string,
): Promise<string> {
  const id = newId();
  await repo.insertPerson(tx, {
    id,
    owner_id: ownerId,
    is_self: 1,
    name,
    sort_name: sortKey(name),
    company: null,
    role: null,
    city: null,
    country: null,
    language: locale,
    notes: null,
    how_met: null,
    introduced_by_id: null,
    created_at: now,
    updated_at: now,
    legal_basis: null,
    legal_basis_note: null,
    source: null,
    source_at: null,
  });
  return id;
}

// --- channels ---------------------------------------------------------------------------

export function normalizeChannel(kind: ChannelKind, value: string): string {
  switch (kind) {
    case 'email':
      return value.trim().toLowerCase();
    case 'phone': {
      const digits = value.replace(/[^0-9+]/g, '');
      // "0039..." and "+39..." are the same number.
      return digits.startsWith('00') ? `+${digits.slice(2)}` : digits;
    }
    case 'link':
      return value
        .trim()
        .replace(/^https?:\/\/(www\.)?/i, '')
        .replace(/\/+$/, '')
        .toLowerCase();
  }
}

type ChannelInput = { value: string; label?: string | null | undefined };

function channelRows(kind: ChannelKind, list: ChannelInput[]): repo.ChannelRow[] {
  const seen = new Set<string>();
  const rows: repo.ChannelRow[] = [];
  for (const c of list) {
    const normalized = normalizeChannel(kind, c.value);
    if (seen.has(normalized)) continue;
    seen.add(normalized);
    rows.push({ id: newRowId(), kind, value: c.value.trim(), label: c.label?.trim() || null, normalized });
  }
  return rows;
}

async function checkIntroducer(
  tx: Executor,
  ownerId: string,
  personId: string | null,
  introducedById: string | null | undefined,
) {
  if (!introducedById) return;
  if (introducedById === personId)
    throw badRequest('A person cannot introduce themselves', [{ path: 'introducedById', message: 'same person' }]);
  if (!(await repo.ownsPeople(tx, ownerId, [introducedById]))) {
    throw badRequest('The introducer is not one of your contacts', [{ path: 'introducedById', message: 'unknown contact' }]);
  }
}

/** Replaces the lists given; for a new person (`fresh`) there is nothing to delete first. */
async function writeChannelsAndTags(tx: Executor, ownerId: string, personId: string, input: UpdatePersonBody, fresh = false) {
  if (input.emails) await repo.replaceChannels(tx, ownerId, personId, 'email', channelRows('email', input.emails), fresh);
  if (input.phones) await repo.replaceChannels(tx, ownerId, personId, 'phone', channelRows('phone', input.phones), fresh);
  if (input.links) await repo.replaceChannels(tx, ownerId, personId, 'link', channelRows('link', input.links), fresh);
  if (input.tags) await repo.replaceTags(tx, ownerId, personId, input.tags, fresh);
}

/** Where a person's data came from (`people.source`), set when the person is created. */
export type PersonSource = 'manual' | typeof DEMO_SOURCE | `import:${string}`;
/** The source of the people of the demo network: what marks them as demo people. */
export const DEMO_SOURCE = 'demo';

function newPersonRow(ownerId: string, id: string, input: CreatePersonBody, now: string, source: PersonSource): PeopleTable {
  return {
    id,
    owner_id: ownerId,
    is_self: 0,
    name: input.name,
    sort_name: sortKey(input.name),
    company: input.company ?? null,
    role: input.role ?? null,
    city: input.city ?? null,
    country: input.country ?? null,
    language: input.language ?? null,
    notes: input.notes ?? null,
    how_met: input.howMet ?? null,
    birthday: input.birthday ?? null,
    introduced_by_id: input.introducedById ?? null,
    created_at: now,
    updated_at: now,
    legal_basis: input.legalBasis ?? null,
    legal_basis_note: input.legalBasisNote ?? null,
    source,
    source_at: now,
  };
}

/**
 * A person created by hand is created even when it matches a suppression entry: the user typed
 * it in on purpose, so nothing is blocked silently. Suppressions only stop imports. Their needs
 * and offers, when given, are written in the same transaction: all of it, or nothing.
 */
export async function createPerson(deps: PeopleDeps, ownerId: string, input: CreatePersonBody): Promise<string> {
  const id = newId();
  const now = deps.now().toISOString();
  await deps.db.transaction().execute(async (tx) => {
    await checkIntroducer(tx, ownerId, null, input.introducedById);
    await repo.insertPerson(tx, newPersonRow(ownerId, id, input, now, 'manual'));
    await writeChannelsAndTags(tx, ownerId, id, input, true);
    // Lists keep items by creation time: one millisecond apart, they keep the order given.
    const at = (i: number) => new Date(Date.parse(now) + i).toISOString();
    for (const table of ['needs', 'offers'] as const) {
      await repo.insertItems(
        tx,
        table,
        (input[table] ?? []).map((item, i) => newItemRow(ownerId, id, item, at(i))),
      );
    }
    await recordChange(tx, ownerId, [id]);
  });
  return id;
}

export async function updatePerson(deps: PeopleDeps, ownerId: string, id: string, input: UpdatePersonBody): Promise<void> {
  await deps.db.transaction().execute(async (tx) => {
    const existing = await repo.findPerson(tx, ownerId, id);
    if (!existing) throw notFound();
    await checkIntroducer(tx, ownerId, id, input.introducedById);
    const patch: Partial<PeopleTable> = { updated_at: deps.now().toISOString() };
    if (input.name !== undefined) {
      patch.name = input.name;
      patch.sort_name = sortKey(input.name);
    }
    if (input.company !== undefined) patch.company = input.company;
    if (input.role !== undefined) patch.role = input.role;
    if (input.city !== undefined) patch.city = input.city;
    if (input.country !== undefined) patch.country = input.country;
    if (input.language !== undefined) patch.language = input.language;
    if (input.notes !== undefined) patch.notes = input.notes;
    if (input.howMet !== undefined) patch.how_met = input.howMet;
    if (input.birthday !== undefined) patch.birthday = input.birthday;
    if (input.introducedById !== undefined) patch.introduced_by_id = input.introducedById;
    if (input.legalBasis !== undefined) patch.legal_basis = input.legalBasis;
    if (input.legalBasisNote !== undefined) patch.legal_basis_note = input.legalBasisNote;
    await repo.updatePerson(tx, ownerId, id, patch);
    await writeChannelsAndTags(tx, ownerId, id, input);
    await recordChange(tx, ownerId, [id]);
  });
}

// Deleting a person is an erasure: see privacy/privacy.service.ts.

// --- reading ----------------------------------------------------------------------------

const toItem = (r: Item) => ({
  id: r.id,
  personId: r.person_id,
  text: r.text,
  language: r.language,
  status: r.status,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  closedAt: r.closed_at,
});

export async function getPerson(deps: Deps, ownerId: string, id: string): Promise<PersonDetail> {
  const db = deps.db;
  const p = await repo.findPerson(db, ownerId, id);
  if (!p) throw notFound();
  const [channels, tags, needs, offers, timeline, rels] = await Promise.all([
    repo.channelsOf(db, ownerId, [id]),
    repo.tagsOf(db, ownerId, [id]),
    repo.itemsOf(db, 'needs', ownerId, [id]),
    repo.itemsOf(db, 'offers', ownerId, [id]),
    repo.interactionsOf(db, ownerId, id),
    repo.relationshipsOf(db, ownerId, id),
  ]);
  const otherIds = rels.map((r) => (r.person_a_id === id ? r.person_b_id : r.person_a_id));
  if (p.introduced_by_id) otherIds.push(p.introduced_by_id);
  const names = new Map((await repo.namesOf(db, ownerId, otherIds)).map((n) => [n.id, n.name]));
  const byKind = (k: ChannelKind) => channels.filter((c) => c.kind === k).map((c) => ({ value: c.value, label: c.label }));
  return {
    id: p.id,
    isSelf: p.is_self === 1,
    name: p.name,
    ...repo.personDetails(p),
    howMet: p.how_met,
    birthday: p.birthday ?? null,
    introducedBy: p.introduced_by_id ? { id: p.introduced_by_id, name: names.get(p.introduced_by_id) ?? '' } : null,
    emails: byKind('email'),
    phones: byKind('phone'),
    links: byKind('link'),
    tags: tags.map((t) => t.tag),
    needs: needs.map(toItem),
    offers: offers.map(toItem),
    timeline: timeline.map(toInteraction),
    lastInteractionAt: timeline[0]?.occurred_at ?? null,
    relationships: rels.map((r) => {
      const other = r.person_a_id === id ? r.person_b_id : r.person_a_id;
      return {
        id: r.id,
        other: { id: other, name: names.get(other) ?? '' },
        strength: r.strength,
        note: r.note,
        lapsedAt: r.lapsed_at ?? null,
        createdAt: r.created_at,
      };
    }),
    privacy: {
      legalBasis: p.legal_basis,
      legalBasisNote: p.legal_basis_note,
      source: p.source,
      sourceAt: p.source_at,
    },
    createdAt: p.created_at,
    updatedAt: p.updated_at,
  };
}

interface Cursor {
  n: string;
  i: string;
  /** For a search: the name tier of the last result (search.ts). */
  t?: number;
}

function encodeCursor(c: Cursor): string {
  return toCursor(c.t === undefined ? [c.n, c.i] : [c.n, c.i, c.t]);
}

function decodeCursor(s: string | undefined): Cursor | undefined {
  if (s === undefined) return undefined;
  const list = fromCursor(s, ['string', 'string']);
  if (list) return { n: list[0], i: list[1] };
  const search = fromCursor(s, ['string', 'string', 'int']);
  if (search && search[2] >= 0 && search[2] <= CONCEPT_TIER) return { n: search[0], i: search[1], t: search[2] };
  throw badRequest('The cursor is not valid', [{ path: 'cursor', message: 'invalid cursor' }]);
}

/**
 * After every tier of the word search (search.ts nameTier): people found by what the words mean,
 * in the matching engine's order.
 */
const CONCEPT_TIER = OTHER_FIELDS + 1;

export interface ListInput {
  q?: string | undefined;
  tag?: string | undefined;
  city?: string | undefined;
  hasOpenNeeds?: boolean | undefined;
  cursor?: string | undefined;
  limit: number;
}

type ListRow = Awaited<ReturnType<typeof repo.peopleByIds>>[number];

export async function listPeople(
  deps: PeopleDeps,
  ownerId: string,
  input: ListInput,
): Promise<{ items: PersonSummary[]; nextCursor: string | null }> {
  const after = decodeCursor(input.cursor);
  let rows: ListRow[];
  const tiers = new Map<string, number>();
  const byMeaning = new Map<string, SearchMatch>();
  const hasQuery = !!input.q && input.q.trim() !== '';
  const hasFilter = !!input.tag || !!input.city || input.hasOpenNeeds !== undefined;
  if (hasQuery || hasFilter) {
    // Words and filters are answered from the in-memory index, then one page is read by id.
    const search = await deps.network.view(ownerId, 'search');
    const position = after ? { sortName: after.n, id: after.i, tier: after.t } : undefined;
    let pageIds: string[];
    if (hasQuery) {
      const q = input.q ?? '';
      const inConcepts = after?.t === CONCEPT_TIER;
      const hits = inConcepts ? [] : search.page(q, input, position, input.limit + 1);
      for (const h of hits) tiers.set(h.id, h.tier);
      pageIds = hits.map((h) => h.id);
      // Once the words found everyone they find, the people found by what the words mean.
      if (pageIds.length <= input.limit) {
        const found = await conceptPeople(deps, ownerId, q);
        const matchOf = new Map(found.map((f) => [f.personId, f.match]));
        let ids = search.othersThan(
          q,
          found.map((f) => f.personId),
          input,
        );
        if (inConcepts) ids = ids.slice(ids.indexOf(after.i) + 1);
        for (const id of ids.slice(0, input.limit + 1 - pageIds.length)) {
          tiers.set(id, CONCEPT_TIER);
          byMeaning.set(id, matchOf.get(id) as SearchMatch);
          pageIds.push(id);
        }
      }
    } else pageIds = search.pageFiltered(input, position, input.limit + 1);
    const found = new Map((await repo.peopleByIds(deps.db, ownerId, pageIds)).map((r) => [r.id, r]));
    rows = pageIds.map((id) => found.get(id)).filter((r): r is NonNullable<typeof r> => r !== undefined);
  } else {
    rows = await repo.listPeople(deps.db, ownerId, {
      after: after ? { sortName: after.n, id: after.i } : undefined,
      limit: input.limit + 1,
    });
  }
  const more = rows.length > input.limit;
  const pageRows = rows.slice(0, input.limit);
  const ids = pageRows.map((r) => r.id);
  const [tags, counts] = await Promise.all([repo.tagsOf(deps.db, ownerId, ids), repo.countsOf(deps.db, ownerId, ids)]);
  const tagsBy = new Map<string, string[]>();
  for (const t of tags) tagsBy.set(t.person_id, [...(tagsBy.get(t.person_id) ?? []), t.tag]);
  const matches = hasQuery
    ? await describeMatches(
        deps,
        ownerId,
        input.q ?? '',
        pageRows.filter((r) => tiers.get(r.id) === OTHER_FIELDS),
        tagsBy,
      )
    : new Map<string, SearchMatch>();
  const last = pageRows.at(-1);
  return {
    items: pageRows.map((r) => ({
      id: r.id,
      name: r.name,
      company: r.company,
      role: r.role,
      city: r.city,
      language: r.language,
      tags: tagsBy.get(r.id) ?? [],
      openNeeds: counts.openNeeds.get(r.id) ?? 0,
      offers: counts.offers.get(r.id) ?? 0,
      lastInteractionAt: counts.last.get(r.id) ?? null,
      demo: r.source === DEMO_SOURCE,
      match: matches.get(r.id) ?? byMeaning.get(r.id) ?? null,
    })),
    nextCursor:
      more && last ? encodeCursor({ n: last.sort_name, i: last.id, t: hasQuery ? tiers.get(last.id) : undefined }) : null,
  };
}

/** For results found by another field than the name: which one, and the words around the match. */
async function describeMatches(
  deps: Deps,
  ownerId: string,
  query: string,
  rows: readonly ListRow[],
  tagsBy: ReadonlyMap<string, string[]>,
): Promise<Map<string, SearchMatch>> {
  const out = new Map<string, SearchMatch>();
  if (rows.length === 0) return out;
  const ids = rows.map((r) => r.id);
  const [texts, needs, offers] = await Promise.all([
    repo.longTextsOf(deps.db, ownerId, ids),
    repo.itemsOf(deps.db, 'needs', ownerId, ids),
    repo.itemsOf(deps.db, 'offers', ownerId, ids),
  ]);
  const textBy = new Map(texts.map((t) => [t.id, t]));
  // Open needs and offers before satisfied ones.
  const open = <T extends { status: string }>(list: T[]) =>
    [...list].sort((a, b) => Number(a.status !== 'open') - Number(b.status !== 'open'));
  for (const r of rows) {
    const m = whatMatched(query, {
      name: r.name,
      company: r.company,
      role: r.role,
      city: r.city,
      tags: tagsBy.get(r.id) ?? [],
      offers: open(offers.filter((o) => o.person_id === r.id)).map((o) => o.text),
      needs: open(needs.filter((n) => n.person_id === r.id)).map((n) => n.text),
      howMet: textBy.get(r.id)?.how_met ?? null,
      notes: textBy.get(r.id)?.notes ?? null,
    });
    if (m) out.set(r.id, m);
  }
  return out;
}

export const facets = (deps: Deps, ownerId: string) => repo.facets(deps.db, ownerId);

// --- needs and offers -------------------------------------------------------------------

export interface ItemInput {
  text: string;
  language?: Locale | null | undefined;
  status?: ItemStatus | undefined;
}

function newItemRow(ownerId: string, personId: string, input: ItemInput, now: string): repo.ItemInsert {
  const status = input.status ?? 'open';
  return {
    id: newId(),
    owner_id: ownerId,
    person_id: personId,
    text: input.text,
    language: input.language ?? detectTextLanguage(input.text),
    status,
    created_at: now,
    updated_at: now,
    closed_at: status === 'open' ? null : now,
  };
}

export async function addItem(deps: Deps, table: ItemTable, ownerId: string, personId: string, input: ItemInput) {
  const row = newItemRow(ownerId, personId, input, deps.now().toISOString());
  await deps.db.transaction().execute(async (tx) => {
    if (!(await repo.findPerson(tx, ownerId, personId))) throw notFound();
    await repo.insertItem(tx, table, row);
    await recordChange(tx, ownerId, [personId]);
  });
  return getItem(deps, table, ownerId, row.id);
}

export async function getItem(deps: Deps, table: ItemTable, ownerId: string, id: string) {
  const row = await repo.findItem(deps.db, table, ownerId, id);
  if (!row) throw notFound();
  return toItem(row);
}

export async function updateItem(deps: Deps, table: ItemTable, ownerId: string, id: string, input: Partial<ItemInput>) {
  const now = deps.now().toISOString();
  await deps.db.transaction().execute(async (tx) => {
    const row = await repo.findItem(tx, table, ownerId, id);
    if (!row) throw notFound();
    const patch: Parameters<typeof repo.updateItem>[4] = { updated_at: now };
    if (input.text !== undefined) {
      patch.text = input.text;
      if (input.language === undefined) patch.language = detectTextLanguage(input.text);
    }
    if (input.language !== undefined) patch.language = input.language;
    if (input.status !== undefined && input.status !== row.status) {
      patch.status = input.status;
      patch.closed_at = input.status === 'open' ? null : now;
    }
    await repo.updateItem(tx, table, ownerId, id, patch);
    await recordChange(tx, ownerId, [row.person_id]);
  });
  return getItem(deps, table, ownerId, id);
}

export async function deleteItem(deps: Deps, table: ItemTable, ownerId: string, id: string): Promise<void> {
  await deps.db.transaction().execute(async (tx) => {
    const row = await repo.findItem(tx, table, ownerId, id);
    if (!row) throw notFound();
    await repo.deleteItem(tx, table, ownerId, id);
    await recordChange(tx, ownerId, [row.person_id]);
  });
}

// --- timeline ---------------------------------------------------------------------------

const toInteraction = (t: {
  id: string;
  person_id: string;
  kind: InteractionKind;
  occurred_at: string;
  summary: string;
  created_at: string;
}) => ({
  id: t.id,
  personId: t.person_id,
  kind: t.kind,
  occurredAt: t.occurred_at,
  summary: t.summary,
  createdAt: t.created_at,
});

export async function addInteraction(
  deps: Deps,
  ownerId: string,
  personId: string,
  input: { kind: InteractionKind; occurredAt: string; summary: string },
) {
  if (!(await repo.findPerson(deps.db, ownerId, personId))) throw notFound();
  const row = {
    id: newId(),
    owner_id: ownerId,
    person_id: personId,
    kind: input.kind,
    occurred_at: input.occurredAt,
    summary: input.summary,
    created_at: deps.now().toISOString(),
  };
  await deps.db.transaction().execute(async (tx) => {
    await repo.insertInteraction(tx, row);
    await recordChange(tx, ownerId, [personId]);
  });
  return toInteraction(row);
}

export async function updateInteraction(
  deps: Deps,
  ownerId: string,
  id: string,
  input: { kind?: InteractionKind | undefined; occurredAt?: string | undefined; summary?: string | undefined },
) {
  const existing = await repo.findInteraction(deps.db, ownerId, id);
  if (!existing) throw notFound();
  const patch: Parameters<typeof repo.updateInteraction>[3] = {};
  if (input.kind !== undefined) patch.kind = input.kind;
  if (input.occurredAt !== undefined) patch.occurred_at = input.occurredAt;
  if (input.summary !== undefined) patch.summary = input.summary;
  if (Object.keys(patch).length > 0) {
    await deps.db.transaction().execute(async (tx) => {
      await repo.updateInteraction(tx, ownerId, id, patch);
      await recordChange(tx, ownerId, [existing.person_id]);
    });
  }
  const row = await repo.findInteraction(deps.db, ownerId, id);
  if (!row) throw notFound();
  return toInteraction(row);
}

export async function deleteInteraction(deps: Deps, ownerId: string, id: string): Promise<void> {
  const existing = await repo.findInteraction(deps.db, ownerId, id);
  if (!existing) throw notFound();
  await deps.db.transaction().execute(async (tx) => {
    await repo.deleteInteraction(tx, ownerId, id);
    await recordChange(tx, ownerId, [existing.person_id]);
  });
}

// --- relationships ----------------------------------------------------------------------

export async function addRelationship(
  deps: Deps,
  ownerId: string,
  personId: string,
  input: { otherPersonId: string; strength: number; note?: string | null | undefined },
) {
  if (personId === input.otherPersonId)
    throw badRequest('A person cannot know themselves', [{ path: 'otherPersonId', message: 'same person' }]);
  const [a, b] = personId < input.otherPersonId ? [personId, input.otherPersonId] : [input.otherPersonId, personId];
  const now = deps.now().toISOString();
  const id = newId();
  await deps.db.transaction().execute(async (tx) => {
    if (!(await repo.findPerson(tx, ownerId, personId))) throw notFound();
    if (!(await repo.findPerson(tx, ownerId, input.otherPersonId))) {
      throw badRequest('The other person is not one of your contacts', [{ path: 'otherPersonId', message: 'unknown contact' }]);
    }
    if (await repo.findRelationshipByPair(tx, ownerId, a, b)) throw conflict('These two people are already linked');
    await repo.insertRelationship(tx, {
      id,
      owner_id: ownerId,
      person_a_id: a,
      person_b_id: b,
      strength: input.strength,
      note: input.note ?? null,
      created_at: now,
      updated_at: now,
    });
    await recordChange(tx, ownerId, [a, b]);
  });
  return relationshipView(deps, ownerId, id, personId);
}

async function relationshipView(deps: Deps, ownerId: string, id: string, fromPersonId: string) {
  const r = await repo.findRelationship(deps.db, ownerId, id);
  if (!r) throw notFound();
  const other = r.person_a_id === fromPersonId ? r.person_b_id : r.person_a_id;
  const names = await repo.namesOf(deps.db, ownerId, [other]);
  return {
    id: r.id,
    other: { id: other, name: names[0]?.name ?? '' },
    strength: r.strength,
    note: r.note,
    lapsedAt: r.lapsed_at ?? null,
    createdAt: r.created_at,
  };
}

export async function updateRelationship(
  deps: Deps,
  ownerId: string,
  id: string,
  input: { strength?: number | undefined; note?: string | null | undefined; lapsed?: boolean | undefined },
) {
  const r = await repo.findRelationship(deps.db, ownerId, id);
  if (!r) throw notFound();
  const now = deps.now().toISOString();
  const patch: Parameters<typeof repo.updateRelationship>[3] = { updated_at: now };
  if (input.strength !== undefined) patch.strength = input.strength;
  if (input.note !== undefined) patch.note = input.note;
  if (input.lapsed !== undefined) patch.lapsed_at = input.lapsed ? (r.lapsed_at ?? now) : null;
  await deps.db.transaction().execute(async (tx) => {
    await repo.updateRelationship(tx, ownerId, id, patch);
    await recordChange(tx, ownerId, [r.person_a_id, r.person_b_id]);
  });
  return relationshipView(deps, ownerId, id, r.person_a_id);
}

export async function deleteRelationship(deps: Deps, ownerId: string, id: string): Promise<void> {
  await deps.db.transaction().execute(async (tx) => {
    const r = await repo.findRelationship(tx, ownerId, id);
    if (!r) throw notFound();
    await repo.deleteRelationship(tx, ownerId, id);
    await recordChange(tx, ownerId, [r.person_a_id, r.person_b_id]);
  });
}

// --- many at once ----------------------------------------------------------------------------

export interface NewPersonWithItems extends CreatePersonBody {
  needs?: ItemInput[] | undefined;
  offers?: ItemInput[] | undefined;
}

/** People per transaction: large enough to amortise commits, small enough to keep locks short. */
export const BULK_CHUNK = 500;

/** Creates people with their needs and offers; returns their ids in input order. */
export async function createPeople(
  deps: PeopleDeps,
  ownerId: string,
  inputs: readonly NewPersonWithItems[],
  source: PersonSource = 'manual',
): Promise<string[]> {
  const ids: string[] = [];
  for (let start = 0; start < inputs.length; start += BULK_CHUNK) {
    const chunk = inputs.slice(start, start + BULK_CHUNK);
    const now = deps.now().toISOString();
    const people: PeopleTable[] = [];
    const channels: repo.ChannelInsert[] = [];
    const tags: Array<{ owner_id: string; person_id: string; tag: string }> = [];
    const items: Record<ItemTable, repo.ItemInsert[]> = { needs: [], offers: [] };
    const introducers = new Set<string>();
    for (const input of chunk) {
      const id = newId();
      ids.push(id);
      if (input.introducedById) introducers.add(input.introducedById);
      people.push(newPersonRow(ownerId, id, input, now, source));
      for (const [kind, list] of [
        ['email', input.emails],
        ['phone', input.phones],
        ['link', input.links],
      ] as const) {
        channelRows(kind, list ?? []).forEach((c, position) =>
          channels.push({ ...c, owner_id: ownerId, person_id: id, position }),
        );
      }
      for (const tag of new Set(input.tags ?? [])) tags.push({ owner_id: ownerId, person_id: id, tag });
      for (const table of ['needs', 'offers'] as const) {
        for (const item of input[table] ?? []) items[table].push(newItemRow(ownerId, id, item, now));
      }
    }
    const chunkIds = people.map((p) => p.id);
    await deps.db.transaction().execute(async (tx) => {
      const outside = [...introducers].filter((i) => !chunkIds.includes(i));
      if (!(await repo.ownsPeople(tx, ownerId, outside))) {
        throw badRequest('An introducer is not one of your contacts', [{ path: 'introducedById', message: 'unknown contact' }]);
      }
      await repo.insertPeople(tx, people);
      await repo.insertChannels(tx, channels);
      await repo.insertTags(tx, tags);
      await repo.insertItems(tx, 'needs', items.needs);
      await repo.insertItems(tx, 'offers', items.offers);
      await recordChange(tx, ownerId, chunkIds);
    });
  }
  return ids;
}
