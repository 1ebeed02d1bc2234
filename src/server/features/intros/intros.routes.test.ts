/**
 * The introductions API: 401, 400, 404 and success paths; drafts and their languages; editing,
 * sending, cancelling; the GDPR art. 14 notice with the first email and the art. 21 objection
 * that blocks every further introduction email (EM-06, IN-08, GD-07).
 */
import { describe, expect, it } from 'vitest';
import { createPerson, signup } from '#test/helpers/app.ts';
import { dialects } from '#test/helpers/test-db.ts';
import { snapshot } from '#test/helpers/world.ts';
import { answer, linkOf, kitPerTest, setup, type IntroView, type Kit } from './intros.testkit.ts';

describe.each(dialects())('introductions API on %s', (dialect) => {
  let k: Kit;
  const kit = kitPerTest();
  const start = async (...args: Parameters<typeof setup>) => (k = await kit(...args));

  it('401 without credentials, 404 for unknown ids, 400 for bad bodies', async () => {
    await start(dialect, { smtp: false });
    for (const [method, url] of [
      ['GET', '/api/v1/intros'],
      ['POST', '/api/v1/intros'],
      ['GET', '/api/v1/outbox'],
    ] as const) {
      expect((await k.t.app.inject({ method, url, payload: method === 'POST' ? {} : undefined })).statusCode).toBe(401);
    }
    const random = '8d1f4a52-3c1e-4b7a-9a53-1f2e3d4c5b6a';
    for (const [method, url] of [
      ['GET', `/api/v1/intros/${random}`],
      ['PATCH', `/api/v1/intros/${random}`],
      ['DELETE', `/api/v1/intros/${random}`],
      ['POST', `/api/v1/intros/${random}/send`],
      ['POST', `/api/v1/intros/${random}/cancel`],
      ['GET', `/api/v1/outbox/${random}`],
    ] as const) {
      const r = await k.user.req({ method, url, payload: method === 'PATCH' ? { note: 'x' } : undefined });
      expect(r.statusCode, `${method} ${url}`).toBe(404);
    }
    const a = await k.person({ name: 'Anna' });
    const bad = [
      {},
      { personAId: a, personBId: a, note: 'same' },
      { personAId: a, personBId: 'me', note: '' },
      { personAId: a, personBId: random, note: 'unknown' },
      { personAId: a, personBId: 'me', note: 'x', order: 'b_first' },
      { personAId: a, personBId: 'me', note: 'x', ownerId: random },
    ];
    for (const payload of bad) {
      const r = await k.user.req({ method: 'POST', url: '/api/v1/intros', payload });
      expect(r.statusCode, JSON.stringify(payload)).toBe(400);
    }
  });

  it('drafts a request per side in the side’s language: recorded, detected from notes and needs, or mine', async () => {
    await start(dialect, { smtp: false, locale: 'en', displayName: 'Mark Green' });
    const it1 = await k.person({ name: 'Giulia Neri', language: 'it', emails: [{ value: 'g@example.com' }] });
    const detected = await k.person({
      name: 'Paolo Blu',
      notes: 'Cerca un commercialista per la sua azienda di Milano e vorrebbe anche un avvocato',
    });
    const unknown = await k.person({ name: 'Zed' });
    const c = await k.user.req({
      method: 'POST',
      url: '/api/v1/intros',
      payload: { personAId: it1, personBId: detected, note: 'Siete entrambi a Milano.' },
    });
    expect(c.statusCode).toBe(201);
    const v = c.json<IntroView & { order: string; note: string; sentAt: string | null }>();
    expect(v).toMatchObject({ status: 'draft', order: 'both', note: 'Siete entrambi a Milano.', sentAt: null, giveId: null });
    expect(v.a).toMatchObject({ language: 'it', status: 'waiting', email: 'g@example.com' });
    expect(v.b).toMatchObject({ language: 'it', status: 'waiting', email: null });
    expect(v.a.message?.body).toContain('vorrei presentarti Paolo Blu. Siete entrambi a Milano.');
    expect(v.a.message?.body).toContain('Mark Green');
    const c2 = await k.user.req({
      method: 'POST',
      url: '/api/v1/intros',
      payload: { personAId: unknown, personBId: 'me', note: 'Coffee?' },
    });
    const v2 = c2.json<IntroView>();
    expect(v2.a.language).toBe('en'); // nothing to detect: my language
    expect(v2.a.message?.subject).toBe('Mark Green: shall we get in touch?');
    expect(v2.b).toMatchObject({ status: 'me', message: null, language: 'en' });
    expect(v.events.map((e) => e.type)).toEqual(['created']);
  });

  it('edits a draft: my text stays mine, a new note or language re-drafts the others; not once sent', async () => {
    await start(dialect, { smtp: false, displayName: 'Marta' });
    const a = await k.person({ name: 'Anna', language: 'it', emails: [{ value: 'a@example.com' }] });
    const b = await k.person({ name: 'Bob', language: 'it', emails: [{ value: 'b@example.com' }] });
    const id = await k.intro({ personAId: a, personBId: b, note: 'Prima nota.' }, false);
    const patch = (payload: Record<string, unknown>) => k.user.req({ method: 'PATCH', url: `/api/v1/intros/${id}`, payload });
    let r = await patch({ a: { body: 'Ciao Anna, testo mio.' } });
    expect(r.statusCode).toBe(200);
    r = await patch({ note: 'Seconda nota.', b: { language: 'en' } });
    let v = r.json<IntroView & { note: string }>();
    expect(v.note).toBe('Seconda nota.');
    expect(v.a.message?.body).toBe('Ciao Anna, testo mio.');
    expect(v.b.language).toBe('en');
    expect(v.b.message?.subject).toBe('May I introduce you to Anna?');
    expect(v.b.message?.body).toContain('Seconda nota.');
    r = await patch({ redraft: true });
    v = r.json<IntroView & { note: string }>();
    expect(v.a.message?.body).toContain('Seconda nota.');
    expect((await patch({ order: 'a_first' })).json<{ order: string }>().order).toBe('a_first');
    // The me side has no message to edit.
    const mine = await k.intro({ personAId: 'me', personBId: b, note: 'x' }, false);
    expect((await k.user.req({ method: 'PATCH', url: `/api/v1/intros/${mine}`, payload: { a: { body: 'x' } } })).statusCode).toBe(
      400,
    );

    expect((await k.user.req({ method: 'POST', url: `/api/v1/intros/${id}/send` })).statusCode).toBe(200);
    expect((await patch({ note: 'Too late' })).statusCode).toBe(409);
    expect((await k.user.req({ method: 'POST', url: `/api/v1/intros/${id}/send` })).statusCode).toBe(409);
    expect((await k.user.req({ method: 'DELETE', url: `/api/v1/intros/${id}` })).statusCode).toBe(409);
    // The request sent is the edited one.
    await k.run();
    const list = await k.user.req({ method: 'GET', url: `/api/v1/outbox?introId=${id}` });
    expect(list.json<{ items: unknown[] }>().items).toHaveLength(1); // a_first: only A so far
    const msg = list.json<{ items: Array<{ id: string }> }>().items[0];
    const d = await k.user.req({ method: 'GET', url: `/api/v1/outbox/${msg?.id}` });
    expect(d.json<{ text: string }>().text).toContain('Seconda nota.');
  });

  it('lists by status and person with a cursor; a delivered request records a give; cancels stop pending mail; drafts delete', async () => {
    await start(dialect, { smtp: false });
    const a = await k.person({ name: 'Anna', emails: [{ value: 'a@example.com' }] });
    const b = await k.person({ name: 'Bob', emails: [{ value: 'b@example.com' }] });
    const c = await k.person({ name: 'Carla', emails: [{ value: 'c@example.com' }] });
    const sent = await k.intro({ personAId: a, personBId: b, note: 'one' });
    const draft = await k.intro({ personAId: b, personBId: c, note: 'two' }, false);
    const doomed = await k.intro({ personAId: a, personBId: c, note: 'three' }, false);
    const all = await k.user.req({ method: 'GET', url: '/api/v1/intros?limit=2' });
    const page1 = all.json<{ items: Array<{ id: string }>; nextCursor: string }>();
    expect(page1.items).toHaveLength(2);
    const page2 = await k.user.req({ method: 'GET', url: `/api/v1/intros?limit=2&cursor=${page1.nextCursor}` });
    expect(page2.json<{ items: Array<{ id: string }>; nextCursor: null }>()).toMatchObject({ nextCursor: null });
    expect(new Set([...page1.items, ...page2.json<{ items: Array<{ id: string }> }>().items].map((i) => i.id))).toEqual(
      new Set([sent, draft, doomed]),
    );
    const drafts = await k.user.req({ method: 'GET', url: '/api/v1/intros?status=draft' });
    expect(
      drafts
        .json<{ items: Array<{ id: string }> }>()
        .items.map((i) => i.id)
        .sort(),
    ).toEqual([draft, doomed].sort());
    const withC = await k.user.req({ method: 'GET', url: `/api/v1/intros?personId=${c}` });
    expect(
      withC
        .json<{ items: Array<{ id: string }> }>()
        .items.map((i) => i.id)
        .sort(),
    ).toEqual([draft, doomed].sort());
    expect((await k.user.req({ method: 'GET', url: '/api/v1/intros?cursor=nonsense' })).statusCode).toBe(400);

    // Sent but not delivered yet: not a give yet.
    expect(await k.get(sent)).toMatchObject({ status: 'asked', delivery: 'sending', giveId: null });
    // Cancel before the worker ran: the queued requests never leave, and it never becomes a give.
    expect((await k.user.req({ method: 'POST', url: `/api/v1/intros/${sent}/cancel` })).json()).toMatchObject({
      status: 'cancelled',
      delivery: null,
    });
    expect(await k.run()).toEqual({ ran: 0, failed: 0 });
    const out = await k.user.req({ method: 'GET', url: `/api/v1/outbox?introId=${sent}` });
    expect(out.json<{ items: Array<{ status: string }> }>().items.map((m) => m.status)).toEqual(['cancelled', 'cancelled']);
    expect((await k.user.req({ method: 'POST', url: `/api/v1/intros/${sent}/cancel` })).statusCode).toBe(409);
    expect((await k.get(sent)).giveId).toBeNull();
    expect((await k.user.req({ method: 'GET', url: '/api/v1/gives' })).json()).toMatchObject({ items: [] });

    // Once a request is delivered (here: placed in the outbox), the introduction is a give, once.
    const delivered = await k.intro({ personAId: a, personBId: b, note: 'four' });
    expect(await k.run()).toEqual({ ran: 2, failed: 0 });
    const v = await k.get(delivered);
    expect(v).toMatchObject({ status: 'asked', delivery: 'outbox' });
    const give = await k.user.req({ method: 'GET', url: `/api/v1/gives/${v.giveId}` });
    expect(give.json()).toMatchObject({
      kind: 'introduction',
      description: 'Anna ↔ Bob: four',
      intro: { id: delivered, status: 'asked' },
      recipients: [
        { id: a, name: 'Anna' },
        { id: b, name: 'Bob' },
      ],
    });
    expect((await k.user.req({ method: 'GET', url: '/api/v1/gives' })).json<{ items: unknown[] }>().items).toHaveLength(1);

    expect((await k.user.req({ method: 'DELETE', url: `/api/v1/intros/${doomed}` })).statusCode).toBe(200);
    expect((await k.user.req({ method: 'GET', url: `/api/v1/intros/${doomed}` })).statusCode).toBe(404);
  });

  it('another user’s contacts cannot be introduced: 400 exactly as for unknown ids (AC-10)', async () => {
    await start(dialect, { smtp: false });
    const mine = await k.person({ name: 'Mine' });
    const other = await signup(k.t.app);
    const theirs = await createPerson(other, { name: 'Theirs', emails: [{ value: 't@example.com' }] });
    const foreign = await k.user.req({
      method: 'POST',
      url: '/api/v1/intros',
      payload: { personAId: mine, personBId: theirs.id, note: 'x' },
    });
    const random = await k.user.req({
      method: 'POST',
      url: '/api/v1/intros',
      payload: { personAId: mine, personBId: '1b4e28ba-2fa1-4d2b-883f-0016d3cca427', note: 'x' },
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.body).toBe(random.body);
  });

  it('the first email to a non-user carries the art. 14 notice; later ones and emails to users do not (EM-06)', async () => {
    await start(dialect, { displayName: 'Marta Rossi' });
    const colleague = await signup(k.t.app, { email: 'colleague@example.com' });
    expect(colleague.userId).toBeDefined();
    const anna = await k.person({ name: 'Anna', language: 'en', emails: [{ value: 'anna@example.com' }] });
    const user = await k.person({ name: 'Colleague', language: 'en', emails: [{ value: 'Colleague@example.com' }] });
    const bob = await k.person({ name: 'Bob', language: 'en', emails: [{ value: 'bob@example.com' }] });
    await k.intro({ personAId: anna, personBId: user, note: 'first' });
    await k.run();
    await k.intro({ personAId: anna, personBId: bob, note: 'second' });
    await k.run();
    const notice = 'Why you are receiving this email';
    const [first, second] = k.mailbox?.to('anna@example.com') ?? [];
    expect(first?.parsed.text).toContain(notice);
    expect(first?.parsed.text).toContain(`Marta Rossi (${k.user.email})`);
    expect(first?.parsed.text).toContain('the source is their contacts');
    expect(first?.parsed.text).toContain('access, correct or erase');
    expect(second?.parsed.text).not.toContain(notice);
    expect(k.mailbox?.to('colleague@example.com')[0]?.parsed.text).not.toContain(notice);
    expect(k.mailbox?.to('bob@example.com')[0]?.parsed.text).toContain(notice);
  });

  it('an objection marks the person: pending requests to them stop, open intros end, new ones are refused (409) (IN-08)', async () => {
    await start(dialect, { displayName: 'Marta Rossi' });
    const anna = await k.person({ name: 'Anna', language: 'it', emails: [{ value: 'anna@example.com' }] });
    const bob = await k.person({ name: 'Bob', language: 'en', emails: [{ value: 'bob@example.com' }] });
    const carla = await k.person({ name: 'Carla', language: 'it', emails: [{ value: 'carla@example.com' }] });
    const dan = await k.person({ name: 'Dan', language: 'en', emails: [{ value: 'dan@example.com' }] });
    const first = await k.intro({ personAId: anna, personBId: bob, note: 'one' });
    await k.run();
    const waiting = await k.intro({ personAId: carla, personBId: anna, note: 'two', order: 'a_first' }); // Anna is B: not asked yet
    const queued = await k.intro({ personAId: dan, personBId: anna, note: 'three' }); // queued, not sent
    const draft = await k.intro({ personAId: anna, personBId: dan, note: 'four' }, false);

    const res = await answer(k.t, linkOf(k.mailbox?.to('anna@example.com')[0] ?? ''), 'object');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Non riceverai altre email di presentazione da Marta Rossi');

    const v1 = await k.get(first);
    expect(v1.status).toBe('declined');
    expect(v1.a).toMatchObject({ status: 'objected', doNotContact: true });
    expect((await k.get(waiting)).b.status).toBe('objected');
    expect((await k.get(waiting)).status).toBe('declined');
    expect((await k.get(queued)).status).toBe('declined');
    expect((await k.get(draft)).a.doNotContact).toBe(true);

    await k.run();
    k.advance(6 * 86_400_000);
    await k.run();
    // Anna got the one request she objected to, nothing else. The intros that cannot happen any
    // more stopped their queued requests to the others too (Carla in "two", Dan in "three").
    expect(k.mailbox?.to('anna@example.com')).toHaveLength(1);
    expect(k.mailbox?.to('carla@example.com')).toHaveLength(0);
    expect(k.mailbox?.to('dan@example.com')).toHaveLength(0);
    expect(k.mailbox?.messages).toHaveLength(2); // Anna's and Bob's requests of "one"

    const again = await k.user.req({
      method: 'POST',
      url: '/api/v1/intros',
      payload: { personAId: bob, personBId: anna, note: 'x' },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json<{ error: { message: string } }>().error.message).toBe(
      'Anna asked not to be contacted again: no introduction can be sent to them',
    );
    expect((await k.user.req({ method: 'POST', url: `/api/v1/intros/${draft}/send` })).statusCode).toBe(409);
    // The consent record: who, when, which text, through which link.
    const ev = await k.t.db.handle.db
      .selectFrom('intro_events')
      .select(['type', 'side', 'detail'])
      .where('intro_id', '=', first)
      .execute();
    const objected = ev.find((e) => e.type === 'objected');
    expect(JSON.parse(objected?.detail ?? '{}')).toMatchObject({ textVersion: 'intro-v1', tokenId: expect.any(String) });
  });

  it('erasing a person keeps the history with an empty side; deleting the account removes every row of it (GD-02)', async () => {
    await start(dialect, { displayName: 'Marta Rossi' });
    const anna = await k.person({ name: 'Anna', emails: [{ value: 'anna@example.com' }] });
    const bob = await k.person({ name: 'Bob', emails: [{ value: 'bob@example.com' }] });
    const id = await k.intro({ personAId: anna, personBId: bob, note: 'n' });
    await k.run();
    await answer(k.t, linkOf(k.mailbox?.to('anna@example.com')[0] ?? ''), 'object');
    const give = (await k.get(id)).giveId;
    await k.user.req({ method: 'POST', url: '/api/v1/received', payload: { description: 'biz', referredById: anna } });
    // A connected introduction of Anna's: its email to both goes when she is erased.
    const carla = await k.person({ name: 'Carla', emails: [{ value: 'carla@example.com' }] });
    const dora = await k.person({ name: 'Dora', emails: [{ value: 'dora@example.com' }] });
    const connected = await k.intro({ personAId: carla, personBId: dora, note: 'm' });
    await k.run();
    await answer(k.t, linkOf(k.mailbox?.to('carla@example.com')[0] ?? ''), 'accept');
    await answer(k.t, linkOf(k.mailbox?.to('dora@example.com')[0] ?? ''), 'accept');
    await k.run();
    expect((await k.get(connected)).messages.map((m) => m.kind)).toContain('intro_connect');
    expect((await k.user.req({ method: 'DELETE', url: `/api/v1/people/${dora}` })).statusCode).toBe(200);
    expect((await k.get(connected)).messages.map((m) => m.side)).toEqual(['a']);

    expect((await k.user.req({ method: 'DELETE', url: `/api/v1/people/${anna}` })).statusCode).toBe(200);
    const v = await k.get(id);
    // No trace of her address in the introduction.
    expect(v.a).toMatchObject({ status: 'objected', email: null });
    expect((v.a as unknown as { person: unknown }).person).toBeNull();
    // The email to Anna went with her; the one to Bob stays.
    expect(v.messages.map((m) => m.side)).toEqual(['b']);
    const g = await k.user.req({ method: 'GET', url: `/api/v1/gives/${give}` });
    expect(g.json<{ recipients: Array<{ name: string }> }>().recipients.map((r) => r.name)).toEqual(['Bob']);
    expect(await k.t.db.handle.db.selectFrom('person_objections').selectAll().execute()).toEqual([]);
    const dump = JSON.stringify(await snapshot(k.t));
    expect(dump).not.toContain('anna@example.com');
    expect(dump).not.toContain('dora@example.com');

    const r = await k.user.req({ method: 'DELETE', url: '/api/v1/me', payload: { password: k.user.password } });
    expect(r.statusCode, r.body).toBe(200);
    for (const table of [
      'intros',
      'intro_sides',
      'intro_events',
      'intro_tokens',
      'jobs',
      'mail_messages',
      'gives',
      'give_recipients',
      'outcomes',
      'received_business',
      'person_objections',
    ] as const) {
      expect(await k.t.db.handle.db.selectFrom(table).selectAll().execute(), table).toEqual([]);
    }
  });
});
