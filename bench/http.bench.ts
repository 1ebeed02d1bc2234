/**
 * An authenticated read over HTTP against a bare node:http server sending the same bytes, made
 * robust to a shared, loaded machine (see bench/lib/http.ts): interleaved rounds with a ratio each
 * and their median, and the CPU time per request of each server process.
 *
 *   npm run bench:http -- [--people 10000] [--rounds 7] [--seconds 5] [--warmup 3] [--connections 50]
 *        [--reference] [--cpu-prof DIR]
 *
 * Builds a fresh SQLite network of --people generated people (one account, through the service
 * layer's batched entry point, as bench/foundation.bench.ts does), creates an API token, then
 * measures GET /api/v1/people/:id with that token over 1000 random ids. --reference adds a bare
 * node:http server that also reads the person's row from SQLite; --cpu-prof DIR writes a V8 CPU
 * profile of the app process during the rounds into DIR (open it in Chrome DevTools or speedscope).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createNetworkCache, type AppDeps } from '#server/deps.ts';
import { loadConfig } from '#server/config.ts';
import { openDatabase } from '#server/db/db.ts';
import { migrateToLatest } from '#server/db/migrate.ts';
import { createUser } from '#server/features/auth/auth.service.ts';
import * as svc from '#server/features/people/people.service.ts';
import { createToken } from '#server/features/tokens/tokens.service.ts';
import { compare, fmtRun, startChild } from './lib/http.ts';
import { NetworkGenerator } from './lib/network.ts';
import { Rng } from './lib/prng.ts';
import { load, mb } from './lib/stats.ts';

const argv = process.argv.slice(2);
const opt = (name: string, dflt: number): number => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] !== undefined ? Number(argv[i + 1]) : dflt;
};
const str = (name: string): string | undefined => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const PEOPLE = opt('people', 10_000);
const ROUNDS = opt('rounds', 7);
const SECONDS = opt('seconds', 5);
const WARMUP = opt('warmup', 3);
const CONNECTIONS = opt('connections', 50);
const REFERENCE = argv.includes('--reference');
const PROFILE_DIR = str('cpu-prof');
const log = (s: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${s}`);

const loadStart = load();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rete-http-bench-'));
const dbFile = path.join(dir, 'rete.db');
log(`temp dir ${dir}; ${PEOPLE} people; load ${loadStart}`);

// --- the network ----------------------------------------------------------------------------------

const config = loadConfig({ NODE_ENV: 'production', SQLITE_PATH: dbFile, LOG_LEVEL: 'silent' });
const handle = openDatabase({ kind: 'sqlite', path: dbFile });
await migrateToLatest(handle.db);
const deps: AppDeps = { db: handle.db, dialect: 'sqlite', config, now: () => new Date(), network: createNetworkCache(handle.db) };
const user = await createUser(
  deps,
  { email: 'bench@example.com', password: 'a long bench password 2026', displayName: 'Bench', locale: 'it' },
  'signup',
);
const gen = new NetworkGenerator();
const inputs: svc.NewPersonWithItems[] = [];
for (let i = 0; i < PEOPLE; i++) {
  const p = gen.next();
  inputs.push({ ...p.person, needs: p.needs, offers: p.offers });
}
const ids = await svc.createPeople(deps, user.id, inputs);
const token = (await createToken(deps, user.id, 'bench')).secret;
const rng = new Rng(4242);
const pool = Array.from({ length: 1000 }, () => ids[rng.int(0, ids.length - 1)] as string);
await handle.close();
log(`network of ${ids.length} people created; load ${load()}`);

// --- the servers -------------------------------------------------------------------------------------

if (PROFILE_DIR) fs.mkdirSync(PROFILE_DIR, { recursive: true });
const app = await startChild(['app', dbFile]);
const profileFile = PROFILE_DIR
  ? path.resolve(PROFILE_DIR, `app-${new Date().toISOString().replace(/[:.]/g, '-')}.cpuprofile`)
  : null;
const res = await fetch(`http://127.0.0.1:${app.port}/api/v1/people/${pool[0]}`, {
  headers: { authorization: `Bearer ${token}` },
});
const body = Buffer.from(await res.arrayBuffer());
if (res.status !== 200) throw new Error(`GET person answered ${res.status}: ${body.toString()}`);
const bodyFile = path.join(dir, 'person.json');
fs.writeFileSync(bodyFile, body);
const bare = await startChild(['bare', bodyFile]);
const reference = REFERENCE ? await startChild(['bare-sqlite', bodyFile, dbFile]) : undefined;

const result = await compare(
  { bare, app, ...(reference ? { reference } : {}) },
  {
    token,
    pool,
    connections: CONNECTIONS,
    rounds: ROUNDS,
    seconds: SECONDS,
    warmup: WARMUP,
    log,
    ...(profileFile ? { around: { before: () => app.startProfile(), after: () => app.stopProfile(profileFile) } } : {}),
  },
);
for (const c of [app, bare, reference]) await c?.stop();
const loadEnd = load();

// --- report --------------------------------------------------------------------------------------------

const cpu = (fs.readFileSync('/proc/cpuinfo', 'utf8').match(/model name\s*:\s*(.*)/)?.[1] ?? 'unknown').trim();
const machine = `${os.cpus().length} cores (nproc), ${cpu}, ${mb(os.totalmem())} RAM, Node ${process.version}, ${os.type()} ${os.release()}`;
const pctf = (x: number) => `${(x * 100).toFixed(1)} %`;
const lines = [
  `machine: ${machine}`,
  `command: npm run bench:http --${argv.length ? ` ${argv.join(' ')}` : ''}`,
  `load average (1/5/15 min): start ${loadStart}; end ${loadEnd}`,
  `body: ${body.length} bytes; ${ROUNDS} rounds of ${SECONDS} s per server, ${CONNECTIONS} connections, 1000 random ids of ${PEOPLE} people`,
  '',
  '| Round | Load (1/5/15) | bare req/s | app req/s | app / bare | bare CPU µs/req | app CPU µs/req |' +
    (reference ? ' bare+SQLite req/s | bare+SQLite CPU µs/req |' : ''),
  '|---|---|---|---|---|---|---|' + (reference ? '---|---|' : ''),
  ...result.rounds.map(
    (r, i) =>
      `| ${i + 1} | ${r.load} | ${r.bare.rps.toFixed(0)} | ${r.app.rps.toFixed(0)} | ${pctf(r.ratio)} | ${r.bare.cpuPerReq.toFixed(0)} | ${r.app.cpuPerReq.toFixed(0)} |` +
      (r.reference ? ` ${r.reference.rps.toFixed(0)} | ${r.reference.cpuPerReq.toFixed(0)} |` : ''),
  ),
  '',
  `median app / bare (throughput, interleaved rounds): ${pctf(result.medianRatio)}`,
  `median server CPU per request: bare ${result.bareCpu.toFixed(0)} µs, app ${result.appCpu.toFixed(0)} µs` +
    (result.referenceCpu !== undefined ? `, bare+SQLite ${result.referenceCpu.toFixed(0)} µs` : '') +
    ` → bare / app ${pctf(result.cpuRatio)}`,
  `last app round: ${fmtRun(result.rounds.at(-1)?.app as NonNullable<(typeof result.rounds)[number]['app']>)}`,
];
console.log(`\n${lines.join('\n')}\n`);
fs.rmSync(dir, { recursive: true, force: true });
if (profileFile) log(`CPU profile of the app process during the rounds: ${profileFile}`);
