import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, formatDay, isDay, localToday, relativeDay, timeZones } from './days.ts';

describe('calendar days', () => {
  it('adds days across months, leap days and the DST changes of Rome', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-02-29', 1)).toBe('2024-03-01');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2025-03-29', 1)).toBe('2025-03-30');
    expect(addDays('2025-03-30', 1)).toBe('2025-03-31');
    expect(addDays('2025-10-26', 1)).toBe('2025-10-27');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(addDays('2025-05-12', 7)).toBe('2025-05-19');
  });

  it('counts whole days between two days', () => {
    expect(daysBetween('2025-03-29', '2025-03-31')).toBe(2);
    expect(daysBetween('2025-10-27', '2025-10-25')).toBe(-2);
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
  });

  it('knows a real day from a malformed or impossible one', () => {
    expect(isDay('2024-02-29')).toBe(true);
    expect(isDay('2025-02-29')).toBe(false);
    expect(isDay('2025-13-01')).toBe(false);
    expect(isDay('12/05/2025')).toBe(false);
    expect(isDay('')).toBe(false);
  });

  it("writes this browser's day, not UTC's", () => {
    expect(localToday(new Date(2025, 0, 5, 23, 30))).toBe('2025-01-05');
    expect(localToday(new Date(2025, 11, 31, 0, 5))).toBe('2025-12-31');
  });

  it('words a day as that calendar day in either language, whatever the zone', () => {
    expect(formatDay('2025-03-30', 'en', { year: true })).toBe('Sun, Mar 30, 2025');
    expect(formatDay('2025-03-30', 'it', { weekday: false })).toBe('30 mar');
    expect(formatDay('2025-03-30', 'it', { long: true })).toBe('domenica 30 marzo');
    expect(relativeDay('2025-03-31', '2025-03-30', 'it')).toBe('domani');
    expect(relativeDay('2025-03-27', '2025-03-30', 'en')).toBe('3 days ago');
  });

  it('lists the time zones with the current one in it', () => {
    const zones = timeZones('Europe/Rome');
    expect(zones).toContain('Europe/Rome');
    expect(zones).toContain('UTC');
    expect(timeZones('Mars/Olympus')[0]).toBe('Mars/Olympus');
  });
});
