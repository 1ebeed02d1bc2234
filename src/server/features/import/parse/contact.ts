/**
 * A contact being assembled by a parser, and the cleaning every parser shares.
 *
 * Channels are checked against Rete's own schemas (`#shared/api/people.ts`) so that what the
 * preview shows is exactly what the import can store: a value Rete would refuse is dropped here,
 * with a problem naming it, instead of failing the whole import later.
 */
import { EmailChannel, LinkChannel, MAX_CHANNELS, MAX_TAGS, PhoneChannel } from '#shared/api/people.ts';
import type { ParsedChannel, ParsedContact, ParsedPhoto } from './types.ts';

/** Lengths from `PersonFields` in people.ts. */
const TEXT_MAX = {
  name: 200,
  givenName: 200,
  familyName: 200,
  company: 200,
  role: 200,
  city: 100,
  country: 100,
  howMet: 1_000,
} as const;
const NOTES_MAX = 20_000;
const LABEL_MAX = 50;
const TAG_MAX = 50;

export type TextField = keyof typeof TEXT_MAX;

interface Ranked extends ParsedChannel {
  pref: boolean;
}

// Control characters are what these patterns exist to remove (NUL included: PostgreSQL
// refuses it in text), so the lint rule against them does not apply.
// eslint-disable-next-line no-control-regex
const CONTROL_RUNS = /[\u0000-\u001f\u007f\u2028\u2029]+/g;
// eslint-disable-next-line no-control-regex
const NEEDS_CLEANING = /[\u0000-\u001f\u007f\u2028\u2029]| {2}/;
// eslint-disable-next-line no-control-regex
const CONTROL_BUT_TAB_LF = /[\u0000-\u0008\u000b-\u001f\u007f]/g;

/** Shorten a value for a problem message, so a 1 MB field does not end up in the report. */
export function quote(value: string, max = 60): string {
  const oneLine = value.replace(CONTROL_RUNS, ' ');
  return JSON.stringify(oneLine.length > max ? `${oneLine.slice(0, max)}…` : oneLine);
}

/** One line of text: control characters become spaces. */
export function singleLine(value: string): string {
  if (!NEEDS_CLEANING.test(value)) return value.trim();
  return value.replace(CONTROL_RUNS, ' ').replace(/ {2,}/g, ' ').trim();
}

/** Text that may span lines: line breaks normalised to \n, other control characters removed. */
export function multiLine(value: string): string {
  return value
    .replace(/\r\n?|\u2028|\u2029/g, '\n')
    .replace(CONTROL_BUT_TAB_LF, '')
    .replace(/[ \t]+\n/g, '\n')
    .trim();
}

/** Cut to `max` UTF-16 units (what zod's `.max()` counts) without splitting a surrogate pair. */
export function truncate(value: string, max: number): string {
  if (value.length <= max) return value;
  let end = max;
  const last = value.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return value.slice(0, end);
}

const CJK = /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uac00-\ud7af]/;

/** "Given Family", or "FamilyGiven" for Japanese, Chinese and Korean names, which are written that way. */
export function joinName(given: string | undefined, family: string | undefined, middle?: string): string {
  const g = [given, middle].filter((p): p is string => !!p).join(' ');
  const f = family ?? '';
  if (g !== '' && f !== '' && (CJK.test(g) || CJK.test(f))) return `${f}${g}`;
  return [g, f].filter((p) => p !== '').join(' ');
}

/** Google/Apple system labels and groups that mean nothing to the user. */
const SYSTEM_TAGS = new Set(['my contacts', 'mycontacts', 'starred', 'starred in android', 'other contacts']);

export class ContactDraft {
  /** Problems as `{ line, reason }`, for the file-level report. */
  readonly warnings: Array<{ line: number; reason: string }> = [];
  private readonly text: Partial<Record<TextField, string>> = {};
  private readonly notes: string[] = [];
  private readonly emails: Ranked[] = [];
  private readonly phones: Ranked[] = [];
  private readonly links: Ranked[] = [];
  private readonly tags: string[] = [];
  private readonly seen = new Set<string>();
  private readonly capped = new Set<string>();
  birthday?: string;
  connectedOn?: string;
  externalId?: string;
  photo?: ParsedPhoto;

  constructor(readonly line: number) {}

  warn(line: number, reason: string): void {
    this.warnings.push({ line, reason });
  }

