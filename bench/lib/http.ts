/**
 * The HTTP comparison shared by bench/http.bench.ts and section 4 of bench/foundation.bench.ts:
 * the real app against a bare node:http server sending the same bytes, each in a child process
 * (bench/lib/server.ts), loaded by autocannon from this process over loopback.
 *
 * Robust to a shared, loaded machine in two ways:
 *  - rounds are interleaved (bare, app, bare, app, ...), so that a burst of load from elsewhere
 *    hits both sides alike; each round gives a ratio app/bare and the median ratio is reported;
 *  - each server reports the CPU time it used (process.cpuUsage) and the requests it received, so
 *    CPU time per request is measured too: it does not depend on how much of the machine other
 *    processes take, and bare-CPU / app-CPU per request is the throughput ratio the two would have
 *    on a core each.
 */
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { load } from './stats.ts';

const here = path.dirname(fileURLToPath(import.meta.url));

export interface Child {
  proc: ChildProcess;
  port: number;
  memory(): Promise<{ rss: number; heapUsed: number }>;
  /** CPU time (user + system, µs) used by the process so far, and the requests it received. */
  cpu(): Promise<{ micros: number; requests: number }>;
  /** Starts a CPU profile; stopProfile(file) writes it. */
  startProfile(): Promise<void>;
  stopProfile(file: string): Promise<void>;
  stop(): Promise<void>;
}

function ask<T>(proc: ChildProcess, type: string, extra: Record<string, unknown> = {}): Promise<T> {
  return new Promise((resolve) => {
    const on = (m: { type: string }) => {
      if (m.type !== type) return;
      proc.off('message', on);
      resolve(m as T);
    };
    proc.on('message', on);
    proc.send({ type, ...extra });
  });
}

/** Starts bench/lib/server.ts with these arguments (see there). */
export async function startChild(args: string[]): Promise<Child> {
  const proc = fork(path.join(here, 'server.ts'), args, {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    proc.once('error', reject);
    proc.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
    proc.on('message', (m: { type: string; port?: number }) => {
      if (m.type === 'ready' && m.port) resolve(m.port);
    });
  });
  return {
    proc,
    port,
    memory: () => ask(proc, 'memory'),
    cpu: () => ask(proc, 'cpu'),
    startProfile: () => ask(proc, 'profile-start'),
    stopProfile: (file) => ask(proc, 'profile-stop', { file }),
    stop: () =>
      new Promise((resolve) => {
        proc.removeAllListeners('exit');
        const kill = setTimeout(() => proc.kill('SIGKILL'), 30_000);
        proc.once('exit', () => {
          clearTimeout(kill);
          resolve();
        });
        proc.disconnect();
      }),
  };
}

export interface LoadOptions {
  token: string;
  /** Person ids requested at random, one per request. */
  pool: readonly string[];
  connections: number;
}

export async function cannon(port: number, seconds: number, o: LoadOptions) {
  return autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: o.connections,
    duration: seconds,
    headers: { authorization: `Bearer ${o.token}` },
    requests: [
      {
        method: 'GET',
        setupRequest: (req) => ({ ...req, path: `/api/v1/people/${o.pool[Math.floor(Math.random() * o.pool.length)]}` }),
      },
    ],
  });
}

export interface Run {
  rps: number;
  total: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  /** Server CPU time per request received, µs. */
  cpuPerReq: number;
}

/** One load run of `seconds` against a child, with the CPU it used meanwhile. */
export async function loadRun(child: Child, seconds: number, o: LoadOptions): Promise<Run> {
  const before = await child.cpu();
  const r = await cannon(child.port, seconds, o);
  const after = await child.cpu();
  const received = after.requests - before.requests;
  return {
    rps: r.requests.average,
    total: r.requests.total,
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx,
    cpuPerReq: received > 0 ? (after.micros - before.micros) / received : NaN,
  };
}

