/**
 * Performance of imports and duplicate detection (issue 4, "Performance"), on fresh databases:
 *
 *   node --import tsx bench/import.bench.ts [--contacts 10000] [--big 100000] [--no-big] [--no-doc]
 *
 * With DATABASE_URL set, the 10,000-contact runs are repeated on PostgreSQL (a schema of their own,
 * dropped at the end).
 *
 *  1. a generated LinkedIn Connections.csv (`--contacts` rows, bilingual names, the Notes: preamble,
 *     about 60% without email, 2% rows repeated with another URL form) into an empty account:
 *     preview, commit, and a re-import (everything unchanged);
 *  2. a generated vCard 3.0 file (`--contacts` cards, half of them the same people as the CSV with
 *     emails and phone numbers, 2% duplicated cards): preview and commit into that account (merging),
 *     and end to end into an empty account;
 *  3. GET /api/v1/duplicates' scan (findDuplicates) on the 10,000-person network and on the merged one;
 *  4. memory: peak RSS and heap during each step (sampled every 10 ms), and the file sizes;
 *  5. unless --no-big, a `--big`-row LinkedIn file (about 10 MB at 100,000): preview and commit.
 *
 * Prints a table and writes it into docs/benchmarks.md under "## Import (issue 4)".
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import crypto from 'node:crypto';
import pg from 'pg';
import { createNetworkCache, type AppDeps } from '#server/deps.ts';
import { loadConfig } from '#server/config.ts';
import { openDatabase, type DbHandle } from '#server/db/db.ts';
import { migrateToLatest } from '#server/db/migrate.ts';
import { createUser } from '#server/features/auth/auth.service.ts';
import { findDuplicates } from '#server/features/duplicates/duplicates.service.ts';
import { commitImport, previewImport } from '#server/features/import/import.service.ts';
import { NetworkGenerator } from './lib/network.ts';
import { Rng } from './lib/prng.ts';
import { gc, load, mb } from './lib/stats.ts';

const argv = process.argv.slice(2);
const opt = (name: string, dflt: number): number => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] !== undefined ? Number(argv[i + 1]) : dflt;
};
const flag = (name: string): boolean => argv.includes(`--${name}`);
const CONTACTS = opt('contacts', 10_000);
const BIG = flag('no-big') ? 0 : opt('big', 100_000);

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..');
const log = (s: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${s}`);

interface Row {
  section: string;
  what: string;
  value: string;
  target?: string;
  ok?: boolean;
}
const rows: Row[] = [];
const record = (r: Row) => {
  rows.push(r);
  log(`${r.section} | ${r.what}: ${r.value}${r.target ? ` (target ${r.target}${r.ok ? ', met' : ', MISSED'})` : ''}`);
};
const loads: string[] = [`start ${load()}`];

// --- data ---------------------------------------------------------------------------------------------

interface Contact {
  first: string;
  last: string;
  company: string | null;
  role: string;
  city: string;
  email: string;
  phone: string | null;
  url: string;
  note: string | null;
}

function contacts(n: number, seed: number): Contact[] {
  const g = new NetworkGenerator(seed);
  const out: Contact[] = [];
  for (let i = 0; i < n; i++) {
    const p = g.next().person;
    const [first, ...rest] = p.name.split(' ');
    out.push({
      first: first ?? p.name,
      last: rest.join(' '),
      company: p.company ?? null,
      role: p.role ?? '',
      city: p.city ?? '',
      email: p.emails?.[0]?.value ?? `p${i}@example.com`,
      phone: p.phones?.[0]?.value ?? null,
      url: `https://www.linkedin.com/in/${crypto.createHash('sha1').update(`${seed}-${i}`).digest('hex').slice(0, 12)}`,
      note: p.notes ?? null,
    });
  }
  return out;
}

const csvCell = (s: string | null) => (s === null ? '' : /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** LinkedIn's Connections.csv: a Notes: preamble, then the header; most emails are hidden. */
function linkedinCsv(list: Contact[], rng: Rng): Buffer {
  const lines = [
    'Notes:',
    '"When exporting your connection data, you may notice that some of the email addresses are missing. You will only see email addresses for connections who have allowed their connections to see or download their email address using this setting https://www.linkedin.com/psettings/privacy/email. You can learn more here https://www.linkedin.com/help/linkedin/answer/261"',
    '',
    'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
  ];
  const row = (c: Contact, url: string) =>
    [
      c.first,
      c.last,
      url,
      rng.chance(0.4) ? c.email : '',
      c.company ?? '',
      c.role,
      `${String(rng.int(1, 28)).padStart(2, '0')} ${rng.pick(MONTHS)} ${rng.int(2012, 2025)}`,
    ]
      .map(csvCell)
      .join(',');
  for (const c of list) {
    lines.push(row(c, c.url));
    // The same connection again, the URL written another way: merged within the file.
    if (rng.chance(0.02)) lines.push(row(c, `${c.url.replace('https://www.', 'http://')}/`));
  }
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

const vEsc = (s: string) => s.replace(/\\/g, '\\\\').replace(/,/g, '\\,').replace(/;/g, '\\;').replace(/\r?\n/g, '\\n');

/** A phone's address book: vCard 3.0 with N, FN, ORG, TITLE, EMAIL, TEL, ADR and NOTE. */
function vcardFile(list: Contact[], rng: Rng): Buffer {
  const cards: string[] = [];
  for (const c of list) {
    const lines = ['BEGIN:VCARD', 'VERSION:3.0', `N:${vEsc(c.last)};${vEsc(c.first)};;;`, `FN:${vEsc(`${c.first} ${c.last}`)}`];
    if (c.company) lines.push(`ORG:${vEsc(c.company)}`);
    if (c.role) lines.push(`TITLE:${vEsc(c.role)}`);
    lines.push(`EMAIL;TYPE=INTERNET:${c.email}`);
    if (c.phone) lines.push(`TEL;TYPE=CELL:${c.phone}`);
    lines.push(`ADR;TYPE=WORK:;;;${vEsc(c.city)};;;`);
    if (c.note) lines.push(`NOTE:${vEsc(c.note)}`);
    lines.push('END:VCARD');
    const card = lines.join('\r\n');
    cards.push(card);
    if (rng.chance(0.02)) cards.push(card);
  }
  return Buffer.from(`${cards.join('\r\n')}\r\n`, 'utf8');
}

// --- measuring ----------------------------------------------------------------------------------------

/** Runs `fn`, sampling memory every 10 ms: time, peak RSS and peak heap growth over the start. */
async function measure<T>(
  fn: () => Promise<T>,
): Promise<{ value: T; ms: number; cpuMs: number; peakRss: number; heapGrowth: number }> {
  gc();
  const start = process.memoryUsage();
  let peakRss = start.rss;
  let peakHeap = start.heapUsed;
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  }, 10);
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  try {
    const value = await fn();
    const elapsed = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    const m = process.memoryUsage();
    return {
      value,
      ms: elapsed,
      cpuMs: (cpu.user + cpu.system) / 1000,
      peakRss: Math.max(peakRss, m.rss),
      heapGrowth: Math.max(peakHeap, m.heapUsed) - start.heapUsed,
    };
  } finally {
    clearInterval(timer);
  }
}
const memo = (m: { peakRss: number; heapGrowth: number }) => `peak RSS ${mb(m.peakRss)}, heap +${mb(m.heapGrowth)}`;
/** Wall time, and the CPU time of this process (less sensitive to a busy machine; the database server's work on PostgreSQL is not in it). */
const secs = (v: number, cpuMs?: number) =>
  `${(v / 1000).toFixed(2)} s${cpuMs === undefined ? '' : ` (CPU ${(cpuMs / 1000).toFixed(2)} s)`}`;

