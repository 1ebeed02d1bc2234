import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysBetween,
  isoWeekday,
  isTimeZone,
  localClock,
  localDate,
  nextAnniversary,
  parseYmd,
  startOfWeek,
  zonedInstant,
} from './time.ts';

describe('calendar time in a time zone', () => {
  it('09:00 in Rome across both changes of 2027 (last Sunday of March and of October)', () => {
    expect(zonedInstant('2027-03-27', 9, 0, 'Europe/Rome').toISOString()).toBe('2027-03-27T08:00:00.000Z');
    expect(zonedInstant('2027-03-28', 9, 0, 'Europe/Rome').toISOString()).toBe('2027-03-28T07:00:00.000Z');
    expect(zonedInstant('2027-10-30', 9, 0, 'Europe/Rome').toISOString()).toBe('2027-10-30T07:00:00.000Z');
    expect(zonedInstant('2027-10-31', 9, 0, 'Europe/Rome').toISOString()).toBe('2027-10-31T08:00:00.000Z');
  });

  it('a local time in the spring gap moves forward; one that happens twice is the first', () => {
    // 02:30 does not exist in Rome on 28 March 2027 (02:00 → 03:00).
    expect(zonedInstant('2027-03-28', 2, 30, 'Europe/Rome').toISOString()).toBe('2027-03-28T01:30:00.000Z');
    expect(localClock(zonedInstant('2027-03-28', 2, 30, 'Europe/Rome'), 'Europe/Rome').hour).toBe(3);
    // 02:30 happens twice on 31 October 2027 (03:00 → 02:00): first at +02:00.
    expect(zonedInstant('2027-10-31', 2, 30, 'Europe/Rome').toISOString()).toBe('2027-10-31T00:30:00.000Z');
  });

  it('the local date of an instant depends on the zone (a user who travels)', () => {
    const t = new Date('2026-12-07T23:30:00Z');
    expect(localDate(t, 'Europe/Rome')).toBe('2026-12-08');
    expect(localDate(t, 'UTC')).toBe('2026-12-07');
    expect(localDate(t, 'America/New_York')).toBe('2026-12-07');
    expect(localDate(t, 'Asia/Tokyo')).toBe('2026-12-08');
    expect(zonedInstant('2026-12-08', 9, 0, 'America/New_York').toISOString()).toBe('2026-12-08T14:00:00.000Z');
    expect(zonedInstant('2026-12-08', 9, 0, 'Asia/Kolkata').toISOString()).toBe('2026-12-08T03:30:00.000Z');
  });

  it('knows real time zones only', () => {
    expect(isTimeZone('Europe/Rome')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Europe/Atlantis')).toBe(false);
    expect(isTimeZone('')).toBe(false);
  });

  it('days and weeks, with the week starting on Monday or on Sunday', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(daysBetween('2026-12-07', '2027-01-06')).toBe(30);
    expect(daysBetween('2027-03-27', '2027-03-29')).toBe(2);
    expect(isoWeekday('2026-12-07')).toBe(1);
    expect(isoWeekday('2026-12-13')).toBe(7);
    expect(startOfWeek('2026-12-10', 1)).toBe('2026-12-07');
    expect(startOfWeek('2026-12-10', 7)).toBe('2026-12-06');
    expect(startOfWeek('2026-12-06', 1)).toBe('2026-11-30');
    expect(startOfWeek('2026-12-06', 7)).toBe('2026-12-06');
  });

  it('birthdays: the next one from a day, 29 February on 28 February in common years, unknown years', () => {
    expect(nextAnniversary('1980-12-25', '2026-12-07')).toBe('2026-12-25');
    expect(nextAnniversary('1980-03-01', '2026-12-07')).toBe('2027-03-01');
    expect(nextAnniversary('1980-12-07', '2026-12-07')).toBe('2026-12-07');
    expect(nextAnniversary('1984-02-29', '2027-01-10')).toBe('2027-02-28');
    expect(nextAnniversary('1984-02-29', '2028-01-10')).toBe('2028-02-29');
    expect(nextAnniversary('--02-29', '2026-12-07')).toBe('2027-02-28');
    expect(nextAnniversary('--07-14', '2026-12-07')).toBe('2027-07-14');
  });

  it('refuses dates that do not exist', () => {
    expect(parseYmd('2027-02-29')).toBeNull();
    expect(parseYmd('2028-02-29')).not.toBeNull();
    expect(parseYmd('2026-13-01')).toBeNull();
    expect(() => addDays('07/12/2026', 1)).toThrow();
  });
});

describe('localDate, reusing the offset of a UTC day', () => {
  it('agrees with the platform formatter every 53 minutes and 17 seconds through two years of DST changes, in zones with odd offsets', () => {
    const zones = [
      'Europe/Rome',
      'America/New_York',
      'Australia/Lord_Howe',
      'Asia/Kathmandu',
      'Pacific/Chatham',
      'America/St_Johns',
      'UTC',
    ];
    const formatters = new Map(
      zones.map((z) => [z, new Intl.DateTimeFormat('en-CA', { timeZone: z, year: 'numeric', month: '2-digit', day: '2-digit' })]),
    );
    let checked = 0;
    for (let ms = Date.UTC(2026, 0, 1); ms < Date.UTC(2028, 0, 1); ms += 53 * 60_000 + 17_000) {
      for (const z of zones) {
        const want = formatters.get(z)?.format(new Date(ms));
        expect(localDate(new Date(ms), z), `${new Date(ms).toISOString()} in ${z}`).toBe(want);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(130_000);
  });
});
