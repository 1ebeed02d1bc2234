/**
 * Start-up time and memory of the server, run as `npm start` runs it (the built JavaScript) and as
 * it ran before through the TypeScript transpiler, side by side.
 *
 *   node --import tsx bench/startup.bench.ts [--runs 5] [--only tsx|built|nomaps]
 *
 * Needs `npm run build` first (dist/server and dist/web). Each run starts one process on a fresh
 * data folder (empty SQLite file: the migrations run), with the defaults of `npm start` otherwise
 * (NODE_ENV unset, LOG_LEVEL info, the job worker on). Measured:
 * - start-up: from spawning the process to the first 200 from GET /healthz (polled every 5 ms);
 * - CPU: user + system time the process had used at that moment (from /proc; 10 ms ticks), which
 *   other load on the machine changes much less than the wall time;
 * - RSS: resident memory of the process one second after that (read from /proc), and the same for
 *   its child processes together (the transpiler keeps an esbuild service process).
 * The variants alternate (tsx, built, tsx, built, …) so that a change of load on the machine
 * touches both; one unmeasured run of each comes first (tsx's transform cache, the disk cache).
 * Prints the median of each and every run.
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const repo = path.resolve(import.meta.dirname, '..');
const argv = process.argv.slice(2);
const opt = (name: string): string | undefined => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const runs = Number(opt('runs') ?? 5);
const only = opt('only');

const variants = [
  { name: 'tsx', label: 'node --import tsx src/server/main.ts (before)', args: ['--import', 'tsx', 'src/server/main.ts'] },
  {
    name: 'built',
    label: 'node --enable-source-maps dist/server/main.js (npm start)',
    args: ['--enable-source-maps', 'dist/server/main.js'],
  },
  // For comparison: what the source maps cost (stack traces then name the bundle's lines).
  { name: 'nomaps', label: 'node dist/server/main.js (no source maps)', args: ['dist/server/main.js'] },
].filter((v) => !only || v.name === only);

if (!fs.existsSync(path.join(repo, 'dist/server/main.js'))) throw new Error('run `npm run build` first');

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

function rssKb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
}

/** CPU time (user + system) the process has used so far, in ms: unlike wall time, barely moved by other load. */
function cpuMs(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which is in parentheses and may hold spaces): utime is the 14th
  // field of the line, stime the 15th, in clock ticks (100 a second on Linux).
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

function childrenOf(pid: number): number[] {
  try {
    return execFileSync('ps', ['--ppid', String(pid), '-o', 'pid='], { encoding: 'utf8' })
      .split('\n')
      .map((s) => Number(s.trim()))
      .filter((n) => n > 0);
  } catch {
    return []; // ps exits 1 when there is none
  }
}

interface Run {
  startMs: number;
  cpuMs: number;
  rssMb: number;
  childrenMb: number;
}

async function once(args: string[]): Promise<Run> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rete-startup-'));
  const port = await freePort();
  const t0 = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: repo,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: os.homedir(),
      PORT: String(port),
      DATA_DIR: dir,
      SQLITE_PATH: path.join(dir, 'rete.db'),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  let exited = false;
  child.on('exit', () => (exited = true));
  try {
    for (;;) {
      if (exited) throw new Error(`the server exited before answering: node ${args.join(' ')}`);
      const ok = await fetch(`http://127.0.0.1:${port}/healthz`)
        .then((r) => r.status === 200)
        .catch(() => false);
      if (ok) break;
      await new Promise((r) => setTimeout(r, 5));
    }
    const startMs = performance.now() - t0;
    const cpu = cpuMs(child.pid ?? 0);
    await new Promise((r) => setTimeout(r, 1000));
    const pid = child.pid ?? 0;
    const rssMb = rssKb(pid) / 1024;
    const childrenMb = childrenOf(pid).reduce((s, p) => s + rssKb(p), 0) / 1024;
    return { startMs, cpuMs: cpu, rssMb, childrenMb };
  } finally {
    const gone = new Promise((r) => child.once('exit', r));
    if (!exited) child.kill('SIGTERM');
    await gone;
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] ?? 0) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
};

const results = new Map<string, Run[]>(variants.map((v) => [v.name, []]));
const load = () =>
  os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' / ');
console.log(`Node ${process.version}, ${os.cpus().length} cores; load average at start ${load()}`);
for (const v of variants) await once(v.args); // warm-up, not counted
for (let i = 0; i < runs; i++) {
  for (const v of variants) results.get(v.name)?.push(await once(v.args));
}
console.log(`load average at end ${load()}\n`);
console.log(
  '| command | start-up to first /healthz 200 (median) | CPU time used by then (median) | RSS after start (median) | child processes RSS | start-up of each run (ms) |',
);
console.log('| --- | --- | --- | --- | --- | --- |');
for (const v of variants) {
  const rs = results.get(v.name) ?? [];
  console.log(
    `| \`${v.label}\` | ${median(rs.map((r) => r.startMs)).toFixed(0)} ms | ${median(rs.map((r) => r.cpuMs)).toFixed(0)} ms | ${median(rs.map((r) => r.rssMb)).toFixed(0)} MB | ${median(rs.map((r) => r.childrenMb)).toFixed(0)} MB | ${rs.map((r) => r.startMs.toFixed(0)).join(', ')} |`,
  );
}
