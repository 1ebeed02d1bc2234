/**
 * A contact being assembled by a parser, and the cleaning every parser shares.
 *
 * Channels are checked against Rete's own schemas (`#shared/api/people.ts`) so that what the
 * preview shows is exactly what the import can store: a value Rete would refuse is dropped here,
 * with a problem naming it, instead of failing the whole import later.
 */
import type { ImportProblemCode } from '#shared/api/values.ts';
import { EmailChannel, LinkChannel, MAX_CHANNELS, MAX_TAGS, PhoneChannel } from '#shared/api/people.ts';
import { hasStrayControl, STRAY_CONTROLS } from '#shared/text/controls.ts';
import { problemReason, type ProblemParams } from './problems.ts';
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

// Control characters are what these patterns exist to remove (NUL included: PostgreSQL
// refuses it in text), so the lint rule against them does not apply.
// eslint-disable-next-line no-control-regex
const CONTROL_RUNS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;
// eslint-disable-next-line no-control-regex
const NEEDS_CLEANING = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]| {2}/;
/**
 * Control characters that are no line structure (C0 but tab, line feed and carriage return; DEL;
 * C1): nothing a person types. Rete stores none (the API refuses them); an import removes them
 * and says so, with the line. The rule is shared with the API (shared/text/controls.ts).
 */
export { hasStrayControl, STRAY_CONTROLS };

/** Shorten a value for a problem message, so a 1 MB field does not end up in the report. */
export function quote(value: string, max = 60): string {
  const oneLine = value.replace(CONTROL_RUNS, ' ');
  return JSON.stringify(oneLine.length > max ? `${oneLine.slice(0, max)}…` : oneLine);
}

/** One line of text: line breaks and tabs become spaces, other control characters go. */
export function singleLine(value: string): string {
  if (!NEEDS_CLEANING.test(value)) return value.trim();
  return value.replace(STRAY_CONTROLS, '').replace(CONTROL_RUNS, ' ').replace(/ {2,}/g, ' ').trim();
}

