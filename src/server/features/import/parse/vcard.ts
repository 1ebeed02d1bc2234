/**
 * A tolerant vCard 2.1 / 3.0 / 4.0 reader, written for the files phones and address books
 * really produce (see test/fixtures/real-world/SOURCES.md).
 *
 * It works on the raw bytes, viewed as a "binary string" (latin1: one char per byte), because
 * vCard structure is ASCII but values are not: a 2.1 property may declare its own CHARSET and
 * quoted-printable-encode the bytes of that charset. So each value is decoded in this order:
 * transfer encoding (QP/base64) → charset → unescape and split. Unescaping first would break
 * Shift_JIS, whose second bytes can be 0x5C (`\`): 能 is 0x94 0x5C, and "伊能;" would read as
 * an escaped semicolon.
 *
 * Whole-file UTF-16 is the one exception: its bytes are not ASCII-compatible, so such a file is
 * transcoded to UTF-8 first.
 *
 * Nothing here fetches anything: a PHOTO that is a URL is ignored.
 */
import iconv from 'iconv-lite';
import type { ImportProblemCode } from '#shared/api/values.ts';
import { ContactDraft, joinName, parseDate, quote, type DraftWarning } from './contact.ts';
import type { ProblemParams } from './problems.ts';
import {
  asBuffer,
  decodeWithCharset,
  detectBom,
  guessLegacyEncoding,
  isValidUtf8,
  looksLikeUtf16,
  resolveCharset,
} from './decode.ts';
import { sniffImage } from './image.ts';
import { ProblemLog, resolveLimits } from './types.ts';
import type { ParseLimits, ParseProblem, ParsedContact, ParsedPhoto } from './types.ts';

export interface VcardResult {
  encoding: string;
  contacts: ParsedContact[];
  problems: ParseProblem[];
}

interface Property {
  line: number;
  group: string;
  name: string;
  /** Upper-case keys; TYPE values are split on commas and lower-cased. */
  params: ReadonlyMap<string, string[]>;
  /** The unfolded value, one char per byte. */
  raw: string;
  encoding: 'qp' | 'b64' | null;
}

interface OpenCard {
  line: number;
  props: Property[];
  warnings: DraftWarning[];
  tooManyProps: boolean;
  nestedIn?: number;
}

interface Context {
  limits: ParseLimits;
  /** Charset for undeclared values that are not valid UTF-8. */
  fallback: string;
  /** The file was UTF-16 and has been transcoded: undeclared and declared raw values are UTF-8 now. */
  transcoded: boolean;
  /** How many non-ASCII values each charset decoded, to report the file's main encoding. */
  used: Map<string, number>;
}

const BINARY_PROPS = new Set(['PHOTO', 'LOGO', 'SOUND', 'KEY']);
const BARE_ENCODINGS = new Set(['QUOTED-PRINTABLE', 'BASE64', 'B', '8BIT', '7BIT']);
/** Multi-byte charsets whose trail bytes include 0x5C, so a final `\` is not a continuation. */
const BACKSLASH_TRAIL = /^(shift_jis|sjis|shift-jis|cp932|windows-31j|ms_kanji|big5|gbk|gb18030|cp936)$/i;
const BEGIN = /^[ \t]*BEGIN[ \t]*:[ \t]*VCARD[ \t]*$/i;
const END = /^[ \t]*END[ \t]*:[ \t]*VCARD[ \t]*$/i;
const PROPERTY_START = /^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*[;:]/;
const BASE64_LINE = /^[A-Za-z0-9+/=]+$/;
const NON_ASCII = /[\u0080-\u00ff]/;
const NO_PARAMS: ReadonlyMap<string, string[]> = new Map();

/** Does this look like a vCard file? (Used for format detection.) */
export function looksLikeVcard(bytes: Uint8Array): boolean {
  const head = headText(bytes, 64 * 1024);
  return /(^|[\r\n])[ \t]*BEGIN[ \t]*:[ \t]*VCARD[ \t]*(\r|\n|$)/i.test(head);
}

function headText(bytes: Uint8Array, max: number): string {
  const slice = bytes.subarray(0, max);
  const bom = detectBom(slice);
  const utf16 = bom && bom.encoding !== 'utf-8' ? bom.encoding : looksLikeUtf16(slice);
  if (utf16) return iconv.decode(asBuffer(slice.subarray(bom ? bom.length : 0, slice.length & ~1)), utf16);
  return asBuffer(slice.subarray(bom ? bom.length : 0)).toString('latin1');
}

