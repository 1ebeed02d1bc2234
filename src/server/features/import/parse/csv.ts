/**
 * CSV contact files: LinkedIn `Connections.csv`, Google Contacts (current and legacy layouts),
 * and any other CSV with a header through a column mapping (suggested from the header names in
 * English and Italian, Thunderbird and Outlook exports included, and adjustable in the UI).
 *
 * Reading is `csv-reader.ts`; this module adds what real files need around it: finding the header
 * below LinkedIn's `Notes:` preamble, choosing the delimiter (`,` `;` tab `|`), telling a
 * header from a first data row, and a line number for every record so problems can name it.
 */
import { CSV_FIELDS, type CsvField } from '#shared/api/values.ts';
import { readCsvRecords } from './csv-reader.ts';
import { ContactDraft, joinName, parseDate, quote, singleLine } from './contact.ts';
import { ProblemLog, resolveLimits } from './types.ts';
import type { ParseLimits, ParseProblem, ParsedContact } from './types.ts';

/** Header name → what the column holds. Columns left out are ignored. */
export type ColumnMapping = Record<string, CsvField>;
export type CsvLayout = 'linkedin' | 'google' | 'google-legacy' | 'generic';

export interface CsvRow {
  /** Line in the file where the record starts (1-based). */
  line: number;
  cells: string[];
}

export interface CsvTable {
  /** Trimmed and made unique (`Email`, `Email (2)`); `Column 1`… when the file has no header. */
  headers: string[];
  rows: CsvRow[];
  delimiter: string;
  hasHeader: boolean;
  /** Line of the header row (0 when there is none). */
  headerLine: number;
}

export interface CsvResult {
  layout: CsvLayout;
  headers: string[];
  /** The first rows, for the column-mapping screen. */
  sample: string[][];
  delimiter: string;
  suggestedMapping: ColumnMapping;
  /** The mapping applied (generic layout only): the caller's, else the suggested one. */
  mappingUsed?: ColumnMapping;
  contacts: ParsedContact[];
  problems: ParseProblem[];
}

export interface CsvOptions {
  /** Force a layout; `csv` = generic with a mapping. Without it the header decides. */
  format?: 'linkedin' | 'google' | 'csv';
  mapping?: ColumnMapping;
  limits?: Partial<ParseLimits>;
  /** Rows in `sample`. */
  sampleRows?: number;
}

const DELIMITERS = [',', ';', '\t', '|'] as const;

/** Lower case, no accents, punctuation as spaces: `Città (uff.)` → `citta uff`. */
export function normalizeHeader(h: string): string {
  return h
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

function isLinkedInHeader(cells: string[]): boolean {
  const set = new Set(cells.map(normalizeHeader));
  return (
    set.has('first name') && set.has('last name') && (set.has('connected on') || (set.has('company') && set.has('position')))
  );
}

/** Which known export a header row belongs to. */
export function detectLayout(headers: string[]): CsvLayout {
  if (isLinkedInHeader(headers)) return 'linkedin';
  const set = new Set(headers.map(normalizeHeader));
  const indexed = headers.some((h) =>
    /^(e-?mail|phone|website|address|organization) \d+ - (value|type|label|name|city|title)$/i.test(h.trim()),
  );
  if (!indexed) return 'generic';
  const legacy =
    set.has('group membership') || set.has('given name') || headers.some((h) => /^(e-?mail|phone) \d+ - type$/i.test(h.trim()));
  return legacy ? 'google-legacy' : 'google';
}

// ---------------------------------------------------------------------------------------------
// Reading the table

/** Count `d` outside double quotes in one physical line (a heuristic: quotes may span lines). */
function countOutside(line: string, d: string): number {
  let n = 0;
  let quoted = false;
  for (const c of line) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && c === d) n++;
  }
  return n;
}

/**
 * The delimiter that splits the header into the most columns and splits the following lines the
 * same way. A file that switches delimiter half-way (Thunderbird's tab_comma_mixed test) gets
 * the header's; its odd rows are then reported, never silently shifted.
 */
