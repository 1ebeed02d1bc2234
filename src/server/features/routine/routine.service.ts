/**
 * The giving routine's rules: settings, keep-in-touch cadences, follow-ups, the marks on Today's
 * items, logging an interaction, and the one-to-one conversation. Today itself is computed in
 * today.service.ts.
 */
import type {
  Cadence,
  CreateFollowUpBody,
  CreateOneToOneBody,
  FollowUp,
  LogInteractionBody,
  NextStep,
  OneToOneAnswers,
  OneToOneProposal,
  RoutineSettings,
  SetCadenceBody,
  SetTodayStateBody,
  UpdateFollowUpBody,
  UpdateRoutineSettingsBody,
} from '#shared/api/routine.ts';
import type { Locale } from '#shared/api/values.ts';
import type { Executor } from '../../db/db.ts';
import type { FollowUpsTable, InteractionsTable, RoutineSettingsTable } from '../../db/schema.ts';
import type { Deps } from '../../deps.ts';
import { badRequest, notFound } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import { addDays, isTimeZone, localDate } from '../../lib/time.ts';
import { detectTextLanguage } from '../matching/engine/lang.ts';
import { recordChange } from '../network/changes.ts';
import * as peopleRepo from '../people/people.repo.ts';
import * as repo from './routine.repo.ts';
import { oneToOneSummary, proposeFromAnswers } from './one-to-one.ts';

// --- settings ----------------------------------------------------------------------------

/** The zone of the server, for a user who has not set theirs. */
export function serverTimeZone(): string {
  const tz = new Intl.DateTimeFormat().resolvedOptions().timeZone;
  return tz && isTimeZone(tz) ? tz : 'UTC';
}

export function defaultSettings(userId: string, now: string): RoutineSettingsTable {
  return {
    user_id: userId,
    time_zone: null,
    week_start: 1,
    digest_enabled: 0,
    digest_weekday: 1,
    digest_hour: 8,
    giving_goal: null,
    today_seen_at: null,
    today_prev_seen_at: null,
    updated_at: now,
  };
}

export async function settingsRow(deps: Deps, userId: string): Promise<RoutineSettingsTable> {
  return (await repo.findSettings(deps.db, userId)) ?? defaultSettings(userId, deps.now().toISOString());
}

/** The zone a user's days are counted in: theirs, or the server's until they set one. */
export const zoneOf = (s: Pick<RoutineSettingsTable, 'time_zone'>): string =>
  s.time_zone && isTimeZone(s.time_zone) ? s.time_zone : serverTimeZone();

export const toSettings = (s: RoutineSettingsTable): RoutineSettings => ({
  timeZone: zoneOf(s),
  timeZoneSet: s.time_zone !== null,
  weekStart: s.week_start,
  digestEnabled: s.digest_enabled === 1,
  digestWeekday: s.digest_weekday,
  digestHour: s.digest_hour,
  givingGoal: s.giving_goal,
});

export async function getSettings(deps: Deps, userId: string): Promise<RoutineSettings> {
  return toSettings(await settingsRow(deps, userId));
}

export async function updateSettings(deps: Deps, userId: string, input: UpdateRoutineSettingsBody): Promise<RoutineSettings> {
  const now = deps.now().toISOString();
  const row = await deps.db.transaction().execute(async (tx) => {
    const current = (await repo.findSettings(tx, userId)) ?? defaultSettings(userId, now);
    const next: RoutineSettingsTable = {
      ...current,
      ...(input.timeZone !== undefined && { time_zone: input.timeZone }),
      ...(input.weekStart !== undefined && { week_start: input.weekStart }),
      ...(input.digestEnabled !== undefined && { digest_enabled: input.digestEnabled ? 1 : 0 }),
      ...(input.digestWeekday !== undefined && { digest_weekday: input.digestWeekday }),
      ...(input.digestHour !== undefined && { digest_hour: input.digestHour }),
      ...(input.givingGoal !== undefined && { giving_goal: input.givingGoal }),
      updated_at: now,
    };
    await repo.saveSettings(tx, next);
    return next;
  });
  return toSettings(row);
}