export function parseVcards(input: Uint8Array, partialLimits?: Partial<ParseLimits>): VcardResult {
  const limits = resolveLimits(partialLimits);
  const log = new ProblemLog(limits.maxProblems);
  const contacts: ParsedContact[] = [];

  let bytes = asBuffer(input);
  let transcoded = false;
  let fileEncoding = 'utf-8';
  const bom = detectBom(bytes);
  const utf16 = bom && bom.encoding !== 'utf-8' ? bom.encoding : bom ? null : looksLikeUtf16(bytes);
  if (utf16) {
    const body = bytes.subarray(bom ? bom.length : 0);
    bytes = Buffer.from(iconv.decode(body.subarray(0, body.length & ~1), utf16, { stripBOM: true }), 'utf8');
    transcoded = true;
    fileEncoding = utf16;
  } else if (bom) {
    bytes = bytes.subarray(bom.length);
  }
  const valid = transcoded || isValidUtf8(bytes);
  const ctx: Context = {
    limits,
    fallback: valid ? 'windows-1252' : guessLegacyEncoding(bytes),
    transcoded,
    used: new Map(),
  };

  try {
    readCards(bytes.toString('latin1'), ctx, log, contacts);
  } catch (err) {
    // Defensive: the reader is written not to throw, but a bug must cost the rest of the file
    // at worst, never the server.
    log.add(0, 'file', 'vcard_unreadable', { detail: errorMessage(err) });
  }

  if (!transcoded) {
    let best = valid ? 'utf-8' : ctx.fallback;
    let count = 0;
    for (const [cs, n] of ctx.used) if (n > count) [best, count] = [cs, n];
    fileEncoding = best;
  }
  contacts.sort((a, b) => a.line - b.line);
  return { encoding: fileEncoding, contacts, problems: log.finish() };
}

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function splitLines(s: string): string[] {
  // CR CR LF (iPhone), CRLF, LF and mixed all end a line; a file with no LF at all is old-Mac
  // CR-only. A lone CR inside a LF file is kept (Thunderbird writes one inside a value).
  if (s.indexOf('\n') < 0) return s.split('\r');
  const lines = s.split(/\r*\n/);
  const last = lines.length - 1;
  lines[last] = (lines[last] as string).replace(/\r+$/, '');
  return lines;
}

