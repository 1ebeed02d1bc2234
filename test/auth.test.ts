/**
 * Session and authentication (reliability plan 1b, section B: AU-01 … AU-11), plus API tokens and
 * missing credentials on every route.
 */
import crypto from 'node:crypto';
import { hash as argon2Hash, type Algorithm } from '@node-rs/argon2';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CURRENT_PARAMS_PREFIX } from '#server/features/auth/passwords.ts';
import { cookieFrom, createTestApp, type Client, type TestApp } from './helpers/app.ts';
import { dialects } from './helpers/test-db.ts';
import { expectErrorShape, fillParams, login, makeUser, randomId, snapshot } from './helpers/world.ts';

const sha256 = (s: string): string => crypto.createHash('sha256').update(s).digest('hex');
const cookieValue = (c: Client): string => c.cookie.slice(c.cookie.indexOf('=') + 1);

function setCookieHeader(res: LightMyRequestResponse): string {
  const h = res.headers['set-cookie'];
  const all = Array.isArray(h) ? h : h ? [h] : [];
  const c = all.find((x) => /^(__Host-)?rete_session=/.test(x));
  if (!c) throw new Error(`no session Set-Cookie in ${res.statusCode}: ${res.body}`);
  return c;
}

function cookieAttributes(header: string): { name: string; value: string; attrs: Map<string, string> } {
  const [pair = '', ...rest] = header.split(';').map((s) => s.trim());
  const eq = pair.indexOf('=');
  const attrs = new Map(
    rest.map((a) => {
      const i = a.indexOf('=');
      return i < 0 ? [a.toLowerCase(), ''] : [a.slice(0, i).toLowerCase(), a.slice(i + 1)];
    }),
  );
  return { name: pair.slice(0, eq), value: pair.slice(eq + 1), attrs };
}

const me = (t: TestApp, cookie: string): Promise<LightMyRequestResponse> =>
  t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });

async function sessionRows(t: TestApp, userId: string) {
  return t.db.handle.db.selectFrom('sessions').selectAll().where('user_id', '=', userId).execute();
}

