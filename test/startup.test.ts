/**
 * Starting the server process as the README says. With nothing configured it starts and keeps
 * email in the outbox; a mail configuration that cannot send is refused at once, naming the
 * variable, with exit code 1 and no stack trace.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/** The environment of this test process without any setting of Rete's mail, address or database. */
function bareEnv(): Record<string, string> {
  return Object.fromEntries(
    Object.entries(process.env).filter(
      (e): e is [string, string] =>
        e[1] !== undefined && !/^(SMTP_|MAIL_|PUBLIC_BASE_URL$|DATABASE_URL$|SQLITE_PATH$|DATA_DIR$|PORT$|HOST$)/.test(e[0]),
    ),
  );
}

/** Runs src/server/main.ts until it listens and its output satisfies `done` (then stops it), or exits by itself. */
function run(
  env: Record<string, string>,
  done: (out: string) => boolean = () => true,
): Promise<{ code: number | null; out: string; err: string; listened: boolean }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: { ...bareEnv(), PORT: '0', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  let listened = false;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`neither listened nor exited:\n${out}\n${err}`));
    }, 30_000);
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (!listened && out.includes('listening on')) listened = true;
      if (listened && done(out) && child.exitCode === null && !child.killed) child.kill('SIGTERM');
    });
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, out, err, listened });
    });
  });
}

describe('starting the server', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rete-startup-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('with the README defaults, starts and says every email stays in the outbox, from rete@localhost', async () => {
    const r = await run({ SQLITE_PATH: path.join(dir, 'a.db'), DATA_DIR: dir });
    expect(r.listened, r.out + r.err).toBe(true);
    const line = r.out
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { msg: string; from?: string; outbox?: string })
      .find((l) => l.msg.startsWith('no SMTP_HOST'));
    expect(line).toMatchObject({ from: 'rete@localhost', outbox: path.join(dir, 'outbox') });
  });

  it('with an SMTP server out of reach, starts (emails wait and are retried) and warns at once, naming the settings', async () => {
    const srv = net.createServer();
    await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
    const port = (srv.address() as net.AddressInfo).port;
    await new Promise<void>((resolve) => srv.close(() => resolve()));
    const r = await run(
      {
        SQLITE_PATH: path.join(dir, 'c.db'),
        DATA_DIR: dir,
        SMTP_HOST: '127.0.0.1',
        SMTP_PORT: String(port),
        MAIL_FROM: 'rete@example.com',
      },
      (out) => out.includes('the mail server cannot be used now'),
    );
    expect(r.listened, r.out + r.err).toBe(true);
    const warning = r.out
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { level: number; msg: string; reason?: string; error?: string })
      .find((l) => l.msg.startsWith('the mail server cannot be used now'));
    expect(warning).toMatchObject({ level: 40, reason: 'connection' });
    expect(warning?.msg).toContain('SMTP_PORT');
    expect(warning?.error).toContain('ECONNREFUSED');
  });

  it('with SMTP_HOST but no usable From, refuses to start, naming MAIL_FROM', async () => {
    const r = await run({ SQLITE_PATH: path.join(dir, 'b.db'), DATA_DIR: dir, SMTP_HOST: 'smtp.example.com' });
    expect(r.listened).toBe(false);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(
      /^Rete cannot start\. Invalid configuration:\n {2}MAIL_FROM: not set, and the default "rete@localhost"/,
    );
    expect(r.err).not.toMatch(/\n\s+at /); // a sentence, not a stack trace
    expect(fs.existsSync(path.join(dir, 'b.db'))).toBe(false); // refused before touching anything
  });
});
