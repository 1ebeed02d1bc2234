/**
 * The weekly digest end to end, on both dialects, through a real SMTP server: the worker's tick
 * at the user's local hour (not before) in Rome and New York, across a DST change; subject and
 * body in Italian and English, parsed, with links into the app and the HTML escaped; the one-click
 * unsubscribe of RFC 8058 without a session; never twice for a week (two ticks, two workers at
 * once, a worker after a restart); another user's data never in my digest; the preview and
 * `rete digest send`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import type { DigestPreview, FollowUp, RoutineSettings } from '#shared/api/routine.ts';
import { createPerson, signup, type Client } from '#test/helpers/app.ts';
import { startMailbox, type Received } from '#test/helpers/mailbox.ts';
import { createTestDb, dialects } from '#test/helpers/test-db.ts';
import { snapshot } from '#test/helpers/world.ts';
import { buildApp, loggerOptions } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { openDatabase, type DbHandle } from '../../db/db.ts';
import { createNetworkCache, type AppDeps } from '../../deps.ts';
import { sha256 } from '../../lib/ids.ts';
import { createJobWorker } from '../intros/intros.jobs.ts';
import { kitPerTest, type Kit } from '../intros/intros.testkit.ts';
import { digestWeek, sendDigestNow } from './digest.service.ts';

/** The unfolded header lines of a raw message. */
function headers(raw: string): string[] {
  return (raw.split(/\r\n\r\n/)[0] ?? '').replace(/\r\n[ \t]+/g, ' ').split('\r\n');
}

/** The one-click unsubscribe token of a received digest, from its List-Unsubscribe header. */
function unsubscribeToken(m: Received): string {
  const line = headers(m.raw).find((h) => /^list-unsubscribe:/i.test(h)) ?? '';
  const found = /^List-Unsubscribe: <http:\/\/rete\.test\/u\/([A-Za-z0-9_-]{43})>$/.exec(line);
  if (!found?.[1]) throw new Error(`no List-Unsubscribe in:\n${headers(m.raw).join('\n')}`);
  return found[1];
}

describe('the week of a digest', () => {
  it('starts on the user’s week start, in their zone; the digest is due at its weekday and hour there', () => {
    const s = { time_zone: 'Europe/Rome', week_start: 1, digest_weekday: 1, digest_hour: 8 };
    // Sunday 23:30 UTC is already Monday in Rome.
    expect(digestWeek(new Date('2027-03-21T23:30:00Z'), s)).toEqual({
      week: '2027-03-22',
      dueAt: new Date('2027-03-22T07:00:00Z'),
    });
    // A week from Sunday, the digest on Monday at 08:00 (summer time: 06:00 UTC).
    expect(digestWeek(new Date('2027-04-04T10:00:00Z'), { ...s, week_start: 7 })).toEqual({
      week: '2027-04-04',
      dueAt: new Date('2027-04-05T06:00:00Z'),
    });
    // A Saturday digest of a Monday week, in New York, at 20:00 EDT.
    expect(
      digestWeek(new Date('2027-04-05T03:00:00Z'), { ...s, time_zone: 'America/New_York', digest_weekday: 6, digest_hour: 20 }),
    ).toEqual({
      week: '2027-03-29',
      dueAt: new Date('2027-04-04T00:00:00Z'),
    });
  });
});

