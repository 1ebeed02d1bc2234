/**
 * Every word Rete writes for an ask through a contact, in Italian and English: the email drafted
 * to the intermediary (which the user may edit) with a short text to forward to the helper, the
 * frame around it (answer links, GDPR art. 14 notice, reminder), the answer page, the note of the
 * introduction drafted on "yes", and the line recorded in the ledger. Italian fits anyone: no
 * agreement with anybody's gender. Inputs are plain text; callers escape.
 */
import type { Lang, PersonBrief } from './texts.ts';

export type AskAnswer = 'yes' | 'no' | 'gone' | 'object';

const firstName = (name: string): string => name.trim().split(/\s+/)[0] ?? name;

function describe(p: PersonBrief, lang: Lang): string {
  const at = lang === 'it' ? ' presso ' : ' at ';
  const tail = p.role && p.company ? `${p.role}${at}${p.company}` : (p.role ?? p.company);
  return tail ? `${p.name} (${tail})` : p.name;
}

const quote = (s: string, lang: Lang): string => (lang === 'it' ? `«${s}»` : `"${s}"`);

export interface AskDraftInput {
  /** The intermediary's language: the email's. */
  lang: Lang;
  /** The helper's language: the text to forward to them. */
  forwardLang: Lang;
  userName: string;
  userEmail: string;
  via: { name: string };
  helper: PersonBrief;
  /** Whose need it is; null when it is the user's own. */
  seeker: PersonBrief | null;
  need: string;
  /** Why the helper (their offer or role); empty when nothing is known. */
  why: string;
}

/** The short text the intermediary can forward to the helper, in the helper's language. */
export function forwardText(d: AskDraftInput): string {
  const lang = d.forwardLang;
  const h = firstName(d.helper.name);
  const need = quote(d.need, lang);
  const why = d.why ? quote(d.why, lang) : '';
  if (lang === 'it') {
    const who = d.seeker ? d.seeker.name : `${d.userName} (${d.userEmail})`;
    return [
      `Ciao ${h}, ti presento ${who}, che cerca aiuto per ${need}${why ? `: ho pensato a te per ${why}` : ''}.`,
      d.seeker
        ? `${d.userName} ti scriverà tramite Rete per presentarvi; potrai rispondere con un clic.`
        : `${d.userName} ti scriverà tramite Rete; potrai rispondere con un clic.`,
      firstName(d.via.name),
    ].join(' ');
  }
  const who = d.seeker ? d.seeker.name : `${d.userName} (${d.userEmail})`;
  return [
    `Hi ${h}, let me introduce ${who}, who is looking for help with ${need}${why ? `: I thought of you for ${why}` : ''}.`,
    d.seeker
      ? `${d.userName} will write to you through Rete to introduce you; you can answer with one click.`
      : `${d.userName} will write to you through Rete; you can answer with one click.`,
    firstName(d.via.name),
  ].join(' ');
}

/** The email to the intermediary, as drafted; the user may edit both parts before sending. */
export function draftAsk(d: AskDraftInput): { subject: string; body: string } {
  const v = firstName(d.via.name);
  const h = firstName(d.helper.name);
  const helper = describe(d.helper, d.lang);
  const need = quote(d.need, d.lang);
  const forward = forwardText(d);
  if (d.lang === 'it') {
    const s = d.seeker ? firstName(d.seeker.name) : '';
    const opening = d.seeker
      ? `ti scrivo per chiederti un favore: ${describe(d.seeker, 'it')} cerca aiuto per ${need}, e so che conosci ${helper}.`
      : `ti scrivo per chiederti un favore: sto cercando aiuto per ${need}, e so che conosci ${helper}.`;
    const ask = d.seeker
      ? `Presenteresti ${s} a ${h}? Se ti va, qui sotto c'è un breve testo da inoltrare; poi, tramite Rete, chiederò a ${s} e a ${h} se vogliono conoscersi.`
      : `Mi presenteresti a ${h}? Se ti va, qui sotto c'è un breve testo da inoltrare; poi scriverò io a ${h} tramite Rete.`;
    return {
      subject: d.seeker ? `Presenteresti ${d.seeker.name} a ${d.helper.name}?` : `Mi presenteresti a ${d.helper.name}?`,
      body: [
        `Ciao ${v},`,
        [opening, d.why ? `Ho pensato a ${h} per ${quote(d.why, 'it')}.` : ''].filter(Boolean).join(' '),
        ask,
        `Grazie!\n${d.userName}`,
        `——— Da inoltrare a ${h} ———\n${forward}`,
      ].join('\n\n'),
    };
  }
  const s = d.seeker ? firstName(d.seeker.name) : '';
  const opening = d.seeker
    ? `I am writing to ask you a favour: ${describe(d.seeker, 'en')} is looking for help with ${need}, and I know you know ${helper}.`
    : `I am writing to ask you a favour: I am looking for help with ${need}, and I know you know ${helper}.`;
  const ask = d.seeker
    ? `Would you introduce ${s} to ${h}? If you like, below is a short text you can forward; I will then ask ${s} and ${h} through Rete whether they would like to meet.`
    : `Would you introduce me to ${h}? If you like, below is a short text you can forward; I will then write to ${h} through Rete.`;
  return {
    subject: d.seeker
      ? `Would you introduce ${d.seeker.name} to ${d.helper.name}?`
      : `Would you introduce me to ${d.helper.name}?`,
    body: [
      `Hi ${v},`,
      [opening, d.why ? `I thought of ${h} for ${quote(d.why, 'en')}.` : ''].filter(Boolean).join(' '),
      ask,
      `Thank you!\n${d.userName}`,
      `——— To forward to ${h} ———\n${forward}`,
    ].join('\n\n'),
  };
}

