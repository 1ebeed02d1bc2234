/** The words of the weekly digest and of its unsubscribe page, in Italian and English. */
import type { Locale, TodayItemKind } from '#shared/api/values.ts';

export interface DigestTexts {
  subject(count: number): string;
  greeting(name: string): string;
  lead(count: number, weekOf: string): string;
  sections: Record<TodayItemKind, string>;
  give(person: string, need: string): string;
  helpers(names: string[]): string;
  you: string;
  /** The user as a side of an introduction. */
  me: string;
  through(name: string): string;
  introDraft(a: string, b: string): string;
  introWaiting(a: string, b: string): string;
  introOutcome(a: string, b: string): string;
  followUp(text: string, person: string | null, due: string, late: boolean): string;
  keepInTouch(name: string, everyDays: number, due: string): string;
  goingCold(name: string, since: string): string;
  birthday(name: string, day: string, age: number | null): string;
  goal(given: number, goal: number | null): string;
  emptyLead: string;
  emptyIdeas: string[];
  openToday: string;
  why: string;
  unsubscribe: string;
  settings: string;
  someone: string;
}

const it: DigestTexts = {
  subject: (n) => (n === 0 ? 'La tua settimana su Rete' : `La tua settimana su Rete: ${n} ${n === 1 ? 'cosa' : 'cose'} da fare`),
  greeting: (name) => `Ciao ${name},`,
  lead: (n, week) =>
    n === 0
      ? `ecco la tua settimana su Rete (dal ${week}).`
      : `ecco la tua settimana su Rete (dal ${week}): ${n} ${n === 1 ? 'cosa che vale' : 'cose che valgono'} la pena di fare.`,
  sections: {
    give: 'Modi per dare',
    intro_draft: 'Presentazioni',
    intro_waiting: 'Presentazioni',
    intro_outcome: 'Presentazioni',
    follow_up: 'Follow-up',
    keep_in_touch: 'Da sentire',
    going_cold: 'Rapporti che si raffreddano',
    birthday: 'Compleanni',
  },
  give: (person, need) => `${person} cerca: ${need}`,
  helpers: (names) => `Può aiutare: ${names.join(', ')}`,
  you: 'tu',
  me: 'te',
  through: (name) => `tramite ${name}`,
  introDraft: (a, b) => `Bozza da inviare: ${a} ↔ ${b}`,
  introWaiting: (a, b) => `In attesa di risposta: ${a} ↔ ${b}`,
  introOutcome: (a, b) => `Ne è venuto qualcosa? ${a} ↔ ${b}`,
  followUp: (text, person, due, late) => `${person ? `${person}: ` : ''}${text} (${late ? 'scaduto il' : 'entro'} ${due})`,
  keepInTouch: (name, every, due) => `${name}: da sentire ogni ${every} giorni, dal ${due}`,
  goingCold: (name, since) => `${name}: nessun contatto dal ${since}`,
  birthday: (name, day, age) => `${name} compie ${age === null ? 'gli anni' : `${age} anni`} ${day}`,
  goal: (given, goal) =>
    goal === null
      ? `Dare questa settimana: ${given} finora.`
      : `Obiettivo della settimana: ${given} su ${goal} ${goal === 1 ? 'dono' : 'doni'}.`,
  emptyLead: 'Questa settimana non c’è niente in scadenza. Qualche idea per cominciare:',
  emptyIdeas: [
    'scrivi di cosa hanno bisogno i tuoi contatti: Rete ti dirà chi può aiutarli;',
    'scegli ogni quanto sentire le persone che contano (per persona o per etichetta);',
    'registra una chiamata o un caffè: il tempo per sentirsi riparte da lì.',
  ],
  openToday: 'Apri Oggi',
  why: 'Ricevi questa email perché hai attivato il riepilogo settimanale di Rete.',
  unsubscribe: 'Non ricevere più il riepilogo (un clic)',
  settings: 'Cambia giorno e ora',
  someone: 'qualcuno',
};