/** Text that may span lines: line breaks normalised to \n, other control characters removed. */
export function multiLine(value: string): string {
  return value
    .replace(/\r\n?|\u2028|\u2029/g, '\n')
    .replace(STRAY_CONTROLS, '')
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

/** One kind of channel of a draft: the values in file order and their keys (for de-duplication). */
interface Slot {
  list: ParsedChannel[];
  keys: string[];
  /** Values the file marks as preferred (Google's `* `, vCard's PREF), if any. */
  preferred: ParsedChannel[] | null;
}

/** A problem of one contact, before it joins the file's report. */
export interface DraftWarning {
  line: number;
  code: ImportProblemCode;
  params: ProblemParams;
}

/** What a control character was found in: a field of the contact, or a kind of channel. */
export type ProblemField = TextField | 'notes' | 'email' | 'phone' | 'link' | 'tag' | 'label';

const NO_WARNINGS: readonly DraftWarning[] = [];

// A draft is made per row of files with 100,000 rows: its lists are created only when used.
export class ContactDraft {
  private problems: DraftWarning[] | null = null;
  private readonly text: Partial<Record<TextField, string>> = {};
  private notes: string[] | null = null;
  private emails: Slot | null = null;
  private phones: Slot | null = null;
  private links: Slot | null = null;
  private tags: string[] | null = null;
  private capped: string[] | null = null;
  birthday?: string;
  /** A LinkedIn connection (its "how we met" is written by the import, in the account's language). */
  linkedin?: true;
  connectedOn?: string;
  connectedOnText?: string;
  externalId?: string;
  photo?: ParsedPhoto;

  constructor(readonly line: number) {}

  /** Problems of this contact, for the file-level report. */
  get warnings(): readonly DraftWarning[] {
    return this.problems ?? NO_WARNINGS;
  }

  warn(line: number, code: ImportProblemCode, params: ProblemParams = {}): void {
    (this.problems ??= []).push({ line, code, params });
  }

  /** Removes control characters that are no line structure, saying so once per field and line. */
  private strip(value: string, field: ProblemField, line: number): string {
    if (!hasStrayControl(value)) return value;
    if (!this.problems?.some((w) => w.code === 'control_chars_removed' && w.line === line && w.params.field === field))
      this.warn(line, 'control_chars_removed', { field });
    return value.replace(STRAY_CONTROLS, '');
  }

  has(field: TextField): boolean {
    return this.text[field] !== undefined;
  }

  /** Set a one-line field; the first non-empty value wins unless `overwrite`. */
  setText(field: TextField, value: string | undefined, line: number, overwrite = false): void {
    if (value === undefined || value === '') return;
    if (this.text[field] !== undefined && !overwrite) return;
    let v = NEEDS_CLEANING.test(value) ? singleLine(this.strip(value, field, line)) : value.trim();
    if (v === '') return;
    if (v.length > TEXT_MAX[field]) {
      this.warn(line, 'text_too_long', { field, max: TEXT_MAX[field] });
      v = truncate(v, TEXT_MAX[field]).trim();
    }
    this.text[field] = v;
  }

  addNote(value: string | undefined, line = this.line): void {
    if (value === undefined || value === '') return;
    const v = multiLine(this.strip(value, 'notes', line));
    if (v !== '') (this.notes ??= []).push(v);
  }

  addEmail(raw: string, label: string | null, line: number, pref = false): void {
    let v = this.strip(raw, 'email', line).trim();
    // `"Omega" <omega@example.com>`: a display name written into the address field.
    if (v.includes('<')) {
      const angle = /<([^<>\s]+@[^<>\s]+)>/.exec(v);
      if (angle?.[1]) v = angle[1];
    }
    if (/^mailto:/i.test(v)) v = v.slice(7).trim();
    if (v === '') return;
    const ok = EmailChannel.shape.value.safeParse(v);
    if (!ok.success) {
      this.warn(line, 'email_invalid', { value: quote(raw) });
      return;
    }
    this.emails = this.push('email', this.emails, ok.data, ok.data.toLowerCase(), label, pref, line);
  }

  addPhone(raw: string, label: string | null, line: number, pref = false): void {
    // `tel:` URIs (vCard 4.0) and stray separators left by escaped `\;` in some exports.
    const v = this.strip(raw, 'phone', line)
      .trim()
      .replace(/^tel:/i, '')
      .replace(/^[;,\s]+|[;,\s]+$/g, '');
    if (v === '') return;
    const ok = PhoneChannel.shape.value.safeParse(v);
    if (!ok.success) {
      this.warn(line, 'phone_invalid', { value: quote(raw) });
      return;
    }
    const digits = ok.data.replace(/[^0-9+]/g, '');
    this.phones = this.push('phone', this.phones, ok.data, digits, label, pref, line);
  }

  addLink(raw: string, label: string | null, line: number, pref = false): void {
    let v = this.strip(raw, 'link', line).trim();
    if (v.startsWith('<') && v.endsWith('>')) v = v.slice(1, -1).trim();
    if (v === '') return;
    // `www.example.com` without a scheme is still plainly a website.
    if (!/^[a-z][a-z0-9+.-]*:/i.test(v) && /^[\w-]+(\.[\w-]+)+([/?#].*)?$/.test(v)) v = `https://${v}`;
    if (!/^https?:\/\//i.test(v)) {
      this.warn(line, 'link_not_http', { value: quote(raw) });
      return;
    }
    const ok = LinkChannel.shape.value.safeParse(v);
    if (!ok.success) {
      this.warn(line, 'link_invalid', { value: quote(raw) });
      return;
    }
    const key = ok.data.endsWith('/') ? ok.data.replace(/\/+$/, '') : ok.data;
    this.links = this.push('link', this.links, ok.data, key.toLowerCase(), label, pref, line);
  }

  addTag(raw: string, line: number): void {
    let t = singleLine(this.strip(raw, 'tag', line))
      .replace(/^\*\s*/, '')
      .toLowerCase();
    if (t === '' || SYSTEM_TAGS.has(t)) return;
    if (t.length > TAG_MAX) t = truncate(t, TAG_MAX).trim();
    const tags = (this.tags ??= []);
    if (tags.includes(t)) return;
    if (tags.length >= MAX_TAGS) {
      this.capOnce('tag', line, 'too_many_tags', { max: MAX_TAGS });
      return;
    }
    tags.push(t);
  }

  private push(
    kind: string,
    slot: Slot | null,
    value: string,
    key: string,
    label: string | null,
    pref: boolean,
    line: number,
  ): Slot {
    const s = slot ?? { list: [], keys: [], preferred: null };
    if (s.keys.includes(key)) return s;
    if (s.list.length >= MAX_CHANNELS) {
      this.capOnce(kind, line, 'too_many_channels', { kind, max: MAX_CHANNELS });
      return s;
    }
    let l = label === null ? '' : singleLine(this.strip(label, 'label', line));
    if (l.length > LABEL_MAX) l = truncate(l, LABEL_MAX).trim();
    const channel: ParsedChannel = { value, label: l === '' ? null : l };
    s.keys.push(key);
    s.list.push(channel);
    if (pref) (s.preferred ??= []).push(channel);
    return s;
  }

  private capOnce(kind: string, line: number, code: ImportProblemCode, params: ProblemParams): void {
    const capped = (this.capped ??= []);
    if (capped.includes(kind)) return;
    capped.push(kind);
    this.warn(line, code, params);
  }

  /** The finished contact, or why there is none (nothing to call the person by). */
  finish(): { contact: ParsedContact } | { skip: 'no_name' } {
    const t = this.text;
    const emails = preferredFirst(this.emails);
    let name = t.name ?? joinName(t.givenName, t.familyName);
    if (name === '') name = t.company ?? emails[0]?.value ?? '';
    name = truncate(singleLine(name), TEXT_MAX.name).trim();
    if (name === '') return { skip: 'no_name' };

    let notes: string | undefined = this.notes === null ? '' : this.notes.join('\n\n');
    if (notes.length > NOTES_MAX) {
      this.warn(this.line, 'text_too_long', { field: 'notes', max: NOTES_MAX });
      notes = truncate(notes, NOTES_MAX).trim();
    }
    if (notes === '') notes = undefined;

    const contact: ParsedContact = {
      line: this.line,
      name,
      emails,
      phones: preferredFirst(this.phones),
      links: preferredFirst(this.links),
      tags: this.tags ?? [],
      problems: this.problems === null ? [] : this.problems.map((w) => `line ${w.line}: ${problemReason(w.code, w.params)}`),
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
    if (this.linkedin) contact.linkedin = true;
    if (this.connectedOn !== undefined) contact.connectedOn = this.connectedOn;
    if (this.connectedOnText !== undefined) contact.connectedOnText = this.connectedOnText;
    if (this.externalId !== undefined) contact.externalId = this.externalId;
    if (this.photo !== undefined) contact.photo = this.photo;
    return { contact };
  }
}

/** Preferred values first, otherwise in file order. */
function preferredFirst(slot: Slot | null): ParsedChannel[] {
  if (slot === null) return [];
  const pref = slot.preferred;
  if (pref === null) return slot.list;
  return [...pref, ...slot.list.filter((c) => !pref.includes(c))];
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

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isoDate(y: number, m: number, d: number): string | undefined {
  if (m < 1 || m > 12 || d < 1 || y < 1000 || y > 9999) return undefined;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  if (d > (m === 2 && leap ? 29 : (DAYS_IN_MONTH[m - 1] as number))) return undefined; // 31 Feb
  return `${y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
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
