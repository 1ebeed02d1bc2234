/**
 * Performance of Rete's foundation (issue 2, "Performance"), on a fresh SQLite file:
 *
 *   node --import tsx bench/foundation.bench.ts [--people 100000] [--no-what-if] [--keep]
 *        [--serial-seconds 20] [--queries 1200] [--search-seconds 150] [--duration 10] [--connections 50] [--http-rounds 5]
 *        [--wait-idle 0]
 *        [--no-doc]
 *
 *  1. creating one user's network through the service layer (createPerson + addItem one by one, on
 *     a sample; then all of it through the batched entry point, see bench/proposed/createPeople.ts);
 *  2. search by a word (people.service listPeople with q): index build, then latency percentiles;
 *  3. list pages (listPeople without q: filters, deep cursors);
 *  4. HTTP under load (autocannon): GET /api/v1/people/:id with an API token against a bare node:http
 *     server answering the same bytes, and a bare server that also reads one row from SQLite, in
 *     interleaved rounds with the servers' CPU time per request (bench/lib/http.ts, also run alone
 *     by `npm run bench:http`);
 *  5. server memory with the account loaded and the in-memory views built;
 *  and, unless --no-what-if, the same reads again after running ANALYZE on the benchmark's own
 *  database (what the PRAGMA optimize proposed in docs/benchmarks.md would do; never applied to src/).
 *
 * Prints a table and writes it into docs/benchmarks.md under "## Foundation (issue 2)".
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { words } from '#shared/text/fold.ts';
import { createNetworkCache, type AppDeps } from '#server/deps.ts';
import { loadConfig } from '#server/config.ts';
import { openDatabase, type DbHandle } from '#server/db/db.ts';
import { migrateToLatest } from '#server/db/migrate.ts';
import { createUser } from '#server/features/auth/auth.service.ts';
import { NetworkCache, type NetworkView } from '#server/features/network/network-cache.ts';
import * as svc from '#server/features/people/people.service.ts';
import { PeopleSearch } from '#server/features/people/search.ts';
import { createToken } from '#server/features/tokens/tokens.service.ts';
import { compare, fmtRun, startChild, type Child, type Comparison, type Round, type Run } from './lib/http.ts';
import { NetworkGenerator, type GenPerson } from './lib/network.ts';
import { Rng } from './lib/prng.ts';
import { gc, load, mb, ms, summarize, timeAsync, type Summary } from './lib/stats.ts';

// --- options ---------------------------------------------------------------------------------------

const argv = process.argv.slice(2);
const opt = (name: string, dflt: number): number => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] !== undefined ? Number(argv[i + 1]) : dflt;
};
const flag = (name: string): boolean => argv.includes(`--${name}`);
const PEOPLE = opt('people', 100_000);
const SERIAL_SECONDS = opt('serial-seconds', 20);
const AT_SCALE_SECONDS = opt('at-scale-seconds', 10);
const QUERIES = Math.max(1000, opt('queries', 1200));
const SEARCH_BUDGET_MS = opt('search-seconds', 150) * 1000;
const LIST_PER_VARIANT = opt('list-per-variant', 150);
const LIST_VARIANT_BUDGET_MS = opt('list-variant-seconds', 20) * 1000;
const DURATION = opt('duration', 10);
const CONNECTIONS = opt('connections', 50);
const HTTP_ROUNDS = opt('http-rounds', 5);
const WHAT_IF = !flag('no-what-if');

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..');
const rng = new Rng(4242);
const log = (s: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${s}`);

// --- results ----------------------------------------------------------------------------------------

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
  log(
    `${r.section} | ${r.what}: ${r.value}${r.target ? ` (target ${r.target}${r.ok === undefined ? '' : r.ok ? ', met' : ', MISSED'})` : ''}`,
  );
};
const pct = (s: Summary) => `p50 ${ms(s.p50)} / p95 ${ms(s.p95)} / p99 ${ms(s.p99)} ms (max ${ms(s.max)}, n=${s.n})`;
const loads: string[] = [];

// --- setup ------------------------------------------------------------------------------------------

if (opt('wait-idle', 0) > 0) {
  const until = Date.now() + opt('wait-idle', 0) * 1000;
  while ((os.loadavg()[0] ?? 0) > 1 && Date.now() < until) {
    log(`waiting for an idle machine, load ${load()}`);
    await new Promise((r) => setTimeout(r, 15_000));
  }
}
loads.push(`start ${load()}`);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rete-bench-'));
const dbFile = path.join(dir, 'rete.db');
const config = loadConfig({ NODE_ENV: 'production', SQLITE_PATH: dbFile, LOG_LEVEL: 'silent' });
const now = () => new Date();
log(`temp dir ${dir}; ${PEOPLE} people; load ${load()}`);

async function freshAccount(file: string): Promise<{ handle: DbHandle; deps: AppDeps; ownerId: string }> {
  const handle = openDatabase({ kind: 'sqlite', path: file });
  await migrateToLatest(handle.db);
  const network = createNetworkCache(handle.db);
  const deps: AppDeps = { db: handle.db, dialect: 'sqlite', config, now, network };
  const user = await createUser(
    deps,
    { email: 'bench@example.com', password: 'a long bench password 2026', displayName: 'Bench', locale: 'it' },
    'signup',
  );
  return { handle, deps, ownerId: user.id };
}

async function createOneByOne(deps: AppDeps, ownerId: string, g: GenPerson): Promise<string> {
  const id = await svc.createPerson(deps, ownerId, g.person);
  for (const n of g.needs) await svc.addItem(deps, 'needs', ownerId, id, n);
  for (const o of g.offers) await svc.addItem(deps, 'offers', ownerId, id, o);
  return id;
}

// --- 1a. one by one, on an empty account ---------------------------------------------------------------

{
  const scratch = await freshAccount(path.join(dir, 'serial.db'));
  const g = new NetworkGenerator(99);
  const perPerson: number[] = [];
  let items = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < SERIAL_SECONDS * 1000) {
    const p = g.next();
    items += p.needs.length + p.offers.length;
    const [, t] = await timeAsync(() => createOneByOne(scratch.deps, scratch.ownerId, p));
    perPerson.push(t);
  }
  const total = performance.now() - t0;
  const n = perPerson.length;
  const rate = (n / total) * 1000;
  const first = summarize(perPerson.slice(0, 500));
  const last = summarize(perPerson.slice(-500));
  record({
    section: '1. create',
    what: `createPerson + addItem one by one, empty account (${n} people, ${items} needs/offers in ${ms(total / 1000)} s)`,
    value: `${rate.toFixed(0)} people/s; per person mean ${ms(first.mean)} ms (first 500) → ${ms(last.mean)} ms (last 500)`,
  });
  record({
    section: '1. create',
    what: `100,000 one by one at that rate (arithmetic on the line above, not run)`,
    value: `≥ ${(100_000 / rate / 60).toFixed(0)} min`,
    target: '< 10 s',
    ok: false,
  });
  await scratch.handle.close();
}

// --- 1b. the whole network, batched -------------------------------------------------------------------

const main = await freshAccount(dbFile);
const { deps, ownerId } = main;
const gen = new NetworkGenerator();
let inputs: svc.NewPersonWithItems[] | null = [];
const [, genMs] = await timeAsync(async () => {
  for (let i = 0; i < PEOPLE; i++) {
    const p = gen.next();
    inputs?.push({ ...p.person, needs: p.needs, offers: p.offers });
  }
});
const itemCount = inputs.reduce((s, p) => s + (p.needs?.length ?? 0) + (p.offers?.length ?? 0), 0);
log(`generated ${PEOPLE} people with ${itemCount} needs and offers in ${ms(genMs)} ms (not counted)`);

const batch = svc.createPeople;
const batchName = 'people.service createPeople';
loads.push(`before create ${load()}`);
const [ids, createMs] = await timeAsync(() => batch(deps, ownerId, inputs as svc.NewPersonWithItems[]));
record({
  section: '1. create',
  what: `${PEOPLE.toLocaleString('en')} people + ${itemCount.toLocaleString('en')} needs/offers via ${batchName}`,
  value: `${ms(createMs / 1000)} s (${((PEOPLE / createMs) * 1000).toFixed(0)} people/s)`,
  target: '< 10 s',
  ok: createMs < 10_000,
});
const dbSize = () => fs.statSync(dbFile).size + (fs.existsSync(`${dbFile}-wal`) ? fs.statSync(`${dbFile}-wal`).size : 0);
record({ section: '1. create', what: 'database file size (with WAL)', value: mb(dbSize()) });

// What the benchmark needs of the data: (sort name, id) pairs for cursors, tags and cities for
// filters, and the document frequency of every word for choosing query words.
const people = inputs.map((p, i) => ({
  id: ids[i] as string,
  sort: svc.sortKey(p.name),
  tags: p.tags ?? [],
  city: p.city ?? null,
}));
people.sort((x, y) => (x.sort < y.sort ? -1 : x.sort > y.sort ? 1 : x.id < y.id ? -1 : 1));
const df = new Map<string, number>();
for (const p of inputs) {
  const text = [
    p.name,
    p.company,
    p.role,
    p.city,
    p.notes,
    p.howMet,
    ...(p.tags ?? []),
    ...(p.needs ?? []).map((n) => n.text),
    ...(p.offers ?? []).map((o) => o.text),
  ]
    .filter(Boolean)
    .join(' ');
  for (const w of new Set(words(text))) df.set(w, (df.get(w) ?? 0) + 1);
}
const tagCount = new Map<string, number>();
const cityCount = new Map<string, number>();
for (const p of people) {
  for (const t of p.tags) tagCount.set(t, (tagCount.get(t) ?? 0) + 1);
  if (p.city) cityCount.set(p.city, (cityCount.get(p.city) ?? 0) + 1);
}
inputs = null;

// --- 2. search ---------------------------------------------------------------------------------------

/** Times each view's first build by wrapping the cache's factories (bench instrumentation only). */
function instrument<V extends { [K in keyof V]: NetworkView }>(cache: NetworkCache<V>): Map<string, number> {
  const times = new Map<string, number>();
  const factories = (cache as unknown as { factories: Record<string, () => NetworkView> }).factories;
  for (const [name, make] of Object.entries(factories)) {
    factories[name] = () => {
      const v = make();
      const apply = v.apply.bind(v);
      const wrapped: NetworkView = Object.assign(v, {
        apply: (loaded: Parameters<NetworkView['apply']>[0], changed: readonly string[] | null) => {
          const t = performance.now();
          apply(loaded, changed);
          times.set(name, (times.get(name) ?? 0) + performance.now() - t);
        },
      });
      return wrapped;
    };
  }
  return times;
}