export function detectDelimiter(lines: string[]): string {
  const [header, ...rest] = lines;
  if (header === undefined) return ',';
  let best = ',';
  let bestScore = 0;
  for (const d of DELIMITERS) {
    const h = countOutside(header, d);
    if (h === 0) continue;
    const consistent = rest.filter((l) => countOutside(l, d) === h).length;
    const score = consistent * 1000 + h;
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}

const EMAIL_LIKE = /^[^\s@]+@[^\s@]+$/;

function looksLikeData(cells: string[]): boolean {
  const filled = cells.map((c) => c.trim()).filter((c) => c !== '');
  if (filled.length === 0) return false;
  if (filled.some((c) => EMAIL_LIKE.test(c) || /^https?:\/\//i.test(c))) return true;
  return filled.every((c) => /^[+\d\s().\-/]+$/.test(c));
}

function uniqueHeaders(raw: string[]): string[] {
  const seen = new Map<string, number>();
  return raw.map((h, i) => {
    let name = singleLine(h.replace(/^\uFEFF/, ''));
    if (name === '') name = `Column ${i + 1}`;
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    return n === 1 ? name : `${name} (${n})`;
  });
}

/** What receives the rows after the header, one by one, once the head of the file is known. */
export type RowSink = (row: CsvRow) => void;

/** Rows read before the layout and the suggested mapping are decided (and kept for the sample). */
const HEAD_ROWS = 50;

/**
 * Parse CSV text into a header and rows with line numbers. Problems go to `log`.
 *
 * Without `sinkFor`, `rows` holds every row. With it, `rows` holds only the first rows (the head,
 * for samples and mapping suggestions) and every row after the header, head included, goes to the
 * sink `sinkFor` returns when the head is known: a large file is converted as it is read, never
 * held as a table.
 */
export function readCsvTable(
  input: string,
  limits: ParseLimits,
  log: ProblemLog,
  sinkFor?: (head: CsvTable) => RowSink,
): CsvTable {
  const text = input.replace(/^\uFEFF/, '');
  // Only the head is split into lines: the header is in the first 50 and the delimiter is
  // sniffed from the 20 after it; the whole file is left to the reader.
  const physical = firstLines(text, 100);

  // LinkedIn puts a `Notes:` paragraph (0..N lines) above the header: look for its header in
  // the first lines; any other file starts at its first non-empty line.
  let start = physical.findIndex((l) => l.trim() !== '');
  if (start < 0) {
    const empty: CsvTable = { headers: [], rows: [], delimiter: ',', hasHeader: false, headerLine: 0 };
    sinkFor?.(empty);
    return empty;
  }
  for (let k = start; k < Math.min(physical.length, 50); k++) {
    const l = physical[k] as string;
    if (/first name/i.test(l) && isLinkedInHeader(l.split(/[,;\t]/).map((c) => c.replace(/"/g, '')))) {
      start = k;
      break;
    }
  }
  const sampleLines = physical
    .slice(start, start + 40)
    .filter((l) => l.trim() !== '')
    .slice(0, 20);
  const delimiter = detectDelimiter(sampleLines);

  const body = text.slice(lineOffset(text, start));

  const head: CsvRow[] = [];
  let table: CsvTable | null = null;
  let sink: RowSink | null = null;
  const open = (): CsvTable => {
    const t = headTable(head, delimiter, log);
    table = t;
    if (sinkFor) {
      const s = sinkFor(t);
      sink = s;
      for (const row of t.rows) s(row);
    }
    return t;
  };
  let count = 0;
  let more = false;
  const maxRecords = limits.maxContacts + 1; // + the header
  readCsvRecords(body, {
    delimiter,
    trim: delimiter !== '\t',
    maxRecordLength: limits.maxCsvRecordLength,
    firstLine: start + 1,
    onRecord: (record) => {
      if (count >= maxRecords) {
        more = true;
        return false;
      }
      count++;
      if (sink) sink(record);
      else {
        head.push(record);
        if (sinkFor && head.length > HEAD_ROWS) open();
      }
      return true;
    },
    onProblem: (line, kind) => {
      if (kind === 'unclosed-quote') log.add(line, 'skipped', 'csv_unclosed_quote');
      else log.add(line, 'skipped', 'csv_record_too_long', { max: limits.maxCsvRecordLength });
    },
  });
  if (more) log.add(0, 'file', 'csv_too_many_rows', { max: limits.maxContacts });
  return table ?? open();
}

/** The header (or `Column 1…` when the first row holds data) and the rows after it. */
function headTable(rows: CsvRow[], delimiter: string, log: ProblemLog): CsvTable {
  const first = rows[0];
  if (!first) return { headers: [], rows: [], delimiter, hasHeader: false, headerLine: 0 };
  if (looksLikeData(first.cells)) {
    const width = Math.max(...rows.slice(0, 50).map((r) => r.cells.length));
    log.add(first.line, 'file', 'csv_no_header');
    const headers = Array.from({ length: width }, (_v, i) => `Column ${i + 1}`);
    return { headers, rows, delimiter, hasHeader: false, headerLine: 0 };
  }
  return { headers: uniqueHeaders(first.cells), rows: rows.slice(1), delimiter, hasHeader: true, headerLine: first.line };
}

/** The first `n` lines of `text` (line breaks of 1 or 2 characters). */
function firstLines(text: string, n: number): string[] {
  const lines: string[] = [];
  const re = /\r\n|\n|\r/g;
  let from = 0;
  while (lines.length < n) {
    const m = re.exec(text);
    if (!m) {
      lines.push(text.slice(from));
      break;
    }
    lines.push(text.slice(from, m.index));
    from = m.index + m[0].length;
  }
  return lines;
}

/** Character offset where line `line` (0-based) starts; line breaks may be 1 or 2 characters. */
function lineOffset(text: string, line: number): number {
  const re = /\r\n|\n|\r/g;
  let pos = 0;
  for (let k = 0; k < line; k++) {
    const m = re.exec(text);
    if (!m) return text.length;
    pos = m.index + m[0].length;
  }
  return pos;
}

// ---------------------------------------------------------------------------------------------
// Mapping suggestions

const RULES: Array<[RegExp, CsvField]> = [
  [/\b(e ?mail|posta elettronica)\b.*\b(type|label|display|tipo|visualizzat\w*)\b/, 'ignore'],
  [/\b(type|label|tipo|etichetta|yomi|phonetic)\b/, 'ignore'],
  [/\b(e ?mail|posta elettronica|indirizzo di posta|mail)\b/, 'email'],
  [/\b(fax|phone|telephone|telefono|tel|cellulare|cell|mobile|cellphone|pager|cercapersone)\b/, 'phone'],
  [/\b(web ?page|web ?site|website|sito|sito web|pagina web|url|homepage|home page|linkedin|link)\b/, 'link'],
  [/\b(city|citta|comune|localita|town)\b/, 'city'],
  [/\b(country|nazione|paese)\b/, 'country'],
  [/\b(notes?|commenti?|comments?|annotazioni|descrizione|description)\b/, 'notes'],
  [/\b(tags?|labels?|categories|categorie|gruppi|groups?|group membership|etichette)\b/, 'tags'],
  [/\b(job title|position|role|ruolo|posizione|qualifica|mansione|carica|professione|profession|occupation|incarico)\b/, 'role'],
  [/\b(company|organization|organisation|organizzazione|azienda|societa|ditta|impresa|employer)\b/, 'company'],
  [/\b(middle name|secondo nome|additional name)\b/, 'ignore'],
  [/\b(last name|surname|family name|lastname|cognome)\b/, 'familyName'],
  [/\b(first name|given name|firstname|forename)\b/, 'givenName'],
  [/^nome$/, 'givenName'],
  [/^(name|display name|full name|contact name|nome completo|nominativo|nome e cognome|contatto|nome visualizzato)$/, 'name'],
];

/**
 * A first guess at the mapping from header names (English, Italian, Thunderbird, Outlook).
 * For a file without a header, columns whose sample values are mostly emails or web addresses
 * are mapped to `email` / `link`.
 */
export function suggestMapping(headers: string[], sample: string[][] = []): ColumnMapping {
  const mapping: ColumnMapping = {};
  for (const h of headers) {
    const n = normalizeHeader(h);
    mapping[h] = RULES.find(([re]) => re.test(n))?.[1] ?? 'ignore';
  }
  // `Title` is the job in most files but the honorific (Mr., Dott.) in Outlook, which also has
  // `Job Title`: use it only when nothing else holds the role.
  const hasRole = Object.values(mapping).includes('role');
  for (const h of headers) {
    if (/^(title|titolo)$/.test(normalizeHeader(h))) mapping[h] = hasRole ? 'ignore' : 'role';
  }
  headers.forEach((h, i) => {
    if (!/^Column \d+$/.test(h)) return;
    const values = sample.map((r) => (r[i] ?? '').trim()).filter((v) => v !== '');
    if (values.length === 0) return;
    if (values.filter((v) => EMAIL_LIKE.test(v)).length * 2 >= values.length) mapping[h] = 'email';
    else if (values.filter((v) => /^https?:\/\//i.test(v)).length * 2 >= values.length) mapping[h] = 'link';
  });
  return mapping;
}

/** `Work Phone` → `work`, `Mobile Number` → `mobile`, `Fax (uff.)` → `work fax`. */
function labelFromHeader(header: string): string | null {
  const h = normalizeHeader(header);
  const place = /\b(work|business|office|ufficio|uff|lavoro|company)\b/.test(h)
    ? 'work'
    : /\b(home|casa|abitazione|privato|personal|personale)\b/.test(h)
      ? 'home'
      : undefined;
  const kind = /\bfax\b/.test(h)
    ? 'fax'
    : /\b(mobile|cell|cellulare|cellphone)\b/.test(h)
      ? 'mobile'
      : /\b(pager|cercapersone)\b/.test(h)
        ? 'pager'
        : undefined;
  const label = [place, kind].filter((p): p is string => p !== undefined).join(' ');
  return label === '' ? null : label;
}

// ---------------------------------------------------------------------------------------------
// Rows → contacts

function split(value: string, seps: RegExp): string[] {
  return value
    .split(seps)
    .map((v) => v.trim())
    .filter((v) => v !== '');
}
const MULTI = /\s+:::\s+/;
const LIST = /\s+:::\s+|\s*[;,]\s*/;

/** Skip rows with nothing in them and rows that visibly use another delimiter. */
function usableRow(row: CsvRow, table: CsvTable, log: ProblemLog): boolean {
  if (row.cells.every((c) => c.trim() === '')) return false;
  if (row.cells.length === 1 && table.headers.length > 2) {
    const other = DELIMITERS.find((d) => d !== table.delimiter && (row.cells[0] as string).includes(d));
    if (other !== undefined) {
      const name = (d: string): string => (d === '\t' ? 'tab' : `"${d}"`);
      log.add(row.line, 'skipped', 'csv_wrong_delimiter', { found: name(other), expected: name(table.delimiter) });
      return false;
    }
  }
  return true;
}

function collect(draft: ContactDraft, row: CsvRow, log: ProblemLog, out: ParsedContact[], skip?: 'no_name_no_email'): void {
  const result = skip === undefined ? draft.finish() : { skip };
  if ('skip' in result) {
    log.add(row.line, 'skipped', result.skip, { unit: 'row' });
    return;
  }
  for (const w of draft.warnings) log.add(w.line, 'warning', w.code, w.params);
  out.push(result.contact);
}

function extraCellsWarning(row: CsvRow, table: CsvTable, draft: ContactDraft): void {
  if (row.cells.length > table.headers.length && row.cells.slice(table.headers.length).some((c) => c.trim() !== '')) {
    draft.warn(row.line, 'csv_extra_fields', { found: row.cells.length, expected: table.headers.length });
  }
}

/** Rows of any CSV → contacts, through a column mapping. */
function mappedRows(table: CsvTable, mapping: ColumnMapping, log: ProblemLog, out: ParsedContact[]): RowSink {
  const columns = table.headers
    .map((header, index) => ({ header, index, field: mapping[header] ?? 'ignore', label: labelFromHeader(header) }))
    .filter((c) => c.field !== 'ignore');
  const noteColumns = columns.filter((c) => c.field === 'notes').length;
  return (row) => {
    if (!usableRow(row, table, log)) return;
    const draft = new ContactDraft(row.line);
    const names: string[] = [];
    const notes: string[] = [];
    for (const col of columns) {
      const value = (row.cells[col.index] ?? '').trim();
      if (value === '') continue;
      switch (col.field) {
        case 'name':
          names.push(value);
          break;
        case 'givenName':
        case 'familyName':
        case 'company':
        case 'role':
        case 'city':
        case 'country':
          draft.setText(col.field, value, row.line);
          break;
        case 'email':
          for (const v of split(value, LIST)) draft.addEmail(v, col.label, row.line);
          break;
        case 'phone':
          for (const v of split(value, MULTI)) draft.addPhone(v, col.label, row.line);
          break;
        case 'link':
          for (const v of split(value, /\s+:::\s+|\s+/)) draft.addLink(v, col.label, row.line);
          break;
        case 'notes':
          // Several note columns (Thunderbird's Custom 1–4 mapped to notes): say which is which.
          notes.push(noteColumns > 1 ? `${col.header}: ${value}` : value);
          break;
        case 'tags':
          for (const v of split(value, LIST)) draft.addTag(v, row.line);
          break;
        case 'ignore':
          break;
      }
    }
    if (names.length > 0) draft.setText('name', names.join(' '), row.line);
    draft.addNote(notes.join('\n'), row.line);
    extraCellsWarning(row, table, draft);
    collect(draft, row, log, out);
  };
}

function columnIndex(headers: string[], ...names: string[]): number {
  const wanted = new Set(names);
  return headers.findIndex((h) => wanted.has(normalizeHeader(h)));
}

function cell(row: CsvRow, index: number): string {
  return index < 0 ? '' : (row.cells[index] ?? '').trim();
}

/** Rows of LinkedIn's Connections.csv → contacts. */
function linkedInRows(table: CsvTable, log: ProblemLog, out: ParsedContact[]): RowSink {
  const h = table.headers;
  const first = columnIndex(h, 'first name');
  const last = columnIndex(h, 'last name');
  const url = columnIndex(h, 'url', 'profile url');
  const email = columnIndex(h, 'email address', 'e mail address', 'email');
  const company = columnIndex(h, 'company', 'current company');
  const position = columnIndex(h, 'position', 'current position');
  const connected = columnIndex(h, 'connected on');
  const tags = columnIndex(h, 'tags');
  return (row) => {
    if (!usableRow(row, table, log)) return;
    const draft = new ContactDraft(row.line);
    const given = cell(row, first);
    const family = cell(row, last);
    const mail = cell(row, email);
    draft.setText('givenName', given, row.line);
    draft.setText('familyName', family, row.line);
    draft.setText('name', joinName(given || undefined, family || undefined), row.line);
    const profile = cell(row, url);
    if (profile !== '') {
      draft.addLink(profile, 'linkedin', row.line);
      // The profile URL is the member's stable key: the same person in the next export.
      draft.externalId = profile
        .replace(/[?#].*$/, '')
        .replace(/\/+$/, '')
        .toLowerCase();
    }
    if (mail !== '') draft.addEmail(mail, null, row.line);
    draft.setText('company', cell(row, company), row.line);
    draft.setText('role', cell(row, position), row.line);
    const on = cell(row, connected);
    const iso = on === '' ? undefined : parseDate(on);
    // "How we met" is written by the import, in the language of the account (see import.service.ts).
    draft.linkedin = true;
    if (iso !== undefined) draft.connectedOn = iso;
    else if (on !== '') {
      draft.warn(row.line, 'linkedin_connected_on_not_date', { value: quote(on) });
      draft.connectedOnText = singleLine(on).slice(0, 100);
    }
    for (const t of split(cell(row, tags), LIST)) draft.addTag(t, row.line);
    extraCellsWarning(row, table, draft);
    // LinkedIn leaves name and URL empty for members who hide themselves: nothing to import.
    collect(draft, row, log, out, given === '' && family === '' && mail === '' ? 'no_name_no_email' : undefined);
  };
}

interface GoogleGroup {
  index: number;
  columns: Map<string, number>;
}

/** `E-mail 2 - Value` → groups.get('e-mail')[…{ index: 2, columns: { value → col } }]. */
function googleGroups(headers: string[]): Map<string, GoogleGroup[]> {
  const groups = new Map<string, GoogleGroup[]>();
  headers.forEach((h, col) => {
    const m = /^\s*([A-Za-z -]+?) (\d+) - (.+?)\s*$/.exec(h);
    if (!m) return;
    const kind = (m[1] as string).toLowerCase().replace(/^email$/, 'e-mail');
    const index = Number(m[2]);
    const sub = (m[3] as string).toLowerCase();
    let list = groups.get(kind);
    if (!list) groups.set(kind, (list = []));
    let g = list.find((x) => x.index === index);
    if (!g) list.push((g = { index, columns: new Map() }));
    g.columns.set(sub, col);
  });
  for (const list of groups.values()) list.sort((a, b) => a.index - b.index);
  return groups;
}

/** `* Home` → { label: 'home', pref: true } (Google marks the primary value with `* `). */
function googleLabel(raw: string): { label: string | null; pref: boolean } {
  const pref = raw.trim().startsWith('*');
  const l = raw.replace(/^\s*\*\s*/, '').trim();
  if (l === '') return { label: null, pref };
  return { label: /^(home|work|other|mobile|main|home fax|work fax|pager)$/i.test(l) ? l.toLowerCase() : l, pref };
}

/** Rows of a Google Contacts CSV (either layout) → contacts. */
function googleRows(table: CsvTable, log: ProblemLog, out: ParsedContact[]): RowSink {
  const h = table.headers;
  const groups = googleGroups(h);
  const name = columnIndex(h, 'name');
  const first = columnIndex(h, 'first name', 'given name');
  const middle = columnIndex(h, 'middle name', 'additional name');
  const last = columnIndex(h, 'last name', 'family name');
  const fileAs = columnIndex(h, 'file as');
  const company = columnIndex(h, 'organization name');
  const title = columnIndex(h, 'organization title');
  const notes = columnIndex(h, 'notes');
  const birthday = columnIndex(h, 'birthday');
  const labels = columnIndex(h, 'labels', 'group membership');

  const channels = (row: CsvRow, kind: string, add: (v: string, label: string | null, pref: boolean) => void): void => {
    for (const g of groups.get(kind) ?? []) {
      const valueCol = g.columns.get('value');
      if (valueCol === undefined) continue;
      const { label, pref } = googleLabel(cell(row, g.columns.get('label') ?? g.columns.get('type') ?? -1));
      for (const v of split(cell(row, valueCol), MULTI)) add(v, label, pref);
    }
  };

  return (row) => {
    if (!usableRow(row, table, log)) return;
    const draft = new ContactDraft(row.line);
    const given = cell(row, first);
    const family = cell(row, last);
    draft.setText('givenName', given, row.line);
    draft.setText('familyName', family, row.line);
    draft.setText('name', cell(row, name), row.line);
    draft.setText('name', joinName(given || undefined, family || undefined, cell(row, middle) || undefined), row.line);
    draft.setText('name', cell(row, fileAs), row.line);
    channels(row, 'e-mail', (v, l, p) => draft.addEmail(v, l, row.line, p));
    channels(row, 'phone', (v, l, p) => draft.addPhone(v, l, row.line, p));
    channels(row, 'website', (v, l, p) => draft.addLink(v, l, row.line, p));
    draft.setText('company', cell(row, company), row.line);
    draft.setText('role', cell(row, title), row.line);
    for (const g of groups.get('organization') ?? []) {
      draft.setText('company', cell(row, g.columns.get('name') ?? -1), row.line);
      draft.setText('role', cell(row, g.columns.get('title') ?? -1), row.line);
    }
    for (const g of groups.get('address') ?? []) {
      const city = cell(row, g.columns.get('city') ?? -1);
      const country = cell(row, g.columns.get('country') ?? -1);
      if (city === '' && country === '') continue;
      draft.setText('city', city, row.line);
      draft.setText('country', country, row.line);
      break;
    }
    draft.addNote(cell(row, notes), row.line);
    const bday = cell(row, birthday);
    if (bday !== '') {
      const iso = parseDate(bday);
      if (iso !== undefined) draft.birthday = iso;
      else draft.warn(row.line, 'birthday_not_date', { value: quote(bday) });
    }
    for (const t of split(cell(row, labels), MULTI)) draft.addTag(t, row.line);
    extraCellsWarning(row, table, draft);
    collect(draft, row, log, out);
  };
}

/** Headers, the first rows, the detected layout and a suggested mapping, for the mapping screen. */
export function previewCsv(
  text: string,
  rows = 5,
  partialLimits?: Partial<ParseLimits>,
): Omit<CsvResult, 'contacts' | 'mappingUsed'> {
  const limits = resolveLimits(partialLimits);
  const log = new ProblemLog(limits.maxProblems);
  // Only the head of the file is kept: the rest is read (for its problems) and dropped.
  const table = readCsvTable(text, limits, log, () => () => undefined);
  const sample = table.rows.slice(0, rows).map((r) => r.cells);
  return {
    layout: table.hasHeader ? detectLayout(table.headers) : 'generic',
    headers: table.headers,
    sample,
    delimiter: table.delimiter,
    suggestedMapping: suggestMapping(
      table.headers,
      table.rows.slice(0, 50).map((r) => r.cells),
    ),
    problems: log.finish(),
  };
}

export function parseCsv(text: string, opts: CsvOptions = {}): CsvResult {
  const limits = resolveLimits(opts.limits);
  const log = new ProblemLog(limits.maxProblems);
  const contacts: ParsedContact[] = [];
  let layout: CsvLayout = 'generic';
  let suggestedMapping: ColumnMapping = {};
  let mappingUsed: ColumnMapping | undefined;
  // The layout is decided on the head of the file; every row is then converted as it is read.
  const table = readCsvTable(text, limits, log, (head) => {
    const detected: CsvLayout = head.hasHeader ? detectLayout(head.headers) : 'generic';
    suggestedMapping = suggestMapping(
      head.headers,
      head.rows.slice(0, 50).map((r) => r.cells),
    );
    if (head.headers.length === 0) log.add(0, 'file', 'csv_no_rows');
    layout = detected;
    if (opts.format === 'csv' || (opts.format === undefined && opts.mapping !== undefined)) layout = 'generic';
    else if (opts.format === 'linkedin' && detected !== 'linkedin') {
      log.add(head.headerLine, 'file', 'csv_not_linkedin');
      layout = 'generic';
    } else if (opts.format === 'google' && detected !== 'google' && detected !== 'google-legacy') {
      log.add(head.headerLine, 'file', 'csv_not_google');
      layout = 'generic';
    }
    switch (layout) {
      case 'linkedin':
        return linkedInRows(head, log, contacts);
      case 'google':
      case 'google-legacy':
        return googleRows(head, log, contacts);
      case 'generic':
        mappingUsed = validMapping(opts.mapping ?? suggestedMapping, head.headers, log);
        return mappedRows(head, mappingUsed, log, contacts);
    }
  });
  const result: CsvResult = {
    layout,
    headers: table.headers,
    sample: table.rows.slice(0, opts.sampleRows ?? 5).map((r) => r.cells),
    delimiter: table.delimiter,
    suggestedMapping,
    contacts,
    problems: log.finish(),
  };
  if (mappingUsed !== undefined) result.mappingUsed = mappingUsed;
  return result;
}

/** A mapping from the UI is untrusted input: unknown columns and fields are reported and ignored. */
function validMapping(mapping: ColumnMapping, headers: string[], log: ProblemLog): ColumnMapping {
  const known = new Set<string>(CSV_FIELDS);
  const out: ColumnMapping = {};
  for (const [column, field] of Object.entries(mapping)) {
    if (!headers.includes(column)) {
      log.add(0, 'file', 'csv_mapping_unknown_column', { column: quote(column, 40) });
      continue;
    }
    if (!known.has(field)) {
      log.add(0, 'file', 'csv_mapping_unknown_field', { column: quote(column, 40), field: quote(String(field), 20) });
      continue;
    }
    out[column] = field;
  }
  return out;
}
