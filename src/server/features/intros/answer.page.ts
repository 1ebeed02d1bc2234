/**
 * The answer page of an introduction request, or of an ask to make one (`/i/{token}`): small, self-contained HTML rendered
 * on the server, every inserted text escaped, no script at all (the app's CSP allows no inline
 * script; its policy does allow the one inline stylesheet).
 * A plain HTML form posts the answer; GET never changes anything, because mail scanners fetch links.
 */
import { escapeHtml } from '../email/sanitize.ts';
import { askAnswerPage } from './asks.texts.ts';
import type { ValidAskLink } from './asks.service.ts';
import { answeredPage, answerPage, INVALID_PAGE, type Lang } from './texts.ts';
import type { ValidLink } from './intros.service.ts';

const PAGE_CSS = `body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1a1a1a;background:#f8f9fa;margin:0}
main{max-width:520px;margin:48px auto;padding:32px;background:#fff;border:1px solid #dee2e6;border-radius:12px}
h1{font-size:1.4rem;margin:0 0 16px}p{line-height:1.5}
form{margin:24px 0 0}button{font:inherit;padding:10px 18px;margin:0 8px 8px 0;max-width:100%;border-radius:6px;border:1px solid #ced4da;background:#f1f3f5;cursor:pointer}
button.primary{background:#1c7ed6;border-color:#1c7ed6;color:#fff}
.object{margin-top:24px;padding-top:16px;border-top:1px solid #dee2e6;font-size:.9rem;color:#495057}
.object button{background:none;border:none;padding:0;color:#c92a2a;text-decoration:underline}
.muted{color:#868e96;font-size:.85rem}`;

/** A page of its own, with the stylesheet of the link pages; `it-en` for a page in both languages. */
export function shell(lang: Lang | 'it-en', title: string, inner: string): string {
  return [
    '<!doctype html>',
    `<html lang="${lang === 'it-en' ? 'it' : lang}">`,
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">',
    '<meta name="robots" content="noindex,nofollow"><meta name="referrer" content="no-referrer">',
    `<title>${escapeHtml(title)}</title><style>${PAGE_CSS}</style></head>`,
    `<body><main>${inner}</main></body></html>`,
  ].join('\n');
}

/** A question's page: the question, its answer buttons, and the objection that ends all contact. */
function questionPage(
  lang: Lang,
  t: { title: string; lead: string; privateNote: string; objectHelp: string; object: string },
  answers: string,
): string {
  return shell(
    lang,
    t.title,
    [
      `<h1>${escapeHtml(t.title)}</h1>`,
      `<p>${escapeHtml(t.lead)}</p>`,
      '<form method="post">',
      answers,
      `<p class="muted">${escapeHtml(t.privateNote)}</p>`,
      `<div class="object"><p>${escapeHtml(t.objectHelp)}</p>`,
      `<button type="submit" name="action" value="object">${escapeHtml(t.object)}</button></div>`,
      '</form>',
    ].join('\n'),
  );
}

/** The question, with the three answers; `choice` (from the email's link) puts that button first. */
export function renderAsk(v: ValidLink, choice: 'accept' | 'decline' | null): string {
  const t = answerPage(v.lang, v.userName, v.otherName);
  const accept = `<button type="submit" name="action" value="accept"${choice !== 'decline' ? ' class="primary"' : ''}>${escapeHtml(t.accept)}</button>`;
  const decline = `<button type="submit" name="action" value="decline"${choice === 'decline' ? ' class="primary"' : ''}>${escapeHtml(t.decline)}</button>`;
  return questionPage(v.lang, t, choice === 'decline' ? `${decline}${accept}` : `${accept}${decline}`);
}

export function renderAnswered(lang: Lang, action: 'accept' | 'decline' | 'object', userName: string): string {
  const t = answeredPage(lang, action, userName);
  return shell(lang, t.title, `<h1>${escapeHtml(t.title)}</h1>\n<p>${escapeHtml(t.body)}</p>`);
}

/** One page for every link that does not work, whatever the reason. */
export function renderInvalid(): string {
  return shell(
    'it-en',
    INVALID_PAGE.title,
    `<h1>${escapeHtml(INVALID_PAGE.title)}</h1>\n<p lang="it">${escapeHtml(INVALID_PAGE.it)}</p>\n<p lang="en">${escapeHtml(INVALID_PAGE.en)}</p>`,
  );
}

/**
 * The question of an ask to make an introduction, with its answers; `choice` (from the email's
 * link) puts that answer first. The same form, page and rules as an introduction's.
 */
export function renderAskPage(v: ValidAskLink, choice: 'yes' | 'no' | 'gone' | null): string {
  const t = askAnswerPage(v.lang, v);
  const first = choice ?? 'yes';
  const answers = (['yes', 'no', 'gone'] as const)
    .slice()
    .sort((a, b) => (a === first ? -1 : b === first ? 1 : 0))
    .map(
      (a) =>
        `<button type="submit" name="action" value="${a}"${a === first ? ' class="primary"' : ''}>${escapeHtml(t[a])}</button>`,
    );
  return questionPage(v.lang, t, answers.join(''));
}

export function renderAskAnswered(lang: Lang, page: { title: string; body: string }): string {
  return shell(lang, page.title, `<h1>${escapeHtml(page.title)}</h1>\n<p>${escapeHtml(page.body)}</p>`);
}
