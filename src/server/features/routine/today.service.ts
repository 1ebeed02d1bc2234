/**
 * Today: what to do now, computed from the network every time it is asked (nothing of it is
 * stored but the user's marks): ways to give, introductions waiting, follow-ups due,
 * keep-in-touch due, strong ties going cold, birthdays, and the week's giving goal.
 *
 * Each item has a key naming what it is about and its occasion (`keep_in_touch:<person>:<due
 * day>`, `birthday:<person>:<year>`), so a mark ("done", "not relevant", "snoozed until") holds
 * for that occasion and the next occasion comes back.
 */
import type { FollowUp, Today, TodayItem } from '#shared/api/routine.ts';
import { TODAY_ITEM_KINDS, type TodayItemKind } from '#shared/api/values.ts';
import type { AppDeps } from '../../deps.ts';
import { addDays, daysBetween, localDate, nextAnniversary, parseYmd, startOfWeek } from '../../lib/time.ts';
import { confidentHelpers, type NeedHelper } from '../matching/matching.service.ts';
import { dueDay, instantOf, lastContactMs } from './keep-in-touch.ts';
import * as repo from './routine.repo.ts';
import { defaultSettings, toFollowUp, zoneOf } from './routine.service.ts';

/** How many of my contacts' most recently changed open needs Today looks at. */
const NEEDS_LOOKED_AT = 20;
/** Ways to give shown at most (the best are the newest). */
const MAX_GIVES = 5;
const HELPERS_PER_NEED = 3;
/** A connection with no outcome after this many days asks "did anything come of it?". */
const OUTCOME_AFTER_DAYS = 14;
/** Birthdays this many days ahead. */
const BIRTHDAYS_AHEAD = 7;
/** A strong tie with no interaction for this long is going cold. */
const COLD_AFTER_DAYS = 90;
/** At least this many timeline entries make a strong tie. */
const STRONG_INTERACTIONS = 3;
const MAX_COLD = 5;
/** A look at Today more than this long after the last one starts a new visit. */
const VISIT_GAP_MS = 3_600_000;

const KIND_ORDER = new Map<TodayItemKind, number>(TODAY_ITEM_KINDS.map((k, i) => [k, i]));

const blank = (kind: TodayItemKind, key: string): TodayItem => ({
  key,
  kind,
  person: null,
  date: null,
  days: null,
  isNew: false,
  need: null,
  helpers: [],
  intro: null,
  followUp: null,
  everyDays: null,
  lastContactAt: null,
  age: null,
});

export interface TodayOptions {
  limit?: number;
  /** Counts this look as a visit (the web page and the CLI do; the digest does not). */
  markSeen?: boolean;
}

