/**
 * The import's SQL: what the planner needs to know of the network (import.plan.ts), and the bulk
 * writes of a commit, per dialect. On SQLite, new people go in through multi-row INSERTs compiled
 * by hand (`insertRows`) and a large import widens the page cache for its transaction.
 */
import { CompiledQuery, SqliteAdapter, sql } from 'kysely';
import type { Db, Executor } from '../../db/db.ts';
import type { InteractionsTable, PeopleTable, PersonTagsTable, RelationshipsTable } from '../../db/schema.ts';
import { recordChange } from '../network/changes.ts';
import * as people from '../people/people.repo.ts';

/** The owner's people (in the order they came in), their channels and tags. */
export interface ExistingNetwork {
  people: Array<
    Pick<
      PeopleTable,
      | 'id'
      | 'is_self'
      | 'name'
      | 'company'
      | 'role'
      | 'city'
      | 'country'
      | 'notes'
      | 'how_met'
      | 'birthday'
      | 'language'
      | 'introduced_by_id'
      | 'legal_basis'
      | 'legal_basis_note'
      | 'source'
      | 'source_at'
    >
  >;
  channels: Array<{
    person_id: string;
    kind: people.ChannelInsert['kind'];
    value: string;
    label: string | null;
    normalized: string;
  }>;
  tags: Array<{ person_id: string; tag: string }>;
}

export async function loadNetwork(db: Executor, ownerId: string): Promise<ExistingNetwork> {
  const [rows, channels, tags] = await Promise.all([
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
        'birthday',
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
  return { people: rows, channels, tags };
}

/** Needs, offers and timeline entries some people already have (Rete JSON imports). */
export interface KnownExtras {
  needs: Array<{ person_id: string; text: string }>;
  offers: Array<{ person_id: string; text: string }>;
  timeline: Array<{ person_id: string; kind: string; occurred_at: string; summary: string }>;
}

export async function loadKnownExtras(db: Executor, ownerId: string, personIds: readonly string[]): Promise<KnownExtras> {
  const known: KnownExtras = { needs: [], offers: [], timeline: [] };
  for (let i = 0; i < personIds.length; i += 1000) {
    const ids = personIds.slice(i, i + 1000);
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
    for (const n of needs) known.needs.push(n);
    for (const o of offers) known.offers.push(o);
    for (const e of timeline) known.timeline.push(e);
  }
  return known;
}

export interface RelationshipPair {
  person_a_id: string;
  person_b_id: string;
}

export const loadRelationshipPairs = (db: Executor, ownerId: string): Promise<RelationshipPair[]> =>
  db.selectFrom('relationships').select(['person_a_id', 'person_b_id']).where('owner_id', '=', ownerId).execute();

/** The connection's own dialect (not the configuration: a caller may hand any database). */
export const isSqlite = (db: Db): boolean => db.getExecutor().adapter instanceof SqliteAdapter;

export type TagInsert = PersonTagsTable;
export type InteractionInsert = InteractionsTable;
/** A new relationship as the import writes it (never lapsed). */
export type RelationshipInsert = Omit<RelationshipsTable, 'lapsed_at'>;

/**
 * New people with their channels and tags, recorded in the change log. On SQLite through
 * `insertRows` (the change log's rows too, under one new version); elsewhere through the query
 * builder.
 */
export async function insertNewPeople(
  tx: Executor,
  sqlite: boolean,
  ownerId: string,
  rows: { people: PeopleTable[]; channels: people.ChannelInsert[]; tags: TagInsert[] },
): Promise<void> {
  if (sqlite) {
    await insertRows(tx, 'people', PEOPLE_COLUMNS, rows.people);
    await insertRows(tx, 'person_channels', CHANNEL_COLUMNS, rows.channels);
    await insertRows(tx, 'person_tags', TAG_COLUMNS, rows.tags);
    const version = await recordChange(tx, ownerId, []);
    await insertRows(
      tx,
      'network_changes',
      CHANGE_COLUMNS,
      rows.people.map((p) => ({ owner_id: ownerId, version, person_id: p.id })),
    );
  } else {
    await people.insertPeople(tx, rows.people);
    await people.insertChannels(tx, rows.channels);
    await people.insertTags(tx, rows.tags);
    await recordChange(
      tx,
      ownerId,
      rows.people.map((p) => p.id),
    );
  }
}

export async function insertInteractions(tx: Executor, rows: readonly InteractionInsert[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 3000)
    await tx
      .insertInto('interactions')
      .values(rows.slice(i, i + 3000))
      .execute();
}

export async function insertRelationships(tx: Executor, rows: readonly RelationshipInsert[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 3000)
    await tx
      .insertInto('relationships')
      .values(rows.slice(i, i + 3000))
      .execute();
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
  'birthday',
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
] as const satisfies ReadonlyArray<keyof people.ChannelInsert>;
const TAG_COLUMNS = ['owner_id', 'person_id', 'tag'] as const;
const CHANGE_COLUMNS = ['owner_id', 'version', 'person_id'] as const;

/**
 * Multi-row INSERTs for SQLite without the query builder: building a node per value of 100,000
 * rows costs more than SQLite's own work. Statements have a fixed set of sizes (the largest with
 * ~30,000 parameters, SQLite's limit being 32,766, then powers of two for what is left), so the
 * same few SQL texts come back and the connection's statement cache prepares each once. Only
 * fixed column names go into the text; every value is a bound parameter, null for a column a row leaves
 * out (an optional one, such as `birthday`).
 */
async function insertRows<C extends string>(
  tx: Executor,
  table: string,
  columns: readonly C[],
  rows: ReadonlyArray<{ [K in C]?: string | number | null }>,
): Promise<void> {
  const full = Math.max(1, Math.floor(30_000 / columns.length));
  let start = 0;
  while (start < rows.length) {
    const left = rows.length - start;
    const n = left >= full ? full : 2 ** Math.floor(Math.log2(left));
    const params = new Array<string | number | null>(n * columns.length);
    let k = 0;
    for (let i = start; i < start + n; i++) {
      const row = rows[i] as { [K in C]?: string | number | null };
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

/**
 * SQLite's default page cache (2 MB) is far smaller than the indexes a large import writes into
 * with random keys: dirty pages spill to the WAL in the middle of the transaction and are read
 * back again. A wider cache (a limit, filled only as needed) keeps them in memory until the
 * commit. Returns the previous size, to give back to `restoreSqliteCache` after the transaction.
 */
export async function widenSqliteCache(tx: Executor): Promise<number> {
  const r = await sql<{ cache_size: number }>`PRAGMA cache_size`.execute(tx);
  const previous = Number(r.rows[0]?.cache_size ?? -2000);
  await sql.raw('PRAGMA cache_size = -262144').execute(tx);
  return previous;
}

export async function restoreSqliteCache(db: Executor, previous: number): Promise<void> {
  await sql.raw(`PRAGMA cache_size = ${String(previous)}`).execute(db);
}
