/**
 * Job time of the weekly digest (issue 13, "the digest for 1,000 users is produced in ≤ 60 s of
 * job time"), on a fresh SQLite file and, with DATABASE_URL set, again on PostgreSQL (a schema of
 * its own, dropped at the end):
 *
 *   node --import tsx bench/digest.bench.ts [--users 1000] [--people 20] [--realistic 5000] [--no-doc]
 *
 * `--users` accounts with the digest on, each with a small network (`--people` generated people
 * with their needs and offers, keep-in-touch cadences, follow-ups, interactions, birthdays), spread
 * over five time zones, all due at the benchmark's clock; plus one account with a realistic network
 * (`--realistic` people, a cadence for one in ten, a follow-up for one in twenty, an interaction
 * for every other one, birthdays). Then, as the job worker does it:
 *
 *  1. the digest tick, pass after pass (each composes at most DIGESTS_PER_TICK digests: Today for the
 *     user without counting a visit, rendered, the week claimed and the email queued in one
 *     transaction), until no digest is left to make;
 *  2. the mail jobs that send them (to the outbox's .eml files: no SMTP server, so that the number
 *     is Rete's time, not a mail server's), until none is left;
 *  3. the realistic account's digest alone (its preview, five times).
 *
 * The data is written in bulk before the clock starts (not counted). Prints a table and writes it
 * into docs/benchmarks.md under "## Weekly digest (issue 13)".
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { loadConfig } from '#server/config.ts';
import type { CadencesTable, FollowUpsTable, InteractionsTable, RoutineSettingsTable } from '#server/db/schema.ts';
import { openDatabase, type DbHandle } from '#server/db/db.ts';
import { migrateToLatest } from '#server/db/migrate.ts';
import { createNetworkCache, type AppDeps } from '#server/deps.ts';
import { hashPassword } from '#server/features/auth/passwords.ts';
import { createDigestTick, DIGESTS_PER_TICK, previewDigest } from '#server/features/digest/digest.service.ts';
import { createJobWorker } from '#server/features/intros/intros.jobs.ts';
import { createPeople, createSelfPerson, type NewPersonWithItems } from '#server/features/people/people.service.ts';
import { NetworkGenerator } from './lib/network.ts';
import { Rng } from './lib/prng.ts';
import { load, mb, ms, summarize, timeAsync } from './lib/stats.ts';

const argv = process.argv.slice(2);
const opt = (name: string, dflt: number): number => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] !== undefined ? Number(argv[i + 1]) : dflt;
};
const flag = (name: string): boolean => argv.includes(`--${name}`);
const USERS = opt('users', 1000);
const PEOPLE = opt('people', 20);
const REALISTIC = opt('realistic', 5000);
const TARGET_MS = 60_000;

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..');
const log = (s: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${s}`);

/** The benchmark's clock: a Wednesday; every digest (Monday 08:00 in its zone) is due. */
const NOW = new Date('2027-03-24T12:00:00Z');
const ZONES = ['Europe/Rome', 'America/New_York', 'Europe/London', 'Asia/Tokyo', 'UTC'];
const DAY = 86_400_000;

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
  log(`${r.section} — ${r.what}: ${r.value}${r.target ? ` (target ${r.target} ${r.ok ? 'met' : 'NOT met'})` : ''}`);
};
const loads: string[] = [];