/** Today for a user, in their time zone. */
export async function getToday(deps: AppDeps, ownerId: string, opts: TodayOptions = {}): Promise<Today> {
  const now = deps.now();
  const nowIso = now.toISOString();
  const settings = (await repo.findSettings(deps.db, ownerId)) ?? defaultSettings(ownerId, nowIso);
  const zone = zoneOf(settings);
  const today = localDate(now, zone);
  const weekStart = startOfWeek(today, settings.week_start);
  const since = lastVisit(settings, now);

  const coldBefore = addDays(today, -COLD_AFTER_DAYS);
  const [needs, intros, followUps, cadence, birthdays, states, given, graph, openNeeds, activity] = await Promise.all([
    repo.recentNeeds(deps.db, ownerId, NEEDS_LOOKED_AT),
    repo.introsWaiting(deps.db, ownerId, new Date(now.getTime() - OUTCOME_AFTER_DAYS * 86_400_000).toISOString()),
    repo.listFollowUps(deps.db, ownerId, { status: 'open', dueBy: today, limit: 200 }),
    repo.cadencePeople(deps.db, ownerId),
    repo.birthdaysBetween(deps.db, ownerId, today, addDays(today, BIRTHDAYS_AHEAD)),
    repo.statesOf(deps.db, ownerId),
    repo.givesBetween(deps.db, ownerId, weekStart, addDays(weekStart, 6)),
    deps.network.view(ownerId, 'graph'),
    deps.network.view(ownerId, 'needs'),
    repo.lastActivity(deps.db, ownerId),
  ]);

  const items: TodayItem[] = [];
  const marks = new Map(states.map((m) => [m.item_key, m]));
  let hidden = 0;

  // Ways to give: the needs the Value Finder confidently answers.
  // The newest needs first, a few at a time, until enough have a confident answer.
  const helpers = new Map<string, NeedHelper[]>();
  for (let i = 0; i < needs.length && helpers.size < MAX_GIVES; i += MAX_GIVES + 2) {
    const batch = needs.slice(i, i + MAX_GIVES + 2).map((n) => ({ id: n.id, text: n.text, personId: n.person_id }));
    for (const [id, h] of await confidentHelpers(deps, ownerId, batch, HELPERS_PER_NEED)) helpers.set(id, h);
  }
  let gives = 0;
  for (const n of needs) {
    const h = helpers.get(n.id);
    if (!h || gives >= MAX_GIVES) continue;
    gives++;
    items.push({
      ...blank('give', `give:${n.id}`),
      person: { id: n.person_id, name: n.person_name },
      need: { id: n.id, text: n.text },
      isNew: since === null || n.updated_at > since,
      helpers: h.map((x) => ({ id: x.personId, name: x.name, via: x.via, isMe: x.isMe })),
    });
  }

  // Introductions waiting for me.
  for (const i of intros) {
    const people = i.sides.filter((s) => s.is_self === 0 && s.person_id);
    const ref = (s: (typeof people)[number] | undefined) => (s?.person_id ? { id: s.person_id, name: s.name ?? '' } : null);
    const kind: TodayItemKind =
      i.status === 'draft' ? 'intro_draft' : i.status === 'connected' ? 'intro_outcome' : 'intro_waiting';
    const at =
      kind === 'intro_outcome'
        ? i.connected_at
        : kind === 'intro_waiting'
          ? (i.sides.find((s) => s.reminded_at)?.reminded_at ?? null)
          : i.created_at;
    const day = at ? localDate(new Date(at), zone) : null;
    items.push({
      ...blank(kind, `${kind}:${i.id}`),
      person: ref(people[0]),
      intro: { id: i.id, status: i.status, other: ref(people[1]) },
      date: day,
      days: day ? daysBetween(day, today) : null,
    });
  }

  // Follow-ups due (today or late).
  for (const f of followUps.map(toFollowUp)) items.push(followUpItem(f, today));

  // Keep in touch: cadences run out, and strong ties going cold (from the in-memory graph, checked
  // against every kind of contact for the few it names).
  const cold = graph
    .quietStrongTies(STRONG_INTERACTIONS, Date.parse(`${coldBefore}T00:00:00Z`))
    .filter((c) => !cadence.has(c.personId))
    .slice(0, MAX_COLD * 3);
  // Thousands of people may have a cadence: order them by an approximate due instant (numbers
  // only), then work out the exact local due day of the most overdue until enough are shown.
  const lastMsOf = (id: string): number | null => lastContactMs(graph, activity, id);
  const horizon = now.getTime() + 2 * DAY_MS;
  const overdue = [...cadence.values()]
    .map((c) => {
      const last = lastMsOf(c.id);
      return { c, last, approx: (last ?? Date.parse(c.since)) + c.everyDays * DAY_MS };
    })
    .filter((x) => x.approx <= horizon)
    .sort((a, b) => a.approx - b.approx);
  const keepLimit = opts.limit ?? 50;
  let kept = 0;
  for (const { c, last } of overdue) {
    if (kept >= keepLimit) break;
    const name = graph.contactName(c.id);
    if (name === null) continue;
    const lastAt = last === null ? null : new Date(last).toISOString();
    const due = dueDay(lastAt, c.since, c.everyDays, zone);
    if (due > today) continue;
    const key = `keep_in_touch:${c.id}:${due}`;
    if (hiddenBy(marks.get(key), today)) {
      hidden++;
      continue;
    }
    kept++;
    items.push({
      ...blank('keep_in_touch', key),
      person: { id: c.id, name },
      date: due,
      days: daysBetween(due, today),
      everyDays: c.everyDays,
      lastContactAt: lastAt,
    });
  }
  let colds = 0;
  for (const c of cold) {
    const lastMs = lastMsOf(c.personId);
    const at = lastMs === null ? c.lastAt : new Date(lastMs).toISOString();
    const lastDay = localDate(instantOf(at), zone);
    if (lastDay >= coldBefore || colds >= MAX_COLD) continue;
    colds++;
    items.push({
      ...blank('going_cold', `going_cold:${c.personId}:${lastDay}`),
      person: { id: c.personId, name: c.name },
      date: lastDay,
      days: daysBetween(lastDay, today),
      lastContactAt: at,
    });
  }

  // Birthdays in the coming week (the database picks them by month and day).
  for (const b of birthdays) {
    if (!b.birthday) continue;
    let next: string;
    try {
      next = nextAnniversary(b.birthday, today);
    } catch {
      continue;
    }
    const inDays = daysBetween(today, next);
    if (inDays > BIRTHDAYS_AHEAD) continue;
    const born = b.birthday.startsWith('--') ? null : (parseYmd(b.birthday)?.year ?? null);
    items.push({
      ...blank('birthday', `birthday:${b.id}:${next.slice(0, 4)}`),
      person: { id: b.id, name: b.name },
      date: next,
      days: -inDays,
      age: born ? Number(next.slice(0, 4)) - born : null,
    });
  }

  // The user's marks.
  const shown = items.filter((item) => {
    const hide = hiddenBy(marks.get(item.key), today);
    if (hide) hidden++;
    return !hide;
  });
  shown.sort((a, b) => (KIND_ORDER.get(a.kind) ?? 0) - (KIND_ORDER.get(b.kind) ?? 0) || urgency(b) - urgency(a));
  if (opts.markSeen) await markSeen(deps, ownerId, settings, now);

  return {
    date: today,
    timeZone: zone,
    weekStart,
    // Limited per kind as well as in all, so that one long section never hides the others.
    items: fairLimit(shown, opts.limit ?? 50),
    goal: { perWeek: settings.giving_goal, givenThisWeek: given },
    counts: { people: graph.peopleCount, openNeeds: openNeeds.all.size, cadences: cadence.size, hidden },
  };
}