export interface AskFrameInput {
  lang: Lang;
  userName: string;
  userEmail: string;
  helperName: string;
  /** GDPR art. 14: the first email to this person, who is not a user of this Rete. */
  privacyNotice: boolean;
  reminder: boolean;
}

export interface AskFrameText {
  intro: string | null;
  yesLabel: string;
  noLabel: string;
  goneLabel: string;
  answerLine: string;
  privacy: string[] | null;
  footer: string;
}

/** The parts Rete adds around the user's words. */
export function askFrame(f: AskFrameInput): AskFrameText {
  const it = f.lang === 'it';
  const labels = answerLabels(f.lang, f.helperName);
  return {
    intro: f.reminder
      ? it
        ? `Promemoria: ${f.userName} ti ha scritto qualche giorno fa e aspetta la tua risposta. Basta un clic, anche per dire di no.`
        : `A reminder: ${f.userName} wrote to you a few days ago and is waiting for your answer. One click is enough, also to say no.`
      : null,
    yesLabel: labels.yes,
    noLabel: labels.no,
    goneLabel: labels.gone,
    answerLine: it
      ? `Rispondi con un clic su una delle scelte (si apre una pagina di conferma). La tua risposta arriva solo a ${f.userName}.`
      : `Answer with one click on any choice (a confirmation page opens). Only ${f.userName} sees your answer.`,
    privacy: f.privacyNotice
      ? it
        ? [
            `Perché ricevi questa email: ${f.userName} (${f.userEmail}) conserva il tuo nome e il tuo indirizzo email tra i propri contatti in Rete, un'applicazione per gestire la propria rete professionale, e li usa per chiederti questa presentazione. ${f.userName} è titolare del trattamento di questi dati; la fonte sono i suoi contatti.`,
            `Finalità: chiederti una presentazione. I dati restano finché ${f.userName} ti mantiene tra i propri contatti.`,
            `I tuoi diritti: puoi chiedere a ${f.userName} di accedere ai tuoi dati, correggerli o cancellarli, scrivendo a ${f.userEmail}. Puoi opporti a ogni ulteriore email con il pulsante "Non contattarmi più" nella pagina del link qui sopra.`,
          ]
        : [
            `Why you are receiving this email: ${f.userName} (${f.userEmail}) keeps your name and email address among their contacts in Rete, an application for managing a professional network, and uses them to ask you for this introduction. ${f.userName} is the controller of this data; the source is their contacts.`,
            `Purpose: to ask you for an introduction. The data stays as long as ${f.userName} keeps you among their contacts.`,
            `Your rights: you can ask ${f.userName} to access, correct or erase your data by writing to ${f.userEmail}. You can object to any further email with the "Do not contact me again" button on the page of the link above.`,
          ]
      : null,
    footer: it
      ? `Inviata con Rete per conto di ${f.userName}. Rispondendo a questa email scrivi a ${f.userName}.`
      : `Sent with Rete on behalf of ${f.userName}. Replying to this email writes to ${f.userName}.`,
  };
}

function answerLabels(lang: Lang, helperName: string): { yes: string; no: string; gone: string } {
  return lang === 'it'
    ? { yes: 'Sì, faccio io la presentazione', no: 'No, preferisco di no', gone: `Non sono più in contatto con ${helperName}` }
    : {
        yes: 'Yes, I will make the introduction',
        no: 'No, I would rather not',
        gone: `I am no longer in touch with ${helperName}`,
      };
}

