import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/** Starts the real server process and resolves with its URL once it listens. */
function startServer(env: Record<string, string>): Promise<{ child: ChildProcess; url: string; logs: string[] }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: { ...process.env, DATABASE_URL: '', LOG_LEVEL: 'info', HOST: '127.0.0.1', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: string[] = [];
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${logs.join('')}`)), 20_000);
    child.stderr?.on('data', (d: Buffer) => logs.push(d.toString()));
    child.stdout?.on('data', (d: Buffer) => {
      logs.push(d.toString());
      const m = /listening on (http:\/\/[0-9.:]+)/.exec(d.toString());
      if (m?.[1]) {
        clearTimeout(timer);
        resolve({ child, url: m[1], logs });
      }
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${logs.join('')}`)));
  });
}

describe('the server process', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rete-shutdown-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('finishes a request in flight on SIGTERM, then exits 0 with the write committed', async () => {
    const env = { SQLITE_PATH: path.join(dir, 'rete.db') };
    const { child, url, logs } = await startServer(env);
    const origin = new URL(url).origin;
    const signup = await fetch(`${url}/api/v1/auth/signup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin },
      body: JSON.stringify({ email: 'shutdown@example.com', password: 'a long enough password', displayName: 'S', locale: 'en' }),
    });
    expect(signup.status).toBe(201);
    const login = await fetch(`${url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin },
      body: JSON.stringify({ email: 'shutdown@example.com', password: 'a long enough password' }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers.get('set-cookie')?.split(';')[0] ?? '';
    const { csrfToken } = (await login.json()) as { csrfToken: string };

    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    // Loading the demo network writes ~70 people in one transaction: still running when SIGTERM arrives.
    const inFlight = fetch(`${url}/api/v1/demo`, { method: 'POST', headers: { cookie, 'x-csrf-token': csrfToken, origin } });
    // Signal as soon as the server has taken the request (its access log says so).
    const deadline = Date.now() + 10_000;
    while (!logs.some((l) => l.includes('incoming request') && l.includes('/api/v1/demo')) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 2));
    }
    child.kill('SIGTERM');
    const res = await inFlight;
    expect(res.status).toBe(201);
    expect(((await res.json()) as { people: number }).people).toBeGreaterThanOrEqual(60);
    expect(await exited).toBe(0);

    // After a restart the network is there, whole.
    const again = await startServer(env);
    try {
      const login = await fetch(`${again.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'shutdown@example.com', password: 'a long enough password' }),
      });
      const c2 = login.headers.get('set-cookie')?.split(';')[0] ?? '';
      const facets = (await (await fetch(`${again.url}/api/v1/people/facets`, { headers: { cookie: c2 } })).json()) as {
        total: number;
      };
      expect(facets.total).toBeGreaterThanOrEqual(60);
    } finally {
      again.child.kill('SIGTERM');
    }
  });
});