// Query words by how many people they match: very common (≥ 10 %), common (1–10 %), medium
// (0.1–1 %), rare (< 0.1 %); words of 4+ letters (what people type), plus two-word queries and
// prefixes of 4 letters (the search matches prefixes as you type).
const buckets: Record<string, string[]> = {
  'very common (≥10%)': [],
  'common (1–10%)': [],
  'medium (0.1–1%)': [],
  'rare (<0.1%)': [],
};
for (const [w, n] of df) {
  if (w.length < 4 || /^\d+$/.test(w)) continue;
  const f = n / PEOPLE;
  const b = f >= 0.1 ? 'very common (≥10%)' : f >= 0.01 ? 'common (1–10%)' : f >= 0.001 ? 'medium (0.1–1%)' : 'rare (<0.1%)';
  buckets[b]?.push(w);
}
for (const list of Object.values(buckets)) list.sort();
const queries: Array<{ q: string; kind: string }> = [];
for (const [kind, list] of Object.entries(buckets)) {
  if (list.length === 0) continue;
  for (let i = 0; i < QUERIES / 4; i++) queries.push({ q: rng.pick(list), kind });
}
const common = [...(buckets['common (1–10%)'] ?? []), ...(buckets['very common (≥10%)'] ?? [])];
const medium = [...(buckets['medium (0.1–1%)'] ?? []), ...common];
for (let i = 0; i < 100; i++) queries.push({ q: `${rng.pick(common)} ${rng.pick(medium)}`, kind: 'two words' });
for (let i = 0; i < 100; i++) queries.push({ q: rng.pick(common).slice(0, 4), kind: 'prefix (4 letters)' });
for (let i = queries.length - 1; i > 0; i--) {
  const j = rng.int(0, i);
  [queries[i], queries[j]] = [queries[j] as (typeof queries)[number], queries[i] as (typeof queries)[number]];
}
log(
  `query words: ${Object.entries(buckets)
    .map(([k, v]) => `${k}: ${v.length}`)
    .join(', ')}`,
);