function readCards(text: string, ctx: Context, log: ProblemLog, out: ParsedContact[]): void {
  const { limits } = ctx;
  const lines = splitLines(text);
  const stack: OpenCard[] = [];
  /** Depth of cards nested beyond the limit, whose content is skipped. */
  let skipDepth = 0;
  let opened = 0;
  let outsideReported = false;

  let i = 0;
  while (i < lines.length) {
    const lineNo = i + 1;
    const line = lines[i] as string;
    i++;
    const card = stack[stack.length - 1];

    // BEGIN/END are rare among lines: look at the first character before running a regex.
    const c0 = line.charCodeAt(0);
    const maybeMarker = c0 === 0x42 || c0 === 0x62 || c0 === 0x45 || c0 === 0x65 || c0 === 0x20 || c0 === 0x09;
    if (maybeMarker && BEGIN.test(line)) {
      if (skipDepth > 0 || stack.length >= limits.maxNestingDepth) {
        if (skipDepth === 0) log.add(lineNo, 'skipped', 'vcard_too_deep', { max: limits.maxNestingDepth });
        skipDepth++;
        continue;
      }
      if (opened >= limits.maxContacts) {
        log.add(lineNo, 'file', 'vcard_too_many_cards', { max: limits.maxContacts });
        return;
      }
      opened++;
      const next: OpenCard = { line: lineNo, props: [], warnings: [], tooManyProps: false };
      if (card) next.nestedIn = card.line;
      stack.push(next);
      outsideReported = false;
      continue;
    }
    if (maybeMarker && END.test(line)) {
      if (skipDepth > 0) skipDepth--;
      else if (card) {
        stack.pop();
        finishCard(card, ctx, log, out);
      } else log.add(lineNo, 'file', 'vcard_end_without_begin');
      continue;
    }
    if (skipDepth > 0) continue;
    if (!card) {
      if (line.trim() !== '' && !outsideReported) {
        log.add(lineNo, 'file', 'vcard_text_outside');
        outsideReported = true;
      }
      continue;
    }
    if (line.trim() === '' || line.startsWith('#')) continue; // blank lines and comment lines
    if (line.startsWith(' ') || line.startsWith('\t')) {
      cardWarn(card, lineNo, 'vcard_stray_continuation');
      continue;
    }

    const head = parseHead(line);
    if (!head) {
      cardWarn(card, lineNo, 'vcard_not_property', { value: quote(line) });
      continue;
    }
    const encParam = (head.params.get('ENCODING')?.[0] ?? '').toUpperCase();
    const encoding = encParam === 'QUOTED-PRINTABLE' ? 'qp' : encParam === 'BASE64' || encParam === 'B' ? 'b64' : null;
    const charset = head.params.get('CHARSET')?.[0] ?? '';
    const max = BINARY_PROPS.has(head.name) ? limits.maxBinaryLineLength : limits.maxTextLineLength;

    // Unfold: gather the continuation lines of this property. (No closure here: this loop runs
    // once per property and tsx wraps every named closure in a helper call.)
    let tail = line.slice(head.valueStart);
    let pieces: string[] | null = null; // only allocated when the value spans lines
    let size = tail.length;
    let tooLong = size > max;
    while (i < lines.length) {
      const next = lines[i] as string;
      let piece: string;
      if (encoding === 'qp' && tail.endsWith('=')) {
        // A QP soft line break: the next line continues the value verbatim, whatever it starts
        // with (even `#`, even a space), unless the card ends there.
        if (BEGIN.test(next) || END.test(next)) break;
        if (!tooLong) {
          pieces ??= [tail];
          pieces[pieces.length - 1] = tail.slice(0, -1);
        }
        piece = next;
      } else if (next.startsWith(' ') || next.startsWith('\t')) {
        piece = next.slice(1); // RFC 6350 §3.2: remove the line break and one whitespace
      } else if (encoding === 'b64' && BASE64_LINE.test(next)) {
        piece = next; // vCard 2.1 base64 continued on lines that are not indented
      } else if (
        encoding === null &&
        endsWithOddBackslash(tail) &&
        next.trim() !== '' &&
        !PROPERTY_START.test(next) &&
        !END.test(next) &&
        !BACKSLASH_TRAIL.test(charset)
      ) {
        piece = `n${next}`; // a trailing backslash continues the line: read it as an escaped newline
      } else break;
      i++;
      tail = piece;
      size += piece.length;
      if (size > max) tooLong = true;
      if (!tooLong) {
        pieces ??= [line.slice(head.valueStart)];
        pieces.push(piece);
      }
    }

    if (tooLong) {
      cardWarn(card, lineNo, 'vcard_property_too_long', { property: head.name, max });
      continue;
    }
    if (card.props.length >= limits.maxPropertiesPerCard) {
      if (!card.tooManyProps) cardWarn(card, lineNo, 'vcard_too_many_properties', { max: limits.maxPropertiesPerCard });
      card.tooManyProps = true;
      continue;
    }
    const raw = pieces === null ? tail : pieces.join('');
    card.props.push({ line: lineNo, group: head.group, name: head.name, params: head.params, raw, encoding });
  }

  // Cards still open at the end of the file (a truncated export): keep what they hold.
  while (stack.length > 0) {
    const card = stack.pop() as OpenCard;
    cardWarn(card, card.line, 'vcard_no_end');
    finishCard(card, ctx, log, out);
  }
}

function endsWithOddBackslash(s: string): boolean {
  let n = 0;
  for (let k = s.length - 1; k >= 0 && s.charCodeAt(k) === 0x5c; k--) n++;
  return n % 2 === 1;
}

function cardWarn(card: OpenCard, line: number, code: ImportProblemCode, params: ProblemParams = {}): void {
  // A garbage card can produce a warning per line; a few are enough to explain it.
  if (card.warnings.length < 20) card.warnings.push({ line, code, params });
}

interface Head {
  group: string;
  name: string;
  params: ReadonlyMap<string, string[]>;
  valueStart: number;
}

