/**
 * The command line in a sandbox of its own: a temp folder with its own SQLite file and data
 * folder, the CLI run as a child process (it reads its settings from the environment, like in
 * production). The child inherits this process's environment (PATH, HOME) with the database
 * settings overridden, so it never touches a PostgreSQL database a test run was given.
 */
import { execFileSync, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface CliSandbox {
  dir: string;
  /** Runs `rete ARGS…`; throws (with stderr) when it exits with an error. Returns stdout. */
  run: (args: string[], extraEnv?: Record<string, string>) => string;
  /** Runs `rete ARGS…` and returns the whole outcome, for commands expected to fail. */
  spawn: (args: string[], extraEnv?: Record<string, string>) => SpawnSyncReturns<string>;
  /** Creates an account with a valid password (`rete user create`), in English when asked. */
  createUser: (email: string, name: string, locale?: 'en') => void;
  cleanup: () => void;
}

export function cliSandbox(prefix: string, env: Record<string, string> = {}): CliSandbox {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `rete-cli-${prefix}-`));
  const base = {
    ...process.env,
    DATABASE_URL: '',
    SQLITE_PATH: path.join(dir, 'rete.db'),
    DATA_DIR: dir,
    NODE_ENV: 'test',
    ...env,
  };
  const argv = (args: string[]) => ['--import', 'tsx', 'src/server/cli.ts', ...args];
  const run = (args: string[], extraEnv: Record<string, string> = {}) =>
    execFileSync(process.execPath, argv(args), {
      env: { ...base, ...extraEnv },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  return {
    dir,
    run,
    spawn: (args, extraEnv = {}) => spawnSync(process.execPath, argv(args), { env: { ...base, ...extraEnv }, encoding: 'utf8' }),
    createUser: (email, name, locale) => {
      run([
        'user',
        'create',
        '--email',
        email,
        '--name',
        name,
        '--password',
        'a perfectly fine passphrase',
        ...(locale ? ['--locale', locale] : []),
      ]);
    },
    cleanup: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}
