/**
 * Italian has no neutral "they": wording that guesses a person's gender ("Benvenuto, Marta",
 * "contattato/a", "che li conosce bene" for one person) reads wrong to half the people it names.
 * Everything Rete writes in Italian about a person is phrased so that it fits anyone.
 */
import { describe, expect, it } from 'vitest';
import italian from '#web/i18n/it.json' with { type: 'json' };
import { ALL_CONCEPTS } from '#server/features/matching/concepts/index.ts';
import { linkedinHowMet, sourceNote } from '#server/features/import/import.service.ts';
import {
  askAnsweredPage,
  askAnswerPage,
  askFrame,
  askIntroNote,
  askReceivedText,
  draftAsk,
} from '#server/features/intros/asks.texts.ts';
import { answeredPage, answerPage, connectEmail, draftRequest, frame } from '#server/features/intros/texts.ts';
import { feedTexts } from '#server/features/calendar/calendar.texts.ts';
import { renderDigest } from '#server/features/digest/digest.render.ts';
import { unsubscribeTexts } from '#server/features/digest/digest.texts.ts';
import type { Today, TodayItem } from '#shared/api/routine.ts';

/** Forms that take a side: slashed endings, greetings that agree with the person, plural "li" for one. */
const GUESSES: Array<[string, RegExp]> = [
  ['slashed ending (contattato/a, gli/le)', /\p{L}\/(a|o|e|i|le|la|lo)\b/u],
  // "Ti diamo il benvenuto" (a noun) fits anyone; "Benvenuto, Marta" (an adjective) does not.
  ['greeting that agrees with the person', /(?<!\bil )\b(benvenut|bentornat)[oaie]\b/i],
  ['"per primo"', /\bper prim[oa]\b/i],
  ['"li conosce" for one person', /\bli conosce\b/i],
  ['participle about the person', /\b(è|sei) stat[oa] (eliminat|cancellat|importat|contattat)[oa]\b/i],
  ['"conoscerlo" / "conoscerla"', /\bconoscerl[oa]\b/i],
  ['"entrambi" / "da soli" for two people', /\b(entrambi|da soli|tutti e due)\b/i],
  ['"si è opposto"', /\bsi è oppost[oa]\b/i],
  ['"l\'ultimo amministratore"', /\bultimo amministratore\b/i],
];

function strings(o: unknown, path = ''): Array<[string, string]> {
  if (typeof o === 'string') return [[path, o]];
  if (o && typeof o === 'object') return Object.entries(o).flatMap(([k, v]) => strings(v, path ? `${path}.${k}` : k));
  return [];
}

function guesses(texts: Array<[string, string]>): string[] {
  return texts.flatMap(([where, text]) =>
    GUESSES.filter(([, re]) => re.test(text)).map(([what]) => `${where}: ${what}: ${text}`),
  );
}

