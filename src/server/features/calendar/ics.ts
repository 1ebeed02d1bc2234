/**
 * An iCalendar (RFC 5545) writer for the private calendar feed: follow-ups, keep-in-touch dates,
 * birthdays and one-to-ones, for any calendar app to subscribe to.
 *
 * What the RFC asks and calendar apps rely on: CRLF line ends; content lines folded at 75 octets
 * (never inside a UTF-8 character) with a space opening each continuation; `\`, `;`, `,` and line
 * breaks escaped in text values; a `UID` per event that stays the same across fetches (so an app
 * updates an event instead of adding a copy) and a `DTSTAMP`. Dates are all-day events
 * (`VALUE=DATE`, ending the next day); times are written in UTC, which every app shows in its
 * user's zone. A birthday on 29 February recurs on the last day of February in other years.
 */

export interface IcsEvent {
  /** Stable across fetches: derived from what the event is about, never random. */
  uid: string;
  summary: string;
  description?: string;
  url?: string;
  /** An all-day event on this date (YYYY-MM-DD)... */
  date?: string;
  /** ...or one at this instant, lasting `minutes` (30 by default). */
  at?: Date;
  minutes?: number;
  /** Every year on the same day (birthdays, anniversaries). */
  yearly?: boolean;
}

const CRLF = '\r\n';
const encoder = new TextEncoder();

/** A text value with the RFC's escapes (section 3.3.11); CR, LF and CRLF all become `\n`. */
export function escapeText(s: string): string {
  return s
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** One content line folded at 75 octets (section 3.1), continuations opened by a space. */
export function foldLine(line: string): string {
  if (encoder.encode(line).length <= 75) return line;
  const out: string[] = [];
  let current = '';
  let octets = 0;
  // The first line holds 75 octets; the next ones 74 after their leading space.
  let limit = 75;
  for (const ch of line) {
    const n = encoder.encode(ch).length;
    if (octets + n > limit) {
      out.push(current);
      current = ' ';
      octets = 1;
      limit = 75;
    }
    current += ch;
    octets += n;
  }
  out.push(current);
  return out.join(CRLF);
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** 20261207T093000Z */
export function utcStamp(d: Date): string {
  return (
    `${pad(d.getUTCFullYear(), 4)}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}` +
    `T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}Z`
  );
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function dateValue(ymd: string): string {
  const m = DATE.exec(ymd);
  if (!m) throw new Error(`not a date: ${ymd}`);
  return `${m[1]}${m[2]}${m[3]}`;
}

function nextDay(ymd: string): string {
  const d = new Date(`${ymd}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return `${pad(d.getUTCFullYear(), 4)}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}`;
}

function eventLines(e: IcsEvent, stamp: string): string[] {
  const lines = ['BEGIN:VEVENT', `UID:${escapeText(e.uid)}`, `DTSTAMP:${stamp}`];
  if (e.date !== undefined) {
    lines.push(`DTSTART;VALUE=DATE:${dateValue(e.date)}`, `DTEND;VALUE=DATE:${nextDay(e.date)}`);
    if (e.yearly) {
      lines.push(e.date.endsWith('-02-29') ? 'RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1' : 'RRULE:FREQ=YEARLY');
    }
    lines.push('TRANSP:TRANSPARENT');
  } else if (e.at !== undefined) {
    const end = new Date(e.at.getTime() + (e.minutes ?? 30) * 60_000);
    lines.push(`DTSTART:${utcStamp(e.at)}`, `DTEND:${utcStamp(end)}`);
  } else {
    throw new Error(`event ${e.uid} has neither a date nor a time`);
  }
  lines.push(`SUMMARY:${escapeText(e.summary)}`);
  if (e.description) lines.push(`DESCRIPTION:${escapeText(e.description)}`);
  // A URI value is not text: it is not escaped (section 3.3.13), and a URL holds no line break.
  if (e.url) lines.push(`URL:${e.url.replace(/[\r\n]/g, '')}`);
  lines.push('END:VEVENT');
  return lines;
}

/** The whole calendar, ready to serve as `text/calendar; charset=utf-8`. */
export function writeCalendar(opts: { name: string; events: readonly IcsEvent[]; now: Date }): string {
  const stamp = utcStamp(opts.now);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Rete//Rete calendar feed//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(opts.name)}`,
    ...opts.events.flatMap((e) => eventLines(e, stamp)),
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join(CRLF) + CRLF;
}