/** The local date of now for a user. */
export async function userToday(deps: Deps, userId: string): Promise<string> {
  return localDate(deps.now(), zoneOf(await settingsRow(deps, userId)));
}

// --- cadences ----------------------------------------------------------------------------

const toCadence = (r: Awaited<ReturnType<typeof repo.cadencesOf>>[number]): Cadence => ({
  id: r.id,
  person: r.person_id ? { id: r.person_id, name: r.person_name ?? '' } : null,
  tag: r.tag,
  everyDays: r.every_days,
  createdAt: r.created_at,
});

export async function listCadences(deps: Deps, ownerId: string): Promise<{ items: Cadence[] }> {
  return { items: (await repo.cadencesOf(deps.db, ownerId)).map(toCadence) };
}

export async function setCadence(deps: Deps, ownerId: string, input: SetCadenceBody): Promise<Cadence> {
  const now = deps.now().toISOString();
  const tag = input.tag?.toLowerCase() ?? null;
  const target = input.personId ? `person:${input.personId}` : `tag:${tag ?? ''}`;
  await deps.db.transaction().execute(async (tx) => {
    if (input.personId) {
      const p = await peopleRepo.findPerson(tx, ownerId, input.personId);
      if (!p || p.is_self === 1) throw notFound();
    }
    await repo.upsertCadence(tx, {
      id: newId(),
      owner_id: ownerId,
      target,
      person_id: input.personId ?? null,
      tag,
      every_days: input.everyDays,
      created_at: now,
      updated_at: now,
    });
  });
  const row = (await repo.cadencesOf(deps.db, ownerId)).find((c) =>
    input.personId ? c.person_id === input.personId : c.tag === tag,
  );
  if (!row) throw notFound();
  return toCadence(row);
}

export async function deleteCadence(deps: Deps, ownerId: string, id: string): Promise<void> {
  const r = await repo.deleteCadence(deps.db, ownerId, id);
  if (Number(r.numDeletedRows) === 0) throw notFound();
}

// --- follow-ups --------------------------------------------------------------------------

export const toFollowUp = (r: repo.FollowUpRow): FollowUp => ({
  id: r.id,
  kind: r.kind,
  text: r.text,
  dueOn: r.due_on,
  dueTime: r.due_time,
  person: r.person_id ? { id: r.person_id, name: r.person_name ?? '' } : null,
  interactionId: r.interaction_id,
  intro: r.intro_id ? { id: r.intro_id, status: r.intro_status ?? '' } : null,
  giveId: r.give_id,
  doneAt: r.done_at,
  createdAt: r.created_at,
});

export async function listFollowUps(
  deps: Deps,
  ownerId: string,
  q: { status: 'open' | 'done' | 'all'; personId?: string | undefined },
): Promise<{ items: FollowUp[] }> {
  return { items: (await repo.listFollowUps(deps.db, ownerId, q)).map(toFollowUp) };
}

export async function getFollowUp(deps: Deps, ownerId: string, id: string): Promise<FollowUp> {
  const r = await repo.findFollowUp(deps.db, ownerId, id);
  if (!r) throw notFound();
  return toFollowUp(r);
}

/** Checks that what a follow-up is about is the owner's (another's answers 404) and writes it. */
async function insertFollowUp(
  tx: Executor,
  ownerId: string,
  now: string,
  input: Omit<CreateFollowUpBody, 'kind'> & { kind?: FollowUp['kind'] | undefined },
): Promise<string> {
  let personId = input.personId ?? null;
  if (personId && !(await peopleRepo.findPerson(tx, ownerId, personId))) throw notFound();
  if (input.interactionId) {
    const i = await tx
      .selectFrom('interactions')
      .select('person_id')
      .where('owner_id', '=', ownerId)
      .where('id', '=', input.interactionId)
      .executeTakeFirst();
    if (!i) throw notFound();
    personId ??= i.person_id;
  }
  if (input.introId && !(await repo.ownsTarget(tx, ownerId, 'intros', input.introId))) throw notFound();
  if (input.giveId && !(await repo.ownsTarget(tx, ownerId, 'gives', input.giveId))) throw notFound();
  const row: FollowUpsTable = {
    id: newId(),
    owner_id: ownerId,
    kind: input.kind ?? 'follow_up',
    text: input.text,
    due_on: input.dueOn,
    due_time: input.dueTime ?? null,
    person_id: personId,
    interaction_id: input.interactionId ?? null,
    intro_id: input.introId ?? null,
    give_id: input.giveId ?? null,
    done_at: null,
    created_at: now,
    updated_at: now,
  };
  await repo.insertFollowUp(tx, row);
  return row.id;
}

