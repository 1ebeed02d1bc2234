/** Mail addresses as a person reads them: `Giulia Bianchi <giulia@example.it>`. */
export interface MailAddress {
  name: string | null;
  address: string;
}

export function formatAddress(a: MailAddress): string {
  return a.name ? `${a.name} <${a.address}>` : a.address;
}

export function addressList(list: MailAddress[]): string {
  return list.map(formatAddress).join(', ');
}

/**
 * The link of an answer page in a message: `/i/<token>`, optionally with `?choice=accept|decline`
 * (an introduction's request) or `?choice=yes|no|gone` (an ask to a contact to make one).
 */
const ANSWER_LINK = /^https?:\/\/[^\s/]+(?:\/[^\s]*)?\/i\/[A-Za-z0-9_-]{43}(?:\?choice=(accept|decline|yes|no|gone))?$/;

export type AnswerChoice = 'accept' | 'decline' | 'page';

/** What kind of answer link a URL is, or null when it is not one (an ask's "yes" is its accept, "no" its decline). */
export function answerLinkKind(url: string): AnswerChoice | null {
  const m = ANSWER_LINK.exec(url);
  if (!m) return null;
  return m[1] === 'accept' || m[1] === 'yes' ? 'accept' : m[1] === 'decline' || m[1] === 'no' ? 'decline' : 'page';
}

/** Splits text into plain runs and http(s) URLs, so that only URLs become links. */
export function splitUrls(text: string): Array<{ text: string; url: boolean }> {
  const out: Array<{ text: string; url: boolean }> = [];
  const re = /https?:\/\/[^\s<>"]+/g;
  let last = 0;
  for (const m of text.matchAll(re)) {
    const start = m.index;
    // Sentence punctuation right after a URL is not part of it.
    const url = m[0].replace(/[.,;:!?)\]]+$/, '');
    if (start > last) out.push({ text: text.slice(last, start), url: false });
    out.push({ text: url, url: true });
    last = start + url.length;
  }
  if (last < text.length) out.push({ text: text.slice(last), url: false });
  return out;
}
