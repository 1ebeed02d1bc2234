/**
 * The giving routine through the API, on both dialects: Today computed from the network (ways to
 * give, introductions, follow-ups, keep-in-touch reset by any interaction, going cold, birthdays,
 * the giving goal), the marks on its items, settings, the one-to-one, and time zones.
 */
import { describe, expect, it } from 'vitest';
import type {
  Cadence,
  FollowUp,
  LoggedInteraction,
  OneToOneProposal,
  OneToOneResult,
  RoutineSettings,
  Today,
} from '#shared/api/routine.ts';
import { appPerSuite, cookieFrom, createPerson, signup, type Client, type TestApp } from '#test/helpers/app.ts';
import { dialects } from '#test/helpers/test-db.ts';

const DAY = 86_400_000;

async function call<T>(
  c: Client,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  payload?: unknown,
  status?: number,
): Promise<T> {
  const r = await c.req({ method, url, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });
  expect(r.statusCode, `${method} ${url}: ${r.body}`).toBe(status ?? (method === 'POST' ? 201 : 200));
  return r.json<T>();
}

const today = (c: Client) => call<Today>(c, 'GET', '/api/v1/today');
const keysOf = (t: Today, kind?: string) => t.items.filter((i) => !kind || i.kind === kind).map((i) => i.key);

let users = 0;
/** A user of their own per test (from an address of its own: sign-up is rate-limited per address). */
async function newUser(t: TestApp, zone = 'Europe/Rome'): Promise<Client> {
  users++;
  const c = await signup(t.app, { remoteAddress: `10.0.${users >> 8}.${users & 255}` });
  await call(c, 'PATCH', '/api/v1/settings/routine', { timeZone: zone });
  return c;
}

