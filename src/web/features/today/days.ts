/**
 * Calendar days as the API writes them (`YYYY-MM-DD`, in the user's time zone as the server
 * counts it): arithmetic and wording without a time of day, so no zone can shift them.
 */
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function utcOf(day: string): number {
  const m = DAY.exec(day);
  if (!m) return Number.NaN;
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

function dayOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The day `n` days after `day` (before, for a negative `n`). */
export function addDays(day: string, n: number): string {
  return dayOf(utcOf(day) + n * 86_400_000);
}

/** Whole days from `a` to `b` (positive when `b` is later). */
export function daysBetween(a: string, b: string): number {
  return Math.round((utcOf(b) - utcOf(a)) / 86_400_000);
}

export function isDay(s: string): boolean {
  return DAY.test(s) && !Number.isNaN(utcOf(s)) && dayOf(utcOf(s)) === s;
}

/** "lun 12 mag", "Mon, May 12": a day near today, in the interface language. */
export function formatDay(day: string, lang: string, opts: { weekday?: boolean; year?: boolean; long?: boolean } = {}): string {
  const ms = utcOf(day);
  if (Number.isNaN(ms)) return day;
  return new Intl.DateTimeFormat(lang, {
    timeZone: 'UTC',
    day: 'numeric',
    month: opts.long ? 'long' : 'short',
    ...(opts.weekday === false ? {} : { weekday: opts.long ? 'long' : 'short' }),
    ...(opts.year ? { year: 'numeric' } : {}),
  }).format(new Date(ms));
}

/** "oggi", "domani", "3 giorni fa", "tra 2 giorni": `day` seen from `today`. */
export function relativeDay(day: string, today: string, lang: string): string {
  const n = daysBetween(today, day);
  return new Intl.RelativeTimeFormat(lang, { numeric: 'auto' }).format(n, 'day');
}

/** Today in this browser's zone, for forms that default to today. */
export function localToday(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The browser's IANA time zone, or null when it does not say. */
export function browserTimeZone(): string | null {
  try {
    const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;
    return tz && /^[A-Za-z0-9_+\-/]+$/.test(tz) ? tz : null;
  } catch {
    return null;
  }
}

/** Every zone this browser knows, for the settings' select; the current one first if it is missing. */
export function timeZones(current: string): string[] {
  const all = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  const list = all.includes('UTC') ? [...all] : [...all, 'UTC'];
  return list.includes(current) ? list : [current, ...list];
}
