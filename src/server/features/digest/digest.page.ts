/**
 * The page of a digest's unsubscribe link (`/u/{token}`), in its user's language: GET shows a
 * button that posts the form (mail scanners follow links, so opening it changes nothing); the post
 * turns the digest off. Every inserted text escaped, no script.
 */
import type { Locale } from '#shared/api/values.ts';
import { escapeHtml } from '../email/sanitize.ts';
import { shell } from '../intros/answer.page.ts';
import { INVALID_UNSUBSCRIBE, unsubscribeTexts } from './digest.texts.ts';

export function renderUnsubscribe(lang: Locale): string {
  const t = unsubscribeTexts(lang);
  return shell(
    lang,
    t.title,
    [
      `<h1>${escapeHtml(t.title)}</h1>`,
      `<p>${escapeHtml(t.lead)}</p>`,
      '<form method="post">',
      '<input type="hidden" name="List-Unsubscribe" value="One-Click">',
      `<button type="submit" class="primary">${escapeHtml(t.button)}</button>`,
      '</form>',
    ].join('\n'),
  );
}

export function renderUnsubscribed(lang: Locale): string {
  const t = unsubscribeTexts(lang);
  return shell(lang, t.doneTitle, `<h1>${escapeHtml(t.doneTitle)}</h1>\n<p>${escapeHtml(t.done)}</p>`);
}

/** One page for every link that opens nothing. */
export function renderInvalidUnsubscribe(): string {
  const t = INVALID_UNSUBSCRIBE;
  return shell(
    'it-en',
    t.title,
    `<h1>${escapeHtml(t.title)}</h1>\n<p lang="it">${escapeHtml(t.it)}</p>\n<p lang="en">${escapeHtml(t.en)}</p>`,
  );
}