// The search index alone, in a cache of its own.
{
  gc();
  const before = process.memoryUsage().heapUsed;
  const alone = new NetworkCache(deps.db, { search: () => new PeopleSearch() });
  const times = instrument(alone);
  const [, t] = await timeAsync(() => alone.view(ownerId, 'search'));
  gc();
  const heap = process.memoryUsage().heapUsed - before;
  record({
    section: '2. search',
    what: 'first query: build of the search index alone (load from SQLite + index)',
    value: `${ms(t)} ms (index ${ms(times.get('search') ?? 0)} ms, the rest loading rows); heap +${mb(heap)}`,
  });
  alone.forget(ownerId);
}

async function searchBench(label: string, budgetMs: number): Promise<void> {
  const t0 = performance.now();
  const byKind = new Map<string, number[]>();
  const all: number[] = [];
  let hits = 0;
  for (const { q, kind } of queries) {
    if (all.length >= 200 && performance.now() - t0 > budgetMs) break;
    const [page, t] = await timeAsync(() => svc.listPeople(deps, ownerId, { q, limit: 50 }));
    hits += page.items.length;
    all.push(t);
    byKind.set(kind, [...(byKind.get(kind) ?? []), t]);
  }
  const s = summarize(all);
  const cut = all.length < queries.length ? ` (stopped after ${ms(budgetMs / 1000)} s: ${all.length} of ${queries.length})` : '';
  record({
    section: '2. search',
    what: `${label}listPeople q=word, limit 50, ${all.length} queries${cut}`,
    value: pct(s),
    target: 'p99 < 20 ms',
    ok: s.p99 < 20,
  });
  for (const [kind, list] of byKind) record({ section: '2. search', what: `${label}  ${kind}`, value: pct(summarize(list)) });
  log(`(${hits} rows returned in total)`);
}