describe.each(dialects())('authentication on %s', (dialect) => {
  let t: TestApp;
  let u: Client;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    u = await makeUser(t);
  });
  afterAll(async () => t.close());

  const signup = (payload: Record<string, unknown>) =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/signup', payload: { displayName: 'Someone', ...payload } });
  // Each attempt from its own address, so that the per-IP backoff of one test never spills into the next.
  let ip = 0;
  const tryLogin = (email: string, password: string, headers: Record<string, string> = {}) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email, password },
      headers,
      remoteAddress: `10.0.${Math.floor(++ip / 250)}.${(ip % 250) + 1}`,
    });

  describe('passwords', () => {
    it('stores argon2id at the OWASP parameters, salted: equal passwords give different hashes (AU-01)', async () => {
      const password = 'the very same passphrase';
      for (const email of ['same1@example.com', 'same2@example.com'])
        expect((await signup({ email, password })).statusCode).toBe(201);
      const rows = await t.db.handle.db
        .selectFrom('users')
        .select(['email', 'password_hash'])
        .where('email', 'in', ['same1@example.com', 'same2@example.com'])
        .execute();
      expect(rows).toHaveLength(2);
      for (const r of rows) {
        expect(r.password_hash.startsWith('$argon2id$v=19$m=19456,t=2,p=1$')).toBe(true);
        expect(r.password_hash).not.toContain(password);
      }
      expect(rows[0]?.password_hash).not.toBe(rows[1]?.password_hash);
      const salt = (h: string) => h.split('$')[4];
      expect(salt(rows[0]?.password_hash ?? '')).not.toBe(salt(rows[1]?.password_hash ?? ''));
    });

    it('upgrades a hash made with older, weaker parameters at the next log-in (AU-01)', async () => {
      const weak = await argon2Hash('upgrade me please', {
        algorithm: 2 as Algorithm,
        memoryCost: 4096,
        timeCost: 1,
        parallelism: 1,
      });
      const user = await makeUser(t, { password: 'upgrade me please' });
      await t.db.handle.db.updateTable('users').set({ password_hash: weak }).where('id', '=', user.userId).execute();
      expect((await tryLogin(user.email, 'upgrade me please')).statusCode).toBe(200);
      const row = await t.db.handle.db
        .selectFrom('users')
        .select('password_hash')
        .where('id', '=', user.userId)
        .executeTakeFirstOrThrow();
      expect(row.password_hash.startsWith(CURRENT_PARAMS_PREFIX)).toBe(true);
      expect((await tryLogin(user.email, 'upgrade me please')).statusCode).toBe(200);
    });

    it('accepts any 8+ characters (100 chars, emoji only), uses every character, refuses 7 chars and common passwords (AU-02)', async () => {
      const long = Array.from({ length: 100 }, (_, i) => String.fromCharCode(97 + (i % 26))).join('');
      expect(long).toHaveLength(100);
      expect((await signup({ email: 'long@example.com', password: long })).statusCode).toBe(201);
      expect((await tryLogin('long@example.com', long)).statusCode).toBe(200);
      const at80 = `${long.slice(0, 79)}#${long.slice(80)}`;
      expect(at80).toHaveLength(100);
      expectErrorShape(await tryLogin('long@example.com', at80), 401, 'invalid_credentials');
      expectErrorShape(await tryLogin('long@example.com', long.slice(0, 99)), 401, 'invalid_credentials');

      const emoji = '🔑🌍🚀🎉🐱🍕🌈⭐';
      expect((await signup({ email: 'emoji@example.com', password: emoji })).statusCode).toBe(201);
      expect((await tryLogin('emoji@example.com', emoji)).statusCode).toBe(200);
      expectErrorShape(await tryLogin('emoji@example.com', '🔑🌍🚀🎉🐱🍕🌈🌟'), 401, 'invalid_credentials');

      for (const [password, why] of [
        ['1234567', 'too short'],
        ['123456789', 'common'],
        ['password1', 'common'],
        ['Password1', 'common, any case'],
        ['x'.repeat(257), 'too long'],
      ]) {
        const res = await signup({ email: `refused-${crypto.randomBytes(3).toString('hex')}@example.com`, password });
        const err = expectErrorShape(res, 400, 'validation_failed');
        expect(
          err.details?.map((d) => d.path),
          why,
        ).toEqual(['password']);
      }
      const rows = await t.db.handle.db.selectFrom('users').select('email').where('email', 'like', 'refused-%').execute();
      expect(rows).toEqual([]);
    });
  });

  describe('log-in', () => {
    it('answers an unknown email exactly like a wrong password, after the same work (AU-04)', async () => {
      const time = async (email: string) => {
        const ms: number[] = [];
        let res: LightMyRequestResponse | undefined;
        for (let i = 0; i < 3; i++) {
          const t0 = performance.now();
          res = await tryLogin(email, 'not the password at all');
          ms.push(performance.now() - t0);
        }
        return { res: res as LightMyRequestResponse, median: ms.sort((a, b) => a - b)[1] as number };
      };
      const unknown = await time('nobody-here@example.com');
      const wrong = await time(u.email);
      expect(unknown.res.statusCode).toBe(401);
      expect(unknown.res.body).toBe(wrong.res.body);
      expect(unknown.res.headers['content-type']).toBe(wrong.res.headers['content-type']);
      expectErrorShape(unknown.res, 401, 'invalid_credentials');
      // A password hash is verified in both cases (a dummy one for unknown emails): no fast path.
      expect(unknown.median).toBeGreaterThan(wrong.median / 4);
      // Clear the failures this test recorded for the shared IP.
      expect((await tryLogin(u.email, u.password)).statusCode).toBe(200);
    });

    it('issues a new session id at log-in; the cookie sent to /login stops working (AU-05)', async () => {
      const first = await login(t, u.email, u.password);
      const again = await tryLogin(u.email, u.password, { cookie: first.cookie, 'x-csrf-token': first.csrf });
      expect(again.statusCode).toBe(200);
      const second = cookieFrom(again);
      expect(second).not.toBe(first.cookie);
      expectErrorShape(await me(t, first.cookie), 401, 'unauthenticated');
      expect((await me(t, second)).statusCode).toBe(200);
      expect(
        await t.db.handle.db
          .selectFrom('sessions')
          .select('id_hash')
          .where('id_hash', '=', sha256(cookieValue(first)))
          .execute(),
      ).toEqual([]);
    });

    it('never adopts a planted cookie, whether made up or an attacker’s own session (AU-05)', async () => {
      const planted = `rete_session=${crypto.randomBytes(32).toString('base64url')}`;
      const res = await tryLogin(u.email, u.password, { cookie: planted });
      expect(res.statusCode).toBe(200);
      expect(cookieFrom(res)).not.toBe(planted);
      expectErrorShape(await me(t, planted), 401);

      const attacker = await makeUser(t);
      // Without the session's CSRF token a live cookie cannot even reach /login (login CSRF).
      expectErrorShape(await tryLogin(u.email, u.password, { cookie: attacker.cookie }), 403, 'forbidden');
      const victim = await tryLogin(u.email, u.password, { cookie: attacker.cookie, 'x-csrf-token': attacker.csrf });
      expect(victim.statusCode).toBe(200);
      const fresh = cookieFrom(victim);
      expect(fresh).not.toBe(attacker.cookie);
      expect((await me(t, fresh)).json().user.id).toBe(u.userId);
      expectErrorShape(await me(t, attacker.cookie), 401);
    });

    it('makes session ids of 256 random bits and stores only their SHA-256 (AU-06)', async () => {
      const clients = [await login(t, u.email, u.password), await login(t, u.email, u.password)];
      const values = clients.map(cookieValue);
      expect(new Set(values).size).toBe(2);
      for (const v of values) {
        expect(v).toMatch(/^[A-Za-z0-9_-]+$/);
        expect(Buffer.from(v, 'base64url').length).toBeGreaterThanOrEqual(16);
      }
      const dump = JSON.stringify(await snapshot(t));
      for (const c of clients) {
        expect(dump).not.toContain(cookieValue(c));
        const row = await t.db.handle.db
          .selectFrom('sessions')
          .selectAll()
          .where('id_hash', '=', sha256(cookieValue(c)))
          .executeTakeFirst();
        expect(row?.user_id).toBe(u.userId);
        expect(row?.csrf_token).toBe(c.csrf);
      }
    });

    it('sets the session cookie HttpOnly, SameSite=Lax, Path=/, host-only; not Secure on plain http (AU-07)', async () => {
      const res = await tryLogin(u.email, u.password);
      const { name, attrs } = cookieAttributes(setCookieHeader(res));
      expect(name).toBe('rete_session');
      expect(attrs.has('httponly')).toBe(true);
      expect(attrs.get('samesite')).toBe('Lax');
      expect(attrs.get('path')).toBe('/');
      expect(attrs.has('domain')).toBe(false);
      expect(attrs.has('secure')).toBe(false);
    });

    it('logs out: the cookie is cleared, its session row deleted, and a replay gets 401 (AU-08)', async () => {
      const c = await login(t, u.email, u.password);
      // Logging out is a change too: without the CSRF token it is refused and the session lives on.
      expectErrorShape(await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: c.cookie } }), 403);
      expect((await me(t, c.cookie)).statusCode).toBe(200);
      const out = await c.req({ method: 'POST', url: '/api/v1/auth/logout' });
      expect(out.statusCode).toBe(200);
      const cleared = cookieAttributes(setCookieHeader(out));
      expect(cleared.value).toBe('');
      expect(cleared.attrs.get('path')).toBe('/');
      expect(
        await t.db.handle.db
          .selectFrom('sessions')
          .select('id_hash')
          .where('id_hash', '=', sha256(cookieValue(c)))
          .execute(),
      ).toEqual([]);
      expectErrorShape(await me(t, c.cookie), 401, 'unauthenticated');
      expectErrorShape(await c.req({ method: 'POST', url: '/api/v1/people', payload: { name: 'After logout' } }), 401);
    });
  });

  describe('password change (AU-09)', () => {
    it('ends every other session and, by default, revokes the API tokens made before it; the current session goes on', async () => {
      const user = await makeUser(t, { password: 'first passphrase here' });
      const s2 = await login(t, user.email, user.password);
      const s3 = await login(t, user.email, user.password);
      const token = (await user.req({ method: 'POST', url: '/api/v1/tokens', payload: { name: 'cron' } })).json<{
        secret: string;
      }>().secret;
      expect(await sessionRows(t, user.userId)).toHaveLength(3);

      const wrong = await user.req({
        method: 'POST',
        url: '/api/v1/auth/password',
        payload: { currentPassword: 'not my password', newPassword: 'second passphrase here' },
      });
      expect(expectErrorShape(wrong, 400, 'invalid_credentials').details?.map((d) => d.path)).toEqual(['currentPassword']);
      expect(await sessionRows(t, user.userId)).toHaveLength(3);

      const res = await user.req({
        method: 'POST',
        url: '/api/v1/auth/password',
        payload: { currentPassword: 'first passphrase here', newPassword: 'second passphrase here' },
      });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ ok: true, revokedTokens: 1 });
      expect((await me(t, user.cookie)).statusCode).toBe(200);
      expectErrorShape(await me(t, s2.cookie), 401);
      expectErrorShape(await me(t, s3.cookie), 401);
      expect((await sessionRows(t, user.userId)).map((s) => s.id_hash)).toEqual([sha256(cookieValue(user))]);
      // Whoever took a token with the old password is out too.
      expectErrorShape(
        await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } }),
        401,
      );
      expect((await user.req({ method: 'GET', url: '/api/v1/tokens' })).json()).toEqual({ items: [] });
      // A token made after the change works.
      const fresh = (await user.req({ method: 'POST', url: '/api/v1/tokens', payload: { name: 'new cron' } })).json<{
        secret: string;
      }>().secret;
      expect(
        (await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${fresh}` } })).statusCode,
      ).toBe(200);
      expectErrorShape(await tryLogin(user.email, 'first passphrase here'), 401);
      expect((await tryLogin(user.email, 'second passphrase here')).statusCode).toBe(200);
    });

    it('keeps the API tokens when asked to (revokeTokens: false): a script keeps running', async () => {
      const user = await makeUser(t, { password: 'fifth passphrase here' });
      const other = await login(t, user.email, user.password);
      const token = (await user.req({ method: 'POST', url: '/api/v1/tokens', payload: { name: 'cron' } })).json<{
        secret: string;
      }>().secret;
      const res = await user.req({
        method: 'POST',
        url: '/api/v1/auth/password',
        payload: { currentPassword: 'fifth passphrase here', newPassword: 'sixth passphrase here', revokeTokens: false },
      });
      expect(res.json()).toEqual({ ok: true, revokedTokens: 0 });
      expectErrorShape(await me(t, other.cookie), 401);
      expect(
        (await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } })).statusCode,
      ).toBe(200);
      expect((await user.req({ method: 'GET', url: '/api/v1/tokens' })).json().items).toHaveLength(1);
    });

    it('changed through an API token, it ends every session of the account, and that token too by default', async () => {
      const user = await makeUser(t, { password: 'third passphrase here' });
      const token = (await user.req({ method: 'POST', url: '/api/v1/tokens', payload: { name: 'cli' } })).json<{
        secret: string;
      }>().secret;
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/password',
        headers: { authorization: `Bearer ${token}` },
        payload: { currentPassword: 'third passphrase here', newPassword: 'fourth passphrase here' },
      });
      expect(res.statusCode).toBe(200);
      expectErrorShape(await me(t, user.cookie), 401);
      expect(await sessionRows(t, user.userId)).toEqual([]);
      expectErrorShape(
        await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } }),
        401,
      );
    });
  });

  describe('CSRF and CORS', () => {
    const createBody = { name: 'CSRF victim contact' };
    const peopleCount = async () =>
      Number(
        (
          await t.db.handle.db
            .selectFrom('people')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );

    it('refuses a cookie-authenticated change without the right X-CSRF-Token, from another site, or not as JSON (AU-10)', async () => {
      const other = await makeUser(t);
      const refused: Array<[string, InjectOptions, number]> = [
        ['no token', { headers: { cookie: u.cookie } }, 403],
        ['empty token', { headers: { cookie: u.cookie, 'x-csrf-token': '' } }, 403],
        ['wrong token', { headers: { cookie: u.cookie, 'x-csrf-token': crypto.randomBytes(32).toString('base64url') } }, 403],
        ["another session's token", { headers: { cookie: u.cookie, 'x-csrf-token': other.csrf } }, 403],
        ['foreign Origin', { headers: { cookie: u.cookie, 'x-csrf-token': u.csrf, origin: 'https://evil.example' } }, 403],
        ['Origin null', { headers: { cookie: u.cookie, 'x-csrf-token': u.csrf, origin: 'null' } }, 403],
        [
          'Sec-Fetch-Site cross-site',
          { headers: { cookie: u.cookie, 'x-csrf-token': u.csrf, 'sec-fetch-site': 'cross-site' } },
          403,
        ],
        [
          'Sec-Fetch-Site same-site',
          { headers: { cookie: u.cookie, 'x-csrf-token': u.csrf, 'sec-fetch-site': 'same-site' } },
          403,
        ],
        [
          'text/plain',
          {
            headers: { cookie: u.cookie, 'x-csrf-token': u.csrf, 'content-type': 'text/plain' },
            payload: JSON.stringify(createBody),
          },
          415,
        ],
        [
          'form-encoded',
          {
            headers: { cookie: u.cookie, 'x-csrf-token': u.csrf, 'content-type': 'application/x-www-form-urlencoded' },
            payload: 'name=CSRF+victim',
          },
          415,
        ],
        [
          'multipart',
          {
            headers: { cookie: u.cookie, 'x-csrf-token': u.csrf, 'content-type': 'multipart/form-data; boundary=x' },
            payload: '--x\r\nContent-Disposition: form-data; name="name"\r\n\r\nv\r\n--x--',
          },
          415,
        ],
      ];
      await me(t, u.cookie);
      const before = await snapshot(t);
      for (const [what, opts, status] of refused) {
        const res = await t.app.inject({ method: 'POST', url: '/api/v1/people', payload: createBody, ...opts });
        expectErrorShape(res, status, status === 403 ? 'forbidden' : 'unsupported_media_type');
        expect(res.statusCode, what).toBe(status);
      }
      expect(await snapshot(t)).toEqual(before);

      // Positive controls: same-origin requests with the token go through.
      const n = await peopleCount();
      for (const headers of [
        {},
        { origin: 'http://rete.test' },
        { 'sec-fetch-site': 'same-origin' },
        { origin: 'http://app.local:3000', host: 'app.local:3000' },
      ]) {
        const ok = await u.req({ method: 'POST', url: '/api/v1/people', payload: createBody, headers });
        expect(ok.statusCode, JSON.stringify(headers)).toBe(201);
      }
      expect(await peopleCount()).toBe(n + 4);
    });

    it('guards every state-changing route the same way, before reading the body (AU-10)', async () => {
      const unsafe = t.routes.filter((r) => !['GET', 'HEAD', 'OPTIONS'].includes(r.method));
      expect(unsafe.length).toBeGreaterThan(15);
      await me(t, u.cookie);
      const before = await snapshot(t);
      for (const r of unsafe) {
        const url = fillParams(r.url, randomId());
        const method = r.method as InjectOptions['method'];
        const noToken = await t.app.inject({ method, url, headers: { cookie: u.cookie } });
        // The answer links of introductions (/i/{token}) and the digest's one-click unsubscribe
        // (/u/{token}, RFC 8058: posted by the mail client) are authenticated by the secret in their
        // URL, not by the session: no CSRF token is asked for there (a plain HTML form posts it;
        // see intros.tokens.test.ts and digest.test.ts), but a cross-site post is refused like any other.
        if (r.url.startsWith('/i/') || r.url.startsWith('/u/'))
          expect(noToken.statusCode, `${r.method} ${r.url}`).toBeGreaterThanOrEqual(400);
        else expect(noToken.statusCode, `${r.method} ${r.url} without CSRF token`).toBe(403);
        const crossSite = await t.app.inject({
          method,
          url,
          headers: { cookie: u.cookie, 'x-csrf-token': u.csrf, origin: 'https://evil.example' },
        });
        expect(crossSite.statusCode, `${r.method} ${r.url} from another origin`).toBe(403);
      }
      expect(await snapshot(t)).toEqual(before);
    });

    it('never allows another origin to read API answers (AU-11)', async () => {
      for (const opts of [
        { method: 'GET', url: '/api/v1/people', headers: { cookie: u.cookie, origin: 'https://evil.example' } },
        { method: 'GET', url: '/api/v1/auth/me', headers: { cookie: u.cookie, origin: 'https://evil.example' } },
        {
          method: 'OPTIONS',
          url: '/api/v1/people',
          headers: {
            origin: 'https://evil.example',
            'access-control-request-method': 'POST',
            'access-control-request-headers': 'x-csrf-token',
          },
        },
      ] as InjectOptions[]) {
        const res = await t.app.inject(opts);
        expect(res.headers['access-control-allow-origin'], `${opts.method} ${opts.url}`).toBeUndefined();
        expect(res.headers['access-control-allow-credentials']).toBeUndefined();
        expect(res.headers['access-control-allow-headers']).toBeUndefined();
      }
    });
  });

  describe('API tokens', () => {
    it('authenticate reads and writes without CSRF; wrong, malformed and revoked tokens get 401', async () => {
      const owner = await makeUser(t);
      const created = await owner.req({ method: 'POST', url: '/api/v1/tokens', payload: { name: 'script' } });
      expect(created.statusCode).toBe(201);
      const { secret, token } = created.json<{ secret: string; token: { id: string; prefix: string } }>();
      expect(secret).toMatch(/^rete_[A-Za-z0-9_-]{43}$/);
      expect(secret.startsWith(token.prefix)).toBe(true);
      const bearer = (o: InjectOptions, s = secret) =>
        t.app.inject({ ...o, headers: { authorization: `Bearer ${s}`, ...(o.headers ?? {}) } });

      expect((await bearer({ method: 'GET', url: '/api/v1/me' })).json().id).toBe(owner.selfPersonId);
      const write = await bearer({ method: 'POST', url: '/api/v1/people', payload: { name: 'Made by a script' } });
      expect(write.statusCode).toBe(201);
      expect(write.json().csrfToken).toBeUndefined();

      // Only the hash is stored; the list shows neither secret nor hash.
      expect(JSON.stringify(await snapshot(t))).not.toContain(secret);
      const list = (await owner.req({ method: 'GET', url: '/api/v1/tokens' })).json<{ items: Array<Record<string, unknown>> }>();
      expect(list.items.map((i) => Object.keys(i).sort())).toEqual([['createdAt', 'id', 'lastUsedAt', 'name', 'prefix']]);
      expect(list.items[0]?.lastUsedAt).toEqual(expect.any(String));

      for (const [what, header] of [
        ['wrong secret', `Bearer rete_${crypto.randomBytes(32).toString('base64url')}`],
        ['no prefix', `Bearer ${secret.slice(5)}`],
        ['truncated', `Bearer ${secret.slice(0, -1)}`],
        ['empty', 'Bearer '],
        ['basic auth', `Basic ${Buffer.from(`${owner.email}:${owner.password}`).toString('base64')}`],
        ['very long', `Bearer rete_${'a'.repeat(5000)}`],
      ]) {
        const res = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: header as string } });
        expect(res.statusCode, what).toBe(401);
        expectErrorShape(res, 401, 'unauthenticated');
      }
      // A bad token is not rescued by a valid cookie: the header decides.
      expectErrorShape(
        await t.app.inject({
          method: 'GET',
          url: '/api/v1/me',
          headers: { cookie: owner.cookie, authorization: 'Bearer rete_nope' },
        }),
        401,
      );

      expect((await owner.req({ method: 'DELETE', url: `/api/v1/tokens/${token.id}` })).statusCode).toBe(200);
      expectErrorShape(await bearer({ method: 'GET', url: '/api/v1/me' }), 401, 'unauthenticated');
      expectErrorShape(await bearer({ method: 'POST', url: '/api/v1/people', payload: { name: 'After revocation' } }), 401);
      expect((await owner.req({ method: 'GET', url: '/api/v1/tokens' })).json().items).toEqual([]);
      // Revoking twice is a 404 like any unknown id.
      expectErrorShape(await owner.req({ method: 'DELETE', url: `/api/v1/tokens/${token.id}` }), 404, 'not_found');
    });

    it("cannot be revoked by another user, with a cookie or with that user's own token", async () => {
      const a = await makeUser(t);
      const b = await makeUser(t);
      const aTok = (await a.req({ method: 'POST', url: '/api/v1/tokens', payload: { name: 'A' } })).json<{
        secret: string;
        token: { id: string };
      }>();
      const bTok = (await b.req({ method: 'POST', url: '/api/v1/tokens', payload: { name: 'B' } })).json<{ secret: string }>();
      const random = await b.req({ method: 'DELETE', url: `/api/v1/tokens/${randomId()}` });
      for (const res of [
        await b.req({ method: 'DELETE', url: `/api/v1/tokens/${aTok.token.id}` }),
        await t.app.inject({
          method: 'DELETE',
          url: `/api/v1/tokens/${aTok.token.id}`,
          headers: { authorization: `Bearer ${bTok.secret}` },
        }),
      ]) {
        expectErrorShape(res, 404, 'not_found');
        expect(res.body).toBe(random.body);
      }
      expect(
        (await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${aTok.secret}` } }))
          .statusCode,
      ).toBe(200);
    });
  });

  it('answers 401 on every user and admin route without credentials, or with a dead cookie', async () => {
    const guarded = t.routes.filter((r) => r.access !== 'public');
    expect(guarded.length).toBeGreaterThan(20);
    const dead = `rete_session=${crypto.randomBytes(32).toString('base64url')}`;
    const before = await snapshot(t);
    for (const r of guarded) {
      for (const headers of [{}, { cookie: dead }, { cookie: 'rete_session=' }]) {
        const res = await t.app.inject({
          method: r.method as InjectOptions['method'],
          url: fillParams(r.url, randomId()),
          headers,
        });
        expect(res.statusCode, `${r.method} ${r.url} ${JSON.stringify(headers)}`).toBe(401);
        expectErrorShape(res, 401, 'unauthenticated');
      }
    }
    expect(await snapshot(t)).toEqual(before);
  });
});

