/**
 * Calendar time in a user's time zone, with the platform's time-zone database (Intl): the local
 * date of an instant, the instant of a local date and hour, days and weeks. Dates are plain
 * `YYYY-MM-DD` strings (a birthday or a due day has no time zone); instants are `Date`s.
 *
 * Daylight saving: a local time that does not exist (02:30 on the night clocks go forward) is
 * moved forward by the gap, as calendar apps do; a local time that happens twice (02:30 on the
 * night clocks go back) is the first of the two.
 */

export type Ymd = string;

const YMD = /^(\d{4})-(\d{2})-(\d{2})$/;
const dtfCache = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = dtfCache.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    dtfCache.set(timeZone, f);
  }
  return f;
}

/** Whether the platform knows this IANA time zone (`Europe/Rome`, `UTC`, ...). */
export function isTimeZone(tz: string): boolean {
  if (!tz || tz.length > 64) return false;
  try {
    formatter(tz);
    return true;
  } catch {
    return false;
  }
}

interface Wall {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallOf(instant: Date, timeZone: string): Wall {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(instant)) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 0,
    day: parts.day ?? 0,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const ymdOf = (y: number, m: number, d: number): Ymd => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;

const DAY_MS = 86_400_000;
/** Per zone and UTC day: the zone's offset through that whole day, or null when it changes during it. */
const dayOffsets = new Map<string, Map<number, number | null>>();

/**
 * The date an instant falls on in a time zone. Today lists thousands of dates at once, and the
 * platform's formatter is slow: the zone's offset is worked out once per UTC day (at its start
 * and its end; the same offset at both means none of the rare changes happened in between) and
 * reused, and a day with a change is computed exactly each time.
 */
export function localDate(instant: Date, timeZone: string): Ymd {
  const ms = instant.getTime();
  let zone = dayOffsets.get(timeZone);
  if (!zone || zone.size > 20_000) dayOffsets.set(timeZone, (zone = new Map<number, number | null>()));
  const day = Math.floor(ms / DAY_MS);
  let offset = zone.get(day);
  if (offset === undefined) {
    const start = offsetAt(new Date(day * DAY_MS), timeZone);
    offset = start === offsetAt(new Date((day + 1) * DAY_MS - 1_000), timeZone) ? start : null;
    zone.set(day, offset);
  }
  if (offset === null) {
    const w = wallOf(instant, timeZone);
    return ymdOf(w.year, w.month, w.day);
  }
  const local = new Date(ms + offset);
  return ymdOf(local.getUTCFullYear(), local.getUTCMonth() + 1, local.getUTCDate());
}

/** The local hour (0-23) and ISO weekday (1 = Monday ... 7 = Sunday) of an instant in a time zone. */
export function localClock(instant: Date, timeZone: string): { hour: number; minute: number; weekday: number } {
  const w = wallOf(instant, timeZone);
  return { hour: w.hour, minute: w.minute, weekday: isoWeekday(ymdOf(w.year, w.month, w.day)) };
}

export function parseYmd(s: string): { year: number; month: number; day: number } | null {
  const m = YMD.exec(s);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return { year, month, day };
}

/** Offset of the zone from UTC at an instant, in milliseconds (Rome in summer: +2 h). */
function offsetAt(instant: Date, timeZone: string): number {
  const w = wallOf(instant, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

/** The instant of a local date and time in a time zone (see the opening comment for DST). */
export function zonedInstant(date: Ymd, hour: number, minute: number, timeZone: string): Date {
  const p = parseYmd(date);
  if (!p) throw new Error(`not a date: ${date}`);
  const wall = Date.UTC(p.year, p.month - 1, p.day, hour, minute);
  // Two offsets are possible around a change: the one before it and the one after it.
  const before = offsetAt(new Date(wall - 86_400_000), timeZone);
  const after = offsetAt(new Date(wall + 86_400_000), timeZone);
  const candidates = [wall - before, wall - after].sort((a, b) => a - b);
  for (const t of candidates) {
    const w = wallOf(new Date(t), timeZone);
    if (Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute) === wall) return new Date(t);
  }
  // In the gap of a spring-forward change: the same wall time read with the offset before the gap.
  return new Date(wall - before);
}

export function addDays(date: Ymd, days: number): Ymd {
  const p = parseYmd(date);
  if (!p) throw new Error(`not a date: ${date}`);
  const d = new Date(Date.UTC(p.year, p.month - 1, p.day + days));
  return ymdOf(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** Whole days from `a` to `b` (negative when `b` is earlier). */
export function daysBetween(a: Ymd, b: Ymd): number {
  const pa = parseYmd(a);
  const pb = parseYmd(b);
  if (!pa || !pb) throw new Error(`not a date: ${pa ? b : a}`);
  return Math.round((Date.UTC(pb.year, pb.month - 1, pb.day) - Date.UTC(pa.year, pa.month - 1, pa.day)) / 86_400_000);
}

/** 1 = Monday ... 7 = Sunday. */
export function isoWeekday(date: Ymd): number {
  const p = parseYmd(date);
  if (!p) throw new Error(`not a date: ${date}`);
  const d = new Date(Date.UTC(p.year, p.month - 1, p.day)).getUTCDay();
  return d === 0 ? 7 : d;
}

/** The first day of the week holding `date`, for a week that starts on `weekStart` (1 = Monday, 7 = Sunday). */
export function startOfWeek(date: Ymd, weekStart: number): Ymd {
  const back = (isoWeekday(date) - weekStart + 7) % 7;
  return addDays(date, -back);
}

/**
 * The next date on or after `from` that is the anniversary of `date` (a birthday, `YYYY-MM-DD` or
 * `--MM-DD` when the year is unknown): its month and day in `from`'s year or the next; 29 February
 * falls on 28 February in other years.
 */
export function nextAnniversary(date: string, from: Ymd): Ymd {
  const p = parseYmd(date.startsWith('--') ? `2000-${date.slice(2)}` : date);
  const f = parseYmd(from);
  if (!p || !f) throw new Error(`not a date: ${p ? from : date}`);
  for (const year of [f.year, f.year + 1]) {
    const day = p.month === 2 && p.day === 29 && !parseYmd(ymdOf(year, 2, 29)) ? 28 : p.day;
    const candidate = ymdOf(year, p.month, day);
    if (candidate >= from) return candidate;
  }
  throw new Error('unreachable');
}