interface Db {
  label: 'SQLite' | 'PostgreSQL';
  handle: DbHandle;
  cleanup: () => Promise<void>;
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rete-bench-import-'));
const config = loadConfig({ NODE_ENV: 'production', SQLITE_PATH: path.join(dir, 'x.db'), LOG_LEVEL: 'silent' });

async function sqliteDb(name: string): Promise<Db> {
  const handle = openDatabase({ kind: 'sqlite', path: path.join(dir, name) });
  await migrateToLatest(handle.db);
  return { label: 'SQLite', handle, cleanup: () => handle.close() };
}

async function postgresDb(url: string): Promise<Db> {
  const schema = `bench_${crypto.randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const handle = openDatabase({ kind: 'postgres', url }, { pgSearchPath: schema, pgPoolSize: 5 });
  await migrateToLatest(handle.db);
  return {
    label: 'PostgreSQL',
    handle,
    cleanup: async () => {
      await handle.close();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop schema ${schema} cascade`);
      await c.end();
    },
  };
}

let accounts = 0;
async function account(db: Db): Promise<{ deps: AppDeps; ownerId: string }> {
  const deps: AppDeps = {
    db: db.handle.db,
    dialect: db.label === 'SQLite' ? 'sqlite' : 'postgres',
    config,
    now: () => new Date(),
    network: createNetworkCache(db.handle.db),
  };
  const u = await createUser(
    deps,
    { email: `bench${++accounts}@example.com`, password: 'a long bench password 2026', displayName: 'Bench', locale: 'it' },
    'admin',
  );
  return { deps, ownerId: u.id };
}