  has(field: TextField): boolean {
    return this.text[field] !== undefined;
  }

  /** Set a one-line field; the first non-empty value wins unless `overwrite`. */
  setText(field: TextField, value: string | undefined, line: number, overwrite = false): void {
    if (value === undefined) return;
    let v = singleLine(value);
    if (v === '' || (this.text[field] !== undefined && !overwrite)) return;
    if (v.length > TEXT_MAX[field]) {
      this.warn(line, `${field} longer than ${TEXT_MAX[field]} characters, shortened`);
      v = truncate(v, TEXT_MAX[field]).trim();
    }
    this.text[field] = v;
  }

  addNote(value: string | undefined): void {
    if (value === undefined) return;
    const v = multiLine(value);
    if (v !== '') this.notes.push(v);
  }

  addEmail(raw: string, label: string | null, line: number, pref = false): void {
    let v = raw.trim();
    // `"Omega" <omega@example.com>`: a display name written into the address field.
    const angle = /<([^<>\s]+@[^<>\s]+)>/.exec(v);
    if (angle?.[1]) v = angle[1];
    v = v.replace(/^mailto:/i, '').trim();
    if (v === '') return;
    const ok = EmailChannel.shape.value.safeParse(v);
    if (!ok.success) {
      this.warn(line, `email ${quote(raw)} is not an address Rete can store, dropped`);
      return;
    }
    this.push('email', this.emails, ok.data, ok.data.toLowerCase(), label, pref, line);
  }

  addPhone(raw: string, label: string | null, line: number, pref = false): void {
    // `tel:` URIs (vCard 4.0) and stray separators left by escaped `\;` in some exports.
    const v = raw
      .trim()
      .replace(/^tel:/i, '')
      .replace(/^[;,\s]+|[;,\s]+$/g, '');
    if (v === '') return;
    const ok = PhoneChannel.shape.value.safeParse(v);
    if (!ok.success) {
      this.warn(line, `phone ${quote(raw)} is not a phone number Rete can store, dropped`);
      return;
    }
    const digits = ok.data.replace(/[^0-9+]/g, '');
    this.push('phone', this.phones, ok.data, digits, label, pref, line);
  }