export async function createFollowUp(deps: Deps, ownerId: string, input: CreateFollowUpBody): Promise<FollowUp> {
  const now = deps.now().toISOString();
  const id = await deps.db.transaction().execute((tx) => insertFollowUp(tx, ownerId, now, input));
  return getFollowUp(deps, ownerId, id);
}

export async function updateFollowUp(deps: Deps, ownerId: string, id: string, input: UpdateFollowUpBody): Promise<FollowUp> {
  const now = deps.now().toISOString();
  const patch: Partial<FollowUpsTable> = { updated_at: now };
  if (input.text !== undefined) patch.text = input.text;
  if (input.dueOn !== undefined) patch.due_on = input.dueOn;
  if (input.dueTime !== undefined) patch.due_time = input.dueTime;
  if (input.done !== undefined) patch.done_at = input.done ? now : null;
  const r = await repo.updateFollowUp(deps.db, ownerId, id, patch);
  if (Number(r.numUpdatedRows) === 0) throw notFound();
  return getFollowUp(deps, ownerId, id);
}

export async function deleteFollowUp(deps: Deps, ownerId: string, id: string): Promise<void> {
  const r = await repo.deleteFollowUp(deps.db, ownerId, id);
  if (Number(r.numDeletedRows) === 0) throw notFound();
}

// --- marks on Today ----------------------------------------------------------------------

/**
 * Marks an item of Today. A follow-up's "done" is the follow-up done (it leaves the calendar
 * feed and the digest too); every other mark is kept by its key, which names the occasion (a
 * cadence's due day, a birthday's year), so the next occasion comes back.
 */
export async function setTodayState(deps: Deps, ownerId: string, input: SetTodayStateBody): Promise<void> {
  const now = deps.now();
  const followUp = /^follow_up:([0-9a-f-]{36})$/.exec(input.key);
  if (followUp?.[1] && (input.state === 'done' || input.state === 'open')) {
    const existing = await repo.findFollowUp(deps.db, ownerId, followUp[1]);
    if (!existing) throw notFound();
    await deps.db.transaction().execute(async (tx) => {
      await repo.updateFollowUp(tx, ownerId, followUp[1] ?? '', {
        done_at: input.state === 'done' ? now.toISOString() : null,
        updated_at: now.toISOString(),
      });
      await repo.clearState(tx, ownerId, input.key);
    });
    return;
  }
  if (input.state === 'open') {
    await repo.clearState(deps.db, ownerId, input.key);
    return;
  }
  let until: string | null = null;
  if (input.state === 'snoozed') {
    const today = await userToday(deps, ownerId);
    until = input.until ?? addDays(today, 1);
    if (until <= today) throw badRequest('Snooze until a day after today.', [{ path: 'until', message: 'not after today' }]);
  }
  await repo.setState(deps.db, {
    owner_id: ownerId,
    item_key: input.key,
    state: input.state,
    until_on: until,
    created_at: now.toISOString(),
  });
}

// --- logging an interaction --------------------------------------------------------------

const occurred = (v: string | undefined, now: Date): string => (v ? new Date(v).toISOString() : now.toISOString());

const toInteraction = (t: InteractionsTable) => ({
  id: t.id,
  personId: t.person_id,
  kind: t.kind,
  occurredAt: t.occurred_at,
  summary: t.summary,
  createdAt: t.created_at,
});