export interface AskPageText {
  title: string;
  lead: string;
  yes: string;
  no: string;
  gone: string;
  object: string;
  objectHelp: string;
  privateNote: string;
}

/** The answer page of an ask: what is asked, and the answers. */
export function askAnswerPage(
  lang: Lang,
  p: { userName: string; helperName: string; seekerName: string | null; need: string },
): AskPageText {
  const labels = answerLabels(lang, p.helperName);
  const need = quote(p.need, lang);
  if (lang === 'it')
    return {
      title: 'Una richiesta di presentazione',
      lead: p.seekerName
        ? `${p.userName} ti chiede di presentare ${p.seekerName} a ${p.helperName}, per ${need}. Ti va?`
        : `${p.userName} ti chiede di fare da tramite con ${p.helperName}, per ${need}. Ti va?`,
      ...labels,
      object: 'Non contattarmi più',
      objectHelp: `Rispondi di no e chiedi a ${p.userName} di non scriverti più tramite Rete (opposizione, art. 21 GDPR).`,
      privateNote: `La tua risposta arriva solo a ${p.userName}.`,
    };
  return {
    title: 'A request for an introduction',
    lead: p.seekerName
      ? `${p.userName} asks whether you would introduce ${p.seekerName} to ${p.helperName}, for ${need}.`
      : `${p.userName} asks whether you would make an introduction to ${p.helperName}, for ${need}.`,
    ...labels,
    object: 'Do not contact me again',
    objectHelp: `Say no, and ask ${p.userName} not to write to you through Rete again (objection, GDPR art. 21).`,
    privateNote: `Only ${p.userName} sees your answer.`,
  };
}

/** The page after an answer. */
export function askAnsweredPage(
  lang: Lang,
  action: AskAnswer,
  p: { userName: string; helperName: string },
): { title: string; body: string } {
  const it = lang === 'it';
  switch (action) {
    case 'yes':
      return it
        ? {
            title: 'Grazie!',
            body: `Se ti va, inoltra a ${p.helperName} il breve testo dell'email. ${p.userName} scriverà a ${p.helperName} tramite Rete, e ${p.helperName} potrà accettare o no.`,
          }
        : {
            title: 'Thank you!',
            body: `If you like, forward the short text of the email to ${p.helperName}. ${p.userName} will write to ${p.helperName} through Rete, and ${p.helperName} can accept or not.`,
          };
    case 'no':
      return it
        ? { title: 'Grazie della risposta', body: `${p.userName} lo saprà, e non ti chiederà altro per questa presentazione.` }
        : {
            title: 'Thank you for answering',
            body: `${p.userName} will know, and will not ask you again about this introduction.`,
          };
    case 'gone':
      return it
        ? { title: 'Grazie, capito', body: `${p.userName} non ti chiederà più presentazioni a ${p.helperName}.` }
        : { title: 'Thank you, understood', body: `${p.userName} will not ask you for introductions to ${p.helperName} again.` };
    case 'object':
      return it
        ? { title: 'Fatto', body: `Non riceverai altre email da ${p.userName} tramite Rete.` }
        : { title: 'Done', body: `You will not receive further emails from ${p.userName} through Rete.` };
  }
}

/** The note of the introduction drafted when the intermediary said yes (in the helper's language). */
export function askIntroNote(lang: Lang, p: { viaName: string; seekerName: string | null; need: string }): string {
  const need = quote(p.need, lang);
  if (lang === 'it')
    return p.seekerName
      ? `${p.viaName} ha accettato di fare da tramite. ${p.seekerName} cerca aiuto per ${need}.`
      : `${p.viaName} ha accettato di fare da tramite. Cerco aiuto per ${need}.`;
  return p.seekerName
    ? `${p.viaName} kindly agreed to make this introduction. ${p.seekerName} is looking for help with ${need}.`
    : `${p.viaName} kindly agreed to introduce us. I am looking for help with ${need}.`;
}

/** What the ledger records as received when the intermediary said yes (in the user's language). */
export function askReceivedText(
  lang: Lang,
  p: { viaName: string; helperName: string; seekerName: string | null; need: string },
): string {
  const need = quote(p.need, lang);
  if (lang === 'it')
    return p.seekerName
      ? `${p.viaName} presenta ${p.seekerName} a ${p.helperName} (per ${need})`
      : `${p.viaName} mi presenta ${p.helperName} (per ${need})`;
  return p.seekerName
    ? `${p.viaName} introduces ${p.seekerName} to ${p.helperName} (for ${need})`
    : `${p.viaName} introduces me to ${p.helperName} (for ${need})`;
}
