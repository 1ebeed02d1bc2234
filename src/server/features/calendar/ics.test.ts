/**
 * The calendar feed's writer, read back by a maintained iCalendar parser (ical.js) and checked
 * against the RFC 5545 rules a parser forgives: folding at 75 octets, CRLF, escapes, stable UIDs.
 */
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { zonedInstant } from '../../lib/time.ts';
import { escapeText, foldLine, writeCalendar, type IcsEvent } from './ics.ts';

const now = new Date('2026-12-07T10:00:00Z');
const events: IcsEvent[] = [
  {
    uid: 'followup-0190a1b2@rete',
    summary: 'Richiamare Laura, Studio Bianchi; parlare di "fatture\\elettroniche"',
    description: 'Prima riga\nseconda riga, con virgola; e punto e virgola\r\nterza',
    url: 'https://rete.example/people/0190a1b2',
    at: zonedInstant('2027-03-28', 9, 0, 'Europe/Rome'),
  },
  { uid: 'birthday-p1@rete', summary: 'Compleanno di Zoë Ødegård-Łukasiewicz 🎂', date: '1984-02-29', yearly: true },
  { uid: 'birthday-p2@rete', summary: 'Birthday of Ben', date: '1990-12-25', yearly: true },
  { uid: 'keep-in-touch-p3@rete', summary: 'Sentire Marco '.repeat(12).trim(), date: '2026-12-31' },
];

function parse(ics: string) {
  const cal = new ICAL.Component(ICAL.parse(ics));
  return cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
}

describe('the iCalendar writer', () => {
  const ics = writeCalendar({ name: 'Rete — Marta', events, now });

  it('reads back whole in a real parser: text unescaped, times and all-day dates as written', () => {
    const parsed = parse(ics);
    expect(parsed.map((e) => e.uid)).toEqual(events.map((e) => e.uid));
    const [call, leap, xmas, long] = parsed;
    expect(call?.summary).toBe(events[0]?.summary);
    expect(call?.description).toBe('Prima riga\nseconda riga, con virgola; e punto e virgola\nterza');
    // 09:00 in Rome on the day clocks go forward is 07:00 UTC.
    expect(call?.startDate.toJSDate().toISOString()).toBe('2027-03-28T07:00:00.000Z');
    expect(call?.endDate.toJSDate().toISOString()).toBe('2027-03-28T07:30:00.000Z');
    expect(leap?.summary).toBe(events[1]?.summary);
    expect(leap?.startDate.isDate).toBe(true);
    expect(leap?.startDate.toString()).toBe('1984-02-29');
    expect(xmas?.endDate.toString()).toBe('1990-12-26');
    expect(long?.summary).toBe(events[3]?.summary);
  });

  it('a birthday on 29 February recurs on the last day of February; others on their day', () => {
    const [, leap, xmas] = parse(ics);
    const years = (e: ICAL.Event | undefined, n: number) => {
      const it = e?.iterator();
      const out: string[] = [];
      for (let i = 0; i < n && it; i++) out.push(it.next()?.toString() ?? '');
      return out;
    };
    expect(years(leap, 5)).toEqual(['1984-02-29', '1985-02-28', '1986-02-28', '1987-02-28', '1988-02-29']);
    expect(years(xmas, 2)).toEqual(['1990-12-25', '1991-12-25']);
  });

  it('CRLF line ends, every line at most 75 octets, continuations opened by one space', () => {
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = ics.split('\r\n').slice(0, -1);
    for (const l of lines) expect(Buffer.byteLength(l, 'utf8')).toBeLessThanOrEqual(75);
    expect(lines.some((l) => l.startsWith(' '))).toBe(true);
    // Folding never cuts a character: every line is valid UTF-8 on its own.
    for (const l of lines) expect(Buffer.from(l, 'utf8').toString('utf8')).toBe(l);
  });

  it('the same events give the same UIDs and DTSTAMP comes from the clock', () => {
    const again = writeCalendar({ name: 'Rete — Marta', events, now });
    expect(again).toBe(ics);
    expect(ics).toContain('DTSTAMP:20261207T100000Z');
    expect(ics).toContain('PRODID:-//Rete//Rete calendar feed//EN');
  });

  it('escapes and folds by the rules', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf\rg')).toBe('a\\\\b\\;c\\,d\\ne\\nf\\ng');
    const line = 'SUMMARY:' + 'è'.repeat(60);
    const folded = foldLine(line).split('\r\n');
    expect(folded.length).toBeGreaterThan(1);
    expect(folded.map((l, i) => (i ? l.slice(1) : l)).join('')).toBe(line);
    for (const l of folded) expect(Buffer.byteLength(l)).toBeLessThanOrEqual(75);
  });

  it('an event with neither a date nor a time is a programming error', () => {
    expect(() => writeCalendar({ name: 'x', events: [{ uid: 'u', summary: 's' }], now })).toThrow(/neither/);
  });
});
