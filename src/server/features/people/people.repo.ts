import type { Locale } from '#shared/api/values.ts';
import type { Executor } from '../../db/db.ts';
import type {
  ChannelKind,
  InteractionKind,
  InteractionsTable,
  ItemStatus,
  ItemTable,
  NeedsOffersTable,
  PeopleTable,
  RelationshipsTable,
} from '../../db/schema.ts';

// Every function here takes the owner and filters by it in SQL: a row of another user is
// indistinguishable from a missing one.

export const findPerson = (db: Executor, ownerId: string, id: string) =>
  db.selectFrom('people').selectAll().where('owner_id', '=', ownerId).where('id', '=', id).executeTakeFirst();

export async function ownsPeople(db: Executor, ownerId: string, ids: readonly string[]): Promise<boolean> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return true;
  const rows = await db.selectFrom('people').select('id').where('owner_id', '=', ownerId).where('id', 'in', unique).execute();
  return rows.length === unique.length;
}

export const insertPerson = (db: Executor, p: PeopleTable) => db.insertInto('people').values(p).execute();

export const updatePerson = (db: Executor, ownerId: string, id: string, patch: Partial<PeopleTable>) =>
  db.updateTable('people').set(patch).where('owner_id', '=', ownerId).where('id', '=', id).executeTakeFirst();

export interface ChannelRow {
  id: string;
  kind: ChannelKind;
  value: string;
  label: string | null;
  normalized: string;
}

export async function replaceChannels(
  db: Executor,
  ownerId: string,
  personId: string,
  kind: ChannelKind,
  rows: ChannelRow[],
  fresh = false,
): Promise<void> {
  if (!fresh)
    await db
      .deleteFrom('person_channels')
      .where('owner_id', '=', ownerId)
      .where('person_id', '=', personId)
      .where('kind', '=', kind)
      .execute();
  if (rows.length === 0) return;
  await db
    .insertInto('person_channels')
    .values(rows.map((r, position) => ({ ...r, owner_id: ownerId, person_id: personId, position })))
    .execute();
}

export async function replaceTags(db: Executor, ownerId: string, personId: string, tags: string[], fresh = false): Promise<void> {
  if (!fresh) await db.deleteFrom('person_tags').where('owner_id', '=', ownerId).where('person_id', '=', personId).execute();
  const unique = [...new Set(tags)];
  if (unique.length === 0) return;
  await db
    .insertInto('person_tags')
    .values(unique.map((tag) => ({ owner_id: ownerId, person_id: personId, tag })))
    .execute();
}

export const channelsOf = (db: Executor, ownerId: string, personIds: readonly string[]) =>
  personIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('person_channels')
        .select(['person_id', 'kind', 'value', 'label'])
        .where('owner_id', '=', ownerId)
        .where('person_id', 'in', personIds)
        .orderBy('person_id')
        .orderBy('position')
        .execute();

export const tagsOf = (db: Executor, ownerId: string, personIds: readonly string[]) =>
  personIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('person_tags')
        .select(['person_id', 'tag'])
        .where('owner_id', '=', ownerId)
        .where('person_id', 'in', personIds)
        .orderBy('tag')
        .execute();

export const itemsOf = (db: Executor, table: ItemTable, ownerId: string, personIds: readonly string[]) =>
  personIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom(table)
        .selectAll()
        .where('owner_id', '=', ownerId)
        .where('person_id', 'in', personIds)
        .orderBy('created_at')
        .orderBy('id')
        .execute();