// --- the runs -----------------------------------------------------------------------------------------

const people = contacts(CONTACTS, 4);
const rng = new Rng(7);
const csv = linkedinCsv(people, rng);
// Half the address book are the LinkedIn people (with email and phone), half people only the phone knows.
const phoneBook = [...people.filter((_, i) => i % 2 === 0), ...contacts(CONTACTS - Math.ceil(CONTACTS / 2), 5)];
const vcf = vcardFile(phoneBook, rng);
log(
  `LinkedIn CSV ${CONTACTS.toLocaleString('en')} rows, ${mb(csv.length)}; vCard ${phoneBook.length.toLocaleString('en')} cards, ${mb(vcf.length)}; load ${load()}`,
);

async function run(db: Db): Promise<void> {
  const L = db.label;
  const n = CONTACTS.toLocaleString('en');
  loads.push(`${L} ${load()}`);
  {
    const { deps, ownerId } = await account(db);
    const preview = await measure(() => previewImport(deps, ownerId, csv, { people: false }));
    record({
      section: `${L} LinkedIn`,
      what: `preview, ${n} rows (${mb(csv.length)}), empty account`,
      value: `${secs(preview.ms, preview.cpuMs)}; ${preview.value.toCreate} to create, ${preview.value.duplicatesInFile} duplicates in the file; ${memo(preview)}`,
    });
    const commit = await measure(() => commitImport(deps, ownerId, csv));
    record({
      section: `${L} LinkedIn`,
      what: `commit (parse, match, write in one transaction)`,
      value: `${secs(commit.ms, commit.cpuMs)}; ${commit.value.created.length} created; ${memo(commit)}`,
      target: 'seconds',
      ok: commit.ms < 10_000,
    });
    const again = await measure(() => commitImport(deps, ownerId, csv));
    record({
      section: `${L} LinkedIn`,
      what: 're-import of the same file (nothing to write)',
      value: `${secs(again.ms, again.cpuMs)}; ${again.value.unchanged} unchanged, ${again.value.created.length} created`,
    });
    const dups = await measure(() => findDuplicates(deps, ownerId));
    record({
      section: `${L} duplicates`,
      what: `scan of the ${preview.value.toCreate.toLocaleString('en')}-person network (GET /api/v1/duplicates)`,
      value: `${secs(dups.ms, dups.cpuMs)}; ${dups.value.pairs.length} pairs shown (top ${dups.value.pairs.length >= 200 ? '200, capped' : 'all'}) of ${dups.value.total}; ${memo(dups)}`,
    });

    const vPreview = await measure(() => previewImport(deps, ownerId, vcf, { people: false }));
    record({
      section: `${L} vCard`,
      what: `preview, ${phoneBook.length.toLocaleString('en')} cards (${mb(vcf.length)}) into that network`,
      value: `${secs(vPreview.ms, vPreview.cpuMs)}; ${vPreview.value.toCreate} to create, ${vPreview.value.toMerge} to merge; ${memo(vPreview)}`,
    });
    const vCommit = await measure(() => commitImport(deps, ownerId, vcf));
    record({
      section: `${L} vCard`,
      what: 'commit into that network (merging by email, phone, LinkedIn URL, name + company)',
      value: `${secs(vCommit.ms, vCommit.cpuMs)}; ${vCommit.value.created.length} created, ${vCommit.value.merged.length} merged; ${memo(vCommit)}`,
    });
    const dups2 = await measure(() => findDuplicates(deps, ownerId));
    record({
      section: `${L} duplicates`,
      what: `scan after the vCard import (${(preview.value.toCreate + vCommit.value.created.length).toLocaleString('en')} people)`,
      value: `${secs(dups2.ms, dups2.cpuMs)}; ${dups2.value.pairs.length} pairs shown of ${dups2.value.total}; ${memo(dups2)}`,
    });
  }
  {
    const { deps, ownerId } = await account(db);
    const e2e = await measure(() => commitImport(deps, ownerId, vcf));
    record({
      section: `${L} vCard`,
      what: `end to end into an empty account (${phoneBook.length.toLocaleString('en')} cards)`,
      value: `${secs(e2e.ms, e2e.cpuMs)}; ${e2e.value.created.length} created; ${memo(e2e)}`,
      target: '≤ 2 s',
      ok: e2e.ms <= 2_000,
    });
  }
}

const sqlite = await sqliteDb('import.db');
await run(sqlite);
await sqlite.cleanup();

