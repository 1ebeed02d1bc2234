import { describe, expect, it } from 'vitest';
import { appPerSuite, createPerson, signup, type Client } from '#test/helpers/app.ts';
import { dialects } from '#test/helpers/test-db.ts';
import { expectErrorShape, randomId, snapshot } from '#test/helpers/world.ts';
import type { DuplicatePair, DuplicatesResponse, MergePairsResult } from '#shared/api/duplicates.ts';
import type { PersonDetail } from '#shared/api/people.ts';
import { findDuplicates } from './duplicates.service.ts';
import { mergePeople } from './merge.service.ts';
import { nameTokens, score, companyTokens, tokensSimilarity } from './similarity.ts';

describe('name similarity', () => {
  const sim = (x: string, y: string) => tokensSimilarity(nameTokens(x), nameTokens(y));

  it('sees through accents, case, word order, titles, particles, initials and small typos', () => {
    expect(sim('Nicolò Bianchi', 'NICOLO BIANCHI')).toBe(1);
    expect(sim('Rossi Mario', 'Mario Rossi')).toBe(1);
    expect(sim('Dott. Mario Rossi', 'Mario Rossi')).toBe(1);
    expect(sim('Francesca De Luca', 'Francesca DeLuca')).toBe(1);
    expect(sim("Marco D'Angelo", 'Marco Dangelo')).toBe(1);
    expect(sim('M. Rossi', 'Mario Rossi')).toBeGreaterThanOrEqual(0.9);
    expect(sim('Alessandro Marchetti', 'Alesandro Marchetti')).toBeGreaterThanOrEqual(0.9);
    expect(sim('Gianmarco Verdi', 'Gian Marco Verdi')).toBeGreaterThanOrEqual(0.9);
  });

  it('keeps different people apart: another first name, gendered forms, a different surname', () => {
    expect(sim('Mario Rossi', 'Mario Bianchi')).toBeLessThan(0.8);
    expect(sim('Mario Rossi', 'Maria Rossi')).toBeLessThan(0.8);
    expect(sim('Giulio Ferri', 'Giulia Ferri')).toBeLessThan(0.8);
    expect(sim('Mario Rossi', 'Maria Russo')).toBeLessThan(0.5);
    expect(sim('Anna Rossi', 'Anna Russo')).toBeLessThan(0.8);
  });

  it('ignores legal forms in company names and scores the same company higher', () => {
    expect(companyTokens('ACME S.r.l.')).toEqual(['acme']);
    expect(companyTokens('Rossi & Figli S.p.A.')).toEqual(['rossi', 'figli']);
    const p = (name: string, company: string | null, emails: string[] = []) => ({
      tokens: nameTokens(name),
      company: companyTokens(company),
      emails: new Set(emails),
      phones: new Set<string>(),
      links: new Set<string>(),
    });
    const same = score(p('Sara Colombo', 'Acme Srl'), p('Colombo Sara', 'ACME'));
    const other = score(p('Sara Colombo', 'Acme Srl'), p('Sara Colombo', 'Beta SpA'));
    expect(same.reasons).toEqual(['similar_name', 'same_company']);
    expect(same.score).toBeGreaterThan(other.score);
    const byEmail = score(p('S. Colombo', null, ['sara@acme.it']), p('Sara Colombo', null, ['sara@acme.it']));
    expect(byEmail.reasons).toEqual(['same_email', 'similar_name']);
    expect(byEmail.score).toBeGreaterThan(0.95);
  });
});

