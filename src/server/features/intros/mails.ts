/**
 * The emails of an introduction (and of an ask to a contact to make one), rendered to a
 * plain-text part and an HTML part in which every inserted text is escaped. The answer link is not known when a message is queued (its token is
 * made when the job sends it, so that no token waits in clear in the database): the bodies carry
 * a placeholder that `withLink` replaces at sending time.
 */
import { LINK_PLACEHOLDER } from '../outbox/outbox.service.ts';
import { bodyText, escapeHtml, textToHtml } from '../email/sanitize.ts';
import { askFrame } from './asks.texts.ts';
import { connectEmail, frame, type ConnectInput, type Lang } from './texts.ts';

export { LINK_PLACEHOLDER };

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

const strip = (s: string): string => bodyText(s).split(LINK_PLACEHOLDER).join('');

function page(lang: Lang, inner: string): string {
  return [
    '<!doctype html>',
    `<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"></head>`,
    '<body style="font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5;color:#1a1a1a;max-width:600px;margin:0 auto;padding:16px">',
    inner,
    '</body></html>',
  ].join('\n');
}

const button = (href: string, label: string, primary: boolean) =>
  `<a href="${href}" style="display:inline-block;padding:10px 18px;margin:4px 8px 4px 0;border-radius:6px;text-decoration:none;${
    primary ? 'background:#1c7ed6;color:#ffffff' : 'background:#f1f3f5;color:#1a1a1a;border:1px solid #ced4da'
  }">${escapeHtml(label)}</a>`;

export interface RequestInput {
  lang: Lang;
  subject: string;
  body: string;
  userName: string;
  userEmail: string;
  privacyNotice: boolean;
  reminder: boolean;
}

/** A request (or its reminder) to one side: my words, then the answer links and, the first time, the art. 14 notice. */
export function renderRequest(r: RequestInput): RenderedMail {
  const f = frame({ ...r, link: LINK_PLACEHOLDER });
  return answerMail(r, f, [
    { href: `${LINK_PLACEHOLDER}?choice=accept`, label: f.acceptLabel, primary: true },
    { href: `${LINK_PLACEHOLDER}?choice=decline`, label: f.declineLabel, primary: false },
  ]);
}

interface AnswerLink {
  href: string;
  label: string;
  primary: boolean;
}

/**
 * An email that asks for an answer: my words, then one link per answer (in the text, a line each;
 * in the HTML, buttons), the line saying how answering works and, the first time, the art. 14 notice.
 */
function answerMail(
  r: { lang: Lang; subject: string; body: string; reminder: boolean },
  f: { intro?: string | null; answerLine: string; privacy?: readonly string[] | null; footer: string },
  links: readonly AnswerLink[],
): RenderedMail {
  const body = strip(r.body).trim();
  const text = [
    ...(f.intro ? [f.intro, ''] : []),
    body,
    '',
    '———',
    ...links.map((l) => `${l.label}: ${l.href}`),
    f.answerLine,
    ...(f.privacy ? ['', '———', ...f.privacy.flatMap((p) => [p, ''])] : ['']),
    f.footer,
  ].join('\n');
  const html = page(
    r.lang,
    [
      ...(f.intro ? [`<p style="color:#495057"><em>${escapeHtml(f.intro)}</em></p>`] : []),
      textToHtml(body),
      `<p style="margin-top:24px">${links.map((l) => button(l.href, l.label, l.primary)).join('')}</p>`,
      `<p style="font-size:13px;color:#495057">${escapeHtml(f.answerLine)}</p>`,
      ...(f.privacy
        ? [
            '<hr style="border:none;border-top:1px solid #dee2e6;margin:24px 0">',
            ...f.privacy.map((p) => `<p style="font-size:12px;color:#495057">${escapeHtml(p)}</p>`),
          ]
        : []),
      `<p style="font-size:12px;color:#868e96">${escapeHtml(f.footer)}</p>`,
    ].join('\n'),
  );
  return { subject: r.reminder ? `${r.lang === 'it' ? 'Promemoria' : 'Reminder'}: ${r.subject}` : r.subject, text, html };
}

/** The introduction email to both sides once both accepted. */
export function renderConnect(c: ConnectInput): RenderedMail {
  const m = connectEmail({ ...c, note: strip(c.note).trim() });
  const lang = c.langs.includes('it') ? 'it' : 'en';
  return { subject: m.subject, text: m.body, html: page(lang, textToHtml(m.body)) };
}

/** The bodies with the real link (text) and the HTML-escaped link (html). */
export function withLink(text: string, html: string, link: string): { text: string; html: string } {
  return {
    text: text.split(LINK_PLACEHOLDER).join(link),
    html: html.split(LINK_PLACEHOLDER).join(escapeHtml(link)),
  };
}

export interface AskMailInput {
  lang: Lang;
  subject: string;
  body: string;
  userName: string;
  userEmail: string;
  helperName: string;
  privacyNotice: boolean;
  reminder: boolean;
}

/**
 * The ask to an intermediary (or its reminder): my words with the text to forward, then the three
 * answers (each opens the answer page with that answer first) and, the first time, the art. 14 notice.
 */
export function renderAskMail(r: AskMailInput): RenderedMail {
  const f = askFrame(r);
  return answerMail(r, f, [
    { href: `${LINK_PLACEHOLDER}?choice=yes`, label: f.yesLabel, primary: true },
    { href: `${LINK_PLACEHOLDER}?choice=no`, label: f.noLabel, primary: false },
    { href: `${LINK_PLACEHOLDER}?choice=gone`, label: f.goneLabel, primary: false },
  ]);
}
