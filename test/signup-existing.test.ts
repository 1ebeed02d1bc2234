/**
 * Sign-up with an address that already has an account (issue: it answered 409 "An account with
 * this email already exists", telling anyone who is registered). Now it answers exactly as for a
 * new address, gives nobody a session, creates and changes nothing, and the owner is told by
 * email (queued like every email, delivered over real SMTP here), in the owner's language.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '#server/features/auth/auth.service.ts';
import { createJobWorker } from '#server/features/intros/intros.jobs.ts';
import { createTestApp, type TestApp } from './helpers/app.ts';
import { startMailbox, type Mailbox } from './helpers/mailbox.ts';
import { dialects } from './helpers/test-db.ts';
import { login, snapshot } from './helpers/world.ts';

describe.each(dialects())('sign-up with an address already registered on %s', (dialect) => {
  let t: TestApp;
  let mailbox: Mailbox;

  beforeAll(async () => {
    mailbox = await startMailbox();
    t = await createTestApp(dialect, {}, { ...mailbox.env, MAIL_FROM: 'rete@rete.test' });
  });
  afterAll(async () => {
    await t.close();
    await mailbox.close();
  });

  const signup = (email: string, password: string, displayName = 'Someone') =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/signup', payload: { email, password, displayName, locale: 'en' } });

  it('answers as for a new address, with no session, changes nothing, and tells the owner by email in their language', async () => {
    await createUser(
      t.deps,
      { email: 'giulia@example.com', password: 'the owner passphrase', displayName: 'Giulia Galli', locale: 'it' },
      'admin',
    );
    await createUser(
      t.deps,
      { email: 'john@example.com', password: 'another owner passphrase', displayName: 'John Smith', locale: 'en' },
      'admin',
    );

    const fresh = await signup('new.person@example.com', 'a brand new passphrase');
    const before = await snapshot(t);
    const taken = await signup('Giulia@Example.com', 'the attacker passphrase', 'Attacker');

    // Status, headers that matter and body: the same.
    expect(fresh.statusCode).toBe(201);
    expect(taken.statusCode).toBe(fresh.statusCode);
    expect(Object.keys(taken.json()).sort()).toEqual(Object.keys(fresh.json()).sort());
    expect(taken.json()).toEqual(fresh.json());
    expect(taken.headers['content-type']).toBe(fresh.headers['content-type']);
    // Nobody gets a session from a sign-up: not the attacker, and not a new address either (its
    // owner logs in next, as the web app does), so the cookie tells nothing.
    expect(taken.headers['set-cookie']).toBeUndefined();
    expect(taken.cookies).toEqual([]);
    expect(fresh.headers['set-cookie']).toBeUndefined();

    // Nothing of the account changed: no new user, the same password; only the email was queued.
    const after = await snapshot(t);
    expect(after.users).toEqual(before.users);
    expect(after.people).toEqual(before.people);
    expect(after.sessions).toEqual(before.sessions);
    expect((after.mail_messages ?? []).length).toBe((before.mail_messages ?? []).length + 1);
    await expect(login(t, 'giulia@example.com', 'the attacker passphrase')).rejects.toThrow(/401/);
    const owner = await login(t, 'giulia@example.com', 'the owner passphrase');
    // The new address got its account.
    expect((await login(t, 'new.person@example.com', 'a brand new passphrase')).userId).toEqual(expect.any(String));

    // The owner's outbox holds it, in Italian, and it reaches their mailbox over SMTP.
    const outbox = await owner.req({ method: 'GET', url: '/api/v1/outbox' });
    const items = outbox.json<{ items: Array<{ kind: string; subject: string; to: Array<{ address: string }> }> }>().items;
    expect(items.map((m) => [m.kind, m.subject, m.to[0]?.address])).toEqual([
      ['signup_attempt', 'Qualcuno ha provato a registrarsi su Rete con il tuo indirizzo', 'giulia@example.com'],
    ]);
    const worker = createJobWorker(t.deps, { id: 'signup-test' });
    expect(await worker.runOnce()).toEqual({ ran: 1, failed: 0 });
    const got = mailbox.to('giulia@example.com');
    expect(got).toHaveLength(1);
    expect(got[0]?.parsed.subject).toBe('Qualcuno ha provato a registrarsi su Rete con il tuo indirizzo');
    expect(got[0]?.parsed.text).toContain('Hai già un account, quindi non è cambiato nulla');
    expect(got[0]?.parsed.text).not.toContain('the attacker passphrase');

    // An English owner is told in English; a second try within 24 hours adds no second email.
    expect((await signup('john@example.com', 'guessing again here')).statusCode).toBe(201);
    expect((await signup('john@example.com', 'and guessing again')).statusCode).toBe(201);
    expect((await signup('giulia@example.com', 'and guessing again')).statusCode).toBe(201);
    expect(await worker.runOnce()).toEqual({ ran: 1, failed: 0 });
    expect(mailbox.to('john@example.com').map((m) => m.parsed.subject)).toEqual([
      'Someone tried to sign up to Rete with your address',
    ]);
    expect(mailbox.to('giulia@example.com')).toHaveLength(1);
  });

  it('still refuses a bad body or a closed sign-up the same way for every address', async () => {
    const bad = await signup('giulia@example.com', 'short');
    expect(bad.statusCode).toBe(400);
    const badNew = await signup('nobody.yet@example.com', 'short');
    expect(badNew.statusCode).toBe(400);
    expect(badNew.json()).toEqual(bad.json());
  });
});