describe('Italian wording fits anyone', () => {
  it('in the web app', () => {
    expect(guesses(strings(italian))).toEqual([]);
  });

  it('in what an import writes about a person', () => {
    const at = new Date('2024-03-12T10:00:00Z');
    const texts: Array<[string, string]> = (['vcard', 'linkedin', 'google', 'csv', 'json'] as const).map((f) => [
      `source note ${f}`,
      sourceNote(f, 'it', at),
    ]);
    texts.push(['LinkedIn how we met', linkedinHowMet('it', '12 Mar 2024', undefined)]);
    // "Importato da vCard" agrees with a man; a noun fits anyone.
    expect(guesses(texts)).toEqual([]);
    expect(texts.map(([, t]) => t).filter((t) => /^Importat[oa]\b/.test(t))).toEqual([]);
  });

  it('in the emails and pages of an introduction', () => {
    const person = { name: 'Andrea Neri', role: null, company: null };
    const texts: Array<[string, string]> = [];
    const draft = draftRequest({
      lang: 'it',
      userName: 'Marta',
      recipient: person,
      other: { ...person, name: 'Sasha Bianchi' },
      note: '',
    });
    texts.push(['draft', `${draft.subject}\n${draft.body}`]);
    const own = draftRequest({ lang: 'it', userName: 'Marta', recipient: person, other: null, note: '' });
    texts.push(['draft to meet me', `${own.subject}\n${own.body}`]);
    for (const userIsSide of [true, false]) {
      const c = connectEmail({
        langs: ['it'],
        userName: 'Marta',
        a: { name: 'Andrea Neri', email: 'a@example.it' },
        b: { name: 'Sasha Bianchi', email: 'b@example.it' },
        userIsSide,
        note: '',
      });
      texts.push(['connect', `${c.subject}\n${c.body}`]);
    }
    const f = frame({ lang: 'it', userName: 'Marta', userEmail: 'm@example.it', link: 'x', privacyNotice: true, reminder: true });
    texts.push(['frame', [f.intro, f.answerLine, ...(f.privacy ?? []), f.footer].join('\n')]);
    texts.push(...strings(answerPage('it', 'Marta', 'Sasha')).map(([k, v]): [string, string] => [`answer page ${k}`, v]));
    for (const action of ['accept', 'decline', 'object'] as const) {
      const p = answeredPage('it', action, 'Marta');
      texts.push([`answered ${action}`, `${p.title}\n${p.body}`]);
    }
    expect(guesses(texts)).toEqual([]);
    // The one with a name says the name.
    expect(draft.body).toContain('Ti andrebbe di conoscere Sasha?');
  });

  it('in the emails and pages of an ask through a contact', () => {
    const texts: Array<[string, string]> = [];
    const person = { name: 'Andrea Neri', role: 'Commercialista', company: null };
    for (const seeker of [null, { name: 'Sasha Bianchi', role: null, company: null }]) {
      const d = draftAsk({
        lang: 'it',
        forwardLang: 'it',
        userName: 'Marta',
        userEmail: 'm@example.it',
        via: { name: 'Enrico Farina' },
        helper: person,
        seeker,
        need: 'un commercialista',
        why: 'dichiarazione dei redditi',
      });
      texts.push([`ask ${seeker ? 'for a contact' : 'for me'}`, `${d.subject}\n${d.body}`]);
      const p = askAnswerPage('it', { userName: 'Marta', helperName: 'Andrea', seekerName: seeker?.name ?? null, need: 'x' });
      texts.push(...strings(p).map(([k, v]): [string, string] => [`ask page ${k}`, v]));
      const names = { viaName: 'Enrico', helperName: 'Andrea', seekerName: seeker?.name ?? null, need: 'x' };
      texts.push(['ask intro note', askIntroNote('it', names)], ['ask ledger', askReceivedText('it', names)]);
    }
    const f = askFrame({
      lang: 'it',
      userName: 'Marta',
      userEmail: 'm@example.it',
      helperName: 'Andrea',
      privacyNotice: true,
      reminder: true,
    });
    texts.push([
      'ask frame',
      [f.intro, f.yesLabel, f.noLabel, f.goneLabel, f.answerLine, ...(f.privacy ?? []), f.footer].join('\n'),
    ]);
    for (const action of ['yes', 'no', 'gone', 'object'] as const) {
      const p = askAnsweredPage('it', action, { userName: 'Marta', helperName: 'Andrea' });
      texts.push([`ask answered ${action}`, `${p.title}\n${p.body}`]);
    }
    expect(guesses(texts)).toEqual([]);
    // Nothing guesses about two people either ("metterli in contatto").
    expect(texts.filter(([, t]) => /\bmetterl[ie]\b/.test(t))).toEqual([]);
  });

  it('in the weekly digest, its unsubscribe page and the calendar feed', () => {
    const person = { id: '00000000-0000-4000-8000-000000000001', name: 'Andrea Neri' };
    const other = { id: '00000000-0000-4000-8000-000000000002', name: 'Sasha Bianchi' };
    const item = (kind: TodayItem['kind'], extra: Partial<TodayItem> = {}): TodayItem => ({
      key: `${kind}:x`,
      kind,
      person,
      date: '2027-03-20',
      days: 2,
      isNew: false,
      need: null,
      helpers: [],
      intro: null,
      followUp: null,
      everyDays: null,
      lastContactAt: null,
      age: null,
      ...extra,
    });
    const intro = { id: other.id, status: 'draft', other };
    const today: Today = {
      date: '2027-03-22',
      timeZone: 'Europe/Rome',
      weekStart: '2027-03-22',
      items: [
        item('give', { need: { id: 'n', text: 'un commercialista' }, helpers: [{ ...other, via: person, isMe: false }] }),
        item('intro_draft', { intro }),
        item('intro_waiting', { intro }),
        item('intro_outcome', { intro }),
        item('keep_in_touch', { everyDays: 30 }),
        item('going_cold'),
        item('birthday', { age: 40, days: -3 }),
      ],
      goal: { perWeek: 3, givenThisWeek: 1 },
      counts: { people: 3, openNeeds: 1, cadences: 1, hidden: 0 },
    };
    const links = { lang: 'it' as const, name: 'Marta', base: 'https://rete.example', unsubscribe: 'https://rete.example/u/x' };
    const texts: Array<[string, string]> = [
      ['digest', renderDigest(today, links).text],
      ['empty digest', renderDigest({ ...today, items: [] }, links).text],
      ...strings(unsubscribeTexts('it')).map(([k, v]): [string, string] => [`unsubscribe page ${k}`, v]),
    ];
    const t = feedTexts('it');
    texts.push([
      'calendar feed',
      [
        t.oneToOne('Andrea'),
        t.followUp('richiamare', 'Andrea'),
        t.keepInTouch('Andrea'),
        t.keepInTouchDetail(30, null),
        t.birthday('Andrea'),
      ].join('\n'),
    ]);
    expect(guesses(texts)).toEqual([]);
  });

  it('in the reasons of the Value Finder: concepts are services, not a man doing them', () => {
    const masculine =
      /^(avvocato|notaio|architetto|psicologo|fotografo|idraulico|imbianchino|agronomo|direttore|mediatore|il fondatore)\b/i;
    expect(ALL_CONCEPTS.filter((c) => masculine.test(c.it)).map((c) => `${c.id}: ${c.it}`)).toEqual([]);
  });
});