  addLink(raw: string, label: string | null, line: number, pref = false): void {
    let v = raw
      .trim()
      .replace(/^<(.*)>$/, '$1')
      .trim();
    if (v === '') return;
    // `www.example.com` without a scheme is still plainly a website.
    if (!/^[a-z][a-z0-9+.-]*:/i.test(v) && /^[\w-]+(\.[\w-]+)+([/?#].*)?$/.test(v)) v = `https://${v}`;
    if (!/^https?:\/\//i.test(v)) {
      this.warn(line, `link ${quote(raw)} is not an http(s) address, dropped`);
      return;
    }
    const ok = LinkChannel.shape.value.safeParse(v);
    if (!ok.success) {
      this.warn(line, `link ${quote(raw)} is not a web address Rete can store, dropped`);
      return;
    }
    this.push('link', this.links, ok.data, ok.data.replace(/\/+$/, '').toLowerCase(), label, pref, line);
  }

  addTag(raw: string, line: number): void {
    let t = singleLine(raw)
      .replace(/^\*\s*/, '')
      .toLowerCase();
    if (t === '' || SYSTEM_TAGS.has(t)) return;
    if (t.length > TAG_MAX) t = truncate(t, TAG_MAX).trim();
    if (this.tags.includes(t)) return;
    if (this.tags.length >= MAX_TAGS) {
      this.capOnce('tag', line, `more than ${MAX_TAGS} tags, the rest dropped`);
      return;
    }
    this.tags.push(t);
  }

  private push(
    kind: string,
    list: Ranked[],
    value: string,
    key: string,
    label: string | null,
    pref: boolean,
    line: number,
  ): void {
    const k = `${kind}:${key}`;
    if (this.seen.has(k)) return;
    if (list.length >= MAX_CHANNELS) {
      this.capOnce(kind, line, `more than ${MAX_CHANNELS} ${kind}s, the rest dropped`);
      return;
    }
    this.seen.add(k);
    let l = label === null ? '' : singleLine(label);
    if (l.length > LABEL_MAX) l = truncate(l, LABEL_MAX).trim();
    list.push({ value, label: l === '' ? null : l, pref });
  }

  private capOnce(kind: string, line: number, reason: string): void {
    if (this.capped.has(kind)) return;
    this.capped.add(kind);
    this.warn(line, reason);
  }

  /** The finished contact, or why there is none (nothing to call the person by). */
  finish(): { contact: ParsedContact } | { skip: string } {
    const t = this.text;
    const email = this.emails.find((e) => e.pref) ?? this.emails[0];
    let name = t.name ?? joinName(t.givenName, t.familyName) ?? '';
    if (name === '') name = t.company ?? email?.value ?? '';
    name = truncate(singleLine(name), TEXT_MAX.name).trim();
    if (name === '') return { skip: 'no name, company or email' };

    let notes: string | undefined = this.notes.join('\n\n');
    if (notes.length > NOTES_MAX) {
      this.warn(this.line, `notes longer than ${NOTES_MAX} characters, shortened`);
      notes = truncate(notes, NOTES_MAX).trim();
    }
    if (notes === '') notes = undefined;

    const contact: ParsedContact = {
      line: this.line,
      name,
      emails: rankPreferred(this.emails),
      phones: rankPreferred(this.phones),
      links: rankPreferred(this.links),
      tags: [...this.tags],
      problems: this.warnings.map((w) => `line ${w.line}: ${w.reason}`),
    };
    if (t.givenName !== undefined) contact.givenName = t.givenName;
    if (t.familyName !== undefined) contact.familyName = t.familyName;
    if (t.company !== undefined) contact.company = t.company;
    if (t.role !== undefined) contact.role = t.role;
    if (t.city !== undefined) contact.city = t.city;
    if (t.country !== undefined) contact.country = t.country;
    if (t.howMet !== undefined) contact.howMet = t.howMet;
    if (notes !== undefined) contact.notes = notes;
    if (this.birthday !== undefined) contact.birthday = this.birthday;
    if (this.connectedOn !== undefined) contact.connectedOn = this.connectedOn;
    if (this.externalId !== undefined) contact.externalId = this.externalId;
    if (this.photo !== undefined) contact.photo = this.photo;
    return { contact };
  }
}

/** Preferred values first, otherwise in file order. */
function rankPreferred(list: Ranked[]): ParsedChannel[] {
  const out: ParsedChannel[] = [];
  for (const c of list) if (c.pref) out.push({ value: c.value, label: c.label });
  for (const c of list) if (!c.pref) out.push({ value: c.value, label: c.label });
  return out;
}

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
  gen: 1,
  mag: 5,
  giu: 6,
  lug: 7,
  ago: 8,
  set: 9,
  ott: 10,
  dic: 12,
};

function isoDate(y: number, m: number, d: number): string | undefined {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1000 || y > 9999) return undefined;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1) return undefined; // 31 Feb
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * Dates as exports write them → ISO `YYYY-MM-DD` (or `--MM-DD` without a year):
 * `19800322`, `1980-03-22`, `1980-03-22T00:00:33`, `--0322`, `12 Mar 2024` (LinkedIn),
 * `6-Feb-26` (LinkedIn re-saved by a spreadsheet; two-digit years are 20xx since LinkedIn
 * started in 2003). Anything else → undefined.
 */
export function parseDate(raw: string): string | undefined {
  const v = raw.trim();
  let m = /^(\d{4})-?(\d{2})-?(\d{2})(?:[T ].*)?$/.exec(v);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^--(\d{2})-?(\d{2})$/.exec(v);
  if (m) {
    const full = isoDate(2000, Number(m[1]), Number(m[2]));
    return full === undefined ? undefined : `--${full.slice(5)}`;
  }
  m = /^(\d{1,2})[ \-/.]([A-Za-z]{3})[A-Za-z]*\.?[ \-/.,]+(\d{4}|\d{2})$/.exec(v);
  if (m) {
    const month = MONTHS[(m[2] as string).toLowerCase()];
    if (month === undefined) return undefined;
    const y = (m[3] as string).length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
    return isoDate(y, month, Number(m[1]));
  }
  m = /^([A-Za-z]{3})[A-Za-z]*\.? (\d{1,2}),? (\d{4})$/.exec(v);
  if (m) {
    const month = MONTHS[(m[1] as string).toLowerCase()];
    return month === undefined ? undefined : isoDate(Number(m[3]), month, Number(m[2]));
  }
  return undefined;
}
