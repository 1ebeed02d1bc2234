/**
 * The accept / decline links (reliability plan C: IN-01, IN-02, IN-03, IN-04, IN-06, IN-07, and
 * AU-10 for the form post): unguessable, stored hashed, single use even under concurrency,
 * expiring, bound to one introduction and one side, the same answer for every bad link, never
 * in a log line.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createPerson, signup } from '#test/helpers/app.ts';
import { startMailbox } from '#test/helpers/mailbox.ts';
import { createTestDb, dialects } from '#test/helpers/test-db.ts';
import { snapshot } from '#test/helpers/world.ts';
import { buildApp, loggerOptions } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { sha256 } from '../../lib/ids.ts';
import { createJobWorker } from './intros.jobs.ts';
import { answer, DAY, linkOf, kitPerTest, setup, tokenOf, type Kit } from './intros.testkit.ts';

describe.each(dialects())('introduction links on %s', (dialect) => {
  let k: Kit;
  const kit = kitPerTest();
  const start = async (...args: Parameters<typeof setup>) => (k = await kit(...args));

  /** Two sent intros (X: Anna–Bob, Y: Carla–Dan) and their four links. */
  async function two(kit: Kit) {
    const p = async (name: string, email: string) => kit.person({ name, language: 'en', emails: [{ value: email }] });
    const [anna, bob, carla, dan] = await Promise.all([
      p('Anna', 'anna@example.com'),
      p('Bob', 'bob@example.com'),
      p('Carla', 'carla@example.com'),
      p('Dan', 'dan@example.com'),
    ]);
    const x = await kit.intro({ personAId: anna, personBId: bob, note: 'X' });
    const y = await kit.intro({ personAId: carla, personBId: dan, note: 'Y' });
    await kit.run();
    const link = (addr: string) => linkOf(kit.mailbox?.to(addr)[0] ?? '');
    return {
      x,
      y,
      xa: link('anna@example.com'),
      xb: link('bob@example.com'),
      ya: link('carla@example.com'),
      yb: link('dan@example.com'),
    };
  }

  const pathOf = (link: string) => new URL(link).pathname;

  it('are 256 random bits in base64url, stored only as their SHA-256 (IN-01)', async () => {
    await start(dialect);
    const { xa, xb, ya, yb } = await two(k);
    const tokens = [xa, xb, ya, yb].map(tokenOf);
    expect(new Set(tokens).size).toBe(4);
    for (const t of tokens) {
      expect(t).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(Buffer.from(t, 'base64url')).toHaveLength(32);
    }
    const dump = JSON.stringify(await snapshot(k.t));
    for (const t of tokens) {
      expect(dump).not.toContain(t);
      expect(dump).toContain(sha256(t));
    }
  });

  it('answer every wrong, used or expired link with the same page, and GET changes nothing (IN-02, IN-03, IN-06)', async () => {
    await start(dialect);
    const { x, xa, xb } = await two(k);
    const before = await snapshot(k.t);
    // Mail scanners fetch links: a GET (any number of them) changes nothing.
    for (let i = 0; i < 3; i++) expect((await k.t.app.inject({ method: 'GET', url: pathOf(xa) })).statusCode).toBe(200);
    expect(await snapshot(k.t)).toEqual(before);

    const random = () => `/i/${crypto.randomBytes(32).toString('base64url')}`;
    const wrong = [
      random(),
      random(),
      '/i/x',
      `/i/${'A'.repeat(43)}`,
      `/i/${tokenOf(xa).slice(0, 42)}`,
      `/i/${tokenOf(xa)}A`,
      '/i/%00%0d%0a',
    ];
    const responses = [];
    for (const url of wrong) {
      responses.push(await k.t.app.inject({ method: 'GET', url }));
      responses.push(await answer(k.t, `http://rete.test${url}`, 'accept'));
    }
    // Used: Anna accepts once; the second time is refused.
    expect((await answer(k.t, xa, 'accept')).statusCode).toBe(200);
    responses.push(await k.t.app.inject({ method: 'GET', url: pathOf(xa) }), await answer(k.t, xa, 'decline'));
    // Expired: Bob's link after INTRO_EXPIRE_DAYS.
    k.advance(15 * DAY);
    responses.push(await k.t.app.inject({ method: 'GET', url: pathOf(xb) }), await answer(k.t, xb, 'accept'));
    const first = responses[0];
    if (!first) throw new Error('no responses');
    expect(first.statusCode).toBe(404);
    for (const r of responses) {
      expect(r.statusCode).toBe(404);
      expect(r.body).toBe(first.body);
      expect(r.headers['content-type']).toBe(first.headers['content-type']);
      expect(r.headers['content-length']).toBe(first.headers['content-length']);
    }
    expect(first.body).toContain('Link non valido');
    // Nothing was recorded by the refused attempts (read from the database: the session expired meanwhile).
    const sides = await k.t.db.handle.db
      .selectFrom('intro_sides')
      .select(['side', 'status'])
      .where('intro_id', '=', x)
      .orderBy('side')
      .execute();
    expect(sides.map((r) => r.status)).toEqual(['accepted', 'asked']);
  });

  it('ten concurrent accepts of one link: exactly one wins (IN-02)', async () => {
    await start(dialect);
    const { x, xa } = await two(k);
    const results = await Promise.all(Array.from({ length: 10 }, () => answer(k.t, xa, 'accept')));
    expect(results.filter((r) => r.statusCode === 200)).toHaveLength(1);
    expect(results.filter((r) => r.statusCode === 404)).toHaveLength(9);
    const v = await k.get(x);
    expect(v.events.filter((e) => e.type === 'accepted')).toHaveLength(1);
    const rows = await k.t.db.handle.db
      .selectFrom('intro_tokens')
      .select(['used_at'])
      .where('token_hash', '=', sha256(tokenOf(xa)))
      .execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.used_at).not.toBeNull();
  });

  it('both sides accepting at the same moment connect them once', async () => {
    await start(dialect);
    const { x, xa, xb } = await two(k);
    const [ra, rb] = await Promise.all([answer(k.t, xa, 'accept'), answer(k.t, xb, 'accept')]);
    expect([ra.statusCode, rb.statusCode]).toEqual([200, 200]);
    const v = await k.get(x);
    expect(v.status).toBe('connected');
    await k.run();
    expect(k.mailbox?.messages.filter((m) => m.parsed.subject?.includes('↔'))).toHaveLength(1);
  });

  it('are bound to one introduction and one side: nothing in the request can steer them elsewhere (IN-04)', async () => {
    await start(dialect);
    const { x, y, xa, yb } = await two(k);
    const before = await snapshot(k.t);
    // Extra fields naming another intro or side are refused outright.
    for (const extra of [`introId=${y}`, 'side=b', `id=${y}`]) {
      const r = await k.t.app.inject({
        method: 'POST',
        url: pathOf(xa),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: `action=accept&${extra}`,
      });
      expect(r.statusCode).toBe(400);
    }
    expect(await snapshot(k.t)).toEqual(before);
    // X's link for side A answers for X's side A only.
    await answer(k.t, xa, 'decline');
    const vx = await k.get(x);
    const vy = await k.get(y);
    expect([vx.a.status, vx.b.status]).toEqual(['declined', 'asked']);
    expect([vy.a.status, vy.b.status, vy.status]).toEqual(['asked', 'asked', 'asked']);
    // Y's link still works for Y.
    expect((await answer(k.t, yb, 'accept')).statusCode).toBe(200);
    expect((await k.get(y)).b.status).toBe('accepted');
  });

  it('a cancelled introduction’s links stop working', async () => {
    await start(dialect);
    const { x, xa } = await two(k);
    expect((await k.user.req({ method: 'POST', url: `/api/v1/intros/${x}/cancel` })).statusCode).toBe(200);
    expect((await k.t.app.inject({ method: 'GET', url: pathOf(xa) })).statusCode).toBe(404);
    expect((await answer(k.t, xa, 'accept')).statusCode).toBe(404);
    expect((await k.get(x)).a.status).toBe('asked');
  });

  it('the form post needs no CSRF token but is refused cross-site; a session cookie neither helps nor hinders (AU-10)', async () => {
    await start(dialect);
    const { x, xa, xb } = await two(k);
    const form = { 'content-type': 'application/x-www-form-urlencoded' };
    /** Posts the answer form of a link as a browser would, with the headers it sends. */
    const post = (link: string, action: string, headers: Record<string, string>) =>
      k.t.app.inject({ method: 'POST', url: pathOf(link), headers: { ...form, ...headers }, payload: `action=${action}` });
    const cross = await post(xa, 'accept', { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' });
    expect(cross.statusCode).toBe(403);
    // The answer page runs under Referrer-Policy no-referrer, so a browser posts it with
    // `Origin: null`: accepted only when the browser also says the post is same-origin.
    const nullCross = await post(xa, 'accept', { origin: 'null', 'sec-fetch-site': 'cross-site' });
    expect(nullCross.statusCode).toBe(403);
    const nullUnknown = await post(xa, 'accept', { origin: 'null' });
    expect(nullUnknown.statusCode).toBe(403);
    expect((await k.get(x)).a.status).toBe('asked');
    // A logged-in Rete user clicking the button (cookie, no CSRF header) is answered like anyone.
    const withCookie = await post(xa, 'accept', { cookie: k.user.cookie, origin: 'http://rete.test' });
    expect(withCookie.statusCode).toBe(200);
    expect((await k.get(x)).a.status).toBe('accepted');
    const nullSameOrigin = await post(xb, 'decline', { origin: 'null', 'sec-fetch-site': 'same-origin' });
    expect(nullSameOrigin.statusCode).toBe(200);
    expect((await k.get(x)).b.status).toBe('declined');
    // Form bodies are parsed on these routes only: the JSON API still refuses them.
    const api = await k.user.req({ method: 'POST', url: '/api/v1/intros', headers: form, payload: 'note=x' });
    expect(api.statusCode).toBe(415);
    expect((await answer(k.t, xb, 'accept')).statusCode).toBe(404);
  });

  it('are rate-limited per address (IN-06)', async () => {
    await start(dialect, { env: { INTRO_LINK_RATE_LIMIT_PER_MINUTE: '5' } });
    const codes = [];
    for (let i = 0; i < 8; i++) {
      codes.push((await k.t.app.inject({ method: 'GET', url: `/i/${crypto.randomBytes(32).toString('base64url')}` })).statusCode);
    }
    expect(codes.slice(0, 5)).toEqual([404, 404, 404, 404, 404]);
    expect(codes.slice(5)).toEqual([429, 429, 429]);
  });

  it('never appear in a log line, at any level (IN-07, GD-05)', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _enc, done) {
        lines.push(...String(chunk).split('\n').filter(Boolean));
        done();
      },
    });
    const mailbox = await startMailbox();
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rete-intro-logs-'));
    const db = await createTestDb(dialect);
    const config = loadConfig({
      NODE_ENV: 'test',
      PUBLIC_BASE_URL: 'http://rete.test',
      RATE_LIMIT_PER_MINUTE: '100000',
      LOG_LEVEL: 'trace',
      DATA_DIR: dataDir,
      ...mailbox.env,
    });
    const { app, deps } = await buildApp({
      db: db.handle.db,
      dialect,
      config,
      logger: { ...(loggerOptions('trace') as object), stream },
    });
    const worker = createJobWorker(deps, { log: app.log });
    try {
      const user = await signup(app);
      const a = await createPerson(user, { name: 'Anna', emails: [{ value: 'anna@example.com' }] });
      const b = await createPerson(user, { name: 'Bob', emails: [{ value: 'bob@example.com' }] });
      const c = await user.req({
        method: 'POST',
        url: '/api/v1/intros',
        payload: { personAId: a.id, personBId: b.id, note: 'hi' },
      });
      await user.req({ method: 'POST', url: `/api/v1/intros/${c.json<{ id: string }>().id}/send` });
      mailbox.failNext(1); // a failed attempt logs too
      await worker.runOnce();
      deps.now = () => new Date(Date.now() + 3_600_000);
      await worker.runOnce();
      expect(mailbox.messages).toHaveLength(2);
      const tokens = mailbox.messages.map((m) => tokenOf(linkOf(m)));
      for (const t of tokens) {
        await app.inject({ method: 'GET', url: `/i/${t}?choice=accept` });
        await answer({ app } as never, `http://rete.test/i/${t}`, 'accept');
        await answer({ app } as never, `http://rete.test/i/${t}`, 'accept');
      }
      expect(lines.length).toBeGreaterThan(20);
      const all = lines.join('\n');
      for (const t of tokens) expect(all).not.toContain(t);
      expect(all).toContain('"path":"/i/[token]"');
      expect(all).not.toContain('anna@example.com');
    } finally {
      await worker.stop();
      worker.mailer.close();
      await app.close();
      await db.destroy();
      await mailbox.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