interface Db {
  label: string;
  handle: DbHandle;
  cleanup: () => Promise<void>;
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rete-bench-digest-'));
const config = loadConfig({
  NODE_ENV: 'production',
  SQLITE_PATH: path.join(dir, 'x.db'),
  DATA_DIR: dir,
  LOG_LEVEL: 'silent',
  PUBLIC_BASE_URL: 'https://rete.example',
  SMTP_HOST: '',
});

async function sqliteDb(): Promise<Db> {
  const handle = openDatabase({ kind: 'sqlite', path: path.join(dir, 'digest.db') });
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

const iso = (t: number) => new Date(t).toISOString();
/** This process's CPU time (user and system, all its threads) in milliseconds. */
const cpuMs = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000;
const ymd = (t: number) => iso(t).slice(0, 10);

/** Accounts written in bulk (one password hash for all: hashing is not what is measured). */
async function makeUsers(deps: AppDeps, n: number, prefix: string): Promise<string[]> {
  const hash = await hashPassword('a long bench password 2026');
  const ids: string[] = [];
  const now = iso(NOW.getTime() - 90 * DAY);
  for (let start = 0; start < n; start += 200) {
    await deps.db.transaction().execute(async (tx) => {
      for (let i = start; i < Math.min(n, start + 200); i++) {
        const id = crypto.randomUUID();
        const locale = i % 3 === 2 ? 'en' : 'it';
        await tx
          .insertInto('users')
          .values({
            id,
            email: `${prefix}${i}@bench.example`,
            password_hash: hash,
            display_name: `Bench ${prefix}${i}`,
            locale,
            is_admin: 0,
            network_version: 0,
            created_at: now,
            updated_at: now,
          })
          .execute();
        await createSelfPerson(tx, id, `Bench ${prefix}${i}`, locale, now);
        ids.push(id);
      }
    });
  }
  return ids;
}

/** A user's network and routine: people (with needs and offers), settings, cadences, follow-ups, interactions, birthdays. */
async function makeNetwork(deps: AppDeps, ownerId: string, size: number, gen: NetworkGenerator, rng: Rng, zone: string) {
  const inputs: NewPersonWithItems[] = [];
  for (let i = 0; i < size; i++) {
    const p = gen.next();
    inputs.push({ ...p.person, needs: p.needs, offers: p.offers });
  }
  const ids = await createPeople(deps, ownerId, inputs);
  const now = NOW.getTime();
  const settings: RoutineSettingsTable = {
    user_id: ownerId,
    time_zone: zone,
    week_start: 1,
    digest_enabled: 1,
    digest_weekday: 1,
    digest_hour: 8,
    giving_goal: rng.chance(0.5) ? 3 : null,
    today_seen_at: null,
    today_prev_seen_at: null,
    updated_at: iso(now - 30 * DAY),
  };
  const cadences: CadencesTable[] = [];
  const followUps: FollowUpsTable[] = [];
  const interactions: InteractionsTable[] = [];
  const cadenced = Math.max(3, Math.round(size / 10));
  for (let i = 0; i < cadenced && i < ids.length; i++) {
    const pid = ids[i] as string;
    cadences.push({
      id: crypto.randomUUID(),
      owner_id: ownerId,
      target: `person:${pid}`,
      person_id: pid,
      tag: null,
      every_days: rng.int(14, 60),
      created_at: iso(now - rng.int(30, 200) * DAY),
      updated_at: iso(now - 30 * DAY),
    });
  }
  // Tags are stored lower-case, and so is a tag cadence's tag (as setCadence writes it).
  const tag = inputs[0]?.tags?.[0]?.toLowerCase();
  if (tag) {
    cadences.push({
      id: crypto.randomUUID(),
      owner_id: ownerId,
      target: `tag:${tag}`,
      person_id: null,
      tag,
      every_days: 45,
      created_at: iso(now - 100 * DAY),
      updated_at: iso(now - 100 * DAY),
    });
  }
  for (let i = 0; i < Math.max(2, Math.round(size / 20)); i++) {
    const pid = ids[rng.int(0, ids.length - 1)] as string;
    followUps.push({
      id: crypto.randomUUID(),
      owner_id: ownerId,
      kind: rng.chance(0.2) ? 'one_to_one' : 'follow_up',
      text: rng.pick([
        'mandare il preventivo',
        'richiamare per il progetto',
        'send the intro notes',
        'follow up on the proposal',
      ]),
      due_on: ymd(now + rng.int(-20, 20) * DAY),
      due_time: rng.chance(0.4) ? `${String(rng.int(8, 18)).padStart(2, '0')}:30` : null,
      person_id: pid,
      interaction_id: null,
      intro_id: null,
      give_id: null,
      done_at: rng.chance(0.3) ? iso(now - DAY) : null,
      created_at: iso(now - 40 * DAY),
      updated_at: iso(now - 40 * DAY),
    });
  }
  for (let i = 0; i < Math.max(5, Math.round(size / 2)); i++) {
    interactions.push({
      id: crypto.randomUUID(),
      owner_id: ownerId,
      person_id: ids[rng.int(0, ids.length - 1)] as string,
      kind: rng.pick(['call', 'meeting', 'coffee', 'message', 'note'] as const),
      occurred_at: iso(now - rng.int(1, 300) * DAY),
      summary: '',
      created_at: iso(now - DAY),
    });
  }
  await deps.db.transaction().execute(async (tx) => {
    await tx.insertInto('routine_settings').values(settings).execute();
    for (let i = 0; i < cadences.length; i += 500)
      await tx
        .insertInto('cadences')
        .values(cadences.slice(i, i + 500))
        .execute();
    for (let i = 0; i < followUps.length; i += 500)
      await tx
        .insertInto('follow_ups')
        .values(followUps.slice(i, i + 500))
        .execute();
    for (let i = 0; i < interactions.length; i += 500)
      await tx
        .insertInto('interactions')
        .values(interactions.slice(i, i + 500))
        .execute();
    for (let i = 0; i < Math.max(3, Math.round(size / 10)); i++) {
      const pid = ids[rng.int(0, ids.length - 1)] as string;
      const birthday = rng.chance(0.2)
        ? `--03-${String(rng.int(20, 31)).padStart(2, '0')}`
        : `${rng.int(1950, 2000)}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
      await tx.updateTable('people').set({ birthday }).where('id', '=', pid).execute();
    }
  });
}

async function run(db: Db): Promise<void> {
  const L = db.label;
  const deps: AppDeps = {
    db: db.handle.db,
    dialect: L === 'SQLite' ? 'sqlite' : 'postgres',
    config,
    now: () => NOW,
    network: createNetworkCache(db.handle.db),
  };
  const rng = new Rng(1313);
  const gen = new NetworkGenerator(4711);
  log(`${L}: writing ${USERS} accounts of ${PEOPLE} people and one of ${REALISTIC}…`);
  const [, setupMs] = await timeAsync(async () => {
    const small = await makeUsers(deps, USERS, 'u');
    for (const [i, id] of small.entries()) await makeNetwork(deps, id, PEOPLE, gen, rng, ZONES[i % ZONES.length] as string);
    const [big] = await makeUsers(deps, 1, 'realistic');
    await makeNetwork(deps, big as string, REALISTIC, gen, rng, 'Europe/Rome');
  });
  if (db.handle.sqlite) db.handle.sqlite.pragma('optimize');
  log(`${L}: data written in ${ms(setupMs / 1000)} s (not counted)`);
  const bigId = (
    await db.handle.db.selectFrom('users').select('id').where('email', '=', 'realistic0@bench.example').executeTakeFirstOrThrow()
  ).id;

  // 1. The tick, pass after pass.
  loads.push(`${L} before ${load()}`);
  const tick = createDigestTick();
  const passes: number[] = [];
  let queued = 0;
  const cpu0 = process.cpuUsage();
  for (;;) {
    const [r, t] = await timeAsync(() => tick(deps, { log: null }));
    if (r.queued === 0) break;
    passes.push(t);
    queued += r.queued;
  }
  const composeMs = passes.reduce((a, b) => a + b, 0);
  const composeCpu = cpuMs(process.cpuUsage(cpu0));
  record({
    section: L,
    what: `compose and queue: ${queued.toLocaleString('en')} digests (${USERS.toLocaleString('en')} × ${PEOPLE} people + 1 × ${REALISTIC.toLocaleString('en')}), ${passes.length} passes of ≤ ${DIGESTS_PER_TICK}`,
    value: `${ms(composeMs / 1000)} s [CPU ${ms(composeCpu / 1000)} s] (${ms(composeMs / queued)} ms a digest; slowest pass ${ms(Math.max(...passes) / 1000)} s)`,
  });

  // 2. The mail jobs.
  const worker = createJobWorker(deps, { id: 'bench', ticks: [] });
  let sent = 0;
  const cpu1 = process.cpuUsage();
  const [, sendMs] = await timeAsync(async () => {
    for (;;) {
      const r = await worker.runOnce();
      if (r.ran === 0) break;
      sent += r.ran - r.failed;
    }
  });
  const sendCpu = cpuMs(process.cpuUsage(cpu1));
  worker.mailer.close();
  record({
    section: L,
    what: `send: ${sent.toLocaleString('en')} emails by the mail job (to the outbox's .eml files)`,
    value: `${ms(sendMs / 1000)} s [CPU ${ms(sendCpu / 1000)} s] (${ms(sendMs / Math.max(1, sent))} ms an email)`,
  });
  const total = composeMs + sendMs;
  record({
    section: L,
    what: `job time for all digests (compose, queue, send)`,
    value: `${ms(total / 1000)} s [CPU ${ms((composeCpu + sendCpu) / 1000)} s]`,
    target: '≤ 60 s',
    ok: total <= TARGET_MS && sent === queued && queued === USERS + 1,
  });

  // 3. The realistic account alone.
  const samples: number[] = [];
  let items = 0;
  for (let i = 0; i < 5; i++) {
    const [p, t] = await timeAsync(() => previewDigest(deps, bigId));
    samples.push(t);
    items = p.itemCount;
  }
  const s = summarize(samples);
  record({
    section: L,
    what: `one digest of the ${REALISTIC.toLocaleString('en')}-person account (${items} items), 5 runs`,
    value: `p50 ${ms(s.p50)} ms, max ${ms(s.max)} ms`,
  });
  record({ section: L, what: 'process memory after (RSS)', value: mb(process.memoryUsage().rss) });
  loads.push(`${L} after ${load()}`);
}

{
  const db = await sqliteDb();
  try {
    await run(db);
  } finally {
    await db.cleanup();
  }
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
fs.rmSync(dir, { recursive: true, force: true });

// --- report --------------------------------------------------------------------------------------------

const cpu = (fs.readFileSync('/proc/cpuinfo', 'utf8').match(/model name\s*:\s*(.*)/)?.[1] ?? 'unknown').trim();
const machine = `${os.cpus().length} cores (nproc), ${cpu}, ${mb(os.totalmem())} RAM, Node ${process.version}, ${os.type()} ${os.release()}`;
const command = `node --import tsx bench/digest.bench.ts${argv.length ? ` ${argv.join(' ')}` : ''}`;
const table = ['| Database | Measure | Result | Target |', '|---|---|---|---|'];
for (const r of rows)
  table.push(
    `| ${r.section} | ${r.what.replace(/\|/g, '\\|')} | ${r.value.replace(/\|/g, '\\|')} | ${r.target ? `${r.target} ${r.ok ? '✅' : '❌'}` : ''} |`,
  );
console.log(`\n${table.join('\n')}\n`);
console.log(`machine: ${machine}\nload average (1/5/15 min, as uptime shows it): ${loads.join('; ')}`);

if (!flag('no-doc')) {
  const notesFile = path.join(here, 'digest.notes.md');
  const notes = fs.existsSync(notesFile) ? fs.readFileSync(notesFile, 'utf8').trim() : '';
  const section = [
    '## Weekly digest (issue 13)',
    '',
    `Measured ${new Date().toISOString().slice(0, 10)} on ${machine}.`,
    `Load average (1/5/15 min, as \`uptime\` shows it) during the run: ${loads.join('; ')}.`,
    '',
    `Command: \`${command}\`${pgUrl ? ' with DATABASE_URL set (PostgreSQL on the same machine)' : ''}. Accounts with the digest on, each with a small generated network (bench/lib/network.ts: people with their needs and offers; a cadence for one in ten people and one tag cadence, follow-ups, interactions, birthdays), over five time zones, all due at the benchmark's clock, and one account with a realistic network. Times are wall-clock, with this process's CPU time in brackets (on PostgreSQL the database server's work is not in it). The job time is what the worker spends: the digest tick's passes (Today without counting a visit, rendered, the week claimed and the email queued in one transaction) and the mail jobs that send the emails, here to the outbox's .eml files (no SMTP server: a mail server's time is not Rete's). Fresh database in a temp dir; SQLite with WAL and synchronous=FULL as in production.`,
    '',
    ...table,
    '',
    notes,
    '',
  ].join('\n');
  const docFile = path.join(repoRoot, 'docs/benchmarks.md');
  const doc = fs.existsSync(docFile) ? fs.readFileSync(docFile, 'utf8') : '# Benchmarks\n';
  const start = doc.indexOf('## Weekly digest (issue 13)');
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