// The app's own cache, with every view the server builds on first use (search and whatever else
// createNetworkCache registers, e.g. matching), as a server does on its first search.
{
  gc();
  const before = process.memoryUsage().heapUsed;
  const times = instrument(deps.network);
  loads.push(`before index ${load()}`);
  const [, t] = await timeAsync(() => svc.listPeople(deps, ownerId, { q: 'milano', limit: 50 }));
  gc();
  const heap = process.memoryUsage().heapUsed - before;
  const parts = [...times].map(([k, v]) => `${k} ${ms(v)}`).join(', ');
  record({
    section: '2. search',
    what: `first query in the app: builds all views of createNetworkCache (${[...times.keys()].join(', ')})`,
    value: `${ms(t)} ms (${parts} ms; the rest loading rows); heap +${mb(heap)}`,
  });
}
await searchBench('', SEARCH_BUDGET_MS);

// --- 3. list pages -----------------------------------------------------------------------------------

// Cursors are opaque to clients; here they are made the way people.service makes them (base64url
// of [sortName, id]) so that a page can start anywhere in the 100,000.
const cursorAt = (i: number): string => {
  const p = people[i] as (typeof people)[number];
  return Buffer.from(JSON.stringify([p.sort, p.id])).toString('base64url');
};
const byCount = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).map(([k]) => k);
const tagsByCount = byCount(tagCount);
const citiesByCount = byCount(cityCount);
const deep = () => cursorAt(rng.int(0, people.length - 1));
const listVariants: Array<{ name: string; input: () => svc.ListInput }> = [
  { name: 'first page, no filter', input: () => ({ limit: 50 }) },
  { name: 'deep cursor (anywhere in the list), no filter', input: () => ({ limit: 50, cursor: deep() }) },
  { name: `tag = most common ("${tagsByCount[0]}")`, input: () => ({ limit: 50, tag: tagsByCount[0] }) },
  {
    name: `tag = any (${tagsByCount.length} tags, rare ones included) + deep cursor`,
    input: () => ({ limit: 50, tag: rng.pick(tagsByCount), cursor: rng.chance(0.5) ? deep() : undefined }),
  },
  { name: `city = most common ("${citiesByCount[0]}")`, input: () => ({ limit: 50, city: citiesByCount[0] }) },
  {
    name: `city = any (${citiesByCount.length} cities) + deep cursor`,
    input: () => ({ limit: 50, city: rng.pick(citiesByCount), cursor: rng.chance(0.5) ? deep() : undefined }),
  },
  {
    name: 'hasOpenNeeds = true / false + deep cursor',
    input: () => ({ limit: 50, hasOpenNeeds: rng.chance(0.5), cursor: rng.chance(0.5) ? deep() : undefined }),
  },
  {
    name: 'tag + city + hasOpenNeeds',
    input: () => ({
      limit: 50,
      tag: rng.pick(tagsByCount.slice(0, 10)),
      city: rng.pick(citiesByCount.slice(0, 10)),
      hasOpenNeeds: true,
    }),
  },
];