function parseHead(line: string): Head | null {
  const n = line.length;
  let i = 0;
  while (i < n) {
    const c = line.charCodeAt(i);
    if (c === 0x3b || c === 0x3a) break;
    i++;
  }
  if (i >= n) return null;
  const full = line.slice(0, i).trim();
  const dot = full.lastIndexOf('.');
  const name = (dot >= 0 ? full.slice(dot + 1) : full).toUpperCase();
  if (!/^[A-Z0-9_-]+$/.test(name)) return null;
  // Most properties have no parameters: they share one empty map, which is never written to.
  let params: Map<string, string[]> | null = null;
  while (line.charCodeAt(i) === 0x3b) {
    i++;
    const start = i;
    let quoted = false;
    while (i < n) {
      const c = line.charCodeAt(i);
      if (c === 0x22) quoted = !quoted;
      else if (!quoted && (c === 0x3b || c === 0x3a)) break;
      i++;
    }
    params ??= new Map<string, string[]>();
    addParam(params, line.slice(start, i));
  }
  if (line.charCodeAt(i) !== 0x3a) return null;
  return { group: dot >= 0 ? full.slice(0, dot).toLowerCase() : '', name, params: params ?? NO_PARAMS, valueStart: i + 1 };
}

function paramText(s: string): string {
  // Parameter values are labels; non-ASCII ones are UTF-8 in practice (`TYPE="费"`).
  return /[\u0080-\uffff]/.test(s) ? Buffer.from(s, 'latin1').toString('utf8') : s;
}

function addParam(params: Map<string, string[]>, p: string): void {
  const eq = p.indexOf('=');
  let key: string;
  let values: string[];
  if (eq < 0) {
    // vCard 2.1 bare parameters: `TEL;CELL;PREF`, `PHOTO;BASE64`, `NOTE;QUOTED-PRINTABLE`.
    const v = p.trim().toUpperCase();
    if (v === '') return;
    key = BARE_ENCODINGS.has(v) ? 'ENCODING' : 'TYPE';
    values = [key === 'TYPE' ? v.toLowerCase() : v];
  } else {
    key = p.slice(0, eq).trim().toUpperCase();
    const raw = paramText(p.slice(eq + 1).trim());
    if (key === 'TYPE') {
      values = raw
        .split(',')
        .map((t) => t.trim().replace(/^"|"$/g, '').trim().toLowerCase())
        .filter((t) => t !== '');
    } else values = [raw.replace(/^"|"$/g, '')];
  }
  const list = params.get(key);
  if (list) list.push(...values);
  else params.set(key, values);
}

// ---------------------------------------------------------------------------------------------
// From properties to a contact

function finishCard(card: OpenCard, ctx: Context, log: ProblemLog, out: ParsedContact[]): void {
  let draft: ContactDraft | undefined;
  try {
    draft = new ContactDraft(card.line);
    for (const w of card.warnings) draft.warn(w.line, w.code, w.params);
    if (card.nestedIn !== undefined) draft.warn(card.line, 'vcard_nested', { line: card.nestedIn });
    buildContact(card, draft, ctx);
    const result = draft.finish();
    if ('skip' in result) {
      log.add(card.line, 'skipped', result.skip, { unit: 'vCard' });
      return;
    }
    // In file order: the name and company are set once the whole card is read.
    for (const w of [...draft.warnings].sort((x, y) => x.line - y.line)) log.add(w.line, 'warning', w.code, w.params);
    out.push(result.contact);
  } catch (err) {
    log.add(card.line, 'skipped', 'vcard_card_unreadable', { detail: errorMessage(err) });
  }
}