async function writeInteraction(
  tx: Executor,
  ownerId: string,
  row: InteractionsTable,
  nextStep: NextStep | null | undefined,
  now: string,
): Promise<string | null> {
  await peopleRepo.insertInteraction(tx, row);
  const followUpId = nextStep
    ? await insertFollowUp(tx, ownerId, now, { ...nextStep, personId: row.person_id, interactionId: row.id })
    : null;
  return followUpId;
}

/** "Log an interaction": a timeline entry (a call today by default), and a next step if given; it resets keep-in-touch. */
export async function logInteraction(deps: Deps, ownerId: string, personId: string, input: LogInteractionBody) {
  const now = deps.now();
  const row: InteractionsTable = {
    id: newId(),
    owner_id: ownerId,
    person_id: personId,
    kind: input.kind,
    occurred_at: occurred(input.occurredAt, now),
    summary: input.summary,
    created_at: now.toISOString(),
  };
  const followUpId = await deps.db.transaction().execute(async (tx) => {
    const p = await peopleRepo.findPerson(tx, ownerId, personId);
    if (!p || p.is_self === 1) throw notFound();
    const id = await writeInteraction(tx, ownerId, row, input.nextStep, now.toISOString());
    await recordChange(tx, ownerId, [personId]);
    return id;
  });
  return { interaction: toInteraction(row), followUp: followUpId ? await getFollowUp(deps, ownerId, followUpId) : null };
}

// --- the one-to-one ----------------------------------------------------------------------

async function localeOf(deps: Deps, userId: string): Promise<Locale> {
  const u = await deps.db.selectFrom('users').select('locale').where('id', '=', userId).executeTakeFirst();
  return u?.locale ?? 'it';
}

/** What the answers of a one-to-one propose: needs, offers (language detected) and a next step a week later. */
export async function proposeOneToOne(deps: Deps, ownerId: string, answers: OneToOneAnswers): Promise<OneToOneProposal> {
  const [locale, today] = await Promise.all([localeOf(deps, ownerId), userToday(deps, ownerId)]);
  return proposeFromAnswers(answers, locale, today);
}

/**
 * Saves a one-to-one: a timeline entry of kind `one_to_one` holding the answers, the needs and
 * offers as edited, and the next step; all of it or nothing.
 */
export async function createOneToOne(deps: Deps, ownerId: string, personId: string, input: CreateOneToOneBody) {
  const now = deps.now();
  const nowIso = now.toISOString();
  const locale = await localeOf(deps, ownerId);
  const row: InteractionsTable = {
    id: newId(),
    owner_id: ownerId,
    person_id: personId,
    kind: 'one_to_one',
    occurred_at: occurred(input.occurredAt, now),
    summary: oneToOneSummary(input.answers, locale),
    created_at: nowIso,
  };
  const item = (text: string, language: Locale | null | undefined) => ({
    id: newId(),
    owner_id: ownerId,
    person_id: personId,
    text,
    language: language ?? detectTextLanguage(text),
    status: 'open' as const,
    created_at: nowIso,
    updated_at: nowIso,
    closed_at: null,
  });
  const needs = input.needs.map((n) => item(n.text, n.language));
  const offers = input.offers.map((o) => item(o.text, o.language));
  const followUpId = await deps.db.transaction().execute(async (tx) => {
    const p = await peopleRepo.findPerson(tx, ownerId, personId);
    if (!p || p.is_self === 1) throw notFound();
    const id = await writeInteraction(tx, ownerId, row, input.nextStep, nowIso);
    if (needs.length > 0) await peopleRepo.insertItems(tx, 'needs', needs);
    if (offers.length > 0) await peopleRepo.insertItems(tx, 'offers', offers);
    await recordChange(tx, ownerId, [personId]);
    return id;
  });
  const toItem = (r: (typeof needs)[number]) => ({
    id: r.id,
    personId: r.person_id,
    text: r.text,
    language: r.language,
    status: r.status,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    closedAt: r.closed_at,
  });
  return {
    interaction: toInteraction(row),
    needs: needs.map(toItem),
    offers: offers.map(toItem),
    followUp: followUpId ? await getFollowUp(deps, ownerId, followUpId) : null,
  };
}