async function listBench(label: string): Promise<void> {
  const all: number[] = [];
  for (const v of listVariants) {
    const list: number[] = [];
    const t0 = performance.now();
    while (list.length < LIST_PER_VARIANT && (list.length < 20 || performance.now() - t0 < LIST_VARIANT_BUDGET_MS)) {
      const input = v.input();
      const [, t] = await timeAsync(() => svc.listPeople(deps, ownerId, input));
      list.push(t);
    }
    all.push(...list);
    record({ section: '3. list', what: `${label}  ${v.name}`, value: pct(summarize(list)) });
  }
  const s = summarize(all);
  record({
    section: '3. list',
    what: `${label}listPeople without q, limit 50, all variants`,
    value: pct(s),
    target: 'p99 < 10 ms',
    ok: s.p99 < 10,
  });
}
await listBench('');

// --- 1c. one by one on the loaded account ---------------------------------------------------------------

async function atScale(label: string): Promise<void> {
  const g = new NetworkGenerator(7);
  const t: number[] = [];
  const t0 = performance.now();
  while (performance.now() - t0 < AT_SCALE_SECONDS * 1000 && t.length < 2000) {
    const [, d] = await timeAsync(() => createOneByOne(deps, ownerId, g.next()));
    t.push(d);
  }
  record({
    section: '1. create',
    what: `${label}createPerson + addItem one by one, on the loaded account (ms per person)`,
    value: pct(summarize(t)),
  });
}
await atScale('');

// --- 4 and 5. HTTP and server memory ----------------------------------------------------------------------

const token = (await createToken(deps, ownerId, 'bench')).secret;
const pool = Array.from({ length: 1000 }, () => (people[rng.int(0, people.length - 1)] as (typeof people)[number]).id);
await main.handle.close();

const loadOpts = { token, pool, connections: CONNECTIONS, rounds: HTTP_ROUNDS, seconds: DURATION, warmup: 3, log };

