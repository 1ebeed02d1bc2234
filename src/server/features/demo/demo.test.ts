import { afterAll, describe, expect, it } from 'vitest';
import { appPerSuite, createPerson, signup, type Client } from '#test/helpers/app.ts';
import { cliSandbox } from '#test/helpers/cli.ts';
import { dialects } from '#test/helpers/test-db.ts';
import { createJobWorker } from '../intros/intros.jobs.ts';
import type { LedgerStats } from '#shared/api/ledger.ts';
import type { ValueFinder } from '#shared/api/matching.ts';
import { addDays, localDate, nextAnniversary } from '../../lib/time.ts';

type Summary = { id: string; name: string; demo: boolean };
type Detail = {
  id: string;
  updatedAt: string;
  name: string;
  birthday: string | null;
  offers: Array<{ text: string }>;
  needs: Array<{ text: string }>;
  relationships: Array<{ other: { id: string } }>;
  introducedBy: { id: string } | null;
  privacy: { source: string | null };
};

async function ok<T>(c: Client, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object): Promise<T> {
  const res = await c.req({ method, url, ...(payload === undefined ? {} : { payload }) });
  if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
  return res.json<T>();
}

async function everyone(c: Client): Promise<Summary[]> {
  return (await ok<{ items: Summary[] }>(c, 'GET', '/api/v1/people?limit=200')).items;
}

