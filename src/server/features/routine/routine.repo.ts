/**
 * The giving routine's SQL: settings, cadences, follow-ups, the marks on Today's items, and the
 * reads Today is computed from (last contact with a person, needs, introductions waiting,
 * birthdays, this week's gives). Every query takes the owner.
 */
import { sql } from 'kysely';
import type { Executor } from '../../db/db.ts';
import { addDays } from '../../lib/time.ts';
import type { CadencesTable, FollowUpsTable, RoutineSettingsTable, TodayStatesTable } from '../../db/schema.ts';

// --- settings ----------------------------------------------------------------------------

export const findSettings = (db: Executor, userId: string) =>
  db.selectFrom('routine_settings').selectAll().where('user_id', '=', userId).executeTakeFirst();

export async function saveSettings(db: Executor, row: RoutineSettingsTable): Promise<void> {
  const { user_id: _u, ...rest } = row;
  await db
    .insertInto('routine_settings')
    .values(row)
    .onConflict((oc) => oc.column('user_id').doUpdateSet(rest))
    .execute();
}

/** Users whose weekly digest is on, with their settings and language. */
export const digestUsers = (db: Executor) =>
  db
    .selectFrom('routine_settings as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select(['u.id', 'u.email', 'u.display_name', 'u.locale', 's.time_zone', 's.week_start', 's.digest_weekday', 's.digest_hour'])
    .where('s.digest_enabled', '=', 1)
    .orderBy('u.id')
    .execute();

// --- cadences ----------------------------------------------------------------------------

export const cadencesOf = (db: Executor, ownerId: string) =>
  db
    .selectFrom('cadences as c')
    .leftJoin('people as p', 'p.id', 'c.person_id')
    .select(['c.id', 'c.person_id', 'c.tag', 'c.every_days', 'c.created_at', 'c.updated_at', 'p.name as person_name'])
    .where('c.owner_id', '=', ownerId)
    .orderBy('c.tag')
    .orderBy('p.sort_name')
    .execute();

export const findCadence = (db: Executor, ownerId: string, id: string) =>
  db.selectFrom('cadences').selectAll().where('owner_id', '=', ownerId).where('id', '=', id).executeTakeFirst();

export const findCadenceByTarget = (db: Executor, ownerId: string, target: string) =>
  db.selectFrom('cadences').selectAll().where('owner_id', '=', ownerId).where('target', '=', target).executeTakeFirst();

export async function upsertCadence(db: Executor, row: CadencesTable): Promise<void> {
  await db
    .insertInto('cadences')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['owner_id', 'target']).doUpdateSet({ every_days: row.every_days, tag: row.tag, updated_at: row.updated_at }),
    )
    .execute();
}

export const deleteCadence = (db: Executor, ownerId: string, id: string) =>
  db.deleteFrom('cadences').where('owner_id', '=', ownerId).where('id', '=', id).executeTakeFirst();

/**
 * Who a cadence applies to (person ids), with the shortest cadence that applies: a person's own
 * cadence wins over their tags'; among tags, the shortest. Names and who is the owner come from
 * the network graph in memory: a join with people here lets the planner walk every person of a
 * large network.
 */
export async function cadencePeople(db: Executor, ownerId: string) {
  const rows = await db
    .selectFrom('cadences')
    .select(['person_id', 'tag', 'every_days', 'created_at'])
    .where('owner_id', '=', ownerId)
    .execute();
  const byTagName = new Map(rows.filter((c) => c.tag !== null).map((c) => [c.tag ?? '', c]));
  // Tag cadences are few: their people along the tag index.
  const tagged =
    byTagName.size === 0
      ? []
      : await db
          .selectFrom('person_tags')
          .select(['person_id', 'tag'])
          .where('owner_id', '=', ownerId)
          .where('tag', 'in', [...byTagName.keys()])
          .execute();
  const result = new Map<string, { id: string; everyDays: number; since: string }>();
  for (const t of tagged) {
    const c = byTagName.get(t.tag);
    const had = result.get(t.person_id);
    if (c && (!had || c.every_days < had.everyDays))
      result.set(t.person_id, { id: t.person_id, everyDays: c.every_days, since: c.created_at });
  }
  for (const r of rows)
    if (r.person_id) result.set(r.person_id, { id: r.person_id, everyDays: r.every_days, since: r.created_at });
  return result;
}

// --- last contact --------------------------------------------------------------------------

/**
 * The last time something other than a timeline entry happened with anyone: an introduction
 * involving them (sent, or made), a give to them, an email Rete sent them (to both sides of an
 * introduction, the second too). Timeline entries are the network graph's (in memory). These
 * tables hold what the user did through Rete, far fewer rows than people: read whole, grouped.
 * Timestamps and days compare as text (`2026-03-01` < `2026-03-01T…`).
 */
