/**
 * Every word Rete writes to the people of an introduction, in Italian and English: the drafted
 * requests (which the user edits), the frame around them (answer links, GDPR art. 14 notice), the
 * reminder, the introduction email, and the answer page. Inputs are plain text; callers escape.
 */
import { LOCALES, type Locale } from '#shared/api/values.ts';

export type Lang = Locale;

/** Bumped whenever the wording of the request or answer page changes: it goes into the consent record. */
export const TEXT_VERSION = 'intro-v1';

export interface PersonBrief {
  name: string;
  role: string | null;
  company: string | null;
}

const firstName = (name: string): string => name.trim().split(/\s+/)[0] ?? name;

function describe(p: PersonBrief, lang: Lang): string {
  const at = lang === 'it' ? ' presso ' : ' at ';
  const tail = p.role && p.company ? `${p.role}${at}${p.company}` : (p.role ?? p.company);
  return tail ? `${p.name} (${tail})` : p.name;
}

export interface DraftInput {
  lang: Lang;
  userName: string;
  recipient: PersonBrief;
  /** The other side; null when the other side is the user: "shall we get in touch?". */
  other: PersonBrief | null;
  note: string;
}

/** The message drafted for one side; the user may edit both parts before sending. */
export function draftRequest(d: DraftInput): { subject: string; body: string } {
  const hi = d.lang === 'it' ? `Ciao ${firstName(d.recipient.name)},` : `Hi ${firstName(d.recipient.name)},`;
  if (!d.other) {
    return d.lang === 'it'
      ? {
          subject: `${d.userName}: possiamo sentirci?`,
          body: `${hi}\n\nmi piacerebbe metterci in contatto. ${d.note}\n\nTi va? Se accetti, ti scrivo io per organizzarci.\n\nUn saluto,\n${d.userName}`,
        }
      : {
          subject: `${d.userName}: shall we get in touch?`,
          body: `${hi}\n\nI would like us to get in touch. ${d.note}\n\nWould you like that? If you accept, I will write to you to arrange it.\n\nBest regards,\n${d.userName}`,
        };
  }
  const other = describe(d.other, d.lang);
  return d.lang === 'it'
    ? {
        subject: `Ti presento ${d.other.name}?`,
        body: `${hi}\n\nvorrei presentarti ${other}. ${d.note}\n\nTi andrebbe di conoscere ${firstName(d.other.name)}? Se accetti, e se accetta anche ${firstName(d.other.name)}, vi scriverò una sola email con voi due in copia.\n\nUn saluto,\n${d.userName}`,
      }
    : {
        subject: `May I introduce you to ${d.other.name}?`,
        body: `${hi}\n\nI would like to introduce you to ${other}. ${d.note}\n\nWould you like to meet? If you accept, and ${firstName(d.other.name)} accepts too, I will send one email to both of you.\n\nBest regards,\n${d.userName}`,
      };
}

export interface FrameInput {
  lang: Lang;
  userName: string;
  userEmail: string;
  /** The answer page; `?choice=accept` / `?choice=decline` preselect a button there. */
  link: string;
  /** GDPR art. 14: this is the first email to this person, who is not a user of this Rete. */
  privacyNotice: boolean;
  reminder: boolean;
}

export interface FrameText {
  intro: string | null;
  acceptLabel: string;
  declineLabel: string;
  answerLine: string;
  privacy: string[] | null;
  footer: string;
}

/** The parts Rete adds around the user's words. */
export function frame(f: FrameInput): FrameText {
  const it = f.lang === 'it';
  return {
    intro: f.reminder
      ? it
        ? `Promemoria: ${f.userName} ti ha scritto qualche giorno fa e aspetta la tua risposta. Se non ti interessa, puoi semplicemente rifiutare.`
        : `A reminder: ${f.userName} wrote to you a few days ago and is waiting for your answer. If you are not interested, you can simply decline.`
      : null,
    acceptLabel: it ? 'Accetto' : 'I accept',
    declineLabel: it ? 'No, grazie' : 'No, thank you',
    answerLine: it
      ? 'Rispondi con un clic su una delle due scelte (si apre una pagina di conferma). Il tuo rifiuto resta riservato: l’altra persona non ne sarà informata.'
      : 'Answer with one click on either choice (a confirmation page opens). A decline stays private: the other person will not be told.',
    privacy: f.privacyNotice
      ? it
        ? [
            `Perché ricevi questa email: ${f.userName} (${f.userEmail}) conserva il tuo nome e il tuo indirizzo email tra i propri contatti in Rete, un'applicazione per gestire la propria rete professionale, e li usa per proporti questa presentazione. ${f.userName} è titolare del trattamento di questi dati; la fonte sono i suoi contatti.`,
            `Finalità: proporti una presentazione; nessun dato sull'altra persona o su di te viene scambiato senza il consenso di tutte e due le persone. I dati restano finché ${f.userName} ti mantiene tra i propri contatti.`,
            `I tuoi diritti: puoi chiedere a ${f.userName} di accedere ai tuoi dati, correggerli o cancellarli, scrivendo a ${f.userEmail}. Puoi opporti a ogni ulteriore email di presentazione con il pulsante "Non contattarmi più" nella stessa pagina del link qui sopra.`,
          ]
        : [
            `Why you are receiving this email: ${f.userName} (${f.userEmail}) keeps your name and email address among their contacts in Rete, an application for managing a professional network, and uses them to propose this introduction. ${f.userName} is the controller of this data; the source is their contacts.`,
            `Purpose: to propose an introduction; nothing about the other person or about you is exchanged without the consent of both. The data stays as long as ${f.userName} keeps you among their contacts.`,
            `Your rights: you can ask ${f.userName} to access, correct or erase your data by writing to ${f.userEmail}. You can object to any further introduction email with the "Do not contact me again" button on the page of the link above.`,
          ]
      : null,
    footer: it
      ? `Inviata con Rete per conto di ${f.userName}. Rispondendo a questa email scrivi a ${f.userName}.`
      : `Sent with Rete on behalf of ${f.userName}. Replying to this email writes to ${f.userName}.`,
  };
}