if (BIG > 0) {
  loads.push(`big ${load()}`);
  const bigCsv = linkedinCsv(contacts(BIG, 11), new Rng(8));
  const db = await sqliteDb('big.db');
  const { deps, ownerId } = await account(db);
  const n = BIG.toLocaleString('en');
  const preview = await measure(() => previewImport(deps, ownerId, bigCsv, { people: false }));
  record({
    section: 'SQLite LinkedIn (big)',
    what: `preview, ${n} rows (${mb(bigCsv.length)}), empty account`,
    value: `${secs(preview.ms, preview.cpuMs)}; ${memo(preview)}`,
    target: '≤ 3 s',
    ok: preview.ms <= 3_000,
  });
  const commit = await measure(() => commitImport(deps, ownerId, bigCsv));
  record({
    section: 'SQLite LinkedIn (big)',
    what: `commit, ${n} rows`,
    value: `${secs(commit.ms, commit.cpuMs)}; ${commit.value.created.length} created; ${memo(commit)}`,
    target: '≤ 10 s',
    ok: commit.ms <= 10_000,
  });
  const dups = await measure(() => findDuplicates(deps, ownerId));
  record({
    section: 'SQLite duplicates (big)',
    what: `scan of the ${commit.value.created.length.toLocaleString('en')}-person network`,
    value: `${secs(dups.ms, dups.cpuMs)}; ${dups.value.pairs.length} pairs shown of ${dups.value.total}; ${memo(dups)}`,
  });
  await db.cleanup();
}

const pgUrl = process.env.DATABASE_URL;
if (pgUrl) {
  const db = await postgresDb(pgUrl);
  try {
    await run(db);
  } finally {
    await db.cleanup();
  }
}
loads.push(`end ${load()}`);
fs.rmSync(dir, { recursive: true, force: true });

// --- report --------------------------------------------------------------------------------------------

const cpu = (fs.readFileSync('/proc/cpuinfo', 'utf8').match(/model name\s*:\s*(.*)/)?.[1] ?? 'unknown').trim();
const machine = `${os.cpus().length} cores (nproc), ${cpu}, ${mb(os.totalmem())} RAM, Node ${process.version}, ${os.type()} ${os.release()}`;
const command = `node --import tsx bench/import.bench.ts${argv.length ? ` ${argv.join(' ')}` : ''}`;
const table = ['| Section | Measure | Result | Target |', '|---|---|---|---|'];
for (const r of rows)
  table.push(
    `| ${r.section} | ${r.what.replace(/\|/g, '\\|')} | ${r.value.replace(/\|/g, '\\|')} | ${r.target ? `${r.target} ${r.ok ? '✅' : '❌'}` : ''} |`,
  );
console.log(`\n${table.join('\n')}\n`);
console.log(`machine: ${machine}\nload average (1/5/15 min, as uptime shows it): ${loads.join('; ')}`);

if (!flag('no-doc')) {
  const notesFile = path.join(here, 'import.notes.md');
  const notes = fs.existsSync(notesFile) ? fs.readFileSync(notesFile, 'utf8').trim() : '';
  const section = [
    '## Import (issue 4)',
    '',
    `Measured ${new Date().toISOString().slice(0, 10)} on ${machine}.`,
    `Load average (1/5/15 min, as \`uptime\` shows it) during the run: ${loads.join('; ')}.`,
    '',
    `Command: \`${command}\`${pgUrl ? ' with DATABASE_URL set (PostgreSQL on the same machine)' : ''}. Generated files (bench/import.bench.ts): a LinkedIn Connections.csv with the Notes: preamble and a BOM, bilingual names from bench/lib/network.ts, about 60% of emails hidden as LinkedIn does, 2% of rows repeated with another URL form; a vCard 3.0 address book, half of it the same people with email and phone, 2% duplicated cards. Each step runs through the import service exactly as the API and the CLI do (fresh database in a temp dir; SQLite with WAL and synchronous=FULL as in production). Memory: peak RSS of the process and peak heap growth during the step, sampled every 10 ms.`,
    '',
    ...table,
    '',
    notes,
    '',
  ].join('\n');
  const docFile = path.join(repoRoot, 'docs/benchmarks.md');
  const doc = fs.existsSync(docFile) ? fs.readFileSync(docFile, 'utf8') : '# Benchmarks\n';
  const start = doc.indexOf('## Import (issue 4)');
  let next: string;
  if (start < 0) next = `${doc.trimEnd()}\n\n${section}`;
  else {
    const end = doc.indexOf('\n## ', start + 3);
    next = `${doc.slice(0, start)}${section}${end < 0 ? '' : `\n${doc.slice(end + 1)}`}`;
  }
  const prettier = await import('prettier');
  const options = (await prettier.resolveConfig(docFile)) ?? {};
  fs.writeFileSync(docFile, await prettier.format(`${next.trimEnd()}\n`, { ...options, filepath: docFile }));
  log(`wrote ${path.relative(repoRoot, docFile)}`);
}