export async function countsOf(db: Executor, ownerId: string, personIds: readonly string[]) {
  if (personIds.length === 0)
    return { openNeeds: new Map<string, number>(), offers: new Map<string, number>(), last: new Map<string, string>() };
  const openPerPerson = (table: ItemTable) =>
    db
      .selectFrom(table)
      .select(['person_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('owner_id', '=', ownerId)
      .where('person_id', 'in', personIds)
      .where('status', '=', 'open')
      .groupBy('person_id')
      .execute();
  const [needs, offers, last] = await Promise.all([
    openPerPerson('needs'),
    openPerPerson('offers'),
    db
      .selectFrom('interactions')
      .select(['person_id', (eb) => eb.fn.max('occurred_at').as('last')])
      .where('owner_id', '=', ownerId)
      .where('person_id', 'in', personIds)
      .groupBy('person_id')
      .execute(),
  ]);
  return {
    openNeeds: new Map(needs.map((r) => [r.person_id, Number(r.n)])),
    offers: new Map(offers.map((r) => [r.person_id, Number(r.n)])),
    last: new Map(last.map((r) => [r.person_id, String(r.last)])),
  };
}

/** Keyset pagination by (sort_name, id) over the owner's contacts, "Me" excluded. Filters and
 * words are served by the in-memory index (people/search.ts). */
export function listPeople(
  db: Executor,
  ownerId: string,
  f: { after?: { sortName: string; id: string } | undefined; limit: number },
) {
  let q = db
    .selectFrom('people as p')
    .select(['p.id', 'p.name', 'p.sort_name', 'p.company', 'p.role', 'p.city', 'p.language', 'p.source'])
    .where('p.owner_id', '=', ownerId)
    .where('p.is_self', '=', 0);
  if (f.after) {
    const { sortName, id } = f.after;
    // The leading >= bounds the index range; the OR only breaks ties on equal names.
    q = q.where('p.sort_name', '>=', sortName).where((eb) => eb.or([eb('p.sort_name', '>', sortName), eb('p.id', '>', id)]));
  }
  return q.orderBy('p.sort_name').orderBy('p.id').limit(f.limit).execute();
}

export const peopleByIds = (db: Executor, ownerId: string, ids: readonly string[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('people')
        .select(['id', 'name', 'sort_name', 'company', 'role', 'city', 'language', 'source'])
        .where('owner_id', '=', ownerId)
        .where('id', 'in', ids)
        .execute();

/** Notes and how we met of some people: shown around a search match. */
export const longTextsOf = (db: Executor, ownerId: string, ids: readonly string[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : db.selectFrom('people').select(['id', 'notes', 'how_met']).where('owner_id', '=', ownerId).where('id', 'in', ids).execute();

export const namesOf = (db: Executor, ownerId: string, ids: readonly string[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : db.selectFrom('people').select(['id', 'name']).where('owner_id', '=', ownerId).where('id', 'in', ids).execute();

export async function facets(db: Executor, ownerId: string) {
  const [tags, cities, total] = await Promise.all([
    db
      .selectFrom('person_tags')
      .select(['tag as value', (eb) => eb.fn.countAll<number>().as('count')])
      .where('owner_id', '=', ownerId)
      .groupBy('tag')
      .orderBy('count', 'desc')
      .orderBy('tag')
      .limit(200)
      .execute(),
    db
      .selectFrom('people')
      .select(['city as value', (eb) => eb.fn.countAll<number>().as('count')])
      .where('owner_id', '=', ownerId)
      .where('is_self', '=', 0)
      .where('city', 'is not', null)
      .groupBy('city')
      .orderBy('count', 'desc')
      .orderBy('city')
      .limit(200)
      .execute(),
    db
      .selectFrom('people')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('owner_id', '=', ownerId)
      .where('is_self', '=', 0)
      .executeTakeFirstOrThrow(),
  ]);
  return {
    tags: tags.map((t) => ({ value: t.value, count: Number(t.count) })),
    cities: cities.map((c) => ({ value: c.value ?? '', count: Number(c.count) })),
    total: Number(total.n),
  };
}

// --- needs and offers -------------------------------------------------------------------

export const findItem = (db: Executor, table: ItemTable, ownerId: string, id: string) =>
  db.selectFrom(table).selectAll().where('owner_id', '=', ownerId).where('id', '=', id).executeTakeFirst();

export const insertItem = (db: Executor, table: ItemTable, row: NeedsOffersTable) => db.insertInto(table).values(row).execute();

export const updateItem = (
  db: Executor,
  table: ItemTable,
  ownerId: string,
  id: string,
  patch: { text?: string; language?: Locale | null; status?: ItemStatus; updated_at: string; closed_at?: string | null },
) => db.updateTable(table).set(patch).where('owner_id', '=', ownerId).where('id', '=', id).execute();

export const deleteItem = (db: Executor, table: ItemTable, ownerId: string, id: string) =>
  db.deleteFrom(table).where('owner_id', '=', ownerId).where('id', '=', id).execute();

// --- timeline ---------------------------------------------------------------------------

export const interactionsOf = (db: Executor, ownerId: string, personId: string) =>
  db
    .selectFrom('interactions')
    .selectAll()
    .where('owner_id', '=', ownerId)
    .where('person_id', '=', personId)
    .orderBy('occurred_at', 'desc')
    .orderBy('id')
    .execute();

export const findInteraction = (db: Executor, ownerId: string, id: string) =>
  db.selectFrom('interactions').selectAll().where('owner_id', '=', ownerId).where('id', '=', id).executeTakeFirst();

export const insertInteraction = (db: Executor, row: InteractionsTable) => db.insertInto('interactions').values(row).execute();

export const updateInteraction = (
  db: Executor,
  ownerId: string,
  id: string,
  patch: { kind?: InteractionKind; occurred_at?: string; summary?: string },
) => db.updateTable('interactions').set(patch).where('owner_id', '=', ownerId).where('id', '=', id).execute();

export const deleteInteraction = (db: Executor, ownerId: string, id: string) =>
  db.deleteFrom('interactions').where('owner_id', '=', ownerId).where('id', '=', id).execute();

// --- relationships ----------------------------------------------------------------------

/** Both sides of a person's relationships; two queries so that each side uses its index. */
export async function relationshipsOf(db: Executor, ownerId: string, personId: string) {
  const side = (col: 'person_a_id' | 'person_b_id') =>
    db.selectFrom('relationships').selectAll().where('owner_id', '=', ownerId).where(col, '=', personId).execute();
  const [a, b] = await Promise.all([side('person_a_id'), side('person_b_id')]);
  return [...a, ...b].sort((x, y) => y.strength - x.strength || x.created_at.localeCompare(y.created_at));
}

export const findRelationship = (db: Executor, ownerId: string, id: string) =>
  db.selectFrom('relationships').selectAll().where('owner_id', '=', ownerId).where('id', '=', id).executeTakeFirst();

export const findRelationshipByPair = (db: Executor, ownerId: string, a: string, b: string) =>
  db
    .selectFrom('relationships')
    .select('id')
    .where('owner_id', '=', ownerId)
    .where('person_a_id', '=', a)
    .where('person_b_id', '=', b)
    .executeTakeFirst();

export const insertRelationship = (db: Executor, row: Omit<RelationshipsTable, 'lapsed_at'>) =>
  db.insertInto('relationships').values(row).execute();

export const updateRelationship = (
  db: Executor,
  ownerId: string,
  id: string,
  patch: { strength?: number; note?: string | null; lapsed_at?: string | null; updated_at: string },
) => db.updateTable('relationships').set(patch).where('owner_id', '=', ownerId).where('id', '=', id).execute();

export const deleteRelationship = (db: Executor, ownerId: string, id: string) =>
  db.deleteFrom('relationships').where('owner_id', '=', ownerId).where('id', '=', id).execute();

// --- documents for in-memory indexes --------------------------------------------------------

/** Everything the in-memory views (search, matching, paths) need of some people (or all of them). */
export async function loadDocs(db: Executor, ownerId: string, ids: readonly string[] | null) {
  const only = ids ? [...ids] : null;
  let people = db
    .selectFrom('people')
    .select(['id', 'is_self', 'name', 'sort_name', 'company', 'role', 'city', 'notes', 'how_met'])
    .where('owner_id', '=', ownerId);
  let tags = db.selectFrom('person_tags').select(['person_id', 'tag']).where('owner_id', '=', ownerId);
  let needs = db.selectFrom('needs').select(['id', 'person_id', 'text', 'status']).where('owner_id', '=', ownerId);
  let offers = db.selectFrom('offers').select(['id', 'person_id', 'text', 'status']).where('owner_id', '=', ownerId);
  // A lapsed relationship (the intermediary of an ask said they are no longer in touch) is no path.
  let rels = db
    .selectFrom('relationships')
    .select(['person_a_id', 'person_b_id', 'strength'])
    .where('owner_id', '=', ownerId)
    .where('lapsed_at', 'is', null);
  let last = db
    .selectFrom('interactions')
    .select(['person_id', (eb) => eb.fn.max('occurred_at').as('last'), (eb) => eb.fn.countAll<number>().as('n')])
    .where('owner_id', '=', ownerId)
    .groupBy('person_id');
  if (only) {
    people = people.where('id', 'in', only);
    tags = tags.where('person_id', 'in', only);
    needs = needs.where('person_id', 'in', only);
    offers = offers.where('person_id', 'in', only);
    rels = rels.where((eb) => eb.or([eb('person_a_id', 'in', only), eb('person_b_id', 'in', only)]));
    last = last.where('person_id', 'in', only);
  }
  const [p, t, n, o, r, l] = await Promise.all([
    people.execute(),
    tags.execute(),
    needs.execute(),
    offers.execute(),
    rels.execute(),
    last.execute(),
  ]);
  return {
    people: p,
    tags: t,
    needs: n,
    offers: o,
    relationships: r,
    lastInteraction: l.map((x) => ({ person_id: x.person_id, last: String(x.last), count: Number(x.n) })),
  };
}
export type LoadedDocs = Awaited<ReturnType<typeof loadDocs>>;

// --- bulk inserts (imports, demo, benchmarks) ---------------------------------------------------

export type ChannelInsert = ChannelRow & { owner_id: string; person_id: string; position: number };
export type ItemInsert = NeedsOffersTable;

// Each statement carries at most ~30,000 parameters (SQLite's default limit is 32,766).
function* slices<T>(rows: readonly T[], columns: number): Generator<T[]> {
  const per = Math.max(1, Math.floor(30_000 / columns));
  for (let i = 0; i < rows.length; i += per) yield rows.slice(i, i + per);
}

export async function insertPeople(db: Executor, rows: PeopleTable[]): Promise<void> {
  for (const s of slices(rows, 20)) await db.insertInto('people').values(s).execute();
}
export async function insertChannels(db: Executor, rows: ChannelInsert[]): Promise<void> {
  for (const s of slices(rows, 8)) await db.insertInto('person_channels').values(s).execute();
}
export async function insertTags(db: Executor, rows: Array<{ owner_id: string; person_id: string; tag: string }>): Promise<void> {
  for (const s of slices(rows, 3)) await db.insertInto('person_tags').values(s).execute();
}
export async function insertItems(db: Executor, table: ItemTable, rows: ItemInsert[]): Promise<void> {
  for (const s of slices(rows, 9)) await db.insertInto(table).values(s).execute();
}

/** A person as results name them: who they are at a glance. */
export interface PersonBrief {
  id: string;
  name: string;
  company: string | null;
  role: string | null;
  city: string | null;
  isSelf: boolean;
}

/** The columns of `people` a brief is made of. */
export const PERSON_BRIEF_COLUMNS = ['id', 'name', 'company', 'role', 'city', 'is_self'] as const;

/** A row of `people` as a brief: its 0/1 `is_self` becomes `isSelf`. The one place that reads that flag for a brief. */
export function toPersonBrief(p: Pick<PeopleTable, (typeof PERSON_BRIEF_COLUMNS)[number]>): PersonBrief {
  return { id: p.id, name: p.name, company: p.company, role: p.role, city: p.city, isSelf: p.is_self === 1 };
}

/** The details of a person named alike in a row, in the API and in the export: copied as they are. */
export function personDetails<P extends Record<'company' | 'role' | 'city' | 'country' | 'language' | 'notes', unknown>>(
  p: P,
): Pick<P, 'company' | 'role' | 'city' | 'country' | 'language' | 'notes'> {
  return { company: p.company, role: p.role, city: p.city, country: p.country, language: p.language, notes: p.notes };
}

/** Some of the owner's people as briefs (any order; ids not the owner's are left out). */
export async function personBriefs(db: Executor, ownerId: string, ids: readonly string[]): Promise<PersonBrief[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('people')
    .select(PERSON_BRIEF_COLUMNS)
    .where('owner_id', '=', ownerId)
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return rows.map(toPersonBrief);
}

/** The text and language of some of the owner's needs or offers. */
export const itemTexts = (db: Executor, table: ItemTable, ownerId: string, ids: readonly string[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom(table)
        .select(['id', 'text', 'language'])
        .where('owner_id', '=', ownerId)
        .where('id', 'in', [...new Set(ids)])
        .execute();

/** Which of these ids are the owner's people, and which one is their own profile. */
export const selfFlags = (db: Executor, ownerId: string, ids: readonly string[]) =>
  db.selectFrom('people').select(['id', 'is_self']).where('owner_id', '=', ownerId).where('id', 'in', ids).execute();