describe.each(dialects())('the demo network on %s', (dialect) => {
  const t = appPerSuite(dialect);

  for (const locale of ['en', 'it'] as const) {
    it(`never touches Me, marks its people, and shows gives with outcomes and paths through someone (${locale} user)`, async () => {
      const u = await signup(t.app, { locale });
      await ok(u, 'POST', `/api/v1/people/${u.selfPersonId}/offers`, { text: 'Restauro di biciclette d’epoca' });
      const meBefore = await ok<Detail>(u, 'GET', '/api/v1/me');

      const loaded = await u.req({ method: 'POST', url: '/api/v1/demo' });
      expect(loaded.statusCode).toBe(201);
      const counts = loaded.json<{ people: number; relationships: number; gives: number }>();
      expect(counts.people).toBeGreaterThanOrEqual(70);
      expect(counts.gives).toBeGreaterThanOrEqual(4);

      // Me is exactly as it was: no invented offers or needs, in any language.
      const me = await ok<Detail>(u, 'GET', '/api/v1/me');
      expect(me.offers.map((o) => o.text)).toEqual(['Restauro di biciclette d’epoca']);
      expect(me.needs).toEqual([]);
      expect(me).toEqual({ ...meBefore, updatedAt: me.updatedAt });
      expect(me.relationships).toEqual([]);

      const people = await everyone(u);
      expect(people).toHaveLength(counts.people);
      expect(people.every((p) => p.demo)).toBe(true);
      expect((await ok<{ people: number }>(u, 'GET', '/api/v1/demo')).people).toBe(counts.people);
      const giulia = people.find((p) => p.name === 'Giulia Ferri') as Summary;
      const giuliaDetail = await ok<Detail>(u, 'GET', `/api/v1/people/${giulia.id}`);
      expect(giuliaDetail.privacy.source).toBe('demo');
      // A few have birthdays, from the day it is loaded: Giulia's is tomorrow, when she turns 44.
      const today = localDate(t.clock.now, 'UTC');
      const birthday = giuliaDetail.birthday as string;
      expect(nextAnniversary(birthday, today)).toBe(addDays(today, 1));
      expect(Number(addDays(today, 1).slice(0, 4)) - Number(birthday.slice(0, 4))).toBe(44);
      const marco = people.find((p) => p.name === 'Marco Bellini') as Summary;
      expect((await ok<Detail>(u, 'GET', `/api/v1/people/${marco.id}`)).birthday).toBe(`--${addDays(today, 3).slice(5)}`);
      // So Today has birthdays to show at once.
      const todayPage = await ok<{ items: Array<{ kind: string; person: { name: string } | null }> }>(u, 'GET', '/api/v1/today');
      const birthdays = todayPage.items.filter((i) => i.kind === 'birthday').map((i) => i.person?.name);
      expect(birthdays).toEqual(expect.arrayContaining(['Giulia Ferri', 'Marco Bellini', 'James Whitfield']));

      // Givers gain is not empty: gives, outcomes, business for others and for me.
      const stats = await ok<LedgerStats>(u, 'GET', '/api/v1/ledger/stats');
      expect(stats.totals.gives).toBe(counts.gives);
      expect(stats.totals.outcomes).toBeGreaterThanOrEqual(5);
      expect(stats.businessForOthers.map((s) => s.currency)).toEqual(['EUR']);
      expect(stats.businessReceived[0]?.amountCents).toBeGreaterThan(0);
      expect(stats.referrers.map((r) => r.person.name)).toContain('Giulia Ferri');
      // What the user "wrote" in the ledger is in their language.
      const gives = await ok<{ items: Array<{ description: string; need: { text: string } | null }> }>(u, 'GET', '/api/v1/gives');
      const intro = gives.items.find((g) => g.need?.text.startsWith('Un consulente IT'));
      expect(intro?.description).toBe(
        locale === 'it'
          ? 'Ho presentato Fabio Cattaneo a Giulia Ferri per portare lo studio in cloud'
          : 'Introduced Fabio Cattaneo to Giulia Ferri to move her firm to the cloud',
      );

      // Some helpers are reached only through someone: the Value Finder says through whom.
      const davide = people.find((p) => p.name === 'Davide Conti') as Summary;
      const vf = await ok<ValueFinder>(u, 'GET', `/api/v1/people/${davide.id}/value-finder`);
      const helpers = vf.needs.flatMap((n) => n.network);
      const cristina = helpers.find((h) => h.person.name === 'Cristina Morandi');
      expect(cristina?.path).toMatchObject({ kind: 'via', via: [expect.objectContaining({ name: 'Francesca Galli' })] });
      // Nothing drives "you can help" or "it's you" but the user's own offer.
      expect(vf.needs.flatMap((n) => n.mine).map((m) => m.offer?.text)).not.toContain(
        'Strategia di marketing e posizionamento per PMI e studi professionali',
      );
    });
  }

  it('is removed in one action with everything that refers to its people, and nothing else', async () => {
    const u = await signup(t.app, { locale: 'it' });
    const other = await signup(t.app, { locale: 'en' });
    await ok(other, 'POST', '/api/v1/demo');
    const otherBefore = await everyone(other);

    await ok(u, 'POST', `/api/v1/people/${u.selfPersonId}/offers`, { text: 'Consulenza su bandi europei' });
    const loaded = await ok<{ gives: number }>(u, 'POST', '/api/v1/demo');
    const demoReceived = (await ok<{ items: unknown[] }>(u, 'GET', '/api/v1/received')).items.length;
    expect(demoReceived).toBeGreaterThan(0);
    const demo = await everyone(u);
    const byName = (n: string) => (demo.find((p) => p.name === n) as Summary).id;
    const [giulia, marco, chiara] = [byName('Giulia Ferri'), byName('Marco Bellini'), byName('Chiara Rinaldi')];

    // The user's own contact, tied to the demo in every way a user can tie them.
    const real = await createPerson(u, { name: 'Lucia Verdi', emails: [{ value: 'lucia@example.it' }], introducedById: giulia });
    await ok(u, 'POST', `/api/v1/people/${real.id}/needs`, { text: 'Un avvocato per un contratto di affitto' });
    await ok(u, 'POST', `/api/v1/people/${real.id}/relationships`, { otherPersonId: marco, strength: 3 });
    await ok(u, 'POST', `/api/v1/people/${u.selfPersonId}/relationships`, { otherPersonId: chiara, strength: 2 });
    const shared = await ok<{ id: string }>(u, 'POST', '/api/v1/gives', {
      kind: 'advice',
      description: 'Consiglio a Lucia e Marco',
      recipientIds: [real.id, marco],
    });
    await ok(u, 'POST', '/api/v1/gives', { kind: 'time', description: 'Un caffè con Chiara', recipientIds: [chiara] });
    await ok(u, 'POST', '/api/v1/received', { description: 'Cliente portato da Marco', referredById: marco });
    const mine = await ok<{ id: string }>(u, 'POST', '/api/v1/received', { description: 'Cliente trovato da solo' });
    const sent = await ok<{ id: string }>(u, 'POST', '/api/v1/intros', {
      personAId: giulia,
      personBId: chiara,
      note: 'Due siti',
    });
    expect((await u.req({ method: 'POST', url: `/api/v1/intros/${sent.id}/send` })).statusCode).toBe(200);
    await ok(u, 'POST', '/api/v1/intros', { personAId: real.id, personBId: marco, note: 'Un contratto' });
    const keptIntro = await ok<{ id: string }>(u, 'POST', '/api/v1/intros', {
      personAId: real.id,
      personBId: 'me',
      note: 'Parliamone',
    });
    expect((await ok<{ items: unknown[] }>(u, 'GET', '/api/v1/outbox')).items.length).toBeGreaterThan(0);
    // The introduction's requests leave (to the outbox): it becomes a give.
    const worker = createJobWorker(t.deps, { id: 'demo-test-worker' });
    expect((await worker.runOnce()).ran).toBeGreaterThan(0);
    await worker.stop();
    worker.mailer.close();

    const res = await u.req({ method: 'DELETE', url: '/api/v1/demo' });
    expect(res.statusCode).toBe(200);
    // The demo's own gives, the one to Chiara alone and the one the sent introduction recorded when
    // its request was delivered; the demo's business received and the one Marco referred.
    expect(res.json()).toEqual({
      people: demo.length,
      intros: 2,
      messages: expect.any(Number),
      gives: loaded.gives + 2,
      received: demoReceived + 1,
    });
    expect(res.json<{ messages: number }>().messages).toBeGreaterThan(0);

    // Only the user's own contact is left, untied from the demo; Me keeps its offer.
    const left = await everyone(u);
    expect(left.map((p) => [p.name, p.demo])).toEqual([['Lucia Verdi', false]]);
    const lucia = await ok<Detail>(u, 'GET', `/api/v1/people/${real.id}`);
    expect(lucia.relationships).toEqual([]);
    expect(lucia.introducedBy).toBeNull();
    expect(lucia.needs.map((n) => n.text)).toEqual(['Un avvocato per un contratto di affitto']);
    const me = await ok<Detail>(u, 'GET', '/api/v1/me');
    expect(me.offers.map((o) => o.text)).toEqual(['Consulenza su bandi europei']);
    expect(me.relationships).toEqual([]);
    for (const id of [giulia, marco]) expect((await u.req({ method: 'GET', url: `/api/v1/people/${id}` })).statusCode).toBe(404);

    const gives = await ok<{ items: Array<{ id: string; recipients: Array<{ id: string }> }> }>(u, 'GET', '/api/v1/gives');
    expect(gives.items.map((g) => [g.id, g.recipients.map((r) => r.id)])).toEqual([[shared.id, [real.id]]]);
    const received = await ok<{ items: Array<{ id: string }> }>(u, 'GET', '/api/v1/received');
    expect(received.items.map((r) => r.id)).toEqual([mine.id]);
    const intros = await ok<{ items: Array<{ id: string }> }>(u, 'GET', '/api/v1/intros');
    expect(intros.items.map((i) => i.id)).toEqual([keptIntro.id]);
    expect((await ok<{ items: unknown[] }>(u, 'GET', '/api/v1/outbox')).items).toEqual([]);
    const stats = await ok<LedgerStats>(u, 'GET', '/api/v1/ledger/stats');
    expect(stats.totals).toMatchObject({ gives: 1, outcomes: 0 });

    // No row anywhere still names a demo person.
    const ids = demo.map((p) => p.id);
    const db = t.deps.db;
    const leftovers = await Promise.all([
      db
        .selectFrom('relationships')
        .select('id')
        .where((eb) => eb.or([eb('person_a_id', 'in', ids), eb('person_b_id', 'in', ids)]))
        .execute(),
      db.selectFrom('give_recipients').select('give_id').where('person_id', 'in', ids).execute(),
      db.selectFrom('intro_sides').select('intro_id').where('person_id', 'in', ids).execute(),
      db.selectFrom('mail_messages').select('id').where('owner_id', '=', u.userId).execute(),
      db.selectFrom('jobs').select('id').where('owner_id', '=', u.userId).where('state', '=', 'pending').execute(),
      db
        .selectFrom('network_changes')
        .select('person_id')
        .where('person_id', 'in', ids)
        .where('owner_id', '=', u.userId)
        .execute(),
      db.selectFrom('needs').select('id').where('person_id', 'in', ids).execute(),
      db.selectFrom('interactions').select('id').where('person_id', 'in', ids).execute(),
    ]);
    // The change log keeps only the bare ids of the people gone (so that every process drops them).
    expect(leftovers.map((rows) => rows.length)).toEqual([0, 0, 0, 0, 0, ids.length, 0, 0]);

    // Search forgets them; a second removal finds nothing; another account's demo is untouched.
    expect((await ok<{ items: unknown[] }>(u, 'GET', '/api/v1/people?q=giulia')).items).toEqual([]);
    expect(await ok(u, 'DELETE', '/api/v1/demo')).toEqual({ people: 0, intros: 0, messages: 0, gives: 0, received: 0 });
    expect(await everyone(other)).toEqual(otherBefore);
    expect((await ok<{ people: number }>(other, 'GET', '/api/v1/demo')).people).toBe(otherBefore.length);
  });

  it('is refused into a network that has contacts', async () => {
    const u = await signup(t.app);
    await createPerson(u, { name: 'Already Here' });
    const res = await u.req({ method: 'POST', url: '/api/v1/demo' });
    expect(res.statusCode).toBe(409);
    expect(await everyone(u)).toHaveLength(1);
  });
});

describe('rete demo command line', () => {
  const cli = cliSandbox('demo');
  afterAll(cli.cleanup);

  it('loads the demo network into an account and removes it', () => {
    cli.run(['user', 'create', '--email', 'demo@example.com', '--name', 'Demo'], {
      RETE_PASSWORD: 'a perfectly fine passphrase',
    });
    expect(cli.run(['demo', '--user', 'demo@example.com'])).toMatch(/^Loaded \d+ people, \d+ relationships, \d+ gives\./);
    expect(cli.run(['demo', '--user', 'demo@example.com', '--remove'])).toMatch(/^Removed \d+ demo people, 0 introductions/);
    expect(cli.run(['demo', '--user', 'demo@example.com', '--remove'])).toBe('There is no demo network in this account.\n');
  });
});
