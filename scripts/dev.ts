/**
 * `npm run dev`: the API server (http://localhost:3000) and Vite's dev server with hot reload
 * (http://localhost:5173, proxying /api and /healthz to the API) side by side. Ctrl-C or SIGTERM
 * stops both; when either stops, the other is stopped too.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const node = process.execPath;

function start(name: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(node, args, { cwd: root, env, stdio: 'inherit' });
  child.on('error', (err) => {
    console.error(`[dev] ${name} could not start: ${err.message}`);
    shutdown(1);
  });
  child.on('exit', (code, signal) => {
    if (!stopping) console.error(`[dev] ${name} stopped (${signal ?? `exit ${code ?? 0}`}); stopping the rest`);
    shutdown(code ?? (signal ? 1 : 0));
  });
  return child;
}

let stopping = false;
let exitCode = 0;
const children: ChildProcess[] = [];

function shutdown(code: number, signal: NodeJS.Signals = 'SIGTERM'): void {
  if (!stopping) exitCode = code;
  stopping = true;
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill(signal);
  if (children.every((c) => c.exitCode !== null || c.signalCode !== null)) process.exit(exitCode);
}

const base = { ...process.env };
children.push(
  start('API server', ['--import', 'tsx', 'src/server/main.ts'], {
    ...base,
    NODE_ENV: base.NODE_ENV ?? 'development',
    // Links the server makes (emails later) should point at the page people actually open.
    PUBLIC_BASE_URL: base.PUBLIC_BASE_URL ?? 'http://localhost:5173',
  }),
  start('Vite', [path.join(root, 'node_modules/vite/bin/vite.js'), '--config', path.join(root, 'vite.config.ts')], base),
);

for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(sig, () => shutdown(0, sig === 'SIGHUP' ? 'SIGTERM' : sig));
}