describe.each(dialects())('the giving routine on %s', (dialect) => {
  const t = appPerSuite(dialect, { at: '2026-06-10T08:00:00Z' });

  it('settings: defaults, changes, and bad values refused', async () => {
    const c = await signup(t.app, { remoteAddress: '10.1.0.1' });
    const s = await call<RoutineSettings>(c, 'GET', '/api/v1/settings/routine');
    expect(s).toMatchObject({ timeZoneSet: false, weekStart: 1, digestEnabled: false, givingGoal: null });
    const changed = await call<RoutineSettings>(c, 'PATCH', '/api/v1/settings/routine', {
      timeZone: 'America/New_York',
      weekStart: 7,
      digestEnabled: true,
      digestWeekday: 5,
      digestHour: 18,
      givingGoal: 3,
    });
    expect(changed).toEqual({
      timeZone: 'America/New_York',
      timeZoneSet: true,
      weekStart: 7,
      digestEnabled: true,
      digestWeekday: 5,
      digestHour: 18,
      givingGoal: 3,
    });
    for (const payload of [
      { timeZone: 'Mars/Olympus' },
      { weekStart: 3 },
      { digestHour: 24 },
      { givingGoal: 0 },
      { digestWeekday: 8 },
    ]) {
      const r = await c.req({ method: 'PATCH', url: '/api/v1/settings/routine', payload });
      expect(r.statusCode, JSON.stringify(payload)).toBe(400);
    }
    expect(await call<RoutineSettings>(c, 'GET', '/api/v1/settings/routine')).toEqual(changed);
  });

  it('keep in touch: a cadence runs out, and any interaction resets it (a call, a give, an introduction)', async () => {
    const c = await newUser(t);
    const anna = await createPerson(c, { name: 'Anna Rossi', tags: ['Clienti'] });
    const bruno = await createPerson(c, { name: 'Bruno Neri', tags: ['clienti'] });
    const carla = await createPerson(c, { name: 'Carla Bianchi' });
    // Last contacts 40 days ago.
    for (const p of [anna, bruno, carla]) {
      await call(c, 'POST', `/api/v1/people/${p.id}/interactions`, {
        kind: 'meeting',
        occurredAt: new Date(t.clock.now.getTime() - 40 * DAY).toISOString(),
      });
    }
    const tag = await call<Cadence>(c, 'PUT', '/api/v1/cadences', { tag: 'CLIENTI', everyDays: 30 });
    expect(tag).toMatchObject({ tag: 'clienti', everyDays: 30, person: null });
    // A person's own cadence wins over the tag's.
    await call<Cadence>(c, 'PUT', '/api/v1/cadences', { personId: bruno.id, everyDays: 60 });
    const own = await call<Cadence>(c, 'PUT', '/api/v1/cadences', { personId: carla.id, everyDays: 35 });
    let d = await today(c);
    const due = d.items.filter((i) => i.kind === 'keep_in_touch');
    expect(due.map((i) => i.person?.name).sort()).toEqual(['Anna Rossi', 'Carla Bianchi']);
    const annaItem = due.find((i) => i.person?.id === anna.id);
    expect(annaItem).toMatchObject({ everyDays: 30, days: 10 });
    expect(annaItem?.date).toBe('2026-05-31');

    // Logging a call resets Anna; a give to Carla resets Carla.
    const logged = await call<LoggedInteraction>(c, 'POST', `/api/v1/people/${anna.id}/log`, {
      kind: 'call',
      summary: 'sentiti',
    });
    expect(logged.interaction).toMatchObject({ kind: 'call', personId: anna.id, occurredAt: t.clock.now.toISOString() });
    await call(c, 'POST', '/api/v1/gives', {
      kind: 'advice',
      description: 'consiglio',
      recipientIds: [carla.id],
      date: '2026-06-10',
    });
    d = await today(c);
    expect(keysOf(d, 'keep_in_touch')).toEqual([]);

    // Changing the cadence changes the due day; removing it removes the item.
    await call(c, 'PUT', '/api/v1/cadences', { personId: carla.id, everyDays: 35 });
    const list = await call<{ items: Cadence[] }>(c, 'GET', '/api/v1/cadences');
    expect(list.items).toHaveLength(3);
    await call(c, 'DELETE', `/api/v1/cadences/${own.id}`);
    expect((await call<{ items: Cadence[] }>(c, 'GET', '/api/v1/cadences')).items).toHaveLength(2);
    expect((await c.req({ method: 'DELETE', url: `/api/v1/cadences/${own.id}` })).statusCode).toBe(404);
    expect(
      (await c.req({ method: 'PUT', url: '/api/v1/cadences', payload: { tag: 'x', personId: anna.id, everyDays: 3 } }))
        .statusCode,
    ).toBe(400);
    expect(
      (await c.req({ method: 'PUT', url: '/api/v1/cadences', payload: { personId: c.selfPersonId, everyDays: 3 } })).statusCode,
    ).toBe(404);
  });

  it('going cold: strong ties (close to me, or often seen) silent for 90 days; any contact warms them', async () => {
    const c = await newUser(t);
    const often = await createPerson(c, { name: 'Spesso Visto' });
    const close = await createPerson(c, { name: 'Amica Stretta' });
    const recent = await createPerson(c, { name: 'Sentito Ieri' });
    const ago = (days: number) => new Date(t.clock.now.getTime() - days * DAY).toISOString();
    for (const d of [200, 150, 120])
      await call(c, 'POST', `/api/v1/people/${often.id}/interactions`, { kind: 'call', occurredAt: ago(d) });
    for (const d of [200, 150, 5])
      await call(c, 'POST', `/api/v1/people/${recent.id}/interactions`, { kind: 'call', occurredAt: ago(d) });
    await call(c, 'POST', `/api/v1/people/${close.id}/interactions`, { kind: 'meeting', occurredAt: ago(100) });
    await call(c, 'POST', `/api/v1/people/${c.selfPersonId}/relationships`, { otherPersonId: close.id, strength: 3 });
    let d = await today(c);
    expect(d.items.filter((i) => i.kind === 'going_cold').map((i) => [i.person?.name, i.days])).toEqual([
      ['Spesso Visto', 120],
      ['Amica Stretta', 100],
    ]);
    // A give counts as contact: the tie is warm again.
    await call(c, 'POST', '/api/v1/gives', { kind: 'advice', description: 'un consiglio', recipientIds: [often.id] });
    d = await today(c);
    expect(d.items.filter((i) => i.kind === 'going_cold').map((i) => i.person?.name)).toEqual(['Amica Stretta']);
  });

  it('follow-ups: due ones on Today, done in one tap, not before their day', async () => {
    const c = await newUser(t);
    const p = await createPerson(c, { name: 'Dario Verdi' });
    const logged = await call<LoggedInteraction>(c, 'POST', `/api/v1/people/${p.id}/log`, {
      kind: 'coffee',
      nextStep: { text: 'mandare il preventivo', dueOn: '2026-06-10', dueTime: '09:00' },
    });
    expect(logged.followUp).toMatchObject({
      text: 'mandare il preventivo',
      dueOn: '2026-06-10',
      dueTime: '09:00',
      person: { id: p.id },
      interactionId: logged.interaction.id,
    });
    const later = await call<FollowUp>(c, 'POST', '/api/v1/follow-ups', {
      text: 'richiamare',
      dueOn: '2026-06-12',
      personId: p.id,
    });
    let d = await today(c);
    expect(keysOf(d, 'follow_up')).toEqual([`follow_up:${logged.followUp?.id}`]);
    await call(c, 'POST', '/api/v1/today/states', { key: `follow_up:${logged.followUp?.id}`, state: 'done' }, 200);
    expect((await call<FollowUp>(c, 'GET', `/api/v1/follow-ups/${logged.followUp?.id}`)).doneAt).not.toBeNull();
    d = await today(c);
    expect(keysOf(d, 'follow_up')).toEqual([]);
    // Two days later the second one is due.
    t.clock.now = new Date(t.clock.now.getTime() + 2 * DAY);
    try {
      d = await today(c);
      expect(keysOf(d, 'follow_up')).toEqual([`follow_up:${later.id}`]);
      expect(d.items.find((i) => i.kind === 'follow_up')?.days).toBe(0);
      const open = await call<{ items: FollowUp[] }>(c, 'GET', `/api/v1/follow-ups?personId=${p.id}`);
      expect(open.items.map((f) => f.id)).toEqual([later.id]);
      await call(c, 'PATCH', `/api/v1/follow-ups/${later.id}`, { done: true }, 200);
      expect((await call<{ items: FollowUp[] }>(c, 'GET', '/api/v1/follow-ups?status=done')).items).toHaveLength(2);
    } finally {
      t.clock.now = new Date(t.clock.now.getTime() - 2 * DAY);
    }
    expect(
      (await c.req({ method: 'POST', url: '/api/v1/follow-ups', payload: { text: 'x', dueOn: '2026-02-30' } })).statusCode,
    ).toBe(400);
    expect(
      (await c.req({ method: 'POST', url: '/api/v1/follow-ups', payload: { text: 'x', dueOn: '2026-06-30', dueTime: '25:00' } }))
        .statusCode,
    ).toBe(400);
  });

  it('marks: not relevant stays, snoozed comes back on its day, open takes a mark back', async () => {
    const c = await newUser(t);
    const p = await createPerson(c, { name: 'Elena Gialli' });
    const f1 = await call<FollowUp>(c, 'POST', '/api/v1/follow-ups', { text: 'uno', dueOn: '2026-06-09', personId: p.id });
    const f2 = await call<FollowUp>(c, 'POST', '/api/v1/follow-ups', { text: 'due', dueOn: '2026-06-09', personId: p.id });
    await call(c, 'POST', '/api/v1/today/states', { key: `follow_up:${f1.id}`, state: 'dismissed' }, 200);
    await call(c, 'POST', '/api/v1/today/states', { key: `follow_up:${f2.id}`, state: 'snoozed', until: '2026-06-12' }, 200);
    let d = await today(c);
    expect(keysOf(d, 'follow_up')).toEqual([]);
    expect(d.counts.hidden).toBe(2);
    t.clock.now = new Date(t.clock.now.getTime() + 2 * DAY);
    try {
      d = await today(c);
      expect(keysOf(d, 'follow_up')).toEqual([`follow_up:${f2.id}`]);
    } finally {
      t.clock.now = new Date(t.clock.now.getTime() - 2 * DAY);
    }
    await call(c, 'POST', '/api/v1/today/states', { key: `follow_up:${f1.id}`, state: 'open' }, 200);
    expect(keysOf(await today(c), 'follow_up')).toEqual([`follow_up:${f1.id}`]);
    for (const payload of [
      { key: 'nonsense', state: 'done' },
      { key: `follow_up:${f1.id}`, state: 'later' },
      { key: `follow_up:${f1.id}`, state: 'snoozed', until: '2026-06-01' },
    ]) {
      expect((await c.req({ method: 'POST', url: '/api/v1/today/states', payload })).statusCode, JSON.stringify(payload)).toBe(
        400,
      );
    }
  });

  it('ways to give: a need the Value Finder meets, with the helper; new since the previous visit', async () => {
    const c = await newUser(t);
    const giulia = await createPerson(c, {
      name: 'Giulia Fabbri',
      role: 'Commercialista',
      offers: [{ text: 'consulenza fiscale e dichiarazione dei redditi' }],
    });
    const marco = await createPerson(c, {
      name: 'Marco Galli',
      needs: [{ text: 'cerco un commercialista per la mia nuova partita IVA' }],
    });
    await createPerson(c, { name: 'Nessuno', needs: [{ text: 'cerco un liutaio per restaurare un violoncello barocco' }] });
    const d = await today(c);
    const gives = d.items.filter((i) => i.kind === 'give');
    expect(gives).toHaveLength(1);
    expect(gives[0]).toMatchObject({ person: { id: marco.id }, isNew: true });
    expect(gives[0]?.helpers[0]).toMatchObject({ id: giulia.id, name: 'Giulia Fabbri', isMe: false });
    // The same visit keeps the mark; a visit two hours later does not.
    expect((await today(c)).items.find((i) => i.kind === 'give')?.isNew).toBe(true);
    t.clock.now = new Date(t.clock.now.getTime() + 2 * 3_600_000);
    try {
      expect((await today(c)).items.find((i) => i.kind === 'give')?.isNew).toBe(false);
    } finally {
      t.clock.now = new Date(t.clock.now.getTime() - 2 * 3_600_000);
    }
    // A give that answers the need takes it off Today.
    const needId = gives[0]?.need?.id;
    await call(c, 'POST', '/api/v1/gives', { kind: 'introduction', description: 'presentati', recipientIds: [marco.id], needId });
    expect(keysOf(await today(c), 'give')).toEqual([]);
    expect((await today(c)).goal).toEqual({ perWeek: null, givenThisWeek: 1 });
  });

  it('birthdays in the coming week, 29 February in a common year, the age when the year is known', async () => {
    const c = await newUser(t);
    const a = await createPerson(c, { name: 'Ada' });
    const b = await createPerson(c, { name: 'Bice' });
    const z = await createPerson(c, { name: 'Zeno' });
    const db = t.deps.db;
    await db.updateTable('people').set({ birthday: '1984-06-12' }).where('id', '=', a.id).execute();
    await db.updateTable('people').set({ birthday: '--06-30' }).where('id', '=', b.id).execute();
    await db.updateTable('people').set({ birthday: '1992-02-29' }).where('id', '=', z.id).execute();
    let d = await today(c);
    expect(d.items.filter((i) => i.kind === 'birthday')).toEqual([
      expect.objectContaining({ key: `birthday:${a.id}:2026`, date: '2026-06-12', days: -2, age: 42 }),
    ]);
    // On 25 February 2027 (not a leap year) Zeno's birthday is on the 28th (logged in again: the session has expired by then).
    const saved = t.clock.now;
    t.clock.now = new Date('2027-02-25T10:00:00Z');
    try {
      const login = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: c.email, password: c.password },
      });
      expect(login.statusCode).toBe(200);
      c.cookie = cookieFrom(login);
      c.csrf = login.json<{ csrfToken: string }>().csrfToken;
      d = await today(c);
      expect(d.items.filter((i) => i.kind === 'birthday')).toEqual([
        expect.objectContaining({ key: `birthday:${z.id}:2027`, date: '2027-02-28', age: 35 }),
      ]);
    } finally {
      t.clock.now = saved;
    }
  });

  it('time zones: the day of Today and of a cadence is the user’s; a traveller sees their new zone', async () => {
    const c = await newUser(t, 'Pacific/Auckland');
    const saved = t.clock.now;
    // 2026-06-10T20:00Z is already the 11th in Auckland, still the 10th in Rome.
    t.clock.now = new Date('2026-06-10T20:00:00Z');
    try {
      const p = await createPerson(c, { name: 'Fede' });
      await call(c, 'POST', '/api/v1/follow-ups', { text: 'x', dueOn: '2026-06-11', personId: p.id });
      let d = await today(c);
      expect(d.date).toBe('2026-06-11');
      expect(d.timeZone).toBe('Pacific/Auckland');
      expect(keysOf(d, 'follow_up')).toHaveLength(1);
      await call(c, 'PATCH', '/api/v1/settings/routine', { timeZone: 'Europe/Rome' });
      d = await today(c);
      expect(d.date).toBe('2026-06-10');
      expect(keysOf(d, 'follow_up')).toHaveLength(0);
    } finally {
      t.clock.now = saved;
    }
  });

  it('the week of the giving goal starts on the user’s day', async () => {
    const c = await newUser(t);
    const p = await createPerson(c, { name: 'Gino' });
    // 2026-06-10 is a Wednesday; Sunday the 7th is in a Sunday week, not in a Monday week.
    await call(c, 'POST', '/api/v1/gives', { kind: 'advice', description: 'x', recipientIds: [p.id], date: '2026-06-07' });
    await call(c, 'PATCH', '/api/v1/settings/routine', { givingGoal: 3 });
    let d = await today(c);
    expect(d.weekStart).toBe('2026-06-08');
    expect(d.goal).toEqual({ perWeek: 3, givenThisWeek: 0 });
    await call(c, 'PATCH', '/api/v1/settings/routine', { weekStart: 7 });
    d = await today(c);
    expect(d.weekStart).toBe('2026-06-07');
    expect(d.goal).toEqual({ perWeek: 3, givenThisWeek: 1 });
  });

  it('the one-to-one: answers propose needs and offers; saved with a timeline entry and a follow-up, all at once', async () => {
    const c = await newUser(t);
    const laura = await createPerson(c, { name: 'Laura Conti' });
    const answers = {
      goals: 'aprire una sede a Milano',
      skills: 'Consulenza SEO\n- siti e-commerce',
      lookingFor: 'cerco un avvocato esperto di contratti di franchising; un fotografo',
      interests: 'vela',
      goodIntroduction: 'responsabili marketing di aziende food',
    };
    const proposal = await call<OneToOneProposal>(c, 'POST', '/api/v1/one-to-ones/proposal', { answers }, 200);
    expect(proposal.needs.map((n) => n.text)).toEqual([
      'cerco un avvocato esperto di contratti di franchising',
      'un fotografo',
      'responsabili marketing di aziende food',
      'aprire una sede a Milano',
    ]);
    expect(proposal.offers.map((o) => [o.text, o.from])).toEqual([
      ['Consulenza SEO', 'skills'],
      ['siti e-commerce', 'skills'],
    ]);
    expect(proposal.needs[0]?.language).toBe('it');
    expect(proposal.nextStep.dueOn).toBe('2026-06-17');
    const saved = await call<OneToOneResult>(c, 'POST', `/api/v1/people/${laura.id}/one-to-ones`, {
      answers,
      needs: proposal.needs.slice(0, 2).map((n) => ({ text: n.text, language: n.language })),
      offers: [{ text: 'Consulenza SEO per e-commerce', language: 'it' }],
      nextStep: { text: proposal.nextStep.text, dueOn: proposal.nextStep.dueOn },
    });
    expect(saved.interaction.kind).toBe('one_to_one');
    expect(saved.interaction.summary).toContain('Cosa cerca ora: cerco un avvocato');
    expect(saved.needs).toHaveLength(2);
    expect(saved.followUp).toMatchObject({ dueOn: '2026-06-17', person: { id: laura.id } });
    const person = await call<{ needs: unknown[]; offers: unknown[]; timeline: Array<{ kind: string }> }>(
      c,
      'GET',
      `/api/v1/people/${laura.id}`,
    );
    expect(person.needs).toHaveLength(2);
    expect(person.offers).toHaveLength(1);
    expect(person.timeline[0]?.kind).toBe('one_to_one');
    // A bad need refuses the whole one-to-one: nothing half-written.
    const before = await c.req({ method: 'GET', url: `/api/v1/people/${laura.id}` });
    const bad = await c.req({
      method: 'POST',
      url: `/api/v1/people/${laura.id}/one-to-ones`,
      payload: { answers, needs: [{ text: 'ok need' }, { text: 'x' }], nextStep: { text: 'y', dueOn: '2026-06-20' } },
    });
    expect(bad.statusCode).toBe(400);
    expect((await c.req({ method: 'GET', url: `/api/v1/people/${laura.id}` })).body).toBe(before.body);
  });

  it("another user's people, follow-ups and cadences answer 404, and nothing of theirs is on my Today", async () => {
    const owner = await newUser(t);
    const other = await newUser(t);
    const p = await createPerson(owner, { name: 'CANARY-person', needs: [{ text: 'CANARY-need commercialista' }] });
    const f = await call<FollowUp>(owner, 'POST', '/api/v1/follow-ups', {
      text: 'CANARY-follow-up',
      dueOn: '2026-06-01',
      personId: p.id,
    });
    const cad = await call<Cadence>(owner, 'PUT', '/api/v1/cadences', { personId: p.id, everyDays: 1 });
    for (const [method, url, payload] of [
      ['GET', `/api/v1/follow-ups/${f.id}`, undefined],
      ['PATCH', `/api/v1/follow-ups/${f.id}`, { done: true }],
      ['DELETE', `/api/v1/follow-ups/${f.id}`, undefined],
      ['DELETE', `/api/v1/cadences/${cad.id}`, undefined],
      ['PUT', '/api/v1/cadences', { personId: p.id, everyDays: 2 }],
      ['POST', `/api/v1/people/${p.id}/log`, {}],
      ['POST', `/api/v1/people/${p.id}/one-to-ones`, { answers: {} }],
      ['POST', '/api/v1/follow-ups', { text: 'x', dueOn: '2026-06-01', personId: p.id }],
      ['POST', '/api/v1/today/states', { key: `follow_up:${f.id}`, state: 'done' }],
    ] as const) {
      const r = await other.req({ method, url, ...(payload ? { payload } : {}) });
      expect(r.statusCode, `${method} ${url}`).toBe(404);
    }
    const mine = await today(other);
    expect(JSON.stringify(mine)).not.toContain('CANARY');
    expect((await call<FollowUp>(owner, 'GET', `/api/v1/follow-ups/${f.id}`)).doneAt).toBeNull();
  });
});