function buildContact(card: OpenCard, draft: ContactDraft, ctx: Context): void {
  const abLabels = new Map<string, string>();
  for (const p of card.props) {
    if (p.name === 'X-ABLABEL' && p.group !== '') {
      const label = cleanAbLabel(unescape(textOf(p, ctx, draft)));
      if (label !== '') abLabels.set(p.group, label);
    }
  }

  let fn: string | undefined;
  let n: string[] | undefined;
  let org: string | undefined;
  let title: string | undefined;
  let role: string | undefined;
  const adrs: Array<{ parts: string[]; pref: boolean; line: number }> = [];
  // The line each property was read from, for the problems of its text.
  const at = { fn: card.line, n: card.line, org: card.line, title: card.line, role: card.line };

  for (const p of card.props) {
    try {
      switch (p.name) {
        case 'FN':
          if (fn === undefined) [fn, at.fn] = [nonEmpty(unescape(textOf(p, ctx, draft))), p.line];
          break;
        case 'N':
          if (n === undefined) [n, at.n] = [splitEscaped(textOf(p, ctx, draft), ';').map((s) => unescape(s).trim()), p.line];
          break;
        case 'ORG':
          if (org === undefined) {
            org = splitEscaped(textOf(p, ctx, draft), ';')
              .map((s) => unescape(s).trim())
              .find((s) => s !== '');
            at.org = p.line;
          }
          break;
        case 'TITLE':
          if (title === undefined) [title, at.title] = [nonEmpty(unescape(textOf(p, ctx, draft))), p.line];
          break;
        case 'ROLE':
          if (role === undefined) [role, at.role] = [nonEmpty(unescape(textOf(p, ctx, draft))), p.line];
          break;
        case 'EMAIL':
          draft.addEmail(unescape(textOf(p, ctx, draft)), channelLabel(p, abLabels, 'email'), p.line, isPref(p));
          break;
        case 'TEL':
          draft.addPhone(unescape(textOf(p, ctx, draft)), channelLabel(p, abLabels, 'tel'), p.line, isPref(p));
          break;
        case 'URL':
        case 'X-SOCIALPROFILE':
        case 'SOCIALPROFILE':
          addLink(p, draft, ctx, abLabels);
          break;
        case 'ADR':
          adrs.push({
            parts: splitEscaped(textOf(p, ctx, draft), ';').map((s) => unescape(s).trim()),
            pref: isPref(p),
            line: p.line,
          });
          break;
        case 'NOTE':
          draft.addNote(unescape(textOf(p, ctx, draft)), p.line);
          break;
        case 'BDAY':
          if (draft.birthday === undefined) {
            const raw = unescape(textOf(p, ctx, draft));
            const date = parseDate(raw);
            if (date !== undefined) draft.birthday = withoutPlaceholderYear(date, p);
            else if (raw.trim() !== '') draft.warn(p.line, 'birthday_not_date', { value: quote(raw) });
          }
          break;
        case 'CATEGORIES':
          // Escaped commas too: Thunderbird writes `a\, b\, c` for three categories, and a tag
          // with commas in it is of no use in Rete.
          for (const t of splitEscaped(textOf(p, ctx, draft), ','))
            for (const u of unescape(t).split(',')) draft.addTag(u, p.line);
          break;
        case 'UID': {
          const uid = nonEmpty(unescape(textOf(p, ctx, draft)));
          if (uid !== undefined && draft.externalId === undefined && uid.length <= 200) draft.externalId = uid;
          break;
        }
        case 'PHOTO':
          if (draft.photo === undefined) {
            const photo = readPhoto(p, ctx, draft);
            if (photo) draft.photo = photo;
          }
          break;
        default:
          // Everything else (X-*, IMPP, KEY, LOGO, AGENT, GEO, …) is not kept by Rete.
          break;
      }
    } catch (err) {
      draft.warn(p.line, 'vcard_property_unreadable', { property: p.name, detail: errorMessage(err) });
    }
  }

  if (fn !== undefined) draft.setText('name', fn, at.fn);
  if (n) {
    const [family, given, middle] = n;
    draft.setText('givenName', given, at.n);
    draft.setText('familyName', family, at.n);
    if (fn === undefined) draft.setText('name', joinName(nonEmpty(given), nonEmpty(family), nonEmpty(middle)), at.n);
  }
  draft.setText('company', org, at.org);
  draft.setText('role', title ?? role, title !== undefined ? at.title : at.role);

  // The preferred address, else the first that says where: Rete keeps only city and country.
  const adr = adrs.find((a) => a.pref && (a.parts[3] || a.parts[6])) ?? adrs.find((a) => a.parts[3] || a.parts[6]);
  if (adr) {
    draft.setText('city', adr.parts[3], adr.line);
    draft.setText('country', adr.parts[6], adr.line);
  }
}

function nonEmpty(s: string | undefined): string | undefined {
  const t = s?.trim();
  return t === undefined || t === '' ? undefined : t;
}