/** Starts the app on the benchmark's database, builds its views with a first search, records its memory. */
async function appStart(label: string): Promise<{ app: Child; body: Buffer }> {
  const t0 = performance.now();
  const app = await startChild(['app', dbFile]);
  const started = performance.now() - t0;
  const base = await app.memory();
  // The first search builds the in-memory views, as on a real server.
  const t1 = performance.now();
  const first = await fetch(`http://127.0.0.1:${app.port}/api/v1/people?q=milano`, { headers: auth });
  if (first.status !== 200) throw new Error(`search answered ${first.status}: ${await first.text()}`);
  const built = performance.now() - t1;
  const res = await fetch(`http://127.0.0.1:${app.port}/api/v1/people/${pool[0]}`, { headers: auth });
  const body = Buffer.from(await res.arrayBuffer());
  if (res.status !== 200) throw new Error(`GET person answered ${res.status}: ${body.toString()}`);
  const mem = await app.memory();
  record({
    section: '5. memory',
    what: `${label}server process after start (app built, nothing loaded; start ${ms(started / 1000)} s)`,
    value: `RSS ${mb(base.rss)}, heap used ${mb(base.heapUsed)}`,
  });
  record({
    section: '5. memory',
    what: `${label}server process with the account loaded (first search ${ms(built / 1000)} s built the views)`,
    value: `RSS ${mb(mem.rss)}, heap used ${mb(mem.heapUsed)}`,
  });
  return { app, body };
}

const auth = { authorization: `Bearer ${token}` };
const { app: app1, body } = await appStart('');
const bodyFile = path.join(dir, 'person.json');
fs.writeFileSync(bodyFile, body);
const bare = await startChild(['bare', bodyFile]);
const bareSqlite = await startChild(['bare-sqlite', bodyFile, dbFile]);
loads.push(`before load test ${load()}`);
const http1 = await compare({ bare, app: app1, reference: bareSqlite }, loadOpts);
await app1.stop();
await bareSqlite.stop();
const lastRound = http1.rounds.at(-1) as Round;
const roundRatios = (c: Comparison) => c.rounds.map((r) => `${(r.ratio * 100).toFixed(0)}`).join(', ');
record({ section: '4. HTTP', what: `bare node:http, same ${body.length} bytes (last round)`, value: fmtRun(lastRound.bare) });
record({
  section: '4. HTTP',
  what: 'bare node:http + one SQLite row read per request (reference, last round)',
  value: `${fmtRun(lastRound.reference as Run)}; ${(((lastRound.reference as Run).rps / lastRound.bare.rps) * 100).toFixed(0)} % of bare`,
});
record({
  section: '4. HTTP',
  what: 'app: GET /api/v1/people/:id, Bearer token, 1000 random ids (last round)',
  value: fmtRun(lastRound.app),
});
record({
  section: '4. HTTP',
  what: `server CPU per request, median of ${HTTP_ROUNDS} rounds (bare / bare + SQLite / app)`,
  value: `${http1.bareCpu.toFixed(0)} / ${(http1.referenceCpu ?? NaN).toFixed(0)} / ${http1.appCpu.toFixed(0)} µs; bare / app ${(http1.cpuRatio * 100).toFixed(1)} %`,
});
record({
  section: '4. HTTP',
  what: `app / bare, median of ${HTTP_ROUNDS} interleaved rounds of ${DURATION} s (rounds: ${roundRatios(http1)} %)`,
  value: `${(http1.medianRatio * 100).toFixed(1)} %`,
  target: '≥ 50 %',
  ok: http1.medianRatio >= 0.5,
});

// --- what-if: planner statistics --------------------------------------------------------------------------

