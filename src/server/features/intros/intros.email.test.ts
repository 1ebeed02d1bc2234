/**
 * What goes over the wire: header injection through names, notes and subjects (EM-01), addresses
 * that are not plain mailboxes (EM-02), the outbox when no SMTP server is configured, and the
 * per-sender and per-recipient limits (EM-07).
 */
import fs from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { createPerson, signup } from '#test/helpers/app.ts';
import { dialects } from '#test/helpers/test-db.ts';
import { compose } from '../email/mailer.ts';
import { headerText } from '../email/sanitize.ts';
import { answer, linkOf, kitPerTest, setup, type Kit } from './intros.testkit.ts';

/** Header names of a raw message, unfolded, in order. */
function headerNames(raw: string): string[] {
  const head = raw.split(/\r\n\r\n/)[0] ?? '';
  return head
    .replace(/\r\n[ \t]+/g, ' ')
    .split('\r\n')
    .map((l) => l.slice(0, l.indexOf(':')).toLowerCase());
}

const INJECTIONS = [
  'Anna\r\nBcc: evil1@evil.example',
  'Bob\nBcc: evil2@evil.example',
  'Carl\rBcc: evil3@evil.example',
  'Dora%0d%0aBcc: evil4@evil.example',
  'Enzo%0D%0ABcc: evil5@evil.example',
  'Fede\u2028Bcc: evil6@evil.example',
  'Gina\u0085Bcc: evil7@evil.example',
  'Hugo\u2029Subject: hacked',
  'Ivo\r\n\r\n<html>body injected</html>',
];

