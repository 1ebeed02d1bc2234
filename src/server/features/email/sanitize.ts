/**
 * Text that goes into an email: header values on one line, HTML escaped, addresses plain.
 * (Reliability plan 1a.4 and EM-01/EM-02: reject or neutralise line terminators before anything
 * reaches the mail library, and pass structured {name, address} objects, never header strings.)
 */

/**
 * CR, LF, NEL, LS, PS, VT, FF, the other C0/C1 controls, and their percent-encoded forms: anything
 * that could end a header line in some decoder. Replaced by a space.
 */
// eslint-disable-next-line no-control-regex
const BREAKS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]|%0[ad]|%e2%80%a[89]|%c2%85/gi;

/** One header-safe line: no line breaks or controls (encoded or not), single spaces, at most `max` characters. */
export function headerText(s: string, max = 200): string {
  const line = s.replace(BREAKS, ' ').replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1).trimEnd()}…` : line;
}

/** A display name for From / To: header-safe, without the characters that delimit addresses. */
export function displayName(s: string): string {
  return headerText(s.replace(/[<>"\\]/g, ' '), 100);
}

/** A body text: CR LF and lone CR become LF, other controls go (tabs stay). */
export function bodyText(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

/** Plain text as HTML paragraphs: escaped, blank lines split paragraphs, single newlines become <br>. */
export function textToHtml(s: string): string {
  return bodyText(s)
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
    .join('\n');
}

const LOCAL_PART = "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}";
const LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?';
const PLAIN = new RegExp(`^${LOCAL_PART}@${LABEL}(?:\\.${LABEL})+$`);
const PLAIN_LOCAL = new RegExp(`^${LOCAL_PART}@${LABEL}(?:\\.${LABEL})*$`);

/**
 * A plain address Rete is willing to send to: one local part and one domain, no quoting, comments,
 * display names, lists or spaces (EM-02: `"a@b"@evil`, `a@evil (x@good)`, `a@good,b@evil`,
 * `Name <a@evil>` are all refused), ASCII only (no SMTPUTF8). The domain has a dot, unless
 * `localDomain` allows a one-label host such as `localhost` (the From of a message that only goes
 * to the outbox, never to a mail server).
 */
export function isPlainAddress(s: string, opts: { localDomain?: boolean } = {}): boolean {
  if (s.length > 254) return false;
  return (opts.localDomain ? PLAIN_LOCAL : PLAIN).test(s);
}