describe.each(dialects())('duplicates and merging on %s', (dialect) => {
  const t = appPerSuite(dialect);

  const duplicates = async (c: Client) => {
    const res = await c.req({ method: 'GET', url: '/api/v1/duplicates' });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ pairs: DuplicatePair[] }>().pairs;
  };
  const pairOf = (pairs: DuplicatePair[], x: string, y: string) =>
    pairs.find((p) => (p.a.id === x && p.b.id === y) || (p.a.id === y && p.b.id === x));
  const get = async (c: Client, id: string) => (await c.req({ method: 'GET', url: `/api/v1/people/${id}` })).json<PersonDetail>();

  it('finds the true pairs (accents, word order, typo, initials, shared email, phone, LinkedIn) and leaves look-alikes apart', async () => {
    const u = await signup(t.app);
    const p = async (body: Record<string, unknown>) => (await createPerson(u, body)).id;
    const nicolo1 = await p({ name: 'Nicolò Bianchi', company: 'Studio Bianchi' });
    const nicolo2 = await p({ name: 'NICOLO BIANCHI', company: 'Studio Bianchi S.r.l.' });
    const rossi1 = await p({ name: 'Mario Rossi', city: 'Milano' });
    const rossi2 = await p({ name: 'Rossi Mario' });
    const typo1 = await p({ name: 'Alessandro Marchetti', company: 'Acme' });
    const typo2 = await p({ name: 'Alesandro Marchetti', company: 'ACME SpA' });
    const init1 = await p({ name: 'G. Ferraro', company: 'Ferraro Legal' });
    const init2 = await p({ name: 'Giovanni Ferraro', company: 'Ferraro Legal' });
    const mail1 = await p({ name: 'Laura B.', emails: [{ value: 'Laura.Bassi@Example.com' }] });
    const mail2 = await p({ name: 'Laura Bassi', emails: [{ value: 'laura.bassi@example.com' }] });
    const tel1 = await p({ name: 'Pietro Neri', phones: [{ value: '+39 333 765 4321' }] });
    const tel2 = await p({ name: 'Piero Neri', phones: [{ value: '333 7654321' }] });
    const li1 = await p({ name: 'Chiara Galli', links: [{ value: 'https://it.linkedin.com/in/chiara-galli/' }] });
    const li2 = await p({ name: 'Chiara Galli Rinaldi', links: [{ value: 'http://www.linkedin.com/in/Chiara-Galli' }] });
    // Look-alikes that are other people.
    const maria = await p({ name: 'Maria Rossi' });
    const russo = await p({ name: 'Maria Russo', company: 'Beta' });
    const bianchi = await p({ name: 'Mario Bianchi' });
    const giulia = await p({ name: 'Giulia Ferri' });
    const giulio = await p({ name: 'Giulio Ferri' });

    const pairs = await duplicates(u);
    for (const [x, y, reason] of [
      [nicolo1, nicolo2, 'same_company'],
      [rossi1, rossi2, 'similar_name'],
      [typo1, typo2, 'same_company'],
      [init1, init2, 'similar_name'],
      [mail1, mail2, 'same_email'],
      [tel1, tel2, 'same_phone'],
      [li1, li2, 'same_link'],
    ] as const) {
      const pair = pairOf(pairs, x, y);
      expect(pair, `${x} ~ ${y}`).toBeDefined();
      expect(pair?.reasons).toContain(reason);
      expect(pair?.score).toBeGreaterThanOrEqual(0.6);
      expect(pair?.score).toBeLessThanOrEqual(1);
    }
    for (const [x, y] of [
      [rossi1, maria],
      [rossi1, russo],
      [rossi1, bianchi],
      [maria, russo],
      [giulia, giulio],
      [nicolo1, bianchi],
    ] as const) {
      expect(pairOf(pairs, x, y), `${x} !~ ${y}`).toBeUndefined();
    }
    expect(pairs).toHaveLength(7);
    // Best first; the people carry what the view shows.
    const scores = pairs.map((x) => x.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const mail = pairOf(pairs, mail1, mail2);
    expect([mail?.a.displayName, mail?.b.displayName].sort()).toEqual(['Laura B.', 'Laura Bassi']);
    expect(mail?.a.emails.map((e) => e.toLowerCase())).toEqual(['laura.bassi@example.com']);
    expect(pairOf(pairs, rossi1, rossi2)?.[pairOf(pairs, rossi1, rossi2)?.a.id === rossi1 ? 'a' : 'b'].city).toBe('Milano');

    // Someone else's network never shows up, not even the same names.
    const other = await signup(t.app);
    await createPerson(other, { name: 'Mario Rossi' });
    expect(await duplicates(other)).toEqual([]);
  });

  it('merges two people keeping every email, phone, link, tag, note, need, offer, timeline entry, relationship and privacy note', async () => {
    const u = await signup(t.app, { locale: 'en' });
    const third = await createPerson(u, { name: 'Third Person' });
    const fourth = await createPerson(u, { name: 'Fourth Person' });
    const introducer = await createPerson(u, { name: 'Intro Ducer' });
    const keep = await createPerson(u, {
      name: 'Mario Rossi',
      company: 'Acme',
      notes: 'Met at the fair',
      emails: [{ value: 'mario@acme.it', label: 'work' }],
      phones: [{ value: '+39 333 111 2222' }],
      tags: ['clients', 'fair'],
      legalBasis: 'legitimate_interest',
      legalBasisNote: 'Business contact',
    });
    const other = await createPerson(u, {
      name: 'Rossi Mario',
      company: 'Beta Srl',
      role: 'CTO',
      city: 'Torino',
      notes: 'Loves sailing',
      howMet: 'LinkedIn',
      introducedById: introducer.id,
      emails: [{ value: 'MARIO@acme.it' }, { value: 'mario.rossi@beta.it' }],
      phones: [{ value: '+39 011 555 6666' }],
      links: [{ value: 'https://www.linkedin.com/in/mario-rossi' }],
      tags: ['fair', 'sailing'],
      legalBasisNote: 'Asked for the newsletter',
    });
    const post = async (url: string, payload: Record<string, unknown>) => {
      const res = await u.req({ method: 'POST', url, payload });
      expect(res.statusCode, res.body).toBe(201);
      return res.json<{ id: string }>();
    };
    await post(`/api/v1/people/${keep.id}/needs`, { text: 'A new website' });
    const otherNeed = await post(`/api/v1/people/${other.id}/needs`, { text: 'An accountant', status: 'satisfied' });
    const otherOffer = await post(`/api/v1/people/${other.id}/offers`, { text: 'Sailing lessons' });
    const otherMeeting = await post(`/api/v1/people/${other.id}/interactions`, {
      kind: 'call',
      occurredAt: '2026-02-01',
      summary: 'Long call',
    });
    await post(`/api/v1/people/${keep.id}/interactions`, { kind: 'meeting', occurredAt: '2026-03-01', summary: 'Coffee' });
    // Both know the third person: the stronger tie stays, both notes kept.
    await post(`/api/v1/people/${keep.id}/relationships`, { otherPersonId: third.id, strength: 1, note: 'from keep' });
    await post(`/api/v1/people/${other.id}/relationships`, { otherPersonId: third.id, strength: 3, note: 'from other' });
    // Only the other knows the fourth: re-pointed. The two know each other: dropped.
    const moved = await post(`/api/v1/people/${other.id}/relationships`, { otherPersonId: fourth.id, strength: 2 });
    await post(`/api/v1/people/${keep.id}/relationships`, { otherPersonId: other.id, strength: 2 });
    // Someone introduced by the other is now introduced by the kept person.
    const protege = await createPerson(u, { name: 'Pro Tégé', introducedById: other.id });

    // What other features hold about the other person: an objection to being contacted, a give.
    const db = t.db.handle.db;
    const stamp = new Date().toISOString();
    await db
      .insertInto('person_objections')
      .values({ person_id: other.id, owner_id: u.userId, objected_at: stamp, intro_id: null })
      .execute();
    const giveId = crypto.randomUUID();
    await db
      .insertInto('gives')
      .values({
        id: giveId,
        owner_id: u.userId,
        kind: 'advice',
        given_on: '2026-01-01',
        description: 'tips',
        need_id: null,
        intro_id: null,
        created_at: stamp,
        updated_at: stamp,
      })
      .execute();
    await db.insertInto('give_recipients').values({ give_id: giveId, owner_id: u.userId, person_id: other.id }).execute();
    // A give to both of them keeps one recipient; business the other referred is now the kept one's.
    const bothId = crypto.randomUUID();
    await db
      .insertInto('gives')
      .values({
        id: bothId,
        owner_id: u.userId,
        kind: 'referral',
        given_on: '2026-01-02',
        description: 'to both',
        need_id: null,
        intro_id: null,
        created_at: stamp,
        updated_at: stamp,
      })
      .execute();
    await db
      .insertInto('give_recipients')
      .values([
        { give_id: bothId, owner_id: u.userId, person_id: other.id },
        { give_id: bothId, owner_id: u.userId, person_id: keep.id },
      ])
      .execute();
    const businessId = crypto.randomUUID();
    await db
      .insertInto('received_business')
      .values({
        id: businessId,
        owner_id: u.userId,
        received_on: '2026-01-03',
        description: 'a client',
        referred_by_id: other.id,
        value_cents: null,
        currency: null,
        created_at: stamp,
        updated_at: stamp,
      })
      .execute();

    const res = await u.req({ method: 'POST', url: `/api/v1/people/${keep.id}/merge`, payload: { otherId: other.id } });
    expect(res.statusCode, res.body).toBe(200);
    const merged = res.json<PersonDetail>();
    expect(await db.selectFrom('person_objections').select('person_id').where('owner_id', '=', u.userId).execute()).toEqual([
      { person_id: keep.id },
    ]);
    expect(await db.selectFrom('give_recipients').select('person_id').where('give_id', '=', giveId).execute()).toEqual([
      { person_id: keep.id },
    ]);
    expect(await db.selectFrom('give_recipients').select('person_id').where('give_id', '=', bothId).execute()).toEqual([
      { person_id: keep.id },
    ]);
    expect(
      await db.selectFrom('received_business').select('referred_by_id').where('id', '=', businessId).executeTakeFirst(),
    ).toEqual({ referred_by_id: keep.id });
    expect(merged.id).toBe(keep.id);
    expect(merged).toMatchObject({ name: 'Mario Rossi', company: 'Acme', role: 'CTO', city: 'Torino', howMet: 'LinkedIn' });
    expect(merged.introducedBy).toEqual({ id: introducer.id, name: 'Intro Ducer' });
    expect(merged.emails).toEqual([
      { value: 'mario@acme.it', label: 'work' },
      { value: 'mario.rossi@beta.it', label: null },
    ]);
    expect(merged.phones.map((p) => p.value)).toEqual(['+39 333 111 2222', '+39 011 555 6666']);
    expect(merged.links.map((p) => p.value)).toEqual(['https://www.linkedin.com/in/mario-rossi']);
    expect(merged.tags).toEqual(['clients', 'fair', 'sailing']);
    expect(merged.notes).toBe('Met at the fair\n\nLoves sailing\n\nMerged with Rossi Mario: company Beta Srl.');
    expect(merged.needs.map((n) => [n.text, n.status]).sort()).toEqual([
      ['A new website', 'open'],
      ['An accountant', 'satisfied'],
    ]);
    expect(merged.needs.find((n) => n.text === 'An accountant')?.id).toBe(otherNeed.id);
    expect(merged.offers.map((o) => o.id)).toEqual([otherOffer.id]);
    expect(merged.timeline.map((e) => e.summary)).toEqual(['Coffee', 'Long call']);
    expect(merged.timeline.find((e) => e.summary === 'Long call')?.id).toBe(otherMeeting.id);
    expect(merged.relationships.map((r) => [r.other.name, r.strength, r.note]).sort()).toEqual([
      ['Fourth Person', 2, null],
      ['Third Person', 3, 'from other\n\nfrom keep'],
    ]);
    expect(merged.relationships.find((r) => r.other.id === fourth.id)?.id).toBe(moved.id);
    expect(merged.privacy).toMatchObject({
      legalBasis: 'legitimate_interest',
      legalBasisNote: 'Business contact\n\nAsked for the newsletter',
      source: 'manual',
    });
    expect((await get(u, protege.id)).introducedBy).toEqual({ id: keep.id, name: 'Mario Rossi' });
    expect((await get(u, third.id)).relationships).toHaveLength(1);

    // The other person is gone from every table.
    expect((await u.req({ method: 'GET', url: `/api/v1/people/${other.id}` })).statusCode).toBe(404);
    // Only one change-log entry is left of it (the bare id), which tells the in-memory views to drop it.
    const tables = Object.entries(await snapshot(t)).filter(([, rows]) => rows.some((r) => r.includes(other.id)));
    expect(tables.map(([name, rows]) => [name, rows.filter((r) => r.includes(other.id)).length])).toEqual([
      ['network_changes', 1],
    ]);
    // Search (kept fresh from the change log) finds the kept person by the other's words, once.
    const found = await u.req({ method: 'GET', url: '/api/v1/people?q=sailing' });
    expect(found.json<{ items: Array<{ id: string }> }>().items.map((i) => i.id)).toEqual([keep.id]);
    // And the pair is no longer a duplicate.
    expect(pairOf(await duplicates(u), keep.id, other.id)).toBeUndefined();
  });

  it('is atomic: a failure at any step leaves every table as it was', async () => {
    const u = await signup(t.app);
    const third = await createPerson(u, { name: 'Third' });
    const keep = await createPerson(u, { name: 'Anna Verdi', emails: [{ value: 'anna@example.com' }], tags: ['a'] });
    const other = await createPerson(u, { name: 'Verdi Anna', emails: [{ value: 'anna@verdi.it' }], tags: ['b'], notes: 'x' });
    await u.req({ method: 'POST', url: `/api/v1/people/${other.id}/needs`, payload: { text: 'Some help' } });
    await u.req({ method: 'POST', url: `/api/v1/people/${other.id}/relationships`, payload: { otherPersonId: third.id } });
    const steps = ['channels', 'tags', 'items', 'relationships', 'person', 'done'];
    const before = await snapshot(t);
    for (const failAt of steps) {
      const seen: string[] = [];
      await expect(
        mergePeople(t.deps, u.userId, keep.id, other.id, {
          onStep: (s) => {
            seen.push(s);
            if (s === failAt) throw new Error(`injected at ${s}`);
          },
        }),
      ).rejects.toThrow(`injected at ${failAt}`);
      expect(seen.at(-1)).toBe(failAt);
      expect(await snapshot(t), `failure at ${failAt}`).toEqual(before);
    }
    const done = await mergePeople(t.deps, u.userId, keep.id, other.id);
    expect(done.emails).toHaveLength(2);
    expect(done.needs).toHaveLength(1);
  });

  it("answers 404 when either person is someone else's or unknown, 400 for the same id twice, 409 for merging my profile away", async () => {
    const a = await signup(t.app);
    const b = await signup(t.app);
    const aOne = await createPerson(a, { name: 'Aldo Uno' });
    const aTwo = await createPerson(a, { name: 'Aldo Due' });
    const bOne = await createPerson(b, { name: 'Bruno Uno' });
    const before = await snapshot(t);
    const merge = (c: Client, id: string, otherId: string) =>
      c.req({ method: 'POST', url: `/api/v1/people/${id}/merge`, payload: { otherId } });
    const random = await merge(b, randomId(), randomId());
    for (const res of [
      await merge(b, aOne.id, aTwo.id), // both A's
      await merge(b, bOne.id, aOne.id), // mine into... A's
      await merge(b, aOne.id, bOne.id), // A's into mine
      await merge(a, aOne.id, bOne.id),
      await merge(b, bOne.id, randomId()),
    ]) {
      expectErrorShape(res, 404, 'not_found');
      expect(res.body).toBe(random.body);
    }
    expectErrorShape(await merge(a, aOne.id, aOne.id), 400, 'validation_failed');
    expectErrorShape(await merge(a, aOne.id, a.selfPersonId), 409, 'conflict');
    expect(await snapshot(t)).toEqual(before);
    // My profile may receive someone (say, myself imported from LinkedIn).
    const meToo = await createPerson(a, { name: 'Me From LinkedIn', links: [{ value: 'https://www.linkedin.com/in/me' }] });
    const res = await merge(a, a.selfPersonId, meToo.id);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<PersonDetail>()).toMatchObject({ isSelf: true, links: [{ value: 'https://www.linkedin.com/in/me' }] });
  });

  it('counts every pair, also beyond the ones listed, and says which side to keep and where each came from', async () => {
    const u = await signup(t.app);
    const db = t.db.handle.db;
    for (const [i, name] of ['Anna Verdi', 'Bruno Neri', 'Carla Blu', 'Dario Rosa', 'Elena Viola'].entries()) {
      const full = await createPerson(u, { name, emails: [{ value: `p${i}@example.com` }] });
      const nick = await createPerson(u, { name: name.split(' ')[1], emails: [{ value: `P${i}@Example.com` }] });
      // The nickname was there first: the fuller name is still the one kept.
      await db
        .updateTable('people')
        .set({ created_at: '2020-01-01T00:00:00.000Z', source: 'import:vcard' })
        .where('id', '=', nick.id)
        .execute();
      await db.updateTable('people').set({ source: 'import:linkedin' }).where('id', '=', full.id).execute();
    }
    await createPerson(u, { name: 'Franco Gialli', company: 'Acme' });
    await createPerson(u, { name: 'Gialli Franco', company: 'ACME srl' });
    const two = await findDuplicates(t.deps, u.userId, 2);
    expect(two.pairs).toHaveLength(2);
    expect(two).toMatchObject({ total: 6, strongTotal: 5 });
    const res = await u.req({ method: 'GET', url: '/api/v1/duplicates' });
    const all = res.json<DuplicatesResponse>();
    expect(all).toMatchObject({ total: 6, strongTotal: 5 });
    const anna = all.pairs.find((p) => [p.a.name, p.b.name].includes('Anna Verdi')) as DuplicatePair;
    const kept = anna.keep === 'a' ? anna.a : anna.b;
    const gone = anna.keep === 'a' ? anna.b : anna.a;
    expect([kept.name, kept.source, gone.name, gone.source]).toEqual(['Anna Verdi', 'import:linkedin', 'Verdi', 'import:vcard']);
    expect(gone.createdAt).toBe('2020-01-01T00:00:00.000Z');
  });

  it('merges in bulk only pairs that share an email, phone or profile, each group into one person, all or nothing', async () => {
    const u = await signup(t.app, { locale: 'en' });
    const anna = await createPerson(u, { name: 'Anna Verdi', company: 'Acme', emails: [{ value: 'anna@acme.example' }] });
    const annie = await createPerson(u, {
      name: 'Annie',
      emails: [{ value: 'ANNA@acme.example' }],
      phones: [{ value: '333 123 4567' }],
    });
    const mobile = await createPerson(u, { name: 'Anna V.', phones: [{ value: '+39 333 1234567' }], tags: ['gym'] });
    await u.req({ method: 'POST', url: `/api/v1/people/${mobile.id}/needs`, payload: { text: 'A physio' } });
    const luca = await createPerson(u, { name: 'Luca B.', links: [{ value: 'http://it.linkedin.com/in/luca-bianchi/' }] });
    const lucaFull = await createPerson(u, {
      name: 'Luca Bianchi',
      links: [{ value: 'https://www.linkedin.com/in/luca-bianchi' }],
    });
    const namesake1 = await createPerson(u, { name: 'Marco Rossi', phones: [{ value: '338 000 1111' }] });
    const namesake2 = await createPerson(u, { name: 'Marco Rossi', phones: [{ value: '329 000 2222' }] });
    const bulk = (pairs: Array<{ a: string; b: string }>, dryRun = false) =>
      u.req({ method: 'POST', url: `/api/v1/duplicates/merge${dryRun ? '?dryRun=true' : ''}`, payload: { pairs } });

    // A namesake pair in the list: nothing is merged, not even the good pairs before it.
    const before = await snapshot(t);
    const refused = await bulk([
      { a: anna.id, b: annie.id },
      { a: namesake1.id, b: namesake2.id },
    ]);
    expectErrorShape(refused, 400, 'validation_failed');
    expect(refused.json<{ error: { details: Array<{ path: string }> } }>().error.details[0]?.path).toBe('pairs.1');
    expect(await snapshot(t)).toEqual(before);

    // Annie shares Anna's email and Anna V.'s number (written another way): the three are one,
    // kept under the fuller name. The dry run says so and writes nothing.
    const pairs = [
      { a: annie.id, b: mobile.id },
      { a: anna.id, b: annie.id },
      { a: luca.id, b: lucaFull.id },
    ];
    const plan = await bulk(pairs, true);
    expect(plan.statusCode, plan.body).toBe(200);
    expect(plan.json<MergePairsResult>().groups).toEqual([
      {
        keep: { id: anna.id, name: 'Anna Verdi' },
        merged: [
          { id: mobile.id, name: 'Anna V.' },
          { id: annie.id, name: 'Annie' },
        ],
      },
      { keep: { id: lucaFull.id, name: 'Luca Bianchi' }, merged: [{ id: luca.id, name: 'Luca B.' }] },
    ]);
    expect(await snapshot(t)).toEqual(before);

    const res = await bulk(pairs);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<MergePairsResult>()).toMatchObject({
      merged: 3,
      kept: [anna.id, lucaFull.id],
      mergedAway: [mobile.id, annie.id, luca.id],
    });
    const merged = await get(u, anna.id);
    expect(merged).toMatchObject({ name: 'Anna Verdi', tags: ['gym'], needs: [{ text: 'A physio' }] });
    expect(merged.phones).toHaveLength(2);
    expect((await get(u, lucaFull.id)).links).toHaveLength(2);
    const left = await u.req({ method: 'GET', url: '/api/v1/duplicates' });
    expect(left.json<DuplicatesResponse>()).toMatchObject({ total: 1, strongTotal: 0 }); // the namesakes, listed, never merged
  });

  it("answers 404 for someone else's people in a bulk merge, as for random ids, and changes nothing", async () => {
    const a = await signup(t.app);
    const b = await signup(t.app);
    const one = await createPerson(a, { name: 'Aldo Uno', emails: [{ value: 'aldo@example.com' }] });
    const two = await createPerson(a, { name: 'Uno Aldo', emails: [{ value: 'aldo@example.com' }] });
    const mine = await createPerson(b, { name: 'Aldo Uno', emails: [{ value: 'aldo@example.com' }] });
    const bulk = (c: Client, a: string, b: string) =>
      c.req({ method: 'POST', url: '/api/v1/duplicates/merge', payload: { pairs: [{ a, b }] } });
    const before = await snapshot(t);
    const random = await bulk(b, randomId(), randomId());
    for (const res of [await bulk(b, one.id, two.id), await bulk(b, mine.id, one.id), await bulk(b, one.id, mine.id)]) {
      expectErrorShape(res, 404, 'not_found');
      expect(res.body).toBe(random.body);
    }
    expect(await snapshot(t)).toEqual(before);
    const own = await bulk(a, one.id, two.id);
    expect(own.statusCode, own.body).toBe(200);
  });
});