describe.each(dialects())('the weekly digest on %s', (dialect) => {
  let k: Kit;
  const kit = kitPerTest();
  const handles: DbHandle[] = [];
  // Registered after the kit's: vitest runs after-hooks last-first, so these close before the kit.
  afterEach(async () => {
    for (const h of handles.splice(0)) await h.close();
  });
  let users = 0;

  async function start(at: string): Promise<Kit> {
    k = await kit(dialect);
    k.t.clock.now = new Date(at);
    return k;
  }

  /** A user with the digest on (Monday at 08:00 unless told otherwise). */
  async function digestUser(
    opts: { zone?: string; locale?: 'it' | 'en'; weekday?: number; hour?: number; name?: string } = {},
  ): Promise<Client> {
    users++;
    const c = await signup(k.t.app, {
      remoteAddress: `10.3.${users >> 8}.${users & 255}`,
      locale: opts.locale ?? 'it',
      email: `digest-${users}-${Math.random().toString(36).slice(2, 8)}@example.com`,
    });
    if (opts.name)
      await k.t.db.handle.db.updateTable('users').set({ display_name: opts.name }).where('id', '=', c.userId).execute();
    const r = await c.req({
      method: 'PATCH',
      url: '/api/v1/settings/routine',
      payload: {
        timeZone: opts.zone ?? 'Europe/Rome',
        digestEnabled: true,
        digestWeekday: opts.weekday ?? 1,
        digestHour: opts.hour ?? 8,
      },
    });
    expect(r.statusCode, r.body).toBe(200);
    return c;
  }

  const at = (iso: string) => {
    k.t.clock.now = new Date(iso);
  };
  const inbox = (c: Client) => k.mailbox?.to(c.email) ?? [];

  it('leaves at the user’s local hour, not before: Rome and New York, before and after Rome’s DST change', async () => {
    await start('2027-03-22T06:59:00Z'); // Monday; Rome is at UTC+1 until the 28th, New York at UTC−4 since the 14th.
    const rome = await digestUser({ zone: 'Europe/Rome' });
    const ny = await digestUser({ zone: 'America/New_York', locale: 'en' });
    const late = await digestUser({ zone: 'Europe/Rome', weekday: 3, hour: 18 });
    await k.run();
    expect([inbox(rome).length, inbox(ny).length, inbox(late).length]).toEqual([0, 0, 0]);
    at('2027-03-22T07:00:00Z'); // 08:00 in Rome, 03:00 in New York
    await k.run();
    expect([inbox(rome).length, inbox(ny).length]).toEqual([1, 0]);
    at('2027-03-22T11:59:00Z'); // 07:59 in New York
    await k.run();
    expect(inbox(ny)).toHaveLength(0);
    at('2027-03-22T12:00:00Z');
    await k.run();
    expect([inbox(rome).length, inbox(ny).length, inbox(late).length]).toEqual([1, 1, 0]);
    at('2027-03-24T16:59:00Z'); // Wednesday 17:59 in Rome
    await k.run();
    expect(inbox(late)).toHaveLength(0);
    at('2027-03-24T17:00:00Z');
    await k.run();
    expect(inbox(late)).toHaveLength(1);
    // The next Monday Rome is at UTC+2: 08:00 is 06:00 UTC.
    at('2027-03-29T05:59:00Z');
    await k.run();
    expect(inbox(rome)).toHaveLength(1);
    at('2027-03-29T06:00:00Z');
    await k.run();
    expect([inbox(rome).length, inbox(ny).length, inbox(late).length]).toEqual([2, 1, 1]);
    const weeks = await k.t.db.handle.db
      .selectFrom('digest_sends')
      .select(['owner_id', 'week_start'])
      .orderBy('week_start')
      .orderBy('created_at')
      .execute();
    expect(weeks).toEqual([
      { owner_id: rome.userId, week_start: '2027-03-22' },
      { owner_id: ny.userId, week_start: '2027-03-22' },
      { owner_id: late.userId, week_start: '2027-03-22' },
      { owner_id: rome.userId, week_start: '2027-03-29' },
    ]);
  });

  it('in Italian and in English: the same content as Today as links, the HTML escaped, unsubscribe headers (RFC 8058)', async () => {
    await start('2027-03-22T07:30:00Z');
    const it = await digestUser({ name: 'Marta <b>Bold</b>' });
    const laura = await createPerson(it, { name: 'Laura <i>Bianchi</i> & C.' });
    const giulia = await createPerson(it, {
      name: 'Giulia Fabbri',
      role: 'Commercialista',
      offers: [{ text: 'consulenza fiscale e dichiarazione dei redditi' }],
    });
    const marco = await createPerson(it, {
      name: 'Marco Galli',
      needs: [{ text: 'cerco un commercialista per la mia nuova partita IVA' }],
    });
    const f = await it.req({
      method: 'POST',
      url: '/api/v1/follow-ups',
      payload: { text: 'mandare il preventivo', dueOn: '2027-03-20', personId: laura.id },
    });
    expect(f.json<FollowUp>()).toMatchObject({ dueOn: '2027-03-20' });
    await it.req({
      method: 'POST',
      url: `/api/v1/people/${marco.id}/interactions`,
      payload: { kind: 'call', occurredAt: '2027-02-01' },
    });
    await it.req({ method: 'PUT', url: '/api/v1/cadences', payload: { personId: marco.id, everyDays: 30 } });
    await k.t.db.handle.db.updateTable('people').set({ birthday: '1990-03-25' }).where('id', '=', giulia.id).execute();
    const en = await digestUser({ locale: 'en', zone: 'Europe/London', hour: 7 });
    // What Today shows the Italian user now, without counting a visit.
    const preview = (await it.req({ method: 'GET', url: '/api/v1/digest/preview' })).json<DigestPreview>();
    expect(preview.itemCount).toBe(4);

    await k.run();
    const [mIt] = inbox(it);
    const [mEn] = inbox(en);
    if (!mIt || !mEn) throw new Error('no digest');
    expect(inbox(it)).toHaveLength(1);

    // Italian: subject, greeting, a line per item with its link, the goal, Today's link.
    expect(mIt.parsed.subject).toBe('La tua settimana su Rete: 4 cose da fare');
    expect(mIt.parsed.from?.value[0]).toMatchObject({ name: 'Rete', address: 'rete@rete.test' });
    const text = mIt.parsed.text ?? '';
    expect(text).toContain('Ciao Marta <b>Bold</b>,');
    expect(text).toContain('Modi per dare');
    expect(text).toContain('Marco Galli cerca: cerco un commercialista per la mia nuova partita IVA');
    expect(text).toContain('Può aiutare: Giulia Fabbri');
    expect(text).toContain(
      `Laura <i>Bianchi</i> & C.: mandare il preventivo (scaduto il sab 20 mar)\n  http://rete.test/people/${laura.id}`,
    );
    expect(text).toContain(`Marco Galli: da sentire ogni 30 giorni, dal mer 3 mar\n  http://rete.test/people/${marco.id}`);
    expect(text).toContain('Giulia Fabbri compie 37 anni gio 25 mar');
    expect(text).toContain('Apri Oggi: http://rete.test/today');
    expect(text).toContain('Cambia giorno e ora: http://rete.test/settings');
    expect(text).not.toContain('__RETE_');
    // The HTML part: every text escaped, links into the app.
    const html = String(mIt.parsed.html);
    expect(html).toContain('Laura &lt;i&gt;Bianchi&lt;/i&gt; &amp; C.');
    expect(html).toContain('Ciao Marta &lt;b&gt;Bold&lt;/b&gt;,');
    expect(html).not.toContain('<i>Bianchi');
    expect(html).not.toContain('<b>Bold');
    expect(html).toContain(`href="http://rete.test/people/${laura.id}"`);
    expect(html).toContain('href="http://rete.test/today"');
    // The unsubscribe headers, and the same link at the foot of both parts.
    const head = headers(mIt.raw);
    expect(head).toContain('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    const token = unsubscribeToken(mIt);
    expect(text).toContain(`Non ricevere più il riepilogo (un clic): http://rete.test/u/${token}`);
    expect(html).toContain(`href="http://rete.test/u/${token}"`);
    // The week's row keeps only the hash; the outbox keeps the message without the secret.
    const row = await k.t.db.handle.db
      .selectFrom('digest_sends')
      .selectAll()
      .where('owner_id', '=', it.userId)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ week_start: '2027-03-22', unsubscribe_hash: sha256(token) });
    expect(JSON.stringify(await snapshot(k.t))).not.toContain(token);
    const kept = await k.t.db.handle.db
      .selectFrom('mail_messages')
      .selectAll()
      .where('id', '=', row.mail_id ?? '')
      .executeTakeFirstOrThrow();
    expect(kept).toMatchObject({ kind: 'digest', status: 'sent', delivery: 'smtp', owner_id: it.userId });
    expect(kept.text_body).toContain('http://rete.test/u/…');
    // The digest is not a visit of Today: what is new stays new.
    const seen = await k.t.db.handle.db
      .selectFrom('routine_settings')
      .select('today_seen_at')
      .where('user_id', '=', it.userId)
      .executeTakeFirstOrThrow();
    expect(seen.today_seen_at).toBeNull();

    // English, with nothing due: a short digest that says what to do next.
    expect(mEn.parsed.subject).toBe('Your week in Rete');
    const enText = mEn.parsed.text ?? '';
    expect(enText).toMatch(/^Hi User \d+,\n\nhere is your week in Rete \(from Mon 22 Mar\)\./);
    expect(enText).toContain('Nothing is due this week.');
    expect(enText).toContain('Open Today: http://rete.test/today');
    expect(enText).toContain(`Stop the digest (one click): http://rete.test/u/${unsubscribeToken(mEn)}`);
    expect(String(mEn.parsed.html)).toContain('<html lang="en">');
  });

  it('one-click unsubscribe: without a session, turns the digest off, 200 however often; GET changes nothing (RFC 8058)', async () => {
    await start('2027-03-22T07:30:00Z');
    const c = await digestUser({ locale: 'en' });
    await k.run();
    const token = unsubscribeToken(inbox(c)[0] as Received);
    const settings = async () => (await c.req({ method: 'GET', url: '/api/v1/settings/routine' })).json<RoutineSettings>();

    // A mail scanner opens the link: a page with a button, in the user's language; nothing changes.
    const page = await k.t.app.inject({ method: 'GET', url: `/u/${token}` });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.body).toContain('<form method="post">');
    expect(page.body).toContain('Stop sending it');
    expect((await settings()).digestEnabled).toBe(true);

    // Wrong and malformed links: 404, nothing changes.
    for (const bad of [`${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`, token.slice(1), sha256(token), 'x']) {
      expect((await k.t.app.inject({ method: 'GET', url: `/u/${bad}` })).statusCode).toBe(404);
      const post = await k.t.app.inject({
        method: 'POST',
        url: `/u/${bad}`,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'List-Unsubscribe=One-Click',
      });
      expect(post.statusCode).toBe(404);
    }
    expect((await settings()).digestEnabled).toBe(true);
    // A cross-site browser post is refused as everywhere.
    const cross = await k.t.app.inject({
      method: 'POST',
      url: `/u/${token}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'cross-site' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(cross.statusCode).toBe(403);
    expect((await settings()).digestEnabled).toBe(true);

    // The mail provider's one-click POST: no cookie, no CSRF token.
    const one = await k.t.app.inject({
      method: 'POST',
      url: `/u/${token}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(one.statusCode).toBe(200);
    expect(one.body).toContain('You will not get the weekly digest any more');
    expect((await settings()).digestEnabled).toBe(false);
    // Again, as multipart, and with no body at all: 200 each time.
    const multipart = await k.t.app.inject({
      method: 'POST',
      url: `/u/${token}`,
      headers: { 'content-type': 'multipart/form-data; boundary=xyz' },
      payload: '--xyz\r\nContent-Disposition: form-data; name="List-Unsubscribe"\r\n\r\nOne-Click\r\n--xyz--\r\n',
    });
    expect(multipart.statusCode).toBe(200);
    expect((await k.t.app.inject({ method: 'POST', url: `/u/${token}` })).statusCode).toBe(200);
    expect((await settings()).digestEnabled).toBe(false);

    // Off: the next week brings nothing.
    at('2027-03-29T07:30:00Z');
    await k.run();
    expect(inbox(c)).toHaveLength(1);
  });

  it('turned off while its email waits: the email is cancelled, not sent', async () => {
    await start('2027-03-22T07:30:00Z');
    const c = await digestUser();
    const worker = createJobWorker(k.t.deps, { id: 'ticks-only', handlers: {}, batch: 0 });
    await worker.runOnce(); // the tick queues it; no job runs (batch 0)
    worker.mailer.close();
    expect(await k.t.db.handle.db.selectFrom('mail_messages').select('status').where('kind', '=', 'digest').execute()).toEqual([
      { status: 'queued' },
    ]);
    await c.req({ method: 'PATCH', url: '/api/v1/settings/routine', payload: { digestEnabled: false } });
    await k.run();
    expect(inbox(c)).toHaveLength(0);
    expect(await k.t.db.handle.db.selectFrom('mail_messages').select('status').where('kind', '=', 'digest').execute()).toEqual([
      { status: 'cancelled' },
    ]);
  });

  it('never twice for a week: two ticks, two workers at once, a worker after a restart; the next week again', async () => {
    await start('2027-03-22T09:00:00Z');
    const cs = [await digestUser(), await digestUser({ locale: 'en' }), await digestUser({ zone: 'America/New_York', hour: 4 })];
    /**
     * A second worker. On PostgreSQL, a second "process": its own pool on the same database. On
     * SQLite, a second worker on the same connection (one process's workers share it; separate
     * processes are serialised by SQLite's file lock, which one thread cannot show).
     */
    const second = (id: string) => {
      if (dialect === 'sqlite') return createJobWorker(k.t.deps, { id });
      const handle = openDatabase({ kind: 'postgres', url: k.t.db.url ?? '' }, { pgSearchPath: k.t.db.location, pgPoolSize: 3 });
      handles.push(handle);
      const deps: AppDeps = { ...k.t.deps, db: handle.db, network: createNetworkCache(handle.db), now: () => k.t.clock.now };
      return createJobWorker(deps, { id });
    };
    const w1 = second('w1');
    const w2 = second('w2');
    try {
      await Promise.all([w1.runOnce(), w2.runOnce(), k.run()]);
      await Promise.all([w1.runOnce(), w2.runOnce()]);
      await k.run();
      for (const c of cs) expect(inbox(c)).toHaveLength(1);
      // A restart: new workers, no memory of what the old ones saw.
      const restarted = second('restarted');
      await restarted.runOnce();
      restarted.mailer.close();
      at('2027-03-25T09:00:00Z');
      await Promise.all([w1.runOnce(), w2.runOnce()]);
      for (const c of cs) expect(inbox(c)).toHaveLength(1);
      expect(await k.t.db.handle.db.selectFrom('digest_sends').select('id').execute()).toHaveLength(3);
      // Not even queued twice.
      expect(await k.t.db.handle.db.selectFrom('mail_messages').select('id').where('kind', '=', 'digest').execute()).toHaveLength(
        3,
      );
      // `rete digest send` says so too.
      expect(await sendDigestNow(k.t.deps, cs[0]?.userId ?? '')).toEqual({ status: 'already', week: '2027-03-22' });
      // The next week: one more each.
      at('2027-03-29T09:00:00Z');
      await Promise.all([w1.runOnce(), w2.runOnce(), k.run()]);
      await k.run();
      for (const c of cs) expect(inbox(c)).toHaveLength(2);
      const ids = new Set(k.mailbox?.messages.map((m) => m.parsed.messageId));
      expect(ids.size).toBe(6);
    } finally {
      w1.mailer.close();
      w2.mailer.close();
    }
  });

  it('claims of one week at once: exactly one wins', async () => {
    await start('2027-03-22T09:00:00Z');
    const c = await digestUser();
    const results = await Promise.all(Array.from({ length: 6 }, () => sendDigestNow(k.t.deps, c.userId)));
    expect(results.filter((r) => r.status === 'queued')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'already')).toHaveLength(5);
    await k.run();
    expect(inbox(c)).toHaveLength(1);
  });

  it("another user's data never appears in my digest (canaries)", async () => {
    await start('2027-03-22T06:00:00Z');
    const a = await digestUser();
    const b = await digestUser({ locale: 'en' });
    const pa = await createPerson(a, {
      name: 'CANARY-A-person',
      role: 'Commercialista',
      offers: [{ text: 'CANARY-A-offer consulenza fiscale e dichiarazione dei redditi' }],
    });
    await createPerson(a, { name: 'CANARY-A-asker', needs: [{ text: 'CANARY-A-need cerco un commercialista' }] });
    await a.req({
      method: 'POST',
      url: '/api/v1/follow-ups',
      payload: { text: 'CANARY-A-follow-up', dueOn: '2027-03-21', personId: pa.id },
    });
    await a.req({ method: 'PUT', url: '/api/v1/cadences', payload: { personId: pa.id, everyDays: 1 } });
    await k.t.db.handle.db.updateTable('people').set({ birthday: '1990-03-23' }).where('id', '=', pa.id).execute();
    // B has a need A's contacts could meet, and their own follow-up.
    const pb = await createPerson(b, { name: 'Bea', needs: [{ text: 'looking for a tax accountant, commercialista' }] });
    await b.req({ method: 'POST', url: '/api/v1/follow-ups', payload: { text: 'my own', dueOn: '2027-03-21', personId: pb.id } });
    at('2027-03-23T09:00:00Z');
    await k.run();
    const [ma] = inbox(a);
    const [mb] = inbox(b);
    expect(ma?.parsed.text).toContain('CANARY-A-follow-up');
    const all = `${mb?.raw ?? ''}\n${mb?.parsed.text ?? ''}\n${String(mb?.parsed.html)}`;
    expect(all).not.toMatch(/canary/i);
    expect(all).not.toContain(pa.id);
    expect(mb?.parsed.text).toContain('my own');
    expect((await b.req({ method: 'GET', url: '/api/v1/digest/preview' })).body).not.toMatch(/canary/i);
  });

  it('the preview: the digest as it would leave, for the logged-in user only', async () => {
    await start('2027-03-22T09:00:00Z');
    const c = await digestUser({ locale: 'en' });
    const p = await createPerson(c, { name: 'Paolo' });
    await c.req({
      method: 'POST',
      url: '/api/v1/follow-ups',
      payload: { text: 'call back', dueOn: '2027-03-22', personId: p.id },
    });
    const r = await c.req({ method: 'GET', url: '/api/v1/digest/preview' });
    expect(r.statusCode).toBe(200);
    const preview = r.json<DigestPreview>();
    expect(preview.subject).toBe('Your week in Rete: 1 thing to do');
    expect(preview.itemCount).toBe(1);
    expect(preview.text).toContain(`Paolo: call back (due Mon 22 Mar)\n  http://rete.test/people/${p.id}`);
    expect(preview.text).toContain('Stop the digest (one click): http://rete.test/u/…');
    expect(preview.html).toContain(`href="http://rete.test/people/${p.id}"`);
    // Nothing is claimed or queued by a preview.
    expect(await k.t.db.handle.db.selectFrom('digest_sends').select('id').execute()).toEqual([]);
    expect((await k.t.app.inject({ method: 'GET', url: '/api/v1/digest/preview' })).statusCode).toBe(401);
  });
});

