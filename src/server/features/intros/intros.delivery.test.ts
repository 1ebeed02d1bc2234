/**
 * What really happens to an introduction's emails (issue 10): with the README's defaults they land
 * in the outbox at once; addresses and links come from the configuration when a message leaves;
 * a message that cannot be delivered says so, with a reason, and can be tried again; the
 * introduction follows its emails, and becomes a give in the ledger only once a request arrived.
 */
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import type { OutboxMessage, OutboxMessageDetail } from '#shared/api/outbox.ts';
import { createPerson, signup } from '#test/helpers/app.ts';
import { dialects } from '#test/helpers/test-db.ts';
import { loadConfig } from '../../config.ts';
import { createNetworkCache } from '../../deps.ts';
import { backoffMs } from '../jobs/worker.ts';
import { createJobWorker } from './intros.jobs.ts';
import { answer, DAY, linkOf, kitPerTest, setup, type Kit } from './intros.testkit.ts';

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
  const port = (srv.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => srv.close(() => resolve()));
  return port;
}

/** The test clock moves weeks ahead: the session must outlive it. */
const LONG_SESSIONS = { SESSION_IDLE_DAYS: '90', SESSION_ABSOLUTE_DAYS: '90' };

describe.each(dialects())('delivery of introduction emails on %s', (dialect) => {
  let k: Kit;
  const kit = kitPerTest();
  const start = async (...args: Parameters<typeof setup>) => (k = await kit(...args));
  const outbox = async (q = '') =>
    (await k.user.req({ method: 'GET', url: `/api/v1/outbox${q}` })).json<{ items: OutboxMessage[] }>().items;
  const retry = (id: string) => k.user.req({ method: 'POST', url: `/api/v1/outbox/${id}/retry` });
  const gives = async () => (await k.user.req({ method: 'GET', url: '/api/v1/gives' })).json<{ items: unknown[] }>().items;

  async function pair(kit: Kit) {
    const anna = await kit.person({ name: 'Anna Bianchi', language: 'it', emails: [{ value: 'anna@example.it' }] });
    const bob = await kit.person({ name: 'Bob Smith', language: 'en', emails: [{ value: 'bob@example.com' }] });
    return { anna, bob };
  }

  it('with the README defaults (no PUBLIC_BASE_URL, MAIL_FROM or SMTP) a request lands in the outbox (web and .eml) at once', async () => {
    // PUBLIC_BASE_URL set to nothing is not set: http://localhost:3000, From rete@localhost.
    await start(dialect, { smtp: false, env: { PUBLIC_BASE_URL: '' }, displayName: 'Marta Rossi' });
    expect(k.t.deps.config.mail.from).toBe('rete@localhost');
    const { anna, bob } = await pair(k);
    const id = await k.intro({ personAId: anna, personBId: bob, note: 'You should meet.' });
    expect(await k.run()).toEqual({ ran: 2, failed: 0 });

    const files = fs.readdirSync(path.join(k.dataDir, 'outbox')).filter((f) => f.endsWith('.eml'));
    expect(files).toHaveLength(2);
    for (const f of files) {
      const eml = await simpleParser(fs.readFileSync(path.join(k.dataDir, 'outbox', f)));
      expect(eml.from?.value[0]).toEqual({ name: 'Marta Rossi via Rete', address: 'rete@localhost' });
      expect(eml.messageId).toMatch(/^<[0-9a-f-]{36}@localhost>$/);
      expect(eml.text).toMatch(/http:\/\/localhost:3000\/i\/[A-Za-z0-9_-]{43}\?choice=accept/);
    }
    const items = await outbox();
    expect(items.map((m) => [m.status, m.delivery, m.errorReason, m.from.address])).toEqual([
      ['sent', 'outbox', null, 'rete@localhost'],
      ['sent', 'outbox', null, 'rete@localhost'],
    ]);
    const v = await k.get(id);
    expect(v).toMatchObject({ status: 'asked', delivery: 'outbox', a: { request: { delivery: 'outbox' } } });
    expect(v.giveId).not.toBeNull();

    // The .eml's link is the answer link.
    const detail = (await k.user.req({ method: 'GET', url: `/api/v1/outbox/${items[0]?.id}` })).json<OutboxMessageDetail>();
    expect((await answer(k.t, linkOf(detail.text ?? ''), 'accept')).statusCode).toBe(200);
  });

  it('takes From, links and the Message-ID domain from the configuration when a message leaves, not when it was queued', async () => {
    await start(dialect, { env: { MAIL_FROM: 'old@old.example', PUBLIC_BASE_URL: 'http://old.example' } });
    const { anna, bob } = await pair(k);
    const id = await k.intro({ personAId: anna, personBId: bob, note: 'n' });
    // A message queued by an earlier version, with the From of its day frozen in the row.
    await k.t.db.handle.db
      .updateTable('mail_messages')
      .set({ from_addr: '{"name":"X via Rete","address":"rete@localhost"}' })
      .execute();
    // Until it leaves, the outbox shows the From it will have.
    expect((await outbox()).map((m) => m.from.address)).toEqual(['old@old.example', 'old@old.example']);

    // Restarted with another configuration: its worker sends the queued messages.
    const config = loadConfig({
      ...k.mailbox?.env,
      NODE_ENV: 'test',
      DATA_DIR: k.dataDir,
      MAIL_FROM: 'rete@new.example',
      PUBLIC_BASE_URL: 'https://rete.new.example',
    });
    const restarted = createJobWorker({ ...k.t.deps, config, network: createNetworkCache(k.t.db.handle.db) }, { id: 'new' });
    try {
      expect(await restarted.runOnce()).toEqual({ ran: 2, failed: 0 });
    } finally {
      restarted.mailer.close();
    }
    for (const m of k.mailbox?.messages ?? []) {
      expect(m.parsed.from?.value[0]).toEqual({ name: 'X via Rete', address: 'rete@new.example' });
      expect(m.envelope.from).toBe('rete@new.example');
      expect(m.parsed.messageId).toMatch(/^<[0-9a-f-]{36}@new\.example>$/);
      expect(linkOf(m)).toMatch(/^https:\/\/rete\.new\.example\/i\//);
    }
    expect(k.mailbox?.messages).toHaveLength(2);
    // The outbox records the From it really went out with.
    expect((await outbox()).map((m) => m.from.address)).toEqual(['rete@new.example', 'rete@new.example']);
    // (Answered through this test's app, which still has the old address.)
    const path0 = new URL(linkOf(k.mailbox?.messages[0] ?? '')).pathname;
    expect((await answer(k.t, `http://old.example${path0}`, 'accept')).statusCode).toBe(200);
    expect((await k.get(id)).status).toBe('accepted_one');
  });

  it('a request refused for good fails at once with its reason; the intro says so, neither expires nor reminds; no "try again" once the intro ended', async () => {
    await start(dialect, { env: LONG_SESSIONS });
    const { anna, bob } = await pair(k);
    const id = await k.intro({ personAId: anna, personBId: bob, note: 'n' });
    k.mailbox?.failNext(1, 550);
    expect(await k.run()).toEqual({ ran: 2, failed: 1 });
    const [failed] = await outbox('?status=failed');
    if (!failed) throw new Error('no failed message');
    expect(failed).toMatchObject({ status: 'failed', errorReason: 'rejected', attempts: 1, nextAttemptAt: null });
    expect(failed.lastError).toContain('550');
    let v = await k.get(id);
    const side = failed.side === 'a' ? 'a' : 'b';
    const otherSide = side === 'a' ? 'b' : 'a';
    expect(v.delivery).toBe('failed');
    expect(v[side]).toMatchObject({ status: 'asked', expiresAt: null, request: { id: failed.id, status: 'failed' } });
    expect(v[otherSide].expiresAt).not.toBeNull();
    // The other request arrived: that makes it a give, once.
    expect(v.giveId).not.toBeNull();
    expect(await gives()).toHaveLength(1);

    // Weeks later the undelivered side was neither reminded nor expired.
    k.advance(20 * DAY);
    await k.run();
    v = await k.get(id);
    expect(v[side]).toMatchObject({ status: 'asked', remindedAt: null });
    expect(v.status).toBe('expired'); // the side that was asked and never answered expired
    expect(v[otherSide].status).toBe('expired');

    // Try again on an intro that ended: 409, nothing changes.
    expect((await retry(failed.id)).statusCode).toBe(409);
  });

  it('"try again" queues a failed request again (same Message-ID), and the intro follows: no give until it arrives', async () => {
    await start(dialect, { env: LONG_SESSIONS });
    const { anna, bob } = await pair(k);
    const id = await k.intro({ personAId: anna, personBId: bob, note: 'n' });
    k.mailbox?.failNext(2, 550);
    expect(await k.run()).toEqual({ ran: 2, failed: 2 });
    let v = await k.get(id);
    expect(v).toMatchObject({ status: 'asked', delivery: 'failed', giveId: null });
    expect(v.a.request).toMatchObject({ status: 'failed', errorReason: 'rejected' });
    expect(await gives()).toHaveLength(0);
    // Nothing reminds or expires while nothing arrived.
    k.advance(20 * DAY);
    await k.run();
    expect((await k.get(id)).status).toBe('asked');

    const ids = [v.a.request?.id, v.b.request?.id].filter((x): x is string => !!x);
    const jobIds = (await k.t.db.handle.db.selectFrom('mail_messages').select('job_id').execute()).map((m) => m.job_id);
    const r = await retry(ids[0] ?? '');
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json<OutboxMessageDetail>()).toMatchObject({ status: 'queued', errorReason: null, attempts: 0 });
    expect((await k.get(id)).delivery).toBe('failed'); // the other one still is
    expect((await retry(ids[1] ?? '')).statusCode).toBe(200);
    expect((await k.get(id)).delivery).toBe('sending');
    expect(await k.run()).toEqual({ ran: 2, failed: 0 });
    v = await k.get(id);
    expect(v).toMatchObject({ status: 'asked', delivery: 'sent' });
    expect(v.a.expiresAt).toBe(new Date(k.t.clock.now.getTime() + 14 * DAY).toISOString());
    expect(v.a.askedAt).toBe(k.t.clock.now.toISOString());
    expect(await gives()).toHaveLength(1);
    const give = (await k.user.req({ method: 'GET', url: `/api/v1/gives/${v.giveId}` })).json<{ date: string }>();
    expect(give.date).toBe(k.t.clock.now.toISOString().slice(0, 10));
    // Delivered once each, by the same jobs (so with the Message-ID they always had); a second "try again" is refused.
    expect(k.mailbox?.messages).toHaveLength(2);
    expect((k.mailbox?.messages ?? []).map((m) => m.parsed.messageId?.slice(1, 37)).sort()).toEqual(jobIds.sort());
    expect(await k.t.db.handle.db.selectFrom('jobs').select('id').execute()).toHaveLength(2);
    expect((await retry(ids[0] ?? '')).statusCode).toBe(409);
    // And the answers work.
    for (const m of k.mailbox?.messages ?? []) expect((await answer(k.t, linkOf(m), 'accept')).statusCode).toBe(200);
    expect((await k.get(id)).status).toBe('connected');
  });

  it('a mail server out of reach: retried with backoff, shown as such with when it tries next; "try again" tries now', async () => {
    const port = await closedPort();
    await start(dialect, { env: { SMTP_PORT: String(port) } });
    const { anna, bob } = await pair(k);
    const id = await k.intro({ personAId: anna, personBId: bob, note: 'n' });
    expect(await k.run()).toEqual({ ran: 2, failed: 2 });
    const items = await outbox();
    for (const m of items) {
      expect(m).toMatchObject({ status: 'queued', errorReason: 'connection', attempts: 1 });
      expect(m.nextAttemptAt).toBe(new Date(k.t.clock.now.getTime() + backoffMs(1)).toISOString());
      expect(m.lastError).toContain('ECONNREFUSED');
    }
    expect(await k.get(id)).toMatchObject({ status: 'asked', delivery: 'retrying', giveId: null });
    // Not due yet; "try again" makes it due now (the same job: no second copy can exist).
    expect(await k.run()).toEqual({ ran: 0, failed: 0 });
    const r = await retry(items[0]?.id ?? '');
    expect(r.statusCode).toBe(200);
    expect(r.json<OutboxMessage>().nextAttemptAt).toBe(k.t.clock.now.toISOString());
    expect(await k.run()).toEqual({ ran: 1, failed: 1 });
    expect(await k.t.db.handle.db.selectFrom('jobs').select('id').execute()).toHaveLength(2);
  });

  it('"try again" on a failed email whose job is gone, or ended, makes a new job that sends it', async () => {
    await start(dialect);
    const { anna, bob } = await pair(k);
    const id = await k.intro({ personAId: anna, personBId: bob, note: 'n' });
    k.mailbox?.failNext(2, 550);
    await k.run();
    const db = k.t.db.handle.db;
    const [m1, m2] = await db.selectFrom('mail_messages').select(['id', 'job_id']).orderBy('id').execute();
    await db
      .updateTable('jobs')
      .set({ state: 'cancelled' })
      .where('id', '=', m1?.job_id ?? '')
      .execute();
    await db
      .deleteFrom('jobs')
      .where('id', '=', m2?.job_id ?? '')
      .execute();
    for (const m of [m1, m2]) expect((await retry(m?.id ?? '')).statusCode).toBe(200);
    expect(await k.run()).toEqual({ ran: 2, failed: 0 });
    expect(k.mailbox?.messages).toHaveLength(2);
    expect((await k.get(id)).delivery).toBe('sent');
  });

  it('only the first request delivered makes the give: with order a_first, B’s request does not bring back a give I deleted', async () => {
    await start(dialect, { smtp: false });
    const { anna, bob } = await pair(k);
    const id = await k.intro({ personAId: anna, personBId: bob, note: 'n', order: 'a_first' });
    expect(await k.run()).toEqual({ ran: 1, failed: 0 });
    const giveId = (await k.get(id)).giveId;
    expect(giveId).not.toBeNull();
    expect((await k.user.req({ method: 'DELETE', url: `/api/v1/gives/${giveId}` })).statusCode).toBe(200);
    const [toAnna] = await outbox();
    const detail = (await k.user.req({ method: 'GET', url: `/api/v1/outbox/${toAnna?.id}` })).json<OutboxMessageDetail>();
    expect((await answer(k.t, linkOf(detail.text ?? ''), 'accept')).statusCode).toBe(200);
    expect(await k.run()).toEqual({ ran: 1, failed: 0 });
    expect(await k.get(id)).toMatchObject({ status: 'accepted_one', delivery: 'outbox', giveId: null });
    expect(await gives()).toHaveLength(0);
  });

  it('"try again": 404 for someone else’s email, 409 once delivered or cancelled', async () => {
    await start(dialect, { smtp: false });
    const { anna, bob } = await pair(k);
    const id = await k.intro({ personAId: anna, personBId: bob, note: 'n' });
    await k.run();
    const [sent] = await outbox();
    expect((await retry(sent?.id ?? '')).json()).toMatchObject({ error: { code: 'conflict' } });
    const other = await signup(k.t.app);
    expect((await other.req({ method: 'POST', url: `/api/v1/outbox/${sent?.id}/retry` })).statusCode).toBe(404);

    const carla = (await createPerson(k.user, { name: 'Carla', emails: [{ value: 'carla@example.it' }] })).id;
    const id2 = await k.intro({ personAId: anna, personBId: carla, note: 'n' });
    await k.user.req({ method: 'POST', url: `/api/v1/intros/${id2}/cancel` });
    const [cancelled] = await outbox(`?introId=${id2}&status=cancelled`);
    expect((await retry(cancelled?.id ?? '')).statusCode).toBe(409);
    expect((await k.get(id)).status).toBe('asked');
  });

  it('the worker logs why a job failed (the error’s message), with addresses masked', async () => {
    await start(dialect);
    const lines: string[] = [];
    const log = pino(
      { level: 'warn' },
      new Writable({
        write(chunk, _enc, done) {
          lines.push(String(chunk));
          done();
        },
      }),
    );
    const worker = createJobWorker(k.t.deps, { id: 'logging', log });
    try {
      const { anna, bob } = await pair(k);
      await k.intro({ personAId: anna, personBId: bob, note: 'n' });
      k.mailbox?.failNext(1, 550);
      await worker.runOnce();
    } finally {
      worker.mailer.close();
    }
    const failed = lines.map((l) => JSON.parse(l) as { msg: string; error: string; final: boolean });
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ msg: 'job failed', final: true });
    expect(failed[0]?.error).toMatch(/550/);
    expect(failed[0]?.error).toContain('mailbox unavailable');
    expect(lines.join('\n')).not.toMatch(/example\.(it|com)/);
  });
});