export interface ConnectInput {
  langs: Lang[];
  userName: string;
  a: { name: string; email: string };
  b: { name: string; email: string };
  /** One of the two is the user. */
  userIsSide: boolean;
  note: string;
}

/** The introduction email to both, in their common language, or in Italian and English. */
export function connectEmail(c: ConnectInput): { subject: string; body: string } {
  const langs: Lang[] = LOCALES.every((l) => c.langs.includes(l)) ? [...LOCALES] : [c.langs[0] ?? 'en'];
  const a = firstName(c.a.name);
  const b = firstName(c.b.name);
  const blocks = langs.map((lang) =>
    lang === 'it'
      ? [
          `Ciao ${a} e ${b},`,
          c.userIsSide
            ? 'grazie per aver accettato: eccoci in contatto.'
            : 'la presentazione è stata accettata da voi due: eccovi in contatto.',
          c.note,
          `${c.a.name}: ${c.a.email}\n${c.b.name}: ${c.b.email}`,
          c.userIsSide ? `A presto,\n${c.userName}` : `Ora la parola passa a voi. Buon lavoro!\n${c.userName}`,
        ].join('\n\n')
      : [
          `Hi ${a} and ${b},`,
          c.userIsSide
            ? 'thank you for accepting: here we are, in touch.'
            : 'you both accepted the introduction: here you are, in touch.',
          c.note,
          `${c.a.name}: ${c.a.email}\n${c.b.name}: ${c.b.email}`,
          c.userIsSide ? `Talk soon,\n${c.userName}` : `I will let you take it from here. All the best!\n${c.userName}`,
        ].join('\n\n'),
  );
  const subject =
    langs.length === 2
      ? `${c.a.name} ↔ ${c.b.name}: vi presento / an introduction`
      : langs[0] === 'it'
        ? `${c.a.name} ↔ ${c.b.name}: vi presento`
        : `${c.a.name} ↔ ${c.b.name}: an introduction`;
  return { subject, body: blocks.join('\n\n— — —\n\n') };
}

// --- The answer page ---------------------------------------------------------------------

export interface PageText {
  title: string;
  lead: string;
  accept: string;
  decline: string;
  object: string;
  objectHelp: string;
  privateNote: string;
}

export function answerPage(lang: Lang, userName: string, otherName: string | null): PageText {
  if (lang === 'it')
    return {
      title: 'Una presentazione',
      lead: otherName
        ? `${userName} vorrebbe presentarti ${otherName}. Accetti?`
        : `${userName} vorrebbe mettersi in contatto con te. Accetti?`,
      accept: 'Accetto',
      decline: 'No, grazie',
      object: 'Non contattarmi più',
      objectHelp: `Rifiuta e chiedi a ${userName} di non scriverti più tramite Rete (opposizione, art. 21 GDPR).`,
      privateNote: 'Se rifiuti, l’altra persona non ne sarà informata.',
    };
  return {
    title: 'An introduction',
    lead: otherName
      ? `${userName} would like to introduce you to ${otherName}. Do you accept?`
      : `${userName} would like to get in touch with you. Do you accept?`,
    accept: 'I accept',
    decline: 'No, thank you',
    object: 'Do not contact me again',
    objectHelp: `Decline, and ask ${userName} not to write to you through Rete again (objection, GDPR art. 21).`,
    privateNote: 'If you decline, the other person will not be told.',
  };
}

export function answeredPage(
  lang: Lang,
  action: 'accept' | 'decline' | 'object',
  userName: string,
): { title: string; body: string } {
  const it = lang === 'it';
  switch (action) {
    case 'accept':
      return it
        ? {
            title: 'Grazie!',
            body: `Hai accettato. Quando la presentazione sarà accettata da tutte e due le parti, ${userName} vi metterà in contatto con una email.`,
          }
        : {
            title: 'Thank you!',
            body: `You accepted. As soon as you have both accepted, ${userName} will put you in touch by email.`,
          };
    case 'decline':
      return it
        ? { title: 'Grazie', body: 'Hai rifiutato. Nessuno oltre a chi ti ha scritto lo saprà.' }
        : { title: 'Thank you', body: 'You declined. Nobody but the person who wrote to you will know.' };
    case 'object':
      return it
        ? { title: 'Fatto', body: `Non riceverai altre email di presentazione da ${userName} tramite Rete.` }
        : { title: 'Done', body: `You will not receive further introduction emails from ${userName} through Rete.` };
  }
}

/** The one answer for a wrong, used or expired link: it says nothing about which. */
export const INVALID_PAGE = {
  title: 'Link non valido · Invalid link',
  it: 'Questo link non è valido, è scaduto o è già stato usato.',
  en: 'This link is not valid, has expired or has already been used.',
};