export async function lastActivity(db: Executor, ownerId: string): Promise<Map<string, string>> {
  const [intros, gives, mails, mailsToo] = await Promise.all([
    db
      .selectFrom('intro_sides as s')
      .innerJoin('intros as i', 'i.id', 's.intro_id')
      .select(['s.person_id', (eb) => eb.fn.max(eb.fn.coalesce('i.sent_at', 'i.updated_at')).as('at')])
      .where('s.owner_id', '=', ownerId)
      .where('s.person_id', 'is not', null)
      .where('i.status', '!=', 'draft')
      .groupBy('s.person_id')
      .execute(),
    db
      .selectFrom('give_recipients as r')
      .innerJoin('gives as g', 'g.id', 'r.give_id')
      .select(['r.person_id', (eb) => eb.fn.max('g.given_on').as('at')])
      .where('r.owner_id', '=', ownerId)
      .groupBy('r.person_id')
      .execute(),
    db
      .selectFrom('mail_messages')
      .select(['person_id', (eb) => eb.fn.max('sent_at').as('at')])
      .where('owner_id', '=', ownerId)
      .where('person_id', 'is not', null)
      .where('sent_at', 'is not', null)
      .groupBy('person_id')
      .execute(),
    db
      .selectFrom('mail_messages')
      .select(['other_person_id as person_id', (eb) => eb.fn.max('sent_at').as('at')])
      .where('owner_id', '=', ownerId)
      .where('other_person_id', 'is not', null)
      .where('sent_at', 'is not', null)
      .groupBy('other_person_id')
      .execute(),
  ]);
  const out = new Map<string, string>();
  for (const r of [...intros, ...gives, ...mails, ...mailsToo]) {
    if (!r.person_id || !r.at) continue;
    const had = out.get(r.person_id);
    if (!had || r.at > had) out.set(r.person_id, r.at);
  }
  return out;
}

// --- follow-ups ----------------------------------------------------------------------------

const followUpColumns = [
  'f.id',
  'f.kind',
  'f.text',
  'f.due_on',
  'f.due_time',
  'f.person_id',
  'f.interaction_id',
  'f.intro_id',
  'f.give_id',
  'f.done_at',
  'f.created_at',
  'p.name as person_name',
  'i.status as intro_status',
] as const;

const followUpsQuery = (db: Executor, ownerId: string) =>
  db
    .selectFrom('follow_ups as f')
    .leftJoin('people as p', 'p.id', 'f.person_id')
    .leftJoin('intros as i', 'i.id', 'f.intro_id')
    .select(followUpColumns)
    .where('f.owner_id', '=', ownerId);

export type FollowUpRow = Awaited<ReturnType<ReturnType<typeof followUpsQuery>['executeTakeFirstOrThrow']>>;

export const findFollowUp = (db: Executor, ownerId: string, id: string) =>
  followUpsQuery(db, ownerId).where('f.id', '=', id).executeTakeFirst();

export function listFollowUps(
  db: Executor,
  ownerId: string,
  q: { status: 'open' | 'done' | 'all'; personId?: string | undefined; dueBy?: string; limit?: number },
) {
  let query = followUpsQuery(db, ownerId);
  if (q.status === 'open') query = query.where('f.done_at', 'is', null);
  if (q.status === 'done') query = query.where('f.done_at', 'is not', null);
  if (q.personId) query = query.where('f.person_id', '=', q.personId);
  if (q.dueBy) query = query.where('f.due_on', '<=', q.dueBy);
  return query
    .orderBy('f.due_on')
    .orderBy('f.due_time')
    .orderBy('f.id')
    .limit(q.limit ?? 1_000)
    .execute();
}

export const insertFollowUp = (db: Executor, row: FollowUpsTable) => db.insertInto('follow_ups').values(row).execute();

export const updateFollowUp = (db: Executor, ownerId: string, id: string, patch: Partial<FollowUpsTable>) =>
  db.updateTable('follow_ups').set(patch).where('owner_id', '=', ownerId).where('id', '=', id).executeTakeFirst();

export const deleteFollowUp = (db: Executor, ownerId: string, id: string) =>
  db.deleteFrom('follow_ups').where('owner_id', '=', ownerId).where('id', '=', id).executeTakeFirst();

/** Whether each of these is the owner's: an interaction, an introduction, a give. */
export async function ownsTarget(
  db: Executor,
  ownerId: string,
  table: 'interactions' | 'intros' | 'gives',
  id: string,
): Promise<boolean> {
  const row = await db.selectFrom(table).select('id').where('owner_id', '=', ownerId).where('id', '=', id).executeTakeFirst();
  return row !== undefined;
}

// --- Today's marks -------------------------------------------------------------------------

export const statesOf = (db: Executor, ownerId: string) =>
  db.selectFrom('today_states').select(['item_key', 'state', 'until_on']).where('owner_id', '=', ownerId).execute();

export async function setState(db: Executor, row: TodayStatesTable): Promise<void> {
  await db
    .insertInto('today_states')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['owner_id', 'item_key']).doUpdateSet({ state: row.state, until_on: row.until_on, created_at: row.created_at }),
    )
    .execute();
}