/** Bytes of a value after its transfer encoding, then decoded with its charset. */
function textOf(p: Property, ctx: Context, draft: ContactDraft): string {
  // The common case, plain ASCII with no transfer encoding, needs no decoding at all.
  if (p.encoding === null && !p.params.has('CHARSET') && !NON_ASCII.test(p.raw)) return p.raw;
  let bytes: Buffer;
  if (p.encoding === 'qp') bytes = decodeQuotedPrintable(p.raw);
  else if (p.encoding === 'b64') bytes = Buffer.from(p.raw.replace(/\s+/g, ''), 'base64');
  else bytes = Buffer.from(p.raw, 'latin1');

  const declared = p.params.get('CHARSET')?.[0];
  let charset: string | null = null;
  if (declared !== undefined) {
    charset = resolveCharset(declared);
    if (charset === null && !/^(us-)?ascii$/i.test(declared.trim())) {
      draft.warn(p.line, 'vcard_unknown_charset', { property: p.name, charset: quote(declared, 30), fallback: ctx.fallback });
    }
  }
  // After UTF-16 → UTF-8 transcoding, raw text is UTF-8 whatever it declared; QP/base64 bytes
  // still are in the declared charset.
  if (ctx.transcoded && p.encoding === null) charset = 'utf-8';

  const { text, lossy, encoding } = decodeWithCharset(bytes, charset, ctx.fallback);
  if (encoding !== 'ascii') ctx.used.set(encoding, (ctx.used.get(encoding) ?? 0) + 1);
  if (lossy) draft.warn(p.line, 'vcard_invalid_bytes', { property: p.name, encoding });
  return text;
}

/** Quoted-printable → bytes. Soft line breaks were removed while unfolding; a bad `=` stays literal. */
export function decodeQuotedPrintable(s: string): Buffer {
  const out = Buffer.allocUnsafe(s.length);
  let o = 0;
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c === 0x3d && k + 2 < s.length + 0 && isHex(s.charCodeAt(k + 1)) && isHex(s.charCodeAt(k + 2))) {
      out[o++] = parseInt(s.slice(k + 1, k + 3), 16);
      k += 2;
    } else out[o++] = c & 0xff;
  }
  return out.subarray(0, o);
}

function isHex(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
}

/** Split on separators not escaped by a backslash; escapes are kept for `unescape`. */
export function splitEscaped(s: string, sep: ';' | ','): string[] {
  const parts: string[] = [];
  let start = 0;
  for (let k = 0; k < s.length; k++) {
    const c = s[k];
    if (c === '\\') k++;
    else if (c === sep) {
      parts.push(s.slice(start, k));
      start = k + 1;
    }
  }
  parts.push(s.slice(start));
  return parts;
}

/**
 * `\n` `\N` → newline, `\,` `\;` `\:` `\\` `\"` → the character. Any other backslash is kept as it is:
 * vCard 2.1 has no general escape, so `B\C` means a backslash.
 */
export function unescape(s: string): string {
  if (s.indexOf('\\') < 0) return s;
  return s.replace(/\\([\s\S])/g, (_m, c: string) => {
    if (c === 'n' || c === 'N') return '\n';
    // `\"` is not in the RFCs but Google and Apple write it for a plain quote.
    if (c === ',' || c === ';' || c === ':' || c === '\\' || c === '"') return c;
    return `\\${c}`;
  });
}

function cleanAbLabel(s: string): string {
  // Apple's built-in labels: `_$!<HomePage>!$_` (some writers drop the underscores).
  const m = /^_?\$!<(.*)>!\$_?$/.exec(s.trim());
  return m ? (m[1] as string).trim().toLowerCase() : s.trim();
}

/**
 * Apple Contacts writes a birthday without a year with a year of its own and says which
 * (`BDAY;X-APPLE-OMIT-YEAR=1604:1604-02-29`); 1604 is the year it always uses, also kept by tools
 * that drop the parameter. Either way, the year is not known: `--02-29`.
 */
function withoutPlaceholderYear(date: string, p: Property): string {
  if (date.startsWith('--')) return date;
  const year = date.slice(0, 4);
  return year === '1604' || p.params.get('X-APPLE-OMIT-YEAR')?.[0] === year ? `--${date.slice(5)}` : date;
}

function isPref(p: Property): boolean {
  return (p.params.get('TYPE') ?? []).includes('pref') || p.params.has('PREF');
}