/** Whether a mark hides its item today: done and not relevant always, snoozed until its day. */
const hiddenBy = (m: { state: string; until_on: string | null } | undefined, today: string): boolean =>
  m !== undefined && (m.state !== 'snoozed' || (m.until_on !== null && m.until_on > today));

const DAY_MS = 86_400_000;

/** Most urgent first within a kind: the most days late, then the soonest. */
const urgency = (i: TodayItem): number => i.days ?? 0;

function followUpItem(f: FollowUp, today: string): TodayItem {
  return {
    ...blank('follow_up', `follow_up:${f.id}`),
    person: f.person,
    followUp: f,
    date: f.dueOn,
    days: daysBetween(f.dueOn, today),
  };
}

/**
 * At most `limit` items, shared between the kinds present: each kind keeps its share (its first
 * items) before any kind gets more; the order of kinds is kept.
 */
export function fairLimit(items: TodayItem[], limit: number): TodayItem[] {
  if (items.length <= limit) return items;
  const byKind = new Map<TodayItemKind, TodayItem[]>();
  for (const i of items) {
    const list = byKind.get(i.kind);
    if (list) list.push(i);
    else byKind.set(i.kind, [i]);
  }
  const take = new Map<TodayItemKind, number>([...byKind.keys()].map((k) => [k, 0]));
  let left = limit;
  while (left > 0) {
    let moved = false;
    for (const [k, list] of byKind) {
      const n = take.get(k) ?? 0;
      if (left > 0 && n < list.length) {
        take.set(k, n + 1);
        left--;
        moved = true;
      }
    }
    if (!moved) break;
  }
  return [...byKind].flatMap(([k, list]) => list.slice(0, take.get(k) ?? 0));
}

/** The start of the previous visit: what changed after it is new. Null before any visit. */
function lastVisit(s: { today_seen_at: string | null; today_prev_seen_at: string | null }, now: Date): string | null {
  if (s.today_seen_at === null) return null;
  const continuing = now.getTime() - new Date(s.today_seen_at).getTime() < VISIT_GAP_MS;
  return continuing ? s.today_prev_seen_at : s.today_seen_at;
}

async function markSeen(deps: AppDeps, ownerId: string, settings: ReturnType<typeof defaultSettings>, now: Date): Promise<void> {
  const nowIso = now.toISOString();
  if (settings.today_seen_at !== null && now.getTime() - new Date(settings.today_seen_at).getTime() < VISIT_GAP_MS) {
    // The same visit: only keep it alive.
    await deps.db.updateTable('routine_settings').set({ today_seen_at: nowIso }).where('user_id', '=', ownerId).execute();
    return;
  }
  await deps.db.transaction().execute(async (tx) => {
    const current = (await repo.findSettings(tx, ownerId)) ?? settings;
    await repo.saveSettings(tx, { ...current, today_prev_seen_at: current.today_seen_at, today_seen_at: nowIso });
  });
}