if (WHAT_IF) {
  // What `PRAGMA optimize` (or ANALYZE) in openSqlite would give: planner statistics. Without them
  // SQLite assumes that `owner_id = ?` selects ~10 rows and scans the whole account through an
  // owner_id index instead of looking rows up by person id (see docs/benchmarks.md).
  const h = openDatabase({ kind: 'sqlite', path: dbFile });
  deps.db = h.db;
  deps.network = createNetworkCache(h.db);
  const [, t] = await timeAsync(async () => {
    await sql`analyze`.execute(h.db);
  });
  const W = 'what-if ANALYZE: ';
  record({
    section: 'what-if',
    what: 'ANALYZE on the loaded database (planner statistics in sqlite_stat1)',
    value: `${ms(t)} ms`,
  });
  await svc.listPeople(deps, ownerId, { q: 'milano', limit: 50 }); // rebuild the views (not measured again)
  await searchBench(W, Infinity);
  await listBench(W);
  await atScale(W);
  await h.close();
  const { app: app2 } = await appStart(W);
  const http2 = await compare({ bare, app: app2 }, loadOpts);
  await app2.stop();
  record({
    section: '4. HTTP',
    what: `${W}app: GET /api/v1/people/:id, CPU per request (bare / app)`,
    value: `${http2.bareCpu.toFixed(0)} / ${http2.appCpu.toFixed(0)} µs`,
  });
  record({
    section: '4. HTTP',
    what: `${W}app / bare, median of ${HTTP_ROUNDS} interleaved rounds (rounds: ${roundRatios(http2)} %)`,
    value: `${(http2.medianRatio * 100).toFixed(1)} %`,
    target: '≥ 50 %',
    ok: http2.medianRatio >= 0.5,
  });
}
await bare.stop();
loads.push(`end ${load()}`);

// --- report --------------------------------------------------------------------------------------------

const cpu = (fs.readFileSync('/proc/cpuinfo', 'utf8').match(/model name\s*:\s*(.*)/)?.[1] ?? 'unknown').trim();
const machine = `${os.cpus().length} cores (nproc), ${cpu}, ${mb(os.totalmem())} RAM, Node ${process.version}, ${os.type()} ${os.release()}`;
const command = `node --import tsx bench/foundation.bench.ts${argv.length ? ` ${argv.join(' ')}` : ''}`;
const table = ['| Section | Measure | Result | Target |', '|---|---|---|---|'];
for (const r of rows)
  table.push(
    `| ${r.section} | ${r.what.replace(/\|/g, '\\|')} | ${r.value.replace(/\|/g, '\\|')} | ${r.target ? `${r.target}${r.ok === undefined ? '' : r.ok ? ' ✅' : ' ❌'}` : ''} |`,
  );
console.log(`\n${table.join('\n')}\n`);
console.log(`machine: ${machine}\nload average (1/5/15 min): ${loads.join('; ')}`);

const out = path.join(dir, 'results.json');
fs.writeFileSync(out, JSON.stringify({ date: new Date().toISOString(), machine, command, loads, rows }, null, 2));
log(`results also in ${out}`);

if (!flag('no-doc')) {
  const interpretation = fs.existsSync(path.join(here, 'foundation.notes.md'))
    ? fs.readFileSync(path.join(here, 'foundation.notes.md'), 'utf8').trim()
    : '';
  const section = [
    '## Foundation (issue 2)',
    '',
    `Measured ${new Date().toISOString().slice(0, 10)} on ${machine}.`,
    `Load average (1/5/15 min) during the run: ${loads.join('; ')}.`,
    '',
    `Command: \`${command}\` (${PEOPLE.toLocaleString('en')} people in one account on a fresh SQLite file in a temp dir; WAL, synchronous=FULL as in production).`,
    '',
    ...table,
    '',
    interpretation,
    '',
  ].join('\n');
  const docFile = path.join(repoRoot, 'docs/benchmarks.md');
  const doc = fs.existsSync(docFile) ? fs.readFileSync(docFile, 'utf8') : '# Benchmarks\n';
  const start = doc.indexOf('## Foundation (issue 2)');
  let next: string;
  if (start < 0) next = `${doc.trimEnd()}\n\n${section}`;
  else {
    const end = doc.indexOf('\n## ', start + 3);
    next = `${doc.slice(0, start)}${section}${end < 0 ? '' : `\n${doc.slice(end + 1)}`}`;
  }
  // Formatted as `npm run format:check` expects (the table's columns get aligned).
  const prettier = await import('prettier');
  const options = (await prettier.resolveConfig(docFile)) ?? {};
  fs.writeFileSync(docFile, await prettier.format(`${next.trimEnd()}\n`, { ...options, filepath: docFile }));
  log(`wrote ${path.relative(repoRoot, docFile)}`);
}

if (!flag('keep')) fs.rmSync(dir, { recursive: true, force: true });
else log(`kept ${dir}`);
