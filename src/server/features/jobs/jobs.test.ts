/**
 * Jobs (reliability plan EM-08, 2.3.3): emails are sent by jobs stored in the database. A server
 * killed between queueing and sending sends the mail once after restart; two workers on one
 * database never send a mail twice; an SMTP failure is retried with backoff, then gives up.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { dialects } from '#test/helpers/test-db.ts';
import { createNetworkCache, type AppDeps } from '../../deps.ts';
import { openDatabase, type DbHandle } from '../../db/db.ts';
import { createJobWorker } from '../intros/intros.jobs.ts';
import { kitPerTest, setup, type Kit } from '../intros/intros.testkit.ts';
import * as repo from './jobs.repo.ts';
import { backoffMs, LEASE_MS } from './worker.ts';

describe.each(dialects())('jobs on %s', (dialect) => {
  let k: Kit;
  const kit = kitPerTest();
  const start = async (...args: Parameters<typeof setup>) => (k = await kit(...args));
  const handles: DbHandle[] = [];
  // Registered after the kit's: vitest runs after-hooks last-first, so these close before the kit.
  afterEach(async () => {
    for (const h of handles.splice(0)) await h.close();
  });

  /** A second "process": its own connection(s) to the same database, its own worker. */
  function process2(id: string) {
    const handle =
      dialect === 'sqlite'
        ? openDatabase({ kind: 'sqlite', path: k.t.db.location })
        : openDatabase({ kind: 'postgres', url: k.t.db.url ?? '' }, { pgSearchPath: k.t.db.location, pgPoolSize: 3 });
    handles.push(handle);
    const deps: AppDeps = { ...k.t.deps, db: handle.db, network: createNetworkCache(handle.db), now: () => k.t.clock.now };
    return createJobWorker(deps, { id });
  }

  async function queue(kit: Kit, n: number): Promise<string[]> {
    const emails: string[] = [];
    for (let i = 0; i < n; i++) {
      const a = await kit.person({ name: `A${i}`, emails: [{ value: `a${i}@example.com` }] });
      const b = await kit.person({ name: `B${i}`, emails: [{ value: `b${i}@example.com` }] });
      await kit.intro({ personAId: a, personBId: b, note: `intro ${i}` });
      emails.push(`a${i}@example.com`, `b${i}@example.com`);
    }
    return emails;
  }

  it('a job claimed by a worker that died is taken over once its lease runs out, and sent exactly once', async () => {
    await start(dialect);
    await queue(k, 1);
    // The first process claims both jobs and dies before sending (nothing else happens).
    const now = k.t.clock.now.toISOString();
    const due = await repo.dueJobIds(k.t.db.handle.db, now, 10);
    expect(due).toHaveLength(2);
    for (const { id } of due) {
      expect(
        await repo.claim(k.t.db.handle.db, id, 'dead-worker', now, new Date(k.t.clock.now.getTime() + LEASE_MS).toISOString()),
      ).not.toBeNull();
    }
    // After a restart, a new process: the jobs are still held by the dead worker...
    const w = process2('restarted');
    expect(await w.runOnce()).toEqual({ ran: 0, failed: 0 });
    expect(k.mailbox?.messages).toHaveLength(0);
    // ... until the lease runs out; then each mail goes out once.
    k.advance(LEASE_MS + 1000);
    expect(await w.runOnce()).toEqual({ ran: 2, failed: 0 });
    k.advance(LEASE_MS + 1000);
    expect(await w.runOnce()).toEqual({ ran: 0, failed: 0 });
    expect(await k.run()).toEqual({ ran: 0, failed: 0 });
    expect(k.mailbox?.to('a0@example.com')).toHaveLength(1);
    expect(k.mailbox?.to('b0@example.com')).toHaveLength(1);
    const jobs = await k.t.db.handle.db.selectFrom('jobs').select(['state', 'attempts', 'locked_by']).execute();
    expect(jobs.map((j) => [j.state, j.attempts, j.locked_by])).toEqual([
      ['done', 2, 'restarted'],
      ['done', 2, 'restarted'],
    ]);
  });

  it('a server stopped between queueing and sending sends the mail once after restart', async () => {
    await start(dialect);
    await queue(k, 2);
    // The first process queued and stopped: its worker never ran. A new process starts.
    const w = process2('after-restart');
    expect(await w.runOnce()).toEqual({ ran: 4, failed: 0 });
    expect(await w.runOnce()).toEqual({ ran: 0, failed: 0 });
    expect(k.mailbox?.messages).toHaveLength(4);
    for (const e of ['a0', 'b0', 'a1', 'b1']) expect(k.mailbox?.to(`${e}@example.com`)).toHaveLength(1);
  });

  it('two workers on one database never send the same mail twice', async () => {
    await start(dialect);
    const emails = await queue(k, 6);
    const w1 = process2('w1');
    const w2 = process2('w2');
    const [r1, r2] = await Promise.all([w1.runOnce(), w2.runOnce()]);
    expect(r1.ran + r2.ran).toBe(12);
    expect(k.mailbox?.messages).toHaveLength(12);
    for (const e of emails) expect(k.mailbox?.to(e)).toHaveLength(1);
    const ids = new Set(k.mailbox?.messages.map((m) => m.parsed.messageId));
    expect(ids.size).toBe(12);
    // Both requests of each introduction were delivered at once: each introduction is one give.
    const gives = await k.t.db.handle.db.selectFrom('gives').select('intro_id').execute();
    expect(gives).toHaveLength(6);
    expect(new Set(gives.map((g) => g.intro_id)).size).toBe(6);
  });

  it('an SMTP failure is retried with exponential backoff, then succeeds', async () => {
    await start(dialect);
    await queue(k, 1);
    k.mailbox?.failNext(4); // both messages fail twice
    expect(await k.run()).toEqual({ ran: 2, failed: 2 });
    expect(await k.run()).toEqual({ ran: 0, failed: 0 }); // not due yet
    let rows = await k.t.db.handle.db.selectFrom('mail_messages').select(['status', 'attempts', 'last_error']).execute();
    expect(rows.map((r) => [r.status, r.attempts])).toEqual([
      ['queued', 1],
      ['queued', 1],
    ]);
    expect(rows[0]?.last_error).toContain('451');
    k.advance(backoffMs(1) + 1000);
    expect(await k.run()).toEqual({ ran: 2, failed: 2 });
    k.advance(backoffMs(1) + 1000); // less than the second backoff (2 minutes)
    expect(await k.run()).toEqual({ ran: 0, failed: 0 });
    k.advance(backoffMs(2));
    expect(await k.run()).toEqual({ ran: 2, failed: 0 });
    rows = await k.t.db.handle.db.selectFrom('mail_messages').select(['status', 'attempts', 'last_error']).execute();
    expect(rows.map((r) => [r.status, r.attempts, r.last_error])).toEqual([
      ['sent', 3, null],
      ['sent', 3, null],
    ]);
    expect(k.mailbox?.messages).toHaveLength(2);
  });

  it('gives up after MAIL_MAX_ATTEMPTS and marks the message failed', async () => {
    await start(dialect, { env: { MAIL_MAX_ATTEMPTS: '2' } });
    await queue(k, 1);
    k.mailbox?.failNext(100);
    await k.run();
    k.advance(backoffMs(1) + 1000);
    await k.run();
    k.advance(6 * 3_600_000);
    expect(await k.run()).toEqual({ ran: 0, failed: 0 });
    const rows = await k.t.db.handle.db.selectFrom('mail_messages').select(['status', 'attempts']).execute();
    expect(rows.map((r) => [r.status, r.attempts])).toEqual([
      ['failed', 2],
      ['failed', 2],
    ]);
    const jobs = await k.t.db.handle.db.selectFrom('jobs').select(['state']).execute();
    expect(jobs.map((j) => j.state)).toEqual(['failed', 'failed']);
  });

  it('a crash after the SMTP server accepted but before the commit resends with the same Message-ID (the documented window)', async () => {
    await start(dialect);
    await queue(k, 1);
    const real = k.worker.mailer;
    let crash = true;
    const crashing = createJobWorker(k.t.deps, {
      id: 'crashing',
      mailer: {
        mode: real.mode,
        close: () => real.close(),
        verify: () => real.verify(),
        async send(mail) {
          const d = await real.send(mail);
          if (crash) throw new Error('process died after the SMTP server said 250');
          return d;
        },
      },
    });
    await crashing.runOnce();
    expect(k.mailbox?.messages).toHaveLength(2);
    crash = false;
    k.advance(backoffMs(1) + 1000);
    await crashing.runOnce();
    expect(k.mailbox?.messages).toHaveLength(4);
    for (const e of ['a0@example.com', 'b0@example.com']) {
      const got = k.mailbox?.to(e) ?? [];
      expect(got).toHaveLength(2);
      expect(got[0]?.parsed.messageId).toBe(got[1]?.parsed.messageId);
    }
  });
});
