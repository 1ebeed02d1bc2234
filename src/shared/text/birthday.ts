/**
 * Birthdays as Rete stores them: `YYYY-MM-DD`, or `--MM-DD` when the year is unknown (the form of
 * vCard 4, RFC 6350 §4.3.1, and of Google Contacts). Isomorphic and free of zod, so that the web
 * app checks and writes a birthday exactly as the API does without carrying the contract into its
 * bundle.
 *
 * A birthday must be a day of the calendar: 31 April never is; 29 February is when the year is a
 * leap year or is not known.
 */
import type { Locale } from '../api/values.ts';

export interface BirthdayParts {
  /** Null when the year is not known. */
  year: number | null;
  /** 1–12. */
  month: number;
  /** 1–31. */
  day: number;
}

/** The shape of a stored birthday (its calendar is checked by `birthdayProblem`). */
export const BIRTHDAY_PATTERN = /^(?:\d{4}|-)-\d{2}-\d{2}$/;
/** The earliest year taken (as the importers do): anything before is a typing mistake or a placeholder. */
export const MIN_BIRTH_YEAR = 1000;

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export const isLeapYear = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** The number of days of a month; February has 29 when the year is unknown. */
export function daysInMonth(month: number, year: number | null): number {
  if (month === 2 && year !== null && !isLeapYear(year)) return 28;
  return DAYS_IN_MONTH[month - 1] ?? 0;
}

/** Why a value is no birthday, in English (the API's message), or null when it is one. */
export function birthdayProblem(value: string): string | null {
  if (!BIRTHDAY_PATTERN.test(value)) return 'a birthday is YYYY-MM-DD, or --MM-DD when the year is unknown';
  const year = value.startsWith('--') ? null : Number(value.slice(0, 4));
  const month = Number(value.slice(-5, -3));
  const day = Number(value.slice(-2));
  if (year !== null && year < MIN_BIRTH_YEAR) return `the year must be ${MIN_BIRTH_YEAR} or later`;
  if (month < 1 || month > 12) return `there is no month ${value.slice(-5, -3)}`;
  if (day < 1 || day > daysInMonth(month, year)) {
    if (month === 2 && day === 29) return `${year ?? ''} is not a leap year: it has no 29 February`;
    return `${value} is not a day of the calendar`;
  }
  return null;
}

/** The parts of a stored birthday, or null when it is none. */
export function birthdayParts(value: string | null | undefined): BirthdayParts | null {
  if (value === null || value === undefined || birthdayProblem(value) !== null) return null;
  return {
    year: value.startsWith('--') ? null : Number(value.slice(0, 4)),
    month: Number(value.slice(-5, -3)),
    day: Number(value.slice(-2)),
  };
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** The stored form of a day, month and maybe year, or null when they make no birthday. */
export function toBirthday(p: BirthdayParts): string | null {
  if (![p.month, p.day].every(Number.isInteger) || (p.year !== null && !Number.isInteger(p.year))) return null;
  const value = `${p.year === null ? '-' : pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
  return birthdayProblem(value) === null ? value : null;
}

/** The birthday's month and day: `MM-DD`. */
export const monthDay = (value: string): string => value.slice(-5);

const INTL_LOCALE: Record<Locale, string> = { it: 'it-IT', en: 'en-GB' };

/**
 * A birthday in words: "29 febbraio 1984" / "29 February 1984", "29 febbraio" / "29 February"
 * without the year. The value itself when it is no birthday.
 */
export function formatBirthday(value: string, locale: Locale): string {
  const p = birthdayParts(value);
  if (!p) return value;
  // A leap year stands in for an unknown one, so that 29 February can be written.
  const date = new Date(Date.UTC(p.year ?? 2000, p.month - 1, p.day));
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], {
    day: 'numeric',
    month: 'long',
    ...(p.year === null ? {} : { year: 'numeric' }),
    timeZone: 'UTC',
  }).format(date);
}

/** The names of the months in a language, January first: "gennaio" / "January". */
export function monthNames(locale: Locale): string[] {
  const f = new Intl.DateTimeFormat(INTL_LOCALE[locale], { month: 'long', timeZone: 'UTC' });
  return Array.from({ length: 12 }, (_, i) => f.format(new Date(Date.UTC(2000, i, 1))));
}