export const clearState = (db: Executor, ownerId: string, key: string) =>
  db.deleteFrom('today_states').where('owner_id', '=', ownerId).where('item_key', '=', key).execute();

/** The month and day of a birthday, as its index has it (migration 0011): the last five characters. */
const BIRTHDAY_DAY = sql<string>`substr(birthday, length(birthday) - 4)`;

// --- what Today is computed from -----------------------------------------------------------

/**
 * The most recently changed open needs of my contacts (not mine) that no give answers yet, newest
 * first: the needs are read newest first along their index, the answered ones left out after.
 */
export async function recentNeeds(db: Executor, ownerId: string, limit: number) {
  const rows = await db
    .selectFrom('needs as n')
    .innerJoin('people as p', 'p.id', 'n.person_id')
    .select(['n.id', 'n.text', 'n.person_id', 'n.updated_at', 'p.name as person_name'])
    .where('n.owner_id', '=', ownerId)
    .where('n.status', '=', 'open')
    .where('p.is_self', '=', 0)
    .orderBy('n.updated_at', 'desc')
    .orderBy('n.id', 'desc')
    .limit(limit * 2)
    .execute();
  if (rows.length === 0) return rows;
  const answered = new Set(
    (
      await db
        .selectFrom('gives')
        .select('need_id')
        .where('owner_id', '=', ownerId)
        .where(
          'need_id',
          'in',
          rows.map((r) => r.id),
        )
        .execute()
    ).map((g) => g.need_id),
  );
  return rows.filter((r) => !answered.has(r.id)).slice(0, limit);
}

/** Introductions that wait for me: drafts, requests reminded and still unanswered, connections with no outcome. */
export async function introsWaiting(db: Executor, ownerId: string, connectedBefore: string) {
  const intros = await db
    .selectFrom('intros as i')
    .select(['i.id', 'i.status', 'i.created_at', 'i.updated_at', 'i.connected_at'])
    .where('i.owner_id', '=', ownerId)
    .where((eb) =>
      eb.or([
        eb('i.status', '=', 'draft'),
        eb.and([
          eb('i.status', 'in', ['asked', 'accepted_one']),
          eb.exists(
            eb
              .selectFrom('intro_sides as s')
              .select('s.intro_id')
              .whereRef('s.intro_id', '=', 'i.id')
              .where('s.status', '=', 'asked')
              .where('s.reminded_at', 'is not', null),
          ),
        ]),
        eb.and([
          eb('i.status', '=', 'connected'),
          eb('i.connected_at', '<=', connectedBefore),
          eb.not(
            eb.exists(
              eb
                .selectFrom('outcomes as o')
                .innerJoin('gives as g', 'g.id', 'o.give_id')
                .select('o.id')
                .whereRef('g.intro_id', '=', 'i.id'),
            ),
          ),
        ]),
      ]),
    )
    .orderBy('i.updated_at')
    .limit(200)
    .execute();
  if (intros.length === 0) return [];
  const sides = await db
    .selectFrom('intro_sides as s')
    .leftJoin('people as p', 'p.id', 's.person_id')
    .select(['s.intro_id', 's.side', 's.person_id', 's.is_self', 's.reminded_at', 's.status', 'p.name'])
    .where('s.owner_id', '=', ownerId)
    .where(
      's.intro_id',
      'in',
      intros.map((i) => i.id),
    )
    .orderBy('s.side')
    .execute();
  return intros.map((i) => ({ ...i, sides: sides.filter((s) => s.intro_id === i.id) }));
}

/**
 * People whose birthday (`YYYY-MM-DD` or `--MM-DD`) falls on a month and day from `from` to `to`
 * (at most a few weeks), along the index of the month and day (migration 0011); 29 February is
 * asked for too when the range holds 28 February of a common year.
 */
export function birthdaysBetween(db: Executor, ownerId: string, from: string, to: string) {
  const days: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) {
    days.push(d.slice(5));
    if (d.slice(5) === '02-28' && addDays(d, 1).slice(5) === '03-01') days.push('02-29');
  }
  return db
    .selectFrom('people')
    .select(['id', 'name', 'birthday'])
    .where('owner_id', '=', ownerId)
    .where(BIRTHDAY_DAY, 'in', days)
    .where('is_self', '=', 0)
    .execute();
}

/** Everyone with a birthday (the calendar feed lists them all, each every year). */
export const everyBirthday = (db: Executor, ownerId: string) =>
  db
    .selectFrom('people')
    .select(['id', 'name', 'birthday'])
    .where('owner_id', '=', ownerId)
    .where('is_self', '=', 0)
    .where('birthday', 'is not', null)
    .execute();

/** Gives recorded from `from` to `to`, both included (YYYY-MM-DD). */
export async function givesBetween(db: Executor, ownerId: string, from: string, to: string): Promise<number> {
  const r = await db
    .selectFrom('gives')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('owner_id', '=', ownerId)
    .where('given_on', '>=', from)
    .where('given_on', '<=', to)
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}