const en: DigestTexts = {
  subject: (n) => (n === 0 ? 'Your week in Rete' : `Your week in Rete: ${n} ${n === 1 ? 'thing' : 'things'} to do`),
  greeting: (name) => `Hi ${name},`,
  lead: (n, week) =>
    n === 0
      ? `here is your week in Rete (from ${week}).`
      : `here is your week in Rete (from ${week}): ${n} ${n === 1 ? 'thing' : 'things'} worth doing.`,
  sections: {
    give: 'Ways to give',
    intro_draft: 'Introductions',
    intro_waiting: 'Introductions',
    intro_outcome: 'Introductions',
    follow_up: 'Follow-ups',
    keep_in_touch: 'Keep in touch',
    going_cold: 'Going cold',
    birthday: 'Birthdays',
  },
  give: (person, need) => `${person} is looking for: ${need}`,
  helpers: (names) => `Who can help: ${names.join(', ')}`,
  you: 'you',
  me: 'you',
  through: (name) => `through ${name}`,
  introDraft: (a, b) => `Draft to send: ${a} ↔ ${b}`,
  introWaiting: (a, b) => `Waiting for an answer: ${a} ↔ ${b}`,
  introOutcome: (a, b) => `Did anything come of it? ${a} ↔ ${b}`,
  followUp: (text, person, due, late) => `${person ? `${person}: ` : ''}${text} (${late ? 'due since' : 'due'} ${due})`,
  keepInTouch: (name, every, due) => `${name}: every ${every} days, due since ${due}`,
  goingCold: (name, since) => `${name}: no contact since ${since}`,
  birthday: (name, day, age) => `${name} turns ${age === null ? 'a year older' : age} on ${day}`,
  goal: (given, goal) => (goal === null ? `Gives this week: ${given} so far.` : `Giving goal this week: ${given} of ${goal}.`),
  emptyLead: 'Nothing is due this week. A few ideas to start with:',
  emptyIdeas: [
    'write down what your contacts need: Rete will tell you who can help them;',
    'choose how often to get in touch with the people who matter (per person or per tag);',
    'log a call or a coffee: keep-in-touch counts from there.',
  ],
  openToday: 'Open Today',
  why: 'You get this email because you turned on the weekly digest of Rete.',
  unsubscribe: 'Stop the digest (one click)',
  settings: 'Change the day and hour',
  someone: 'someone',
};

export const digestTexts = (lang: Locale): DigestTexts => (lang === 'it' ? it : en);

/** The unsubscribe page (`/u/{token}`). */
export interface UnsubscribeTexts {
  title: string;
  lead: string;
  button: string;
  doneTitle: string;
  done: string;
}

export const unsubscribeTexts = (lang: Locale): UnsubscribeTexts =>
  lang === 'it'
    ? {
        title: 'Riepilogo settimanale di Rete',
        lead: 'Vuoi smettere di ricevere il riepilogo settimanale via email? Puoi riattivarlo quando vuoi dalle impostazioni.',
        button: 'Non inviarmelo più',
        doneTitle: 'Fatto',
        done: 'Non riceverai più il riepilogo settimanale. Puoi riattivarlo dalle impostazioni di Rete.',
      }
    : {
        title: 'Rete weekly digest',
        lead: 'Do you want to stop getting the weekly digest by email? You can turn it back on at any time in Settings.',
        button: 'Stop sending it',
        doneTitle: 'Done',
        done: 'You will not get the weekly digest any more. You can turn it back on in the settings of Rete.',
      };

export const INVALID_UNSUBSCRIBE = {
  title: 'Link non valido · Invalid link',
  it: 'Questo link non funziona. Puoi disattivare il riepilogo dalle impostazioni di Rete.',
  en: 'This link does not work. You can turn the digest off in the settings of Rete.',
};
