/**
 * The give ledger through the API: gives, outcomes, business received, the need a give answers
 * (closed from here), and the givers-gain statistics for a known dataset, exact numbers, by period.
 */
import { describe, expect, it } from 'vitest';
import { createPerson, signup } from '#test/helpers/app.ts';
import { dialects } from '#test/helpers/test-db.ts';
import type { Give, LedgerStats, Outcome, Received } from '#shared/api/ledger.ts';
import { answer, linkOf, kitPerTest, setup, type Kit } from '../intros/intros.testkit.ts';

describe.each(dialects())('give ledger on %s', (dialect) => {
  let k: Kit;
  const kit = kitPerTest();
  const start = async (...args: Parameters<typeof setup>) => (k = await kit(...args));
  const post = async <T>(url: string, payload: Record<string, unknown>, status = 201): Promise<T> => {
    const r = await k.user.req({ method: 'POST', url, payload });
    expect(r.statusCode, r.body).toBe(status);
    return r.json<T>();
  };

  it('401, 404 and 400 paths', async () => {
    await start(dialect, { smtp: false });
    for (const url of ['/api/v1/gives', '/api/v1/received', '/api/v1/ledger/stats']) {
      expect((await k.t.app.inject({ method: 'GET', url })).statusCode).toBe(401);
    }
    const random = '0f8fad5b-d9cb-469f-a165-70867728950e';
    for (const [method, url] of [
      ['GET', `/api/v1/gives/${random}`],
      ['PATCH', `/api/v1/gives/${random}`],
      ['DELETE', `/api/v1/gives/${random}`],
      ['POST', `/api/v1/gives/${random}/outcomes`],
      ['DELETE', `/api/v1/outcomes/${random}`],
      ['GET', `/api/v1/received/${random}`],
      ['PATCH', `/api/v1/received/${random}`],
      ['DELETE', `/api/v1/received/${random}`],
    ] as const) {
      const payload = method === 'PATCH' ? { description: 'x' } : method === 'POST' ? { kind: 'thanked' } : undefined;
      expect((await k.user.req({ method, url, payload })).statusCode, `${method} ${url}`).toBe(404);
    }
    const p = await k.person({ name: 'Anna' });
    const other = await createPerson(await signup(k.t.app), { name: 'Not mine' });
    for (const payload of [
      { kind: 'advice', description: 'x', recipientIds: [] },
      { kind: 'gift', description: 'x', recipientIds: [p] },
      { kind: 'advice', description: '', recipientIds: [p] },
      { kind: 'advice', description: 'x', recipientIds: [k.user.selfPersonId] },
      { kind: 'advice', description: 'x', recipientIds: [other.id] },
      { kind: 'advice', description: 'x', recipientIds: [p], date: '2026-13-01' },
      { kind: 'advice', description: 'x', recipientIds: [p], needId: random },
      { kind: 'advice', description: 'x', recipientIds: [p], closeNeed: true },
    ]) {
      expect((await k.user.req({ method: 'POST', url: '/api/v1/gives', payload })).statusCode, JSON.stringify(payload)).toBe(400);
    }
    // Someone else's contact is refused exactly as an unknown one.
    const foreign = await k.user.req({
      method: 'POST',
      url: '/api/v1/gives',
      payload: { kind: 'advice', description: 'x', recipientIds: [other.id] },
    });
    const unknown = await k.user.req({
      method: 'POST',
      url: '/api/v1/gives',
      payload: { kind: 'advice', description: 'x', recipientIds: [random] },
    });
    expect(foreign.body).toBe(unknown.body);
    const g = await post<Give>('/api/v1/gives', { kind: 'advice', description: 'x', recipientIds: [p] });
    for (const payload of [
      { kind: 'thanked', value: { amountCents: 100, currency: 'EUR' } },
      { kind: 'business', value: { amountCents: 1, currency: 'eur' } },
    ]) {
      expect((await k.user.req({ method: 'POST', url: `/api/v1/gives/${g.id}/outcomes`, payload })).statusCode).toBe(400);
    }
    expect((await k.user.req({ method: 'GET', url: '/api/v1/ledger/stats?from=2026-05-01&to=2026-04-01' })).statusCode).toBe(400);
    expect(
      (await k.user.req({ method: 'POST', url: '/api/v1/received', payload: { description: 'x', referredById: other.id } }))
        .statusCode,
    ).toBe(400);
  });

  it('records gives with recipients and the need they answer (closing it), edits, lists, deletes', async () => {
    await start(dialect, { smtp: false });
    const anna = await k.person({ name: 'Anna' });
    const bob = await k.person({ name: 'Bob' });
    const need = await post<{ id: string; status: string }>(`/api/v1/people/${anna}/needs`, { text: 'Looking for a lawyer' });
    const g = await post<Give>('/api/v1/gives', {
      kind: 'referral',
      date: '2026-03-01',
      description: 'Passed Anna a client',
      recipientIds: [bob, anna, anna],
      needId: need.id,
      closeNeed: true,
    });
    expect(g).toMatchObject({
      kind: 'referral',
      date: '2026-03-01',
      recipients: [
        { id: anna, name: 'Anna' },
        { id: bob, name: 'Bob' },
      ],
      need: { id: need.id, personId: anna, status: 'satisfied' },
      intro: null,
      outcomes: [],
    });
    expect((await k.user.req({ method: 'GET', url: `/api/v1/needs/${need.id}` })).json()).toMatchObject({ status: 'satisfied' });
    // The network views see it: a search for open needs no longer finds Anna.
    const open = await k.user.req({ method: 'GET', url: '/api/v1/people?hasOpenNeeds=true' });
    expect(open.json<{ items: Array<{ id: string }> }>().items.map((p) => p.id)).not.toContain(anna);

    const edited = await k.user.req({
      method: 'PATCH',
      url: `/api/v1/gives/${g.id}`,
      payload: { kind: 'advice', recipientIds: [bob], needId: null, description: 'Advice to Bob' },
    });
    expect(edited.json()).toMatchObject({ kind: 'advice', recipients: [{ id: bob }], need: null, description: 'Advice to Bob' });

    const g2 = await post<Give>('/api/v1/gives', {
      kind: 'time',
      date: '2026-04-01',
      description: 'An hour',
      recipientIds: [anna],
    });
    const g3 = await post<Give>('/api/v1/gives', {
      kind: 'time',
      date: '2026-05-01',
      description: 'Two hours',
      recipientIds: [anna],
    });
    const list = async (q: string) =>
      (await k.user.req({ method: 'GET', url: `/api/v1/gives${q}` })).json<{ items: Give[]; nextCursor: string | null }>();
    expect((await list('')).items.map((x) => x.id)).toEqual([g3.id, g2.id, g.id]);
    expect((await list('?kind=time')).items.map((x) => x.id)).toEqual([g3.id, g2.id]);
    expect((await list(`?personId=${bob}`)).items.map((x) => x.id)).toEqual([g.id]);
    expect((await list('?from=2026-03-15&to=2026-04-30')).items.map((x) => x.id)).toEqual([g2.id]);
    const p1 = await list('?limit=2');
    expect(p1.items).toHaveLength(2);
    expect((await list(`?limit=2&cursor=${p1.nextCursor}`)).items.map((x) => x.id)).toEqual([g.id]);

    const o = await post<Outcome>(`/api/v1/gives/${g2.id}/outcomes`, {
      kind: 'thanked',
      date: '2026-04-02',
      note: 'Anna wrote back',
    });
    expect((await k.user.req({ method: 'DELETE', url: `/api/v1/gives/${g2.id}` })).statusCode).toBe(200);
    expect((await k.user.req({ method: 'GET', url: `/api/v1/gives/${g2.id}` })).statusCode).toBe(404);
    expect((await k.user.req({ method: 'DELETE', url: `/api/v1/outcomes/${o.id}` })).statusCode).toBe(404); // went with its give
  });

  it('records outcomes; a need_satisfied outcome closes the need the give answered', async () => {
    await start(dialect, { smtp: false });
    const anna = await k.person({ name: 'Anna' });
    const need = await post<{ id: string }>(`/api/v1/people/${anna}/needs`, { text: 'Looking for a designer' });
    const g = await post<Give>('/api/v1/gives', {
      kind: 'recommendation',
      description: 'Recommended Dora',
      recipientIds: [anna],
      needId: need.id,
    });
    expect(g.need?.status).toBe('open');
    const thanked = await post<Outcome>(`/api/v1/gives/${g.id}/outcomes`, { kind: 'thanked' });
    expect(thanked).toMatchObject({ kind: 'thanked', giveId: g.id, value: null, date: k.t.clock.now.toISOString().slice(0, 10) });
    const biz = await post<Outcome>(`/api/v1/gives/${g.id}/outcomes`, {
      kind: 'business',
      date: '2026-02-03',
      value: { amountCents: 125050, currency: 'EUR' },
      note: 'Website',
    });
    expect(biz.value).toEqual({ amountCents: 125050, currency: 'EUR' });
    k.advance(1000); // recorded later the same day: listed after "thanked"
    await post<Outcome>(`/api/v1/gives/${g.id}/outcomes`, { kind: 'need_satisfied' });
    const after = (await k.user.req({ method: 'GET', url: `/api/v1/gives/${g.id}` })).json<Give>();
    expect(after.need?.status).toBe('satisfied');
    expect(after.outcomes.map((x) => x.kind)).toEqual(['business', 'thanked', 'need_satisfied']);
    expect((await k.user.req({ method: 'DELETE', url: `/api/v1/outcomes/${thanked.id}` })).statusCode).toBe(200);
    expect((await k.user.req({ method: 'GET', url: `/api/v1/gives/${g.id}` })).json<Give>().outcomes).toHaveLength(2);
  });

  it('records business received with its referrer; erasing the referrer keeps the record', async () => {
    await start(dialect, { smtp: false });
    const anna = await k.person({ name: 'Anna' });
    const r = await post<Received>('/api/v1/received', {
      date: '2026-02-10',
      description: 'New client: Rossi srl',
      referredById: anna,
      value: { amountCents: 300000, currency: 'EUR' },
    });
    expect(r).toMatchObject({ referredBy: { id: anna, name: 'Anna' }, value: { amountCents: 300000, currency: 'EUR' } });
    const p = await k.user.req({
      method: 'PATCH',
      url: `/api/v1/received/${r.id}`,
      payload: { value: null, description: 'Changed' },
    });
    expect(p.json()).toMatchObject({ value: null, description: 'Changed', referredBy: { id: anna } });
    expect((await k.user.req({ method: 'GET', url: '/api/v1/received' })).json<{ items: Received[] }>().items).toHaveLength(1);
    expect((await k.user.req({ method: 'DELETE', url: `/api/v1/people/${anna}` })).statusCode).toBe(200);
    expect((await k.user.req({ method: 'GET', url: `/api/v1/received/${r.id}` })).json()).toMatchObject({ referredBy: null });
    expect((await k.user.req({ method: 'DELETE', url: `/api/v1/received/${r.id}` })).statusCode).toBe(200);
  });

  it('computes givers-gain statistics for a known dataset, exactly, and by period', async () => {
    await start(dialect);
    k.t.clock.now = new Date('2026-06-15T10:00:00.000Z');
    const mk = (name: string) => k.person({ name, language: 'en', emails: [{ value: `${name.toLowerCase()}@example.com` }] });
    const [A, B, C, D, E, F, G] = await Promise.all(['Alda', 'Bruno', 'Carlo', 'Dario', 'Elsa', 'Fabio', 'Gaia'].map(mk));
    await post(`/api/v1/people/${G}/needs`, { text: 'Needs a notary' });
    const give = (kind: string, date: string, recipientIds: Array<string | undefined>) =>
      post<Give>('/api/v1/gives', { kind, date, description: `${kind} ${date}`, recipientIds });
    const g1 = await give('advice', '2026-01-10', [A]);
    const g2 = await give('referral', '2026-01-20', [A, B]);
    const g3 = await give('resource', '2026-03-05', [C]);
    const g4 = await give('advice', '2026-06-01', [A]);
    const g5 = await give('time', '2025-12-31', [B]);
    const outcome = (g: Give, kind: string, date: string, value?: [number, string]) =>
      post(`/api/v1/gives/${g.id}/outcomes`, {
        kind,
        date,
        ...(value ? { value: { amountCents: value[0], currency: value[1] } } : {}),
      });
    await outcome(g1, 'thanked', '2026-01-12');
    await outcome(g2, 'business', '2026-02-01', [150000, 'EUR']);
    await outcome(g3, 'business', '2026-03-10', [20000, 'USD']);
    await outcome(g4, 'business', '2026-06-02', [50050, 'EUR']);
    await outcome(g5, 'meeting', '2025-12-31');
    const received = (date: string, referredById?: string, value?: [number, string]) =>
      post('/api/v1/received', {
        date,
        description: `received ${date}`,
        ...(referredById ? { referredById } : {}),
        ...(value ? { value: { amountCents: value[0], currency: value[1] } } : {}),
      });
    await received('2026-02-10', A, [300000, 'EUR']);
    await received('2026-04-01', A, [10000, 'EUR']);
    await received('2026-05-01', B, [5000, 'USD']);
    await received('2026-05-02');
    await received('2025-11-01', C, [999, 'EUR']);
    // Three introductions sent today: connected, declined, pending; one draft (not counted).
    const i1 = await k.intro({ personAId: A, personBId: B, note: 'one' });
    const i2 = await k.intro({ personAId: C, personBId: D, note: 'two' });
    await k.intro({ personAId: A, personBId: E, note: 'three' });
    await k.intro({ personAId: F, personBId: G, note: 'draft' }, false);
    await k.run();
    const link = (who: string, other: string) =>
      linkOf(k.mailbox?.to(`${who}@example.com`).find((m) => m.parsed.subject?.includes(other)) ?? '');
    await answer(k.t, link('alda', 'Bruno'), 'accept');
    await answer(k.t, link('bruno', 'Alda'), 'accept');
    await answer(k.t, link('dario', 'Carlo'), 'decline');
    expect((await k.get(i1)).status).toBe('connected');
    expect((await k.get(i2)).status).toBe('declined');

    const stats = async (q: string) => {
      const r = await k.user.req({ method: 'GET', url: `/api/v1/ledger/stats${q}` });
      expect(r.statusCode, r.body).toBe(200);
      return r.json<LedgerStats>();
    };
    const counts = (list: Array<{ kind: string; count: number }>) =>
      Object.fromEntries(list.filter((x) => x.count).map((x) => [x.kind, x.count]));
    const s = await stats('?from=2026-01-01&to=2026-06-30');
    expect(s.from).toBe('2026-01-01');
    expect(s.totals).toEqual({ gives: 7, peopleGivenTo: 5, outcomes: 4 });
    expect(s.givesByMonth.map((m) => [m.month, m.total, counts(m.byKind)])).toEqual([
      ['2026-01', 2, { advice: 1, referral: 1 }],
      ['2026-02', 0, {}],
      ['2026-03', 1, { resource: 1 }],
      ['2026-04', 0, {}],
      ['2026-05', 0, {}],
      ['2026-06', 4, { introduction: 3, advice: 1 }],
    ]);
    expect(s.givesByKind.map((x) => x.kind)).toEqual([
      'introduction',
      'referral',
      'advice',
      'resource',
      'recommendation',
      'time',
      'other',
    ]);
    expect(counts(s.givesByKind)).toEqual({ introduction: 3, referral: 1, advice: 2, resource: 1 });
    expect(s.intros).toEqual({ proposed: 3, connected: 1, declined: 1, expired: 0, pending: 1, cancelled: 0 });
    expect(counts(s.outcomesByKind)).toEqual({ thanked: 1, business: 3 });
    expect(s.businessForOthers).toEqual([
      { currency: 'EUR', amountCents: 200050, count: 2 },
      { currency: 'USD', amountCents: 20000, count: 1 },
    ]);
    expect(s.businessReceived).toEqual([
      { currency: 'EUR', amountCents: 310000, count: 2 },
      { currency: 'USD', amountCents: 5000, count: 1 },
    ]);
    expect(s.referrers).toEqual([
      { person: { id: A, name: 'Alda' }, count: 2, sums: [{ currency: 'EUR', amountCents: 310000, count: 2 }] },
      { person: { id: B, name: 'Bruno' }, count: 1, sums: [{ currency: 'USD', amountCents: 5000, count: 1 }] },
    ]);
    expect(s.topRecipients.map((t) => [t.person.name, t.gives, t.lastDate])).toEqual([
      ['Alda', 5, '2026-06-15'],
      ['Bruno', 2, '2026-06-15'],
      ['Carlo', 2, '2026-06-15'],
      ['Dario', 1, '2026-06-15'],
      ['Elsa', 1, '2026-06-15'],
    ]);
    expect(s.neverGivenTo).toEqual({
      count: 2,
      sample: [
        { id: G, name: 'Gaia' },
        { id: F, name: 'Fabio' },
      ],
    });

    const feb = await stats('?from=2026-02-01&to=2026-03-31');
    expect(feb.totals).toEqual({ gives: 1, peopleGivenTo: 1, outcomes: 2 });
    expect(feb.givesByMonth.map((m) => [m.month, m.total])).toEqual([
      ['2026-02', 0],
      ['2026-03', 1],
    ]);
    expect(feb.intros.proposed).toBe(0);
    expect(feb.businessForOthers).toEqual([
      { currency: 'EUR', amountCents: 150000, count: 1 },
      { currency: 'USD', amountCents: 20000, count: 1 },
    ]);
    expect(feb.businessReceived).toEqual([{ currency: 'EUR', amountCents: 300000, count: 1 }]);
    expect(feb.referrers.map((r) => [r.person.name, r.count])).toEqual([['Alda', 1]]);
    expect(feb.topRecipients.map((t) => t.person.name)).toEqual(['Carlo']);
    expect(feb.neverGivenTo.count).toBe(2); // ever, whatever the period

    // Default period: the 12 calendar months up to today.
    const def = await stats('');
    expect([def.from, def.to]).toEqual(['2025-07-01', '2026-06-15']);
    expect(def.givesByMonth).toHaveLength(12);
    expect(def.totals.gives).toBe(8);
    expect(counts(def.outcomesByKind)).toEqual({ thanked: 1, business: 3, meeting: 1 });
    expect(def.businessReceived[0]).toEqual({ currency: 'EUR', amountCents: 310999, count: 3 });
  });

  it('keeps each user’s ledger to themselves', async () => {
    await start(dialect, { smtp: false });
    const anna = await k.person({ name: 'Anna' });
    await post('/api/v1/gives', { kind: 'advice', description: 'secret give', recipientIds: [anna] });
    await post('/api/v1/received', { description: 'secret received', value: { amountCents: 5, currency: 'EUR' } });
    const other = await signup(k.t.app);
    for (const url of ['/api/v1/gives', '/api/v1/received', '/api/v1/ledger/stats']) {
      const r = await other.req({ method: 'GET', url });
      expect(r.statusCode).toBe(200);
      expect(r.body).not.toContain('secret');
      expect(r.body).not.toContain(anna);
    }
    const s = (await other.req({ method: 'GET', url: '/api/v1/ledger/stats' })).json<LedgerStats>();
    expect(s.totals).toEqual({ gives: 0, peopleGivenTo: 0, outcomes: 0 });
    expect(s.businessReceived).toEqual([]);
  });
});