describe.each(dialects())('the digest in the logs on %s', (dialect) => {
  it('its unsubscribe token never appears in a log line, at any level', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _enc, done) {
        lines.push(...String(chunk).split('\n').filter(Boolean));
        done();
      },
    });
    const mailbox = await startMailbox();
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rete-digest-logs-'));
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
      const c = await signup(app, { locale: 'en' });
      await c.req({
        method: 'PATCH',
        url: '/api/v1/settings/routine',
        payload: { timeZone: 'UTC', digestEnabled: true, digestHour: 0 },
      });
      mailbox.failNext(1); // a failed attempt logs too
      await worker.runOnce();
      deps.now = () => new Date(Date.now() + 3_600_000);
      await worker.runOnce();
      const [m] = mailbox.messages;
      if (!m) throw new Error('no digest');
      const token = unsubscribeToken(m);
      expect((await app.inject({ method: 'GET', url: `/u/${token}` })).statusCode).toBe(200);
      expect((await app.inject({ method: 'POST', url: `/u/${token}?x=1` })).statusCode).toBe(200);
      expect((await app.inject({ method: 'POST', url: `/u/${token}x` })).statusCode).toBe(404);
      expect(lines.length).toBeGreaterThan(10);
      const all = lines.join('\n');
      expect(all).not.toContain(token);
      expect(all).not.toContain(token.slice(0, 20));
      expect(all).toContain('/u/[token]');
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
