import { describe, expect, it } from 'vitest';
import { Birthday } from '../api/people.ts';
import { birthdayParts, birthdayProblem, formatBirthday, monthNames, toBirthday } from './birthday.ts';

describe('birthdays', () => {
  it('takes a day of the calendar, with or without the year; 29 February with a leap year or none', () => {
    for (const ok of ['1984-02-29', '2000-02-29', '--02-29', '--12-31', '1970-01-01', '2024-04-30'])
      expect(birthdayProblem(ok), ok).toBeNull();
    for (const bad of ['2023-02-29', '1900-02-29', '2100-02-29', '1984-04-31', '--04-31', '--02-30', '--00-10', '--13-01'])
      expect(birthdayProblem(bad), bad).not.toBeNull();
    for (const bad of ['19840229', '--0229', '84-02-29', '1984-2-29', ' 1984-02-29', '1984-02-29T00:00:00Z', ''])
      expect(birthdayProblem(bad), bad).toBe('a birthday is YYYY-MM-DD, or --MM-DD when the year is unknown');
  });

  it('checks in the web app exactly what the API accepts', () => {
    const samples = ['1984-02-29', '2023-02-29', '--02-29', '--02-30', '1984-04-31', '0999-01-01', '1000-01-01', 'x', '--1-1'];
    for (const s of samples) expect(Birthday.safeParse(s).success, s).toBe(birthdayProblem(s) === null);
  });

  it('goes from parts to the stored form and back', () => {
    expect(toBirthday({ year: 1984, month: 2, day: 29 })).toBe('1984-02-29');
    expect(toBirthday({ year: null, month: 2, day: 29 })).toBe('--02-29');
    expect(toBirthday({ year: 1983, month: 2, day: 29 })).toBeNull();
    expect(toBirthday({ year: null, month: 4, day: 31 })).toBeNull();
    expect(toBirthday({ year: 1984.5, month: 2, day: 1 })).toBeNull();
    expect(birthdayParts('1984-02-29')).toEqual({ year: 1984, month: 2, day: 29 });
    expect(birthdayParts('--07-04')).toEqual({ year: null, month: 7, day: 4 });
    expect(birthdayParts('2023-02-29')).toBeNull();
    expect(birthdayParts(null)).toBeNull();
  });

  it('is written in words in Italian and English, without the year when unknown', () => {
    expect(formatBirthday('1984-02-29', 'it')).toBe('29 febbraio 1984');
    expect(formatBirthday('1984-02-29', 'en')).toBe('29 February 1984');
    expect(formatBirthday('--02-29', 'it')).toBe('29 febbraio');
    expect(formatBirthday('--02-29', 'en')).toBe('29 February');
    expect(formatBirthday('--12-01', 'it')).toBe('1 dicembre');
    expect(monthNames('it')[0]).toBe('gennaio');
    expect(monthNames('en')[11]).toBe('December');
  });
});