const NOISE_TYPES = new Set(['pref', 'internet', 'x400', 'voice', 'msg', 'uri', 'text', 'postal', 'parcel', 'dom', 'intl']);
const PLACES = new Set(['home', 'work', 'other']);

/** A short label from TYPE parameters or the group's X-ABLabel: `work`, `mobile`, `home fax`, … */
function channelLabel(p: Property, abLabels: Map<string, string>, kind: 'email' | 'tel' | 'url'): string | null {
  const ab = p.group !== '' ? abLabels.get(p.group) : undefined;
  if (ab !== undefined) return ab;
  const types = (p.params.get('TYPE') ?? []).filter((t) => !NOISE_TYPES.has(t));
  if (kind === 'tel' && types.length === 0 && (p.params.get('TYPE') ?? []).includes('voice')) return null;
  const place = types.find((t) => PLACES.has(t));
  const rest = types
    .filter((t) => !PLACES.has(t))
    .map((t) => (kind === 'tel' && (t === 'cell' || t === 'iphone') ? 'mobile' : t));
  const label = [place, rest[0]].filter((t): t is string => t !== undefined).join(' ');
  return label === '' ? null : label;
}

function addLink(p: Property, draft: ContactDraft, ctx: Context, abLabels: Map<string, string>): void {
  const value = unescape(textOf(p, ctx, draft)).trim();
  let label = channelLabel(p, abLabels, 'url');
  if (p.name !== 'URL') {
    // X-SOCIALPROFILE;type=linkedin:https://… — the network is the useful label.
    const service = p.params.get('X-SERVICE-TYPE')?.[0]?.toLowerCase();
    label = service ?? label ?? (/linkedin\.com\//i.test(value) ? 'linkedin' : 'social');
  } else if (label === null && /^https?:\/\/([a-z0-9-]+\.)*linkedin\.com\//i.test(value)) label = 'linkedin';
  draft.addLink(value, label, p.line, isPref(p));
}

function readPhoto(p: Property, ctx: Context, draft: ContactDraft): ParsedPhoto | undefined {
  const { maxPhotoBytes, maxPhotoPixels } = ctx.limits;
  const valueType = (p.params.get('VALUE')?.[0] ?? '').toLowerCase();
  const raw = p.raw.trim();
  let b64: string;
  if (p.encoding === 'b64') b64 = raw;
  else if (/^data:/i.test(raw)) {
    const m = /^data:[^,]*?(;base64)?,([\s\S]*)$/i.exec(raw);
    if (!m || !m[1]) {
      draft.warn(p.line, 'vcard_photo_data_not_base64');
      return undefined;
    }
    b64 = m[2] as string;
  } else if (valueType === 'uri' || valueType === 'url' || /^[a-z][a-z0-9+.-]*:/i.test(raw)) {
    return undefined; // a link to a photo elsewhere: never fetched, not kept
  } else if (p.encoding === null && raw.length >= 16 && /^[A-Za-z0-9+/=\s]+$/.test(raw)) {
    b64 = raw; // vCard 3.0 "binary" value without an ENCODING parameter (Thunderbird)
  } else {
    if (raw !== '') draft.warn(p.line, 'vcard_photo_unusable');
    return undefined;
  }
  b64 = b64.replace(/\s+/g, '');
  if (b64 === '') return undefined;
  const kb = Math.round(maxPhotoBytes / 1024);
  if (Math.floor((b64.length * 3) / 4) > maxPhotoBytes + 2) {
    draft.warn(p.line, 'vcard_photo_too_large', { kb });
    return undefined;
  }
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(b64) || b64.length % 4 === 1) {
    draft.warn(p.line, 'vcard_photo_not_base64');
    return undefined;
  }
  const bytes = Buffer.from(b64, 'base64');
  if (bytes.length > maxPhotoBytes) {
    draft.warn(p.line, 'vcard_photo_too_large', { kb });
    return undefined;
  }
  const info = sniffImage(bytes);
  if (!info) {
    draft.warn(p.line, 'vcard_photo_not_image');
    return undefined;
  }
  if (info.width * info.height > maxPhotoPixels) {
    draft.warn(p.line, 'vcard_photo_too_many_pixels', { width: info.width, height: info.height });
    return undefined;
  }
  return { mime: info.mime, bytes };
}
