/**
 * The double opt-in flow end to end, against a real SMTP server (smtp-server) with every message
 * parsed by mailparser, on each database: both languages, both orders, every combination of
 * answers, the reminder, expiry; headers and bodies checked; a decline stays private.
 * Reliability plan: EM-04, EM-05/AU-12, EM-06, IN-08, GD-07.
 */
import { describe, expect, it } from 'vitest';
import { dialects } from '#test/helpers/test-db.ts';
import type { Received } from '#test/helpers/mailbox.ts';
import { answer, DAY, linkOf, kitPerTest, setup, type Kit } from './intros.testkit.ts';

const textOf = (m: Received) => m.parsed.text ?? '';
const htmlOf = (m: Received) => (typeof m.parsed.html === 'string' ? m.parsed.html : '');

describe.each(dialects())('introduction flow on %s', (dialect) => {
  let k: Kit;
  const kit = kitPerTest();
  const start = async (...args: Parameters<typeof setup>) => (k = await kit(...args));

  async function people(kit: Kit) {
    const anna = await kit.person({
      name: 'Anna Bianchi',
      role: 'commercialista',
      company: 'Studio Bianchi',
      language: 'it',
      emails: [{ value: 'anna@example.it' }],
    });
    const bob = await kit.person({ name: 'Bob Smith', role: 'lawyer', language: 'en', emails: [{ value: 'bob@example.com' }] });
    const carla = await kit.person({ name: 'Carla Verdi', language: 'it', emails: [{ value: 'carla@example.it' }] });
    return { anna, bob, carla };
  }

  it('both at once, in Italian and English: accept + accept → connected, one introduction email to both (EM-05, EM-06)', async () => {
    await start(dialect, { displayName: 'Marta Rossi' });
    const { anna, bob } = await people(k);
    const id = await k.intro({ personAId: anna, personBId: bob, note: 'Anna needs a lawyer for a contract in London.' });
    let v = await k.get(id);
    expect(v.status).toBe('asked');
    expect(v.a).toMatchObject({ status: 'asked', language: 'it', email: 'anna@example.it' });
    expect(v.b).toMatchObject({ status: 'asked', language: 'en', email: 'bob@example.com' });
    // Nothing has reached anyone yet: not a give, no expiry.
    expect(v).toMatchObject({ delivery: 'sending', giveId: null, a: { expiresAt: null }, b: { expiresAt: null } });

    // The request to each side goes out when the worker runs: in their language, from my name.
    expect(k.mailbox?.messages).toHaveLength(0);
    expect(await k.run()).toEqual({ ran: 2, failed: 0 });
    v = await k.get(id);
    expect(v).toMatchObject({ delivery: 'sent', a: { request: { status: 'sent', delivery: 'smtp' } } });
    expect(v.giveId).not.toBeNull();
    const [toAnna] = k.mailbox?.to('anna@example.it') ?? [];
    const [toBob] = k.mailbox?.to('bob@example.com') ?? [];
    if (!toAnna || !toBob) throw new Error('requests not received');
    for (const [m, lang] of [
      [toAnna, 'it'],
      [toBob, 'en'],
    ] as const) {
      expect(m.parsed.from?.value).toEqual([{ name: 'Marta Rossi via Rete', address: 'rete@rete.test' }]);
      expect(m.parsed.replyTo?.value).toEqual([{ name: 'Marta Rossi', address: k.user.email }]);
      expect(m.envelope.from).toBe('rete@rete.test');
      expect(m.parsed.messageId).toMatch(/^<[0-9a-f-]{36}@rete\.test>$/);
      expect(m.parsed.date?.getTime()).toBe(Math.floor(k.t.clock.now.getTime() / 1000) * 1000);
      // A plain-text part and an HTML part, both with the answer links built from PUBLIC_BASE_URL.
      expect(textOf(m)).toContain('http://rete.test/i/');
      expect(htmlOf(m)).toContain('href="http://rete.test/i/');
      expect(textOf(m)).toContain('Anna needs a lawyer for a contract in London.');
      // GDPR art. 14: first email to someone who is not a user: who holds the data, how to object.
      expect(textOf(m)).toContain(k.user.email);
      expect(textOf(m)).toContain(lang === 'it' ? 'Non contattarmi più' : 'Do not contact me again');
      expect(textOf(m)).toContain(lang === 'it' ? 'titolare del trattamento' : 'controller');
    }
    expect(toAnna.parsed.subject).toBe('Ti presento Bob Smith?');
    expect(toAnna.parsed.to).toMatchObject({ value: [{ name: 'Anna Bianchi', address: 'anna@example.it' }] });
    expect(textOf(toAnna)).toContain('vorrei presentarti Bob Smith (lawyer)');
    expect(toAnna.envelope.to).toEqual(['anna@example.it']);
    expect(toBob.parsed.subject).toBe('May I introduce you to Anna Bianchi?');
    expect(textOf(toBob)).toContain('I would like to introduce you to Anna Bianchi (commercialista at Studio Bianchi)');
    expect(toBob.envelope.to).toEqual(['bob@example.com']);

    // The answer page speaks the side's language and changes nothing on GET.
    const page = await k.t.app.inject({ method: 'GET', url: new URL(linkOf(toAnna)).pathname + '?choice=accept' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(page.body).toContain('Marta Rossi vorrebbe presentarti Bob Smith');
    expect(page.body).toContain('value="object"');
    expect(page.body).not.toContain('<script');
    expect((await k.get(id)).a.status).toBe('asked');

    expect((await answer(k.t, linkOf(toAnna), 'accept')).statusCode).toBe(200);
    v = await k.get(id);
    expect(v.status).toBe('accepted_one');
    expect(v.a.status).toBe('accepted');
    const ok = await answer(k.t, linkOf(toBob), 'accept');
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toContain('You accepted');
    v = await k.get(id);
    expect(v.status).toBe('connected');
    expect(v.events.map((e) => e.type)).toEqual(['created', 'sent', 'asked', 'asked', 'accepted', 'accepted', 'connected']);

    await k.run();
    const connect = k.mailbox?.messages.at(-1);
    if (!connect) throw new Error('no introduction email');
    expect(k.mailbox?.messages).toHaveLength(3);
    expect(connect.parsed.to).toMatchObject({
      value: [
        { name: 'Anna Bianchi', address: 'anna@example.it' },
        { name: 'Bob Smith', address: 'bob@example.com' },
      ],
    });
    expect(connect.parsed.cc).toMatchObject({ value: [{ name: 'Marta Rossi', address: k.user.email }] });
    expect(connect.envelope.to.sort()).toEqual(['anna@example.it', 'bob@example.com', k.user.email].sort());
    // Italian and English sides: both languages.
    expect(connect.parsed.subject).toBe('Anna Bianchi ↔ Bob Smith: vi presento / an introduction');
    expect(textOf(connect)).toContain('Ciao Anna e Bob');
    expect(textOf(connect)).toContain('Hi Anna and Bob');
    expect(textOf(connect)).toContain('Anna needs a lawyer for a contract in London.');
    expect(htmlOf(connect)).toContain('Anna needs a lawyer for a contract in London.');
  });

  it('A first (English user, both sides English): B is asked only once A accepted; then connected', async () => {
    await start(dialect, { locale: 'en', displayName: 'Mark Green' });
    const bob = await k.person({ name: 'Bob Smith', language: 'en', emails: [{ value: 'bob@example.com' }] });
    const dan = await k.person({
      name: 'Dan Brown',
      notes: 'Runs a bakery; looking for the best suppliers and a good accountant',
      emails: [{ value: 'dan@example.com' }],
    });
    const id = await k.intro({ personAId: bob, personBId: dan, note: 'You both love bread.', order: 'a_first' });
    let v = await k.get(id);
    expect(v.b.language).toBe('en'); // detected from the notes
    expect(v.a.status).toBe('asked');
    expect(v.b.status).toBe('waiting');
    await k.run();
    expect(k.mailbox?.messages).toHaveLength(1);
    expect(k.mailbox?.to('dan@example.com')).toHaveLength(0);
    const toBob = k.mailbox?.to('bob@example.com')[0];
    if (!toBob) throw new Error('no request to Bob');
    expect(toBob.parsed.subject).toBe('May I introduce you to Dan Brown?');

    await answer(k.t, linkOf(toBob), 'accept');
    v = await k.get(id);
    expect(v.status).toBe('accepted_one');
    expect(v.b.status).toBe('asked');
    await k.run();
    const toDan = k.mailbox?.to('dan@example.com')[0];
    if (!toDan) throw new Error('no request to Dan');
    expect(toDan.parsed.subject).toBe('May I introduce you to Bob Smith?');
    await answer(k.t, linkOf(toDan), 'accept');
    expect((await k.get(id)).status).toBe('connected');
    await k.run();
    const connect = k.mailbox?.messages.at(-1);
    expect(connect?.parsed.subject).toBe('Bob Smith ↔ Dan Brown: an introduction');
    expect(textOf(connect as Received)).not.toContain('Ciao');
  });

  it('A first in Italian: A declines → declined; B is never asked and receives nothing', async () => {
    await start(dialect, { displayName: 'Marta Rossi' });
    const { anna, carla } = await people(k);
    const id = await k.intro({ personAId: anna, personBId: carla, note: 'Due professioniste di Milano.', order: 'a_first' });
    await k.run();
    const toAnna = k.mailbox?.to('anna@example.it')[0];
    if (!toAnna) throw new Error('no request');
    expect(toAnna.parsed.subject).toBe('Ti presento Carla Verdi?');
    const res = await answer(k.t, linkOf(toAnna), 'decline');
    expect(res.body).toContain('Hai rifiutato');
    await k.run();
    k.advance(6 * DAY);
    await k.run();
    const v = await k.get(id);
    expect(v.status).toBe('declined');
    expect(v.a.status).toBe('declined');
    expect(v.b.status).toBe('waiting');
    expect(k.mailbox?.to('carla@example.it')).toHaveLength(0);
    expect(k.mailbox?.messages).toHaveLength(1);
  });

  for (const order of ['accept-decline', 'decline-accept'] as const) {
    it(`both at once, ${order}: declined; the other side is never told who declined`, async () => {
      await start(dialect, { displayName: 'Marta Rossi' });
      const { anna, bob } = await people(k);
      const id = await k.intro({ personAId: anna, personBId: bob, note: 'Worth a coffee.' });
      await k.run();
      const toAnna = k.mailbox?.to('anna@example.it')[0];
      const toBob = k.mailbox?.to('bob@example.com')[0];
      if (!toAnna || !toBob) throw new Error('requests not received');
      const [first, second] = order === 'accept-decline' ? (['accept', 'decline'] as const) : (['decline', 'accept'] as const);
      expect((await answer(k.t, linkOf(toAnna), first)).statusCode).toBe(200);
      const late = await answer(k.t, linkOf(toBob), second);
      // The second answer is taken like any other: the page does not reveal the other's decline.
      expect(late.statusCode).toBe(200);
      expect(late.body).not.toMatch(/Anna|declin(ed|ato) by|ha rifiutato/i);
      const v = await k.get(id);
      expect(v.status).toBe('declined');
      expect(v.a.status).toBe(first === 'accept' ? 'accepted' : 'declined');
      expect(v.b.status).toBe(second === 'accept' ? 'accepted' : 'declined');
      // Time passes: no reminder, no introduction, no notice reaches anyone.
      await k.run();
      k.advance(6 * DAY);
      await k.run();
      k.advance(10 * DAY);
      await k.run();
      // Only the two requests, sent before anyone answered: nothing after the decline.
      expect(k.mailbox?.messages.map((m) => m.envelope.to.join()).sort()).toEqual(['anna@example.it', 'bob@example.com']);
      // The user does see who declined.
      expect(v.events.some((e) => e.type === 'declined' && e.side === (first === 'decline' ? 'a' : 'b'))).toBe(true);
    });
  }

  it('reminds once whoever has not answered after INTRO_REMIND_DAYS, then expires after INTRO_EXPIRE_DAYS', async () => {
    await start(dialect, { displayName: 'Marta Rossi', env: { INTRO_REMIND_DAYS: '5', INTRO_EXPIRE_DAYS: '14' } });
    const { anna, bob } = await people(k);
    const id = await k.intro({ personAId: anna, personBId: bob, note: 'Worth a coffee.' });
    await k.run();
    const toBob = k.mailbox?.to('bob@example.com')[0];
    if (!toBob) throw new Error('no request');
    await answer(k.t, linkOf(toBob), 'accept');

    k.advance(4 * DAY);
    await k.run();
    expect(k.mailbox?.messages).toHaveLength(2);
    k.advance(1 * DAY + 60_000);
    await k.run();
    // Anna (who did not answer) gets one reminder, in Italian; Bob (who answered) none.
    const anna2 = k.mailbox?.to('anna@example.it') ?? [];
    expect(anna2).toHaveLength(2);
    const reminder = anna2[1] as Received;
    expect(reminder.parsed.subject).toBe('Promemoria: Ti presento Bob Smith?');
    expect(textOf(reminder)).toContain('Promemoria: Marta Rossi ti ha scritto');
    expect(textOf(reminder)).not.toContain('titolare del trattamento'); // the art. 14 notice went with the first email
    expect(k.mailbox?.to('bob@example.com')).toHaveLength(1);
    for (let i = 0; i < 3; i++) {
      k.advance(2 * DAY);
      await k.run();
    }
    expect(k.mailbox?.to('anna@example.it')).toHaveLength(2); // once only
    expect((await k.get(id)).events.filter((e) => e.type === 'reminded')).toHaveLength(1);

    // The reminder's link works as well as the first one (either, once).
    expect((await k.t.app.inject({ method: 'GET', url: new URL(linkOf(reminder)).pathname })).statusCode).toBe(200);

    k.advance(3 * DAY); // 14 days and a bit since the request
    await k.run();
    const v = await k.get(id);
    expect(v.status).toBe('expired');
    expect(v.a.status).toBe('expired');
    expect(v.b.status).toBe('accepted');
    // Expired links answer like wrong ones, and nobody is mailed about the expiry.
    for (const m of anna2) expect((await answer(k.t, linkOf(m), 'accept')).statusCode).toBe(404);
    expect(k.mailbox?.messages).toHaveLength(3);
  });

  it('an introduction between me and one person: only they are asked; on accept both of us are in To', async () => {
    await start(dialect, { displayName: 'Marta Rossi' });
    const { anna } = await people(k);
    const id = await k.intro({ personAId: 'me', personBId: anna, note: 'Vorrei parlarti del progetto di rete.' });
    const v = await k.get(id);
    expect(v.a.status).toBe('me');
    expect(v.a.message).toBeNull();
    await k.run();
    expect(k.mailbox?.messages).toHaveLength(1);
    const toAnna = k.mailbox?.messages[0] as Received;
    expect(toAnna.parsed.subject).toBe('Marta Rossi: possiamo sentirci?');
    await answer(k.t, linkOf(toAnna), 'accept');
    expect((await k.get(id)).status).toBe('connected');
    await k.run();
    const connect = k.mailbox?.messages[1] as Received;
    expect(connect.envelope.to.sort()).toEqual(['anna@example.it', k.user.email].sort());
    expect(connect.parsed.cc).toBeUndefined();
  });

  it('links use PUBLIC_BASE_URL even when the requests carry an evil Host (AU-12, EM-05)', async () => {
    await start(dialect);
    const { anna, bob } = await people(k);
    const evil = { host: 'evil.example', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' };
    const c = await k.user.req({
      method: 'POST',
      url: '/api/v1/intros',
      headers: evil,
      payload: { personAId: anna, personBId: bob, note: 'Hello' },
    });
    expect(c.statusCode).toBe(201);
    const s = await k.user.req({ method: 'POST', url: `/api/v1/intros/${c.json<{ id: string }>().id}/send`, headers: evil });
    expect(s.statusCode).toBe(200);
    await k.run();
    expect(k.mailbox?.messages).toHaveLength(2);
    for (const m of k.mailbox?.messages ?? []) {
      expect(m.raw).not.toContain('evil.example');
      expect(textOf(m)).toMatch(/http:\/\/rete\.test\/i\/[A-Za-z0-9_-]{43}\?choice=accept/);
    }
  });

  it('the HTML part escapes names and notes; the text part keeps them as text (EM-04)', async () => {
    await start(dialect, { displayName: 'Marta <b>Rossi</b>' });
    const x = await k.person({ name: '<img src=x onerror=__xss()>', emails: [{ value: 'x@example.com' }], language: 'en' });
    const y = await k.person({ name: 'Yves "><svg onload=__xss()>', emails: [{ value: 'y@example.com' }], language: 'en' });
    await k.intro({ personAId: x, personBId: y, note: '</script><script>__xss()</script> & <a href="javascript:__xss()">x</a>' });
    await k.run();
    for (const m of k.mailbox?.messages ?? []) {
      const html = htmlOf(m);
      expect(html).not.toMatch(/<img|<svg|<script|<a href="javascript|<b>/i);
      expect(html).toContain(
        '&lt;/script&gt;&lt;script&gt;__xss()&lt;/script&gt; &amp; &lt;a href=&quot;javascript:__xss()&quot;&gt;',
      );
      expect(textOf(m)).toContain('</script><script>__xss()</script>');
      // Only http(s) links in the HTML.
      for (const href of html.matchAll(/href="([^"]*)"/g)) expect(href[1]).toMatch(/^http:\/\/rete\.test\/i\//);
    }
    // The answer page escapes them too.
    const page = await k.t.app.inject({ method: 'GET', url: new URL(linkOf(k.mailbox?.messages[0] as Received)).pathname });
    expect(page.body).not.toMatch(/<img|<svg|<b>/);
    expect(page.body).toContain('Marta &lt;b&gt;Rossi&lt;/b&gt;');
  });
});
