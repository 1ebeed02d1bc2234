/** The words of the calendar feed's events, in the user's language. */
import type { Locale } from '#shared/api/values.ts';

export interface FeedTexts {
  calendarName: string;
  oneToOne(name: string): string;
  followUp(text: string, name: string | null): string;
  keepInTouch(name: string): string;
  keepInTouchDetail(everyDays: number, lastContact: string | null): string;
  birthday(name: string): string;
  open: string;
}

const it: FeedTexts = {
  calendarName: 'Rete',
  oneToOne: (name) => `One-to-one con ${name}`,
  followUp: (text, name) => (name ? `${name}: ${text}` : text),
  keepInTouch: (name) => `Sentire ${name}`,
  keepInTouchDetail: (every, last) =>
    `Tenersi in contatto ogni ${every} giorni. ${last ? `Ultimo contatto: ${last}.` : 'Nessun contatto registrato.'}`,
  birthday: (name) => `Compleanno di ${name}`,
  open: 'Apri in Rete',
};

const en: FeedTexts = {
  calendarName: 'Rete',
  oneToOne: (name) => `One-to-one with ${name}`,
  followUp: (text, name) => (name ? `${name}: ${text}` : text),
  keepInTouch: (name) => `Get in touch with ${name}`,
  keepInTouchDetail: (every, last) =>
    `Keep in touch every ${every} days. ${last ? `Last contact: ${last}.` : 'No contact recorded.'}`,
  birthday: (name) => `${name}'s birthday`,
  open: 'Open in Rete',
};

export const feedTexts = (lang: Locale): FeedTexts => (lang === 'it' ? it : en);
