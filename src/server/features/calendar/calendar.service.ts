/**
 * The private calendar feed (issue 13): one secret URL per user, `PUBLIC_BASE_URL/cal/<token>.ics`,
 * that any calendar app can subscribe to. The token is 256 random bits shown once; only its
 * SHA-256 is stored, so a database dump opens no feed. Making a new one replaces the old one
 * (regenerating is revoking and making anew), and revoking deletes it.
 *
 * The feed holds, in the user's language:
 * - open follow-ups: at their time in the user's zone (written in UTC, which every app shows in its
 *   own zone), or all day when they have no time; a scheduled one-to-one is "One-to-one with X";
 * - keep-in-touch due dates: all day, on the day the cadence runs out, counted as Today counts
 *   them (the last contact of any kind, or the cadence's start when there was none); an occasion
 *   marked done or not relevant on Today is left out;
 * - birthdays: all day, every year (29 February on the last day of February in common years).
 *
 * Each event's UID is derived from what it is about (the row's id and its kind), never from a
 * time: a calendar app updates the event when a follow-up moves, instead of adding a copy.
 */
import type { CalendarFeedCreated, CalendarFeedState } from '#shared/api/routine.ts';
import type { AppDeps, Deps } from '../../deps.ts';
import { newSecret, sha256 } from '../../lib/ids.ts';
import { localDate, parseYmd, zonedInstant } from '../../lib/time.ts';
import { userLocale } from '../auth/auth.repo.ts';
import { dueDay, instantOf, lastContactMs } from '../routine/keep-in-touch.ts';
import * as routine from '../routine/routine.repo.ts';
import { settingsRow, zoneOf } from '../routine/routine.service.ts';
import { feedTexts } from './calendar.texts.ts';
import * as repo from './calendar.repo.ts';
import { writeCalendar, type IcsEvent } from './ics.ts';

/** The shape of a feed secret (`newSecret`: 32 bytes in base64url); anything else is not looked up. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;
/** The most open follow-ups a feed lists (the earliest due first). */
const MAX_FOLLOW_UPS = 5_000;
const FOLLOW_UP_MINUTES = 30;
const ONE_TO_ONE_MINUTES = 60;

export const feedUrl = (deps: Pick<Deps, 'config'>, token: string): string => `${deps.config.publicBaseUrl}/cal/${token}.ics`;

export async function feedState(deps: Deps, userId: string): Promise<CalendarFeedState> {
  const row = await repo.findFeed(deps.db, userId);
  return { active: row !== undefined, createdAt: row?.created_at ?? null };
}

/** A new feed URL, replacing any previous one (which stops working at once). Shown once. */
export async function createFeed(deps: Deps, userId: string): Promise<CalendarFeedCreated> {
  const token = newSecret();
  const createdAt = deps.now().toISOString();
  await repo.replaceFeed(deps.db, { user_id: userId, token_hash: sha256(token), created_at: createdAt });
  return { url: feedUrl(deps, token), createdAt };
}

/** Revokes the feed: its URL answers 404 from now on. Revoking when there is none does nothing. */
export async function revokeFeed(deps: Deps, userId: string): Promise<void> {
  await repo.deleteFeed(deps.db, userId);
}

/** The feed a token opens, as iCalendar text; null for a token that opens none (wrong, revoked, malformed). */
export async function feedFor(deps: AppDeps, token: string): Promise<string | null> {
  if (!TOKEN.test(token)) return null;
  const userId = await repo.feedOwner(deps.db, sha256(token));
  if (!userId) return null;
  return writeFeed(deps, userId);
}

/** The iCalendar text of a user's feed. */
export async function writeFeed(deps: AppDeps, userId: string): Promise<string> {
  const now = deps.now();
  const [settings, lang, followUps, cadence, births, states] = await Promise.all([
    settingsRow(deps, userId),
    userLocale(deps.db, userId),
    routine.listFollowUps(deps.db, userId, { status: 'open', limit: MAX_FOLLOW_UPS }),
    routine.cadencePeople(deps.db, userId),
    routine.everyBirthday(deps.db, userId),
    routine.statesOf(deps.db, userId),
  ]);
  const zone = zoneOf(settings);
  const t = feedTexts(lang);
  const base = deps.config.publicBaseUrl;
  const events: IcsEvent[] = [];

  for (const f of followUps) {
    const name = f.person_name ?? null;
    const oneToOne = f.kind === 'one_to_one';
    const summary = oneToOne && name ? t.oneToOne(name) : t.followUp(f.text, name);
    const url = f.person_id ? `${base}/people/${f.person_id}` : f.intro_id ? `${base}/intros/${f.intro_id}` : `${base}/today`;
    const when = /^(\d{2}):(\d{2})$/.exec(f.due_time ?? '');
    events.push({
      uid: `${oneToOne ? 'one-to-one' : 'follow-up'}-${f.id}@rete`,
      summary,
      description: `${oneToOne ? `${f.text}\n\n` : ''}${t.open}: ${url}`,
      url,
      ...(when
        ? {
            at: zonedInstant(f.due_on, Number(when[1]), Number(when[2]), zone),
            minutes: oneToOne ? ONE_TO_ONE_MINUTES : FOLLOW_UP_MINUTES,
          }
        : { date: f.due_on }),
    });
  }

  const marks = new Map(states.map((s) => [s.item_key, s.state]));
  // The last contact as Today counts it: the latest timeline entry (the network graph, in memory)
  // or introduction, give or email (one grouped read).
  const [graph, activity] = cadence.size
    ? await Promise.all([deps.network.view(userId, 'graph'), routine.lastActivity(deps.db, userId)])
    : [null, new Map<string, string>()];
  const lastOf = (id: string): string | null => {
    const ms = graph ? lastContactMs(graph, activity, id) : null;
    return ms === null ? null : new Date(ms).toISOString();
  };
  for (const c of cadence.values()) {
    const name = graph?.contactName(c.id) ?? null;
    if (name === null) continue;
    const lastAt = lastOf(c.id);
    const due = dueDay(lastAt, c.since, c.everyDays, zone);
    const mark = marks.get(`keep_in_touch:${c.id}:${due}`);
    if (mark === 'done' || mark === 'dismissed') continue;
    const url = `${base}/people/${c.id}`;
    const lastDay = lastAt ? localDate(instantOf(lastAt), zone) : null;
    events.push({
      uid: `keep-in-touch-${c.id}@rete`,
      summary: t.keepInTouch(name),
      description: `${t.keepInTouchDetail(c.everyDays, lastDay)}\n\n${t.open}: ${url}`,
      url,
      date: due,
    });
  }

  for (const b of births) {
    const date = birthdayStart(b.birthday ?? null);
    if (!date) continue;
    const url = `${base}/people/${b.id}`;
    events.push({
      uid: `birthday-${b.id}@rete`,
      summary: t.birthday(b.name),
      description: `${t.open}: ${url}`,
      url,
      date,
      yearly: true,
    });
  }

  return writeCalendar({ name: t.calendarName, events, now });
}

/**
 * The first day of a yearly birthday event: the birth date, or, when the year is unknown
 * (`--MM-DD`), that day in 2000 (a leap year, so that 29 February exists). Null for a value that is
 * not a date.
 */
export function birthdayStart(birthday: string | null): string | null {
  if (!birthday) return null;
  const ymd = birthday.startsWith('--') ? `2000-${birthday.slice(2)}` : birthday;
  return parseYmd(ymd) ? ymd : null;
}