describe.each(dialects())('authentication with a moving clock on %s', (dialect) => {
  let t: TestApp;
  const MIN = 60_000;
  const DAY = 86_400_000;
  const advance = (ms: number) => {
    t.clock.now = new Date(t.clock.now.getTime() + ms);
  };

  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => t.close());

  const tryLogin = (email: string, password: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password }, headers });

  it('backs off exponentially after a few failures, caps an hour of guessing, and lets the owner back in (AU-03)', async () => {
    const user = await makeUser(t, { password: 'the right passphrase' });
    for (let i = 0; i < 5; i++) expectErrorShape(await tryLogin(user.email, `wrong ${i}`), 401, 'invalid_credentials');
    // Now even the right password waits: otherwise the backoff would tell a guesser when they hit it.
    const blocked = await tryLogin(user.email, 'the right passphrase');
    expectErrorShape(blocked, 429, 'rate_limited');
    expect(blocked.headers['retry-after']).toBe('1');
    advance(1000);
    expectErrorShape(await tryLogin(user.email, 'wrong again'), 401);
    const longer = await tryLogin(user.email, 'wrong again');
    expect(longer.statusCode).toBe(429);
    expect(Number(longer.headers['retry-after'])).toBe(2);

    // A patient attacker who always waits exactly Retry-After, for one hour.
    const start = t.clock.now.getTime();
    let guesses = 0;
    while (t.clock.now.getTime() - start < 60 * MIN) {
      const res = await tryLogin(user.email, `guess ${guesses}`);
      if (res.statusCode === 401) guesses++;
      else {
        expect(res.statusCode).toBe(429);
        const wait = Number(res.headers['retry-after']);
        expect(wait).toBeGreaterThan(0);
        expect(wait).toBeLessThanOrEqual(15 * 60);
        advance(wait * 1000);
      }
    }
    expect(guesses).toBeGreaterThan(3);
    expect(guesses).toBeLessThanOrEqual(100);

    // No permanent lockout: once the failures are an hour old, the owner logs in.
    advance(61 * MIN);
    expect((await tryLogin(user.email, 'the right passphrase')).statusCode).toBe(200);
  });

  it('ends a session after the idle limit: 401 and its row deleted (AU-08)', async () => {
    advance(2 * 60 * MIN); // past the backoff window of the previous test
    const c = await makeUser(t);
    advance(14 * DAY - MIN);
    expect((await me(t, c.cookie)).statusCode).toBe(200); // activity renews the idle limit
    advance(14 * DAY - MIN);
    expect((await me(t, c.cookie)).statusCode).toBe(200);
    advance(14 * DAY + MIN);
    expectErrorShape(await me(t, c.cookie), 401, 'unauthenticated');
    expect(await sessionRows(t, c.userId)).toEqual([]);
  });

  it('ends a session at the absolute limit even when it is used every day (AU-08)', async () => {
    const c = await makeUser(t);
    for (let day = 5; day <= 55; day += 5) {
      advance(5 * DAY);
      expect((await me(t, c.cookie)).statusCode, `day ${day}`).toBe(200);
    }
    advance(5 * DAY - 2 * MIN);
    expect((await me(t, c.cookie)).statusCode, 'two minutes before day 60').toBe(200);
    // Day 60 and a minute: past the absolute limit, however active.
    advance(3 * MIN);
    expectErrorShape(await me(t, c.cookie), 401, 'unauthenticated');
    expect(await sessionRows(t, c.userId)).toEqual([]);
  });
});

describe.each(dialects())('authentication behind HTTPS on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect, {}, { PUBLIC_BASE_URL: 'https://rete.example' });
  });
  afterAll(async () => t.close());

  it('uses a __Host- cookie with Secure, HttpOnly, SameSite=Lax, Path=/ and no Domain (AU-07)', async () => {
    const c = await makeUser(t);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: c.email, password: c.password },
    });
    const { name, value, attrs } = cookieAttributes(setCookieHeader(res));
    expect(name).toBe('__Host-rete_session');
    expect(attrs.has('secure')).toBe(true);
    expect(attrs.has('httponly')).toBe(true);
    expect(attrs.get('samesite')).toBe('Lax');
    expect(attrs.get('path')).toBe('/');
    expect(attrs.has('domain')).toBe(false);
    // The same secret under the unprefixed name (settable by a sibling subdomain or over http) is ignored.
    expect((await me(t, `__Host-rete_session=${value}`)).statusCode).toBe(200);
    expectErrorShape(await me(t, `rete_session=${value}`), 401);
    // HSTS is on behind HTTPS.
    expect(res.headers['strict-transport-security']).toMatch(/max-age=\d{7,}/);
  });
});