// In a suite of its own: the one above signs up as many accounts as the sign-up's rate limit allows.
describe.each(dialects())('merging birthdays on %s', (dialect) => {
  const t = appPerSuite(dialect);

  it("keeps the kept person's birthday, noting the other's in words, or takes the other's when it has none", async () => {
    const merge = async (c: Client, keepId: string, otherId: string) => {
      const res = await c.req({ method: 'POST', url: `/api/v1/people/${keepId}/merge`, payload: { otherId } });
      expect(res.statusCode, res.body).toBe(200);
      return res.json<PersonDetail>();
    };
    const u = await signup(t.app, { locale: 'it' });
    const get = async (id: string) => (await u.req({ method: 'GET', url: `/api/v1/people/${id}` })).json<PersonDetail>();
    const a = await createPerson(u, { name: 'Lucia Bassi', birthday: '--02-29' });
    const b = await createPerson(u, { name: 'Lucia Bassi', birthday: '1984-03-01' });
    const kept = await merge(u, a.id, b.id);
    expect(kept.birthday).toBe('--02-29');
    expect(kept.notes).toBe('Unione con Lucia Bassi: compleanno 1 marzo 1984.');
    // Without one, the kept person takes the other's: nothing to note.
    const c = await createPerson(u, { name: 'Piero Sala' });
    const d = await createPerson(u, { name: 'Piero Sala', birthday: '1984-02-29' });
    expect((await merge(u, c.id, d.id)).birthday).toBe('1984-02-29');
    expect((await get(c.id)).notes).toBeNull();
    // In English once the account is.
    const lang = await u.req({ method: 'PATCH', url: '/api/v1/auth/me', payload: { locale: 'en' } });
    expect(lang.statusCode, lang.body).toBe(200);
    const e = await createPerson(u, { name: 'Ann Lee', birthday: '1990-12-25' });
    const f = await createPerson(u, { name: 'Ann Lee', birthday: '--02-29' });
    expect(await merge(u, e.id, f.id)).toMatchObject({
      birthday: '1990-12-25',
      notes: 'Merged with Ann Lee: birthday 29 February.',
    });
  });
});
