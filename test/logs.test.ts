/**
 * Structured logs (reliability plan 1b, GD-05 and AC-09): the server's JSON log lines, captured
 * from a real pino logger with the production options, never carry a password, a session id, an
 * API token, a CSRF token or personal text, and every request is logged with method, path and status.
 */
import { Writable } from 'node:stream';
import type { InjectOptions } from 'fastify';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { buildApp, loggerOptions } from '#server/app.ts';
import { loadConfig } from '#server/config.ts';
import { createTestDb, dialects } from './helpers/test-db.ts';

interface LogLine {
  level: number;
  msg?: string;
  reqId?: string;
  req?: { method?: string; path?: string; url?: string; headers?: unknown };
  res?: { statusCode?: number };
  err?: unknown;
  [k: string]: unknown;
}

const PASSWORD = 'CANARY-LOG-password correct horse';
const NEW_PASSWORD = 'CANARY-LOG-new-password battery';
const NOTE = 'CANARY-LOG-note: her divorce is going badly';
const SUMMARY = 'CANARY-LOG-summary: talked about his health';
const NEED = 'CANARY-LOG-need: a lawyer for the divorce';
const SEARCH = 'canarylogsearchword';
const EMAIL = 'canary-log-user@example.com';

describe.each(dialects())('logs on %s', (dialect) => {
  it.each(['info', 'trace'])('at level %s: every request logged, no secret or personal text in any line', async (level) => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _enc, done) {
        lines.push(...String(chunk).split('\n').filter(Boolean));
        done();
      },
    });
    const db = await createTestDb(dialect);
    const config = loadConfig({
      NODE_ENV: 'test',
      PUBLIC_BASE_URL: 'http://rete.test',
      RATE_LIMIT_PER_MINUTE: '100000',
      LOG_LEVEL: level,
    });
    const { app } = await buildApp({
      db: db.handle.db,
      dialect,
      config,
      logger: { ...(loggerOptions(config.logLevel) as object), stream },
    });
    const secrets: string[] = [PASSWORD, NEW_PASSWORD, NOTE, SUMMARY, NEED, SEARCH, 'CANARY-LOG'];
    const sent: Array<{ method: string; path: string; status: number }> = [];
    const call = async (opts: InjectOptions & { method: string; url: string }) => {
      const res = await app.inject(opts);
      sent.push({ method: opts.method, path: opts.url.split('?')[0] ?? '', status: res.statusCode });
      return res;
    };

    try {
      const signup = await call({
        method: 'POST',
        url: '/api/v1/auth/signup',
        payload: { email: EMAIL, password: PASSWORD, displayName: 'Log Tester' },
      });
      expect(signup.statusCode).toBe(201);
      const login = await call({ method: 'POST', url: '/api/v1/auth/login', payload: { email: EMAIL, password: PASSWORD } });
      expect(login.statusCode).toBe(200);
      const cookie = login.cookies.find((c) => c.name === 'rete_session');
      const csrf = login.json<{ csrfToken: string }>().csrfToken;
      if (!cookie) throw new Error('no cookie');
      secrets.push(cookie.value, csrf);
      const headers = { cookie: `rete_session=${cookie.value}`, 'x-csrf-token': csrf };

      const tok = await call({ method: 'POST', url: '/api/v1/tokens', headers, payload: { name: 'log test' } });
      const secret = tok.json<{ secret: string }>().secret;
      secrets.push(secret);
      const bearer = { authorization: `Bearer ${secret}` };

      const person = await call({
        method: 'POST',
        url: '/api/v1/people',
        headers: bearer,
        payload: { name: 'Anna Log', notes: NOTE },
      });
      expect(person.statusCode).toBe(201);
      const id = person.json<{ id: string }>().id;
      expect(
        (await call({ method: 'POST', url: `/api/v1/people/${id}/needs`, headers, payload: { text: NEED } })).statusCode,
      ).toBe(201);
      expect(
        (
          await call({
            method: 'POST',
            url: `/api/v1/people/${id}/interactions`,
            headers,
            payload: { kind: 'call', occurredAt: '2026-01-01', summary: SUMMARY },
          })
        ).statusCode,
      ).toBe(201);
      expect((await call({ method: 'GET', url: `/api/v1/people?q=${SEARCH}`, headers: bearer })).statusCode).toBe(200);

      // Errors: a bad body that echoes the note, wrong credentials, a forged token, a missing id.
      expect(
        (
          await call({
            method: 'PATCH',
            url: `/api/v1/people/${id}`,
            headers,
            payload: { notes: `${NOTE} ${'x'.repeat(20_000)}` },
          })
        ).statusCode,
      ).toBe(400);
      expect(
        (await call({ method: 'POST', url: '/api/v1/auth/login', payload: { email: EMAIL, password: `${PASSWORD}-wrong` } }))
          .statusCode,
      ).toBe(401);
      expect((await call({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${secret}x` } })).statusCode).toBe(
        401,
      );
      expect((await call({ method: 'GET', url: `/api/v1/people/${crypto.randomUUID()}`, headers })).statusCode).toBe(404);

      // An internal error while personal text is being written: the database refuses the row.
      if (dialect === 'postgres') {
        await sql`alter table interactions add constraint log_test_refuse check (summary not like '%REFUSE%')`.execute(
          db.handle.db,
        );
      } else {
        await sql`create trigger log_test_refuse before insert on interactions when new.summary like '%REFUSE%' begin select raise(abort, 'refused by test trigger'); end`.execute(
          db.handle.db,
        );
      }
      const boom = await call({
        method: 'POST',
        url: `/api/v1/people/${id}/interactions`,
        headers,
        payload: { kind: 'note', occurredAt: '2026-01-02', summary: `REFUSE ${SUMMARY}` },
      });
      expect(boom.statusCode).toBe(500);
      expect(boom.body).not.toContain('CANARY');

      expect(
        (
          await call({
            method: 'POST',
            url: '/api/v1/auth/password',
            headers,
            payload: { currentPassword: PASSWORD, newPassword: NEW_PASSWORD },
          })
        ).statusCode,
      ).toBe(200);
      expect((await call({ method: 'POST', url: '/api/v1/auth/logout', headers })).statusCode).toBe(200);
    } finally {
      await app.close();
      await db.destroy();
    }

    const parsed = lines.map((l) => JSON.parse(l) as LogLine);
    expect(parsed.length).toBeGreaterThan(sent.length);

    // Nothing secret or personal, in any line, in any form (also URL-encoded).
    for (const line of lines) {
      for (const s of secrets) {
        expect(
          line.includes(s) || line.includes(encodeURIComponent(s)),
          `log line contains "${s.slice(0, 30)}": ${line.slice(0, 500)}`,
        ).toBe(false);
      }
      expect(line, 'no headers are logged').not.toMatch(/"(cookie|authorization|x-csrf-token|set-cookie)"/i);
    }

    // Every request: "incoming" with method and path (no query string), "completed" with the status.
    const incoming = parsed.filter((l) => l.req && l.reqId);
    const completed = parsed.filter((l) => l.res && l.reqId);
    expect(incoming).toHaveLength(sent.length);
    expect(completed).toHaveLength(sent.length);
    sent.forEach((s, i) => {
      const inc = incoming[i] as LogLine;
      expect(inc.req).toEqual({ method: s.method, path: s.path, id: inc.reqId });
      const done = completed.find((c) => c.reqId === inc.reqId);
      expect(done?.res?.statusCode, `${s.method} ${s.path}`).toBe(s.status);
    });
    // The internal error is logged (as an error, with its request id), without the row's contents.
    const errors = parsed.filter((l) => l.level >= 50);
    expect(errors.length).toBeGreaterThanOrEqual(1);
    expect(errors.every((e) => typeof e.reqId === 'string')).toBe(true);
    expect(JSON.stringify(errors), 'the error is still diagnosable').toMatch(/log_test_refuse|refused by test trigger/);
  });
});