describe.each(dialects())('introduction emails on %s', (dialect) => {
  let k: Kit;
  const kit = kitPerTest();
  const start = async (...args: Parameters<typeof setup>) => (k = await kit(...args));

  it('names, display names and notes with CR/LF (plain or encoded) never add a header (EM-01)', async () => {
    await start(dialect, { displayName: 'Marta\r\nBcc: evil0@evil.example' });
    const ids: string[] = [];
    for (const [i, name] of INJECTIONS.entries()) {
      const id = await k.person({ name: `P${i}`, language: i % 2 ? 'en' : 'it', emails: [{ value: `p${i}@example.com` }] });
      // The API refuses line breaks and control characters in a name (test/control-chars.test.ts); such
      // names stand here for data stored before that rule, which the emails must still carry safely.
      await k.t.db.handle.db.updateTable('people').set({ name }).where('id', '=', id).execute();
      ids.push(id);
    }
    for (let i = 0; i + 1 < ids.length; i += 2) {
      // A note may hold line breaks, not C1 controls (refused by the API): NEL stays in the names above.
      await k.intro({ personAId: ids[i], personBId: ids[i + 1], note: (INJECTIONS[i] ?? '').replace(/\u0085/g, '\n') });
    }
    // The last one, with me: its introduction email goes to both of us.
    const last = await k.intro({ personAId: 'me', personBId: ids.at(-1), note: 'Note\r\nBcc: evil9@evil.example' });
    await k.run();
    await answer(k.t, linkOf(k.mailbox?.to(`p${INJECTIONS.length - 1}@example.com`)[0] ?? ''), 'accept');
    expect((await k.get(last)).status).toBe('connected');
    await k.run();
    const all = k.mailbox?.messages ?? [];
    expect(all).toHaveLength(INJECTIONS.length + 1);
    for (const m of all) {
      const names = headerNames(m.raw);
      // Exactly the intended headers (the introduction email includes me as a side: no Cc).
      expect(names.sort()).toEqual(['content-type', 'date', 'from', 'message-id', 'mime-version', 'reply-to', 'subject', 'to']);
      expect(names.filter((n) => n === 'to')).toHaveLength(1);
      expect(m.parsed.headers.has('bcc')).toBe(false);
      expect(m.parsed.subject).not.toMatch(/[\r\n\u2028\u2029\u0085]/);
      expect(m.parsed.subject).not.toBe('hacked');
      for (const rcpt of m.envelope.to) expect(rcpt).not.toContain('evil');
      expect(m.envelope.from).toBe('rete@rete.test');
      // The display names became one line of text.
      expect(m.parsed.from?.value[0]?.name).toBe('Marta Bcc: evil0@evil.example via Rete');
      // The body starts where it should: the injected blank line did not move text into the body.
      expect(m.parsed.text?.startsWith('Ciao') || m.parsed.text?.startsWith('Hi')).toBe(true);
    }
  });

  it('a subject with a line break is refused at validation (400), before any mail exists (EM-01)', async () => {
    await start(dialect);
    const a = await k.person({ name: 'Anna', emails: [{ value: 'anna@example.com' }] });
    const b = await k.person({ name: 'Bob', emails: [{ value: 'bob@example.com' }] });
    for (const subject of [
      'Hi\r\nBcc: x@evil.example',
      'Hi\nthere',
      'Hi%0d%0aBcc: x@evil.example',
      'Hi\u2028there',
      'Hi\u0085',
    ]) {
      const c = await k.user.req({
        method: 'POST',
        url: '/api/v1/intros',
        payload: { personAId: a, personBId: b, note: 'n', a: { subject } },
      });
      expect(c.statusCode, subject).toBe(400);
      expect(c.json()).toMatchObject({ error: { code: 'validation_failed', details: [{ path: 'a.subject' }] } });
    }
    const id = await k.intro({ personAId: a, personBId: b, note: 'n' }, false);
    const p = await k.user.req({
      method: 'PATCH',
      url: `/api/v1/intros/${id}`,
      payload: { b: { subject: 'x\r\nBcc: y@evil.example' } },
    });
    expect(p.statusCode).toBe(400);
    expect(await k.t.db.handle.db.selectFrom('mail_messages').select('id').execute()).toEqual([]);
  });

  it('the mail layer itself neutralises line breaks and refuses addresses that are not plain mailboxes (EM-01, EM-02)', async () => {
    expect(headerText('a\r\nb\nc\rd%0d%0ae\u2028f\u2029g\u0085h\u000bi\u000cj\u0000k')).toBe('a b c d e f g h i j k');
    const base = {
      from: { name: 'Sender\r\nBcc: a@evil.example', address: 'rete@rete.test' },
      replyTo: null,
      cc: [],
      subject: 'S\r\nBcc: b@evil.example',
      text: 't',
      html: '<p>t</p>',
      messageId: 'x@rete.test',
      date: new Date('2026-01-01T00:00:00Z'),
      fileName: 'x',
    };
    const raw = (await compose({ ...base, to: [{ name: 'To\nBcc: c@evil.example', address: 'to@example.com' }] })).toString();
    expect(headerNames(raw).filter((n) => n === 'bcc')).toEqual([]);
    const parsed = await simpleParser(raw);
    expect(parsed.subject).toBe('S Bcc: b@evil.example');
    expect(parsed.to).toMatchObject({ value: [{ address: 'to@example.com' }] });
    for (const address of [
      '"a@b.com"@evil.example',
      'a@evil.example (x@good.example)',
      'a@good.example,b@evil.example',
      'Name <a@evil.example>',
      'a@good.example\r\nBcc: x@evil.example',
      '名無しの権兵衛@host.invalid',
      'a b@example.com',
    ]) {
      await expect(compose({ ...base, to: [{ name: null, address }] }), address).rejects.toThrow(/plain mailbox/);
    }
  });

  it('refuses to send to a side without an email address (400) or with an address that is not a plain mailbox', async () => {
    await start(dialect);
    const a = await k.person({ name: 'Anna', emails: [{ value: 'anna@example.com' }] });
    const noMail = await k.person({ name: 'Zoe' });
    const id = await k.intro({ personAId: a, personBId: noMail, note: 'n' }, false);
    const r = await k.user.req({ method: 'POST', url: `/api/v1/intros/${id}/send` });
    expect(r.statusCode).toBe(400);
    expect(r.json()).toMatchObject({ error: { message: 'Zoe has no email address: add one before sending' } });
    expect((await k.get(id)).status).toBe('draft');
    // An imported address the form would not accept is refused as well.
    const odd = await k.person({ name: 'Odd', emails: [{ value: 'odd@example.com' }] });
    await k.t.db.handle.db
      .updateTable('person_channels')
      .set({ value: '"x@y"@evil.example' })
      .where('person_id', '=', odd)
      .execute();
    const id2 = await k.intro({ personAId: a, personBId: odd, note: 'n' }, false);
    const r2 = await k.user.req({ method: 'POST', url: `/api/v1/intros/${id2}/send` });
    expect(r2.statusCode).toBe(400);
    expect(k.mailbox?.messages).toHaveLength(0);
  });

  it('without SMTP: messages go to the outbox (database and .eml files), listed by the API with text and HTML', async () => {
    await start(dialect, { smtp: false, displayName: 'Marta Rossi' });
    const a = await k.person({ name: 'Anna', language: 'it', emails: [{ value: 'anna@example.com' }] });
    const b = await k.person({ name: 'Bob', language: 'en', emails: [{ value: 'bob@example.com' }] });
    const id = await k.intro({ personAId: a, personBId: b, note: 'Outbox note' });
    let list = await k.user.req({ method: 'GET', url: '/api/v1/outbox' });
    expect(list.statusCode).toBe(200);
    expect(list.json<{ items: Array<{ status: string }> }>().items.map((m) => m.status)).toEqual(['queued', 'queued']);
    // While queued, no link exists yet.
    const queuedId = list.json<{ items: Array<{ id: string }> }>().items[0]?.id;
    const queued = await k.user.req({ method: 'GET', url: `/api/v1/outbox/${queuedId}` });
    expect(queued.json<{ text: string }>().text).toContain('http://rete.test/i/…');
    expect(queued.json<{ text: string }>().text).not.toContain('__RETE');

    expect(await k.run()).toEqual({ ran: 2, failed: 0 });
    const files = fs.readdirSync(path.join(k.dataDir, 'outbox')).filter((f) => f.endsWith('.eml'));
    expect(files).toHaveLength(2);
    const parsed = await Promise.all(files.map((f) => simpleParser(fs.readFileSync(path.join(k.dataDir, 'outbox', f)))));
    expect(parsed.map((p) => p.subject).sort()).toEqual(['May I introduce you to Anna?', 'Ti presento Bob?']);
    for (const p of parsed) {
      expect(p.text).toContain('Outbox note');
      expect(typeof p.html === 'string' && p.html.includes('Outbox note')).toBe(true);
      expect(p.from?.value[0]).toEqual({ name: 'Marta Rossi via Rete', address: 'rete@rete.test' });
    }
    expect(fs.statSync(path.join(k.dataDir, 'outbox', files[0] ?? '')).mode & 0o777).toBe(0o600);

    list = await k.user.req({ method: 'GET', url: `/api/v1/outbox?introId=${id}` });
    const items = list.json<{
      items: Array<{ id: string; status: string; delivery: string; to: Array<{ address: string }>; kind: string }>;
    }>().items;
    expect(items.map((m) => [m.status, m.delivery, m.kind])).toEqual([
      ['sent', 'outbox', 'intro_request'],
      ['sent', 'outbox', 'intro_request'],
    ]);
    const toAnna = items.find((m) => m.to[0]?.address === 'anna@example.com');
    const detail = await k.user.req({ method: 'GET', url: `/api/v1/outbox/${toAnna?.id}` });
    const d = detail.json<{ text: string; html: string; messageId: string; subject: string }>();
    expect(d.subject).toBe('Ti presento Bob?');
    expect(d.messageId).toMatch(/^<[0-9a-f-]{36}@rete\.test>$/);
    expect(d.html).toContain('<p>');
    // The outbox is the mailbox: its link works, once.
    const link = linkOf(d.text);
    expect((await answer(k.t, link, 'accept')).statusCode).toBe(200);
    expect((await k.get(id)).a.status).toBe('accepted');

    // Someone else's message is a 404 like a random id.
    const other = await k.user.req({ method: 'GET', url: '/api/v1/outbox/00000000-0000-4000-8000-000000000000' });
    expect(other.statusCode).toBe(404);
  });

  it('over SMTP the outbox keeps no working link', async () => {
    await start(dialect);
    const a = await k.person({ name: 'Anna', emails: [{ value: 'anna@example.com' }] });
    const b = await k.person({ name: 'Bob', emails: [{ value: 'bob@example.com' }] });
    await k.intro({ personAId: a, personBId: b, note: 'n' });
    await k.run();
    const list = await k.user.req({ method: 'GET', url: '/api/v1/outbox' });
    for (const m of list.json<{ items: Array<{ id: string; delivery: string }> }>().items) {
      expect(m.delivery).toBe('smtp');
      const d = (await k.user.req({ method: 'GET', url: `/api/v1/outbox/${m.id}` })).json<{ text: string; html: string }>();
      expect(d.text).toContain('http://rete.test/i/…');
      expect(d.text).not.toMatch(/\/i\/[A-Za-z0-9_-]{43}/);
      expect(d.html).not.toMatch(/\/i\/[A-Za-z0-9_-]{43}/);
    }
    expect(fs.existsSync(path.join(k.dataDir, 'outbox'))).toBe(false);
  });

  it('limits requests per sender and per recipient per day: 429 at send time, with a clear message (EM-07)', async () => {
    await start(dialect, { env: { MAIL_MAX_PER_USER_PER_DAY: '5', MAIL_MAX_PER_RECIPIENT_PER_DAY: '2' } });
    const ids = [];
    for (let i = 0; i < 5; i++) ids.push(await k.person({ name: `P${i}`, emails: [{ value: `p${i}@example.com` }] }));
    await k.intro({ personAId: ids[0], personBId: ids[1], note: 'one' });
    await k.intro({ personAId: ids[0], personBId: ids[2], note: 'two' }); // 4 requests today
    const third = await k.intro({ personAId: ids[3], personBId: ids[4], note: 'three' }, false);
    let r = await k.user.req({ method: 'POST', url: `/api/v1/intros/${third}/send` });
    expect(r.statusCode).toBe(429);
    expect(r.headers['retry-after']).toBeDefined();
    expect(r.json<{ error: { code: string; message: string } }>().error).toMatchObject({
      code: 'rate_limited',
      message: expect.stringContaining('at most 5 introduction requests a day'),
    });
    expect((await k.get(third)).status).toBe('draft');
    expect(await k.t.db.handle.db.selectFrom('mail_messages').select('id').execute()).toHaveLength(4);

    // A day later the sender may write again.
    k.advance(86_400_000 + 1000);
    r = await k.user.req({ method: 'POST', url: `/api/v1/intros/${third}/send` });
    expect(r.statusCode, r.body).toBe(200);

    // Another account writing to the same address counts toward the same per-recipient limit.
    const other = await signup(k.t.app);
    const mk = async (name: string, email: string) => (await createPerson(other, { name, emails: [{ value: email }] })).id;
    const q = await mk('Quinta', 'p4@example.com'); // asked once today already, by the first account
    const post = (payload: Record<string, unknown>) => other.req({ method: 'POST', url: '/api/v1/intros', payload });
    const i1 = (await post({ personAId: q, personBId: await mk('R', 'r@example.com'), note: 'a' })).json<{ id: string }>().id;
    expect((await other.req({ method: 'POST', url: `/api/v1/intros/${i1}/send` })).statusCode).toBe(200);
    const i2 = (await post({ personAId: q, personBId: await mk('S', 's@example.com'), note: 'b' })).json<{ id: string }>().id;
    r = await other.req({ method: 'POST', url: `/api/v1/intros/${i2}/send` });
    expect(r.statusCode).toBe(429);
    expect(r.json<{ error: { message: string } }>().error.message).toBe(
      'Quinta has received too many introduction requests today; try again tomorrow.',
    );
  });
});