export const fmtRun = (r: Run): string =>
  r.total === 0
    ? `0 req/s: no request completed within autocannon's 10 s timeout (${r.errors} timeouts/errors)`
    : `${r.rps.toFixed(0)} req/s, server CPU ${r.cpuPerReq.toFixed(0)} µs/request (latency p50 ${r.p50} ms, p99 ${r.p99} ms; ${r.total} requests, ${r.non2xx} non-2xx, ${r.errors} errors)`;

export const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

export interface Round {
  bare: Run;
  app: Run;
  /** Also measured when a reference server is given (e.g. bare-sqlite). */
  reference?: Run;
  /** app rps / bare rps in this round. */
  ratio: number;
  load: string;
}

export interface Comparison {
  rounds: Round[];
  /** Median over rounds of app rps / bare rps. */
  medianRatio: number;
  /** Median server CPU per request, µs. */
  bareCpu: number;
  appCpu: number;
  referenceCpu?: number;
  /** bareCpu / appCpu: the throughput ratio on a core each, from CPU time alone. */
  cpuRatio: number;
}

/**
 * Interleaved rounds: after a warm-up of each server (not counted, see below), `rounds` times bare then app
 * (then the reference, if any), each for `seconds`. The order within a round alternates so that
 * neither side always runs second.
 */
export async function compare(
  servers: { bare: Child; app: Child; reference?: Child },
  o: LoadOptions & {
    rounds: number;
    seconds: number;
    warmup: number;
    log?: (s: string) => void;
    /** Called after the warm-up, before the rounds, and after them (e.g. to profile the rounds). */
    around?: { before(): Promise<void>; after(): Promise<void> };
  },
): Promise<Comparison> {
  const log = o.log ?? (() => {});
  // Warm-up (JIT, caches): at least `warmup` seconds and 20,000 requests per server (at most 60 s),
  // so that a slow first round on a loaded machine is not a cold one.
  for (const c of [servers.bare, servers.app, servers.reference]) {
    if (!c) continue;
    const t0 = Date.now();
    let n = 0;
    while (n < 20_000 && Date.now() - t0 < 60_000) n += (await cannon(c.port, o.warmup, o)).requests.total;
  }
  await o.around?.before();
  const rounds: Round[] = [];
  for (let i = 0; i < o.rounds; i++) {
    const l = load();
    let bare: Run;
    let app: Run;
    if (i % 2 === 0) {
      bare = await loadRun(servers.bare, o.seconds, o);
      app = await loadRun(servers.app, o.seconds, o);
    } else {
      app = await loadRun(servers.app, o.seconds, o);
      bare = await loadRun(servers.bare, o.seconds, o);
    }
    const reference = servers.reference ? await loadRun(servers.reference, o.seconds, o) : undefined;
    const round: Round = { bare, app, ratio: app.rps / bare.rps, load: l, ...(reference ? { reference } : {}) };
    rounds.push(round);
    log(
      `round ${i + 1}/${o.rounds} (load ${l}): bare ${bare.rps.toFixed(0)} req/s ${bare.cpuPerReq.toFixed(0)} µs/req, ` +
        `app ${app.rps.toFixed(0)} req/s ${app.cpuPerReq.toFixed(0)} µs/req (${app.non2xx} non-2xx, ${app.errors} errors)` +
        (reference ? `, reference ${reference.rps.toFixed(0)} req/s ${reference.cpuPerReq.toFixed(0)} µs/req` : '') +
        `; app/bare ${(round.ratio * 100).toFixed(1)} %`,
    );
  }
  await o.around?.after();
  const bareCpu = median(rounds.map((r) => r.bare.cpuPerReq));
  const appCpu = median(rounds.map((r) => r.app.cpuPerReq));
  const refs = rounds.flatMap((r) => (r.reference ? [r.reference.cpuPerReq] : []));
  return {
    rounds,
    medianRatio: median(rounds.map((r) => r.ratio)),
    bareCpu,
    appCpu,
    ...(refs.length ? { referenceCpu: median(refs) } : {}),
    cpuRatio: bareCpu / appCpu,
  };
}
