/**
 * The weekly digest's email: Today's items as lines with a link into the app each, grouped as
 * Today groups them, in the user's language; a plain-text part and an HTML part in which every
 * inserted text is escaped. The links are written with the base URL and the unsubscribe link
 * given: placeholders in a queued message (filled when it leaves, see digest.service.ts), the
 * real ones in a preview.
 */
import type { Today, TodayItem } from '#shared/api/routine.ts';
import type { Locale, TodayItemKind } from '#shared/api/values.ts';
import { escapeHtml } from '../email/sanitize.ts';
import { digestTexts, type DigestTexts } from './digest.texts.ts';

export interface RenderedDigest {
  subject: string;
  text: string;
  html: string;
  itemCount: number;
}

export interface DigestInput {
  lang: Locale;
  name: string;
  /** The app's address (PUBLIC_BASE_URL, or a placeholder for it). */
  base: string;
  /** The one-click unsubscribe link (or a placeholder for it). */
  unsubscribe: string;
}

interface Line {
  text: string;
  detail: string | null;
  path: string;
}

const dayFormats = new Map<Locale, Intl.DateTimeFormat>();

/** A day as the user reads it: "lun 7 dic" / "Mon 7 Dec". */
export function formatDay(lang: Locale, ymd: string): string {
  let f = dayFormats.get(lang);
  if (!f) {
    f = new Intl.DateTimeFormat(lang === 'it' ? 'it-IT' : 'en-GB', {
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      timeZone: 'UTC',
    });
    dayFormats.set(lang, f);
  }
  return f.format(new Date(`${ymd}T12:00:00Z`));
}

function lineOf(item: TodayItem, t: DigestTexts, lang: Locale): Line {
  const person = item.person?.name ?? t.someone;
  const personPath = item.person ? `/people/${item.person.id}` : '/today';
  const day = (d: string | null) => (d ? formatDay(lang, d) : '');
  switch (item.kind) {
    case 'give': {
      const helpers = item.helpers.map((h) => (h.isMe ? t.you : h.via ? `${h.name} (${t.through(h.via.name)})` : h.name));
      return {
        text: t.give(person, item.need?.text ?? ''),
        detail: helpers.length ? t.helpers(helpers) : null,
        path: personPath,
      };
    }
    case 'intro_draft':
    case 'intro_waiting':
    case 'intro_outcome': {
      const a = item.person?.name ?? t.me;
      const b = item.intro?.other?.name ?? t.me;
      const text =
        item.kind === 'intro_draft'
          ? t.introDraft(a, b)
          : item.kind === 'intro_waiting'
            ? t.introWaiting(a, b)
            : t.introOutcome(a, b);
      return { text, detail: null, path: item.intro ? `/intros/${item.intro.id}` : '/today' };
    }
    case 'follow_up': {
      const f = item.followUp;
      const path = f?.person ? `/people/${f.person.id}` : f?.intro ? `/intros/${f.intro.id}` : '/today';
      return {
        text: t.followUp(f?.text ?? '', f?.person?.name ?? null, day(item.date), (item.days ?? 0) > 0),
        detail: null,
        path,
      };
    }
    case 'keep_in_touch':
      return { text: t.keepInTouch(person, item.everyDays ?? 0, day(item.date)), detail: null, path: personPath };
    case 'going_cold':
      return { text: t.goingCold(person, day(item.date)), detail: null, path: personPath };
    case 'birthday':
      return { text: t.birthday(person, day(item.date), item.age), detail: null, path: personPath };
  }
}

/** The digest of a Today, in the user's language. */
export function renderDigest(today: Today, input: DigestInput): RenderedDigest {
  const t = digestTexts(input.lang);
  const { base } = input;
  const count = today.items.length;

  // Sections in Today's order; the three kinds of introduction share one.
  const sections: Array<{ title: string; lines: Line[] }> = [];
  let last: string | null = null;
  for (const item of today.items) {
    const title = t.sections[item.kind satisfies TodayItemKind];
    if (title !== last) sections.push({ title, lines: [] });
    last = title;
    sections.at(-1)?.lines.push(lineOf(item, t, input.lang));
  }
  const goal =
    today.goal.perWeek !== null || today.goal.givenThisWeek > 0 ? t.goal(today.goal.givenThisWeek, today.goal.perWeek) : null;
  const lead = t.lead(count, formatDay(input.lang, today.weekStart));
  const todayUrl = `${base}/today`;
  const settingsUrl = `${base}/settings`;

  const text = [
    t.greeting(input.name),
    '',
    lead,
    '',
    ...(count === 0 ? [t.emptyLead, ...t.emptyIdeas.map((i) => `- ${i}`), ''] : []),
    ...sections.flatMap((s) => [
      s.title,
      ...s.lines.flatMap((l) => [`- ${l.text}`, ...(l.detail ? [`  ${l.detail}`] : []), `  ${base}${l.path}`]),
      '',
    ]),
    ...(goal ? [goal, ''] : []),
    `${t.openToday}: ${todayUrl}`,
    '',
    '———',
    t.why,
    `${t.unsubscribe}: ${input.unsubscribe}`,
    `${t.settings}: ${settingsUrl}`,
  ].join('\n');

  const a = (href: string, label: string, style = '') =>
    `<a href="${escapeHtml(href)}"${style ? ` style="${style}"` : ''}>${escapeHtml(label)}</a>`;
  const html = [
    '<!doctype html>',
    `<html lang="${input.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"></head>`,
    '<body style="font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5;color:#1a1a1a;max-width:600px;margin:0 auto;padding:16px">',
    `<p>${escapeHtml(t.greeting(input.name))}</p>`,
    `<p>${escapeHtml(lead)}</p>`,
    ...(count === 0
      ? [`<p>${escapeHtml(t.emptyLead)}</p>`, `<ul>${t.emptyIdeas.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`]
      : []),
    ...sections.flatMap((s) => [
      `<h2 style="font-size:17px;margin:24px 0 8px">${escapeHtml(s.title)}</h2>`,
      '<ul style="padding-left:20px;margin:0">',
      ...s.lines.map(
        (l) =>
          `<li style="margin:0 0 8px">${a(`${base}${l.path}`, l.text, 'color:#1c7ed6')}${
            l.detail ? `<br><span style="color:#495057;font-size:14px">${escapeHtml(l.detail)}</span>` : ''
          }</li>`,
      ),
      '</ul>',
    ]),
    ...(goal ? [`<p style="margin-top:24px">${escapeHtml(goal)}</p>`] : []),
    `<p style="margin-top:24px">${a(
      todayUrl,
      t.openToday,
      'display:inline-block;padding:10px 18px;border-radius:6px;text-decoration:none;background:#1c7ed6;color:#ffffff',
    )}</p>`,
    '<hr style="border:none;border-top:1px solid #dee2e6;margin:24px 0">',
    `<p style="font-size:12px;color:#868e96">${escapeHtml(t.why)}<br>${a(input.unsubscribe, t.unsubscribe, 'color:#868e96')} · ${a(
      settingsUrl,
      t.settings,
      'color:#868e96',
    )}</p>`,
    '</body></html>',
  ].join('\n');

  return { subject: t.subject(count), text, html, itemCount: count };
}
