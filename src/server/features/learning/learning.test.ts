/**
 * Learning from the user (issue 11, item 5): verdicts on suggestions and taught words change the
 * next answer, stay in the account, travel with its JSON export and come back with an import.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Feedback, TaughtWord } from '#shared/api/learning.ts';
import type { Helper, MatchResults, Seeker, ValueFinder } from '#shared/api/matching.ts';
import { appPerSuite, createPerson, signup, userPerSuite, type Client } from '#test/helpers/app.ts';
import { dialects } from '#test/helpers/test-db.ts';
import { expectErrorShape, snapshot } from '#test/helpers/world.ts';

const raw = { 'content-type': 'application/octet-stream' };
// The same offer twice: the two accountants tie, so that a verdict is what tells them apart.
const BOOKS = 'Contabilità e dichiarazioni dei redditi per piccole imprese';

describe.each(dialects())('learning from the user on %s', (dialect) => {
  const t = appPerSuite(dialect);
  const me = userPerSuite(t);
  const other = userPerSuite(t);
  /** The account the export was imported into. */
  let restored: Client;
  let ids: Record<string, string>;

  const post = async (c: Client, url: string, payload: Record<string, unknown>, status = 201) => {
    const r = await c.req({ method: 'POST', url, payload });
    expect(r.statusCode, r.body).toBe(status);
    return r.json<{ id: string } & Record<string, unknown>>();
  };
  const vf = async (c: Client, personId: string) => {
    const r = await c.req({ method: 'GET', url: `/api/v1/people/${personId}/value-finder` });
    expect(r.statusCode, r.body).toBe(200);
    return r.json<ValueFinder>();
  };
  const match = async (c: Client, q: string) => {
    const r = await c.req({ method: 'GET', url: `/api/v1/match?q=${encodeURIComponent(q)}` });
    expect(r.statusCode, r.body).toBe(200);
    return r.json<MatchResults>();
  };
  const names = (hs: Array<Helper | Seeker>) => hs.map((h) => h.person.name);
  const shownNames = (m: MatchResults) => m.items.slice(0, m.shown).map((h) => h.person.name);
  const feedback = (c: Client, body: Record<string, unknown>, status = 200) => post(c, '/api/v1/feedback', body, status);

  beforeAll(async () => {
    const person = async (name: string, role: string) => (await createPerson(me, { name, role, city: 'Milano' })).id;
    ids = {
      chiara: await person('Chiara Rinaldi', 'Titolare, carpenteria metallica'),
      tom: await person('Tom Hughes', 'Founder'),
      giulia: await person('Giulia Galli', 'Commercialista'),
      marco: await person('Marco Neri', 'Commercialista'),
      dev: await person('Dario Esposito', 'Sviluppatore'),
      pina: await person('Pina Russo', 'Commercialista'),
    };
    for (const p of ['giulia', 'marco']) await post(me, `/api/v1/people/${ids[p]}/offers`, { text: BOOKS });
    await post(me, `/api/v1/people/${ids.dev}/offers`, { text: 'Sviluppo di applicazioni web su misura' });
    ids.chiaraNeed = (
      await post(me, `/api/v1/people/${ids.chiara}/needs`, { text: 'Cerco un commercialista per la contabilità' })
    ).id;
    ids.tomNeed = (await post(me, `/api/v1/people/${ids.tom}/needs`, { text: 'I need an accountant for my bookkeeping' })).id;
    ids.tomOffer = (await post(me, `/api/v1/people/${ids.tom}/offers`, { text: 'Tenuta della contabilità per artigiani' })).id;
  });

  it('a pair marked not relevant never comes back, and the next helper takes its place', async () => {
    const before = (await vf(me, ids.chiara as string)).needs[0]?.network ?? [];
    expect(names(before)).toEqual(expect.arrayContaining(['Giulia Galli', 'Marco Neri']));
    expect(before.every((h) => h.feedback === null)).toBe(true);

    const f = await feedback(me, { itemKind: 'need', itemId: ids.chiaraNeed, personId: ids.giulia, verdict: 'not_relevant' });
    expect(f).toMatchObject({
      itemKind: 'need',
      itemId: ids.chiaraNeed,
      itemText: 'Cerco un commercialista per la contabilità',
      person: { id: ids.giulia, name: 'Giulia Galli' },
      verdict: 'not_relevant',
    });
    const after = names((await vf(me, ids.chiara as string)).needs[0]?.network ?? []);
    expect(after).not.toContain('Giulia Galli');
    expect(after).toContain('Marco Neri');

    // A new offer of hers that answers the need even better: still not suggested for this need.
    const better = await post(me, `/api/v1/people/${ids.giulia}/offers`, {
      text: 'Commercialista: contabilità ordinaria e semplificata',
    });
    expect(names((await vf(me, ids.chiara as string)).needs[0]?.network ?? [])).not.toContain('Giulia Galli');
    await me.req({ method: 'DELETE', url: `/api/v1/offers/${better.id}` });
    // Taking the verdict back brings her back.
    const del = await me.req({ method: 'DELETE', url: `/api/v1/feedback/${f.id}` });
    expect(del.statusCode).toBe(200);
    expect(names((await vf(me, ids.chiara as string)).needs[0]?.network ?? [])).toContain('Giulia Galli');
    await feedback(me, { itemKind: 'need', itemId: ids.chiaraNeed, personId: ids.giulia, verdict: 'not_relevant' });
  });

  it('a verdict shifts the ranking of a similar ask, in both directions', async () => {
    // Tom's need is Chiara's in other words (the same concepts): Giulia and Marco tie there, but
    // Giulia was marked not relevant for Chiara's need, so for Tom's she comes after Marco.
    const start = names((await vf(me, ids.tom as string)).needs[0]?.network ?? []);
    expect(start.slice(0, 2).sort()).toEqual(['Giulia Galli', 'Marco Neri']);
    expect(start.indexOf('Marco Neri')).toBeLessThan(start.indexOf('Giulia Galli'));
    const typedBefore = shownNames(await match(me, 'commercialista per la contabilità'));
    expect(typedBefore.indexOf('Marco Neri')).toBeLessThan(typedBefore.indexOf('Giulia Galli'));

    // Without the verdict they tie again, in the engine's order.
    const list = (await me.req({ method: 'GET', url: '/api/v1/feedback' })).json<{ items: Feedback[] }>().items;
    const dismissal = list.find((f) => f.verdict === 'not_relevant' && f.person.id === ids.giulia);
    await me.req({ method: 'DELETE', url: `/api/v1/feedback/${dismissal?.id ?? ''}` });
    const tie = (await vf(me, ids.tom as string)).needs[0]?.network ?? [];
    const second = tie[1] as Helper;
    expect(tie[0]?.score).toBe(second.score);

    // The second one marked a good match for a typed ask of the same kind: first for Tom's need.
    ids.good = second.person.id;
    await feedback(me, {
      itemKind: 'ask',
      ask: 'Commercialista per la  contabilità',
      personId: second.person.id,
      verdict: 'good',
    });
    const after = (await vf(me, ids.tom as string)).needs[0]?.network ?? [];
    expect(after[0]?.person.name).toBe(second.person.name);
    expect(after[0]?.score).toBeGreaterThan(after[1]?.score ?? 0);
    // The verdict is on the typed ask, not on Tom's need; the typed ask (case and spacing aside) says so.
    expect(after[0]?.feedback).toBeNull();
    const typed = await match(me, 'commercialista per la contabilità');
    expect(typed.items[0]?.person.name).toBe(second.person.name);
    expect(typed.items[0]?.feedback).toBe('good');

    // Marking a pair again replaces its verdict; a good match on Tom's very need says so there.
    await feedback(me, { itemKind: 'need', itemId: ids.tomNeed, personId: ids.marco, verdict: 'not_relevant' });
    expect(names((await vf(me, ids.tom as string)).needs[0]?.network ?? [])).not.toContain('Marco Neri');
    await feedback(me, { itemKind: 'need', itemId: ids.tomNeed, personId: ids.marco, verdict: 'good' });
    const marco = ((await vf(me, ids.tom as string)).needs[0]?.network ?? []).find((h) => h.person.name === 'Marco Neri');
    expect(marco?.feedback).toBe('good');

    // Put back as it was for the tests that follow.
    await feedback(me, { itemKind: 'need', itemId: ids.chiaraNeed, personId: ids.giulia, verdict: 'not_relevant' });
  });

  it('a verdict on who needs an offer works the same way', async () => {
    const seekers = (await vf(me, ids.tom as string)).offers[0]?.seekers ?? [];
    expect(names(seekers)).toContain('Chiara Rinaldi');
    await feedback(me, { itemKind: 'offer', itemId: ids.tomOffer, personId: ids.chiara, verdict: 'not_relevant' });
    expect(names((await vf(me, ids.tom as string)).offers[0]?.seekers ?? [])).not.toContain('Chiara Rinaldi');
  });

  it('a taught phrase makes an ask that found nobody find the right helper', async () => {
    expect((await match(me, 'cerco la zia Pina')).shown).toBe(0);
    const word = await post(me, '/api/v1/taught-words', { phrase: 'la Zia Pina', concepts: ['tax.advisor'] });
    expect(word).toMatchObject({
      phrase: 'la Zia Pina',
      words: '',
      concepts: [{ id: 'tax.advisor', labelIt: expect.any(String), labelEn: expect.any(String) }],
    });
    const found = await match(me, 'cerco la zia pina');
    expect(found.shown).toBeGreaterThan(0);
    expect(shownNames(found)).toEqual(expect.arrayContaining(['Pina Russo', 'Marco Neri']));
    // The reason names the user's words, not what they stand for.
    expect(found.items[0]?.reasons.some((r) => r.needText === 'la zia pina')).toBe(true);

    // Free words work too, and the answer says what Rete understands of them.
    expect((await match(me, 'mi servono i ragazzi di Fabbrica')).shown).toBe(0);
    const free = await post(me, '/api/v1/taught-words', { phrase: 'i ragazzi di Fabbrica', words: 'sviluppo software' });
    expect((free as unknown as TaughtWord).understood.map((c) => c.id)).toContain('web.developer');
    expect(shownNames(await match(me, 'mi servono i ragazzi di fabbrica'))).toEqual(['Dario Esposito']);

    // In the Value Finder too: a need written in the user's words.
    const need = await post(me, `/api/v1/people/${ids.tom}/needs`, {
      text: 'Ci servono i ragazzi di Fabbrica per il gestionale',
    });
    const entry = (await vf(me, ids.tom as string)).needs.find((n) => n.need.id === need.id);
    expect(names(entry?.network ?? [])).toContain('Dario Esposito');
    await me.req({ method: 'DELETE', url: `/api/v1/needs/${need.id}` });

    // Teaching the same phrase again is a conflict; changing it is a PATCH; forgetting it, a DELETE.
    const again = await me.req({
      method: 'POST',
      url: '/api/v1/taught-words',
      payload: { phrase: 'LA ZIA PINA', words: 'notaio' },
    });
    expectErrorShape(again, 409, 'conflict');
    const patched = await me.req({ method: 'PATCH', url: `/api/v1/taught-words/${free.id}`, payload: { words: 'avvocato' } });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(shownNames(await match(me, 'mi servono i ragazzi di fabbrica'))).not.toContain('Dario Esposito');
    await me.req({ method: 'PATCH', url: `/api/v1/taught-words/${free.id}`, payload: { words: 'sviluppo software' } });
  });

  it('refuses bad input, hides other accounts, and asks for a session', async () => {
    expectErrorShape(
      await me.req({
        method: 'POST',
        url: '/api/v1/feedback',
        payload: { itemKind: 'need', personId: ids.giulia, verdict: 'good' },
      }),
      400,
    );
    expectErrorShape(
      await me.req({
        method: 'POST',
        url: '/api/v1/feedback',
        payload: { itemKind: 'ask', ask: 'x y', itemId: ids.chiaraNeed, personId: ids.giulia, verdict: 'good' },
      }),
      400,
    );
    expectErrorShape(await me.req({ method: 'POST', url: '/api/v1/taught-words', payload: { phrase: 'solo parole' } }), 400);
    expectErrorShape(
      await me.req({ method: 'POST', url: '/api/v1/taught-words', payload: { phrase: 'parole', concepts: ['no.such'] } }),
      400,
    );
    expectErrorShape(await t.app.inject({ method: 'GET', url: '/api/v1/feedback' }), 401);
    expectErrorShape(await t.app.inject({ method: 'GET', url: '/api/v1/taught-words' }), 401);

    // Another account naming my need and my contact: not found, exactly as for random ids.
    const before = await snapshot(t);
    const mine = await other.req({
      method: 'POST',
      url: '/api/v1/feedback',
      payload: { itemKind: 'need', itemId: ids.chiaraNeed, personId: ids.marco, verdict: 'not_relevant' },
    });
    const random = await other.req({
      method: 'POST',
      url: '/api/v1/feedback',
      payload: { itemKind: 'need', itemId: crypto.randomUUID(), personId: crypto.randomUUID(), verdict: 'not_relevant' },
    });
    expectErrorShape(mine, 404, 'not_found');
    expect(mine.body).toBe(random.body);
    const theirPerson = await createPerson(other, { name: 'Someone Else' });
    const mixed = await other.req({
      method: 'POST',
      url: '/api/v1/feedback',
      payload: { itemKind: 'ask', ask: 'commercialista', personId: ids.marco, verdict: 'good' },
    });
    expectErrorShape(mixed, 404, 'not_found');
    expect((await other.req({ method: 'GET', url: '/api/v1/feedback' })).json()).toEqual({ items: [] });
    expect((await other.req({ method: 'GET', url: '/api/v1/taught-words' })).json()).toEqual({ items: [] });
    // My words are mine: the other account's ask is not read with them.
    await post(other, `/api/v1/people/${theirPerson.id}/offers`, { text: BOOKS });
    expect((await match(other, 'cerco la zia Pina')).shown).toBe(0);
    await other.req({ method: 'DELETE', url: `/api/v1/people/${theirPerson.id}` });
    const after = await snapshot(t);
    expect(after.match_feedback).toEqual(before.match_feedback);
    expect(after.taught_words).toEqual(before.taught_words);

    const concepts = await me.req({ method: 'GET', url: '/api/v1/concepts' });
    expect(concepts.json<{ items: Array<{ id: string }> }>().items.map((c) => c.id)).toContain('tax.advisor');
  });

  it('exports verdicts and taught words, and an import into another account restores them', async () => {
    const doc = (await me.req({ method: 'GET', url: '/api/v1/export?format=json' })).json<{
      feedback: Array<{ itemKind: string; personId: string; verdict: string; concepts: string[] }>;
      taughtWords: Array<{ phrase: string; words: string; concepts: string[] }>;
    }>();
    expect(doc.feedback).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ itemKind: 'need', itemId: ids.chiaraNeed, personId: ids.giulia, verdict: 'not_relevant' }),
        expect.objectContaining({
          itemKind: 'ask',
          ask: 'Commercialista per la  contabilità',
          personId: ids.good,
          verdict: 'good',
        }),
      ]),
    );
    expect(doc.feedback.find((f) => f.itemKind === 'need' && f.personId === ids.giulia)?.concepts).toContain('tax.advisor');
    expect(doc.taughtWords).toEqual([
      expect.objectContaining({ phrase: 'i ragazzi di Fabbrica', words: 'sviluppo software', concepts: [] }),
      expect.objectContaining({ phrase: 'la Zia Pina', words: '', concepts: ['tax.advisor'] }),
    ]);

    const mine = (await me.req({ method: 'GET', url: '/api/v1/feedback' })).json<{ items: Feedback[] }>().items;
    const comparable = (items: Feedback[]) =>
      items.map((f) => `${f.itemKind}|${f.itemText ?? ''}|${f.person.name}|${f.verdict}|${f.createdAt}`).sort();

    const fresh = await signup(t.app);
    restored = fresh;
    const imported = await fresh.req({
      method: 'POST',
      url: '/api/v1/imports',
      headers: raw,
      payload: Buffer.from(JSON.stringify(doc)),
    });
    expect(imported.statusCode, imported.body).toBe(201);
    const theirs = (await fresh.req({ method: 'GET', url: '/api/v1/feedback' })).json<{ items: Feedback[] }>().items;
    expect(comparable(theirs)).toEqual(comparable(mine));
    const words = (await fresh.req({ method: 'GET', url: '/api/v1/taught-words' })).json<{ items: TaughtWord[] }>().items;
    expect(words.map((w) => [w.phrase, w.words, w.concepts.map((c) => c.id)])).toEqual([
      ['i ragazzi di Fabbrica', 'sviluppo software', []],
      ['la Zia Pina', '', ['tax.advisor']],
    ]);

    // And they work there: the dismissed pair stays away, the taught phrase finds the helper.
    const people = (await fresh.req({ method: 'GET', url: '/api/v1/people?q=Chiara' })).json<{ items: Array<{ id: string }> }>();
    const chiara = people.items[0]?.id ?? '';
    const net = names((await vf(fresh, chiara)).needs[0]?.network ?? []);
    expect(net).toContain('Marco Neri');
    expect(net).not.toContain('Giulia Galli');
    expect(shownNames(await match(fresh, 'cerco la zia Pina'))).toContain('Pina Russo');

    // Importing the same file again adds nothing.
    await fresh.req({ method: 'POST', url: '/api/v1/imports', headers: raw, payload: Buffer.from(JSON.stringify(doc)) });
    expect((await fresh.req({ method: 'GET', url: '/api/v1/feedback' })).json<{ items: Feedback[] }>().items).toHaveLength(
      theirs.length,
    );
    expect((await fresh.req({ method: 'GET', url: '/api/v1/taught-words' })).json<{ items: TaughtWord[] }>().items).toHaveLength(
      2,
    );

    // Entries that do not fit are left out and said so.
    const broken = {
      ...doc,
      feedback: [...doc.feedback, { itemKind: 'need', personId: 'nope', verdict: 'meh' }],
      taughtWords: [{ phrase: '' }],
    };
    const preview = await fresh.req({
      method: 'POST',
      url: '/api/v1/imports/preview',
      headers: raw,
      payload: Buffer.from(JSON.stringify(broken)),
    });
    expect(preview.json<{ problems: Array<{ code: string; params: Record<string, unknown> }> }>().problems).toContainEqual(
      expect.objectContaining({ code: 'json_learning_dropped', params: { count: 2 } }),
    );
  });

  it('a merge keeps the verdicts on the one merged away; erasing a person or an account erases them', async () => {
    const twin = (await createPerson(me, { name: 'Marco Neri', role: 'Commercialista' })).id;
    const f = await feedback(me, { itemKind: 'need', itemId: ids.tomNeed, personId: twin, verdict: 'not_relevant' });
    const merged = await me.req({ method: 'POST', url: `/api/v1/people/${ids.marco}/merge`, payload: { otherId: twin } });
    expect(merged.statusCode, merged.body).toBe(200);
    const list = (await me.req({ method: 'GET', url: '/api/v1/feedback' })).json<{ items: Feedback[] }>().items;
    // Marco already had a verdict (good) on Tom's need: his own stays, the twin's goes.
    expect(list.filter((x) => x.itemId === ids.tomNeed && x.person.id === ids.marco).map((x) => x.verdict)).toEqual(['good']);
    expect(list.some((x) => x.id === f.id)).toBe(false);

    const erase = await me.req({ method: 'DELETE', url: `/api/v1/people/${ids.giulia}` });
    expect(erase.statusCode, erase.body).toBeLessThan(300);
    const left = (await me.req({ method: 'GET', url: '/api/v1/feedback' })).json<{ items: Feedback[] }>().items;
    expect(left.some((x) => x.person.id === ids.giulia)).toBe(false);

    // The account the export went into has verdicts and words of its own: deleting it deletes them.
    const has = (rows: string[] | undefined) => (rows ?? []).some((r) => r.includes(restored.userId));
    const before = await snapshot(t);
    expect(has(before.match_feedback) && has(before.taught_words)).toBe(true);
    const gone = await restored.req({ method: 'DELETE', url: '/api/v1/me', payload: { password: restored.password } });
    expect(gone.statusCode, gone.body).toBeLessThan(300);
    const after = await snapshot(t);
    expect(has(after.match_feedback)).toBe(false);
    expect(has(after.taught_words)).toBe(false);
  });
});
